import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { inspect } from "node:util";
import { createGitHubClient, type GitHubClient } from "../../src/adapters/github-client.ts";
import {
  CommentBodyTooLongError,
  listIssueComments,
  MAX_COMMENT_BODY,
  upsertStickyComment,
  viewerLogin,
} from "../../src/adapters/github-comments.ts";
import { fetchFileAtRef, getPullRequest } from "../../src/adapters/github-pulls.ts";
import { BOT_LOGIN, type GitHubApi, startGitHubApi } from "../support/github-api.ts";

// Test secrets: recognisable, so a leak anywhere is easy to spot.
const WRITE_TOKEN = "ghs_writeTOKENwriteTOKEN0000000000000001";
const READ_TOKEN = "ghs_readTOKENreadTOKEN000000000000000002";
const UNKNOWN_TOKEN = "ghs_unknownTOKEN000000000000000000000003";
/** A GitHub App's installation token: another integration, with its own bot account. */
const APP_TOKEN = "ghs_appTOKENappTOKEN00000000000000000004";
/** A person's token (a collaborator with write access). */
const PERSONAL_TOKEN = "ghp_personalTOKEN00000000000000000000005";
const ALL_TOKENS = [WRITE_TOKEN, READ_TOKEN, UNKNOWN_TOKEN, APP_TOKEN, PERSONAL_TOKEN];
const APP_LOGIN = "migrate-guard[bot]";

const OWNER = "acme";
const REPO = "workers";
const MARKER = "<!-- do-migrate-action:sticky:check -->";

let api: GitHubApi;
let issue = 0;
const logs: string[] = [];

function client(
  token = WRITE_TOKEN,
  extra: Partial<Parameters<typeof createGitHubClient>[0]> = {},
): GitHubClient {
  return createGitHubClient({
    token,
    apiUrl: api.url,
    retryBaseDelayMs: 5,
    paceWrites: false,
    log: { debug: (m) => logs.push(`debug: ${m}`), warning: (m) => logs.push(`warning: ${m}`) },
    ...extra,
  });
}

/** A comment with the marker on this test's pull request, by `login`. */
function seedMarked(login: string, text = "old") {
  return api.seedComment({ owner: OWNER, repo: REPO, issueNumber: issue, body: `${MARKER}\n${text}`, login });
}

function target(body: string) {
  return { owner: OWNER, repo: REPO, issueNumber: issue, marker: MARKER, body };
}

before(async () => {
  api = await startGitHubApi({
    tokens: [
      { token: WRITE_TOKEN, label: "write-token", permission: "write" },
      { token: READ_TOKEN, label: "read-token", permission: "read" },
      { token: APP_TOKEN, label: "app-token", permission: "write", login: APP_LOGIN },
      { token: PERSONAL_TOKEN, label: "personal-token", permission: "write", login: "octo-admin" },
    ],
  });
});

after(async () => {
  // Whatever happened, no token may have reached the records or the logs.
  const recorded = JSON.stringify(api.requests);
  const logged = logs.join("\n");
  for (const token of ALL_TOKENS) {
    assert.ok(!recorded.includes(token), "a token was recorded");
    assert.ok(!logged.includes(token), "a token was logged");
  }
  await api.close();
});

beforeEach(() => {
  issue++; // a fresh pull request per test
  api.clearRequests();
  api.clearFaults();
});

describe("upsertStickyComment", () => {
  test("creates, then leaves an identical body alone, then updates a changed body", async () => {
    const gh = client();
    const first = await upsertStickyComment(gh, target("report v1"));
    assert.equal(first.action, "created");
    const stored = api.comments(OWNER, REPO, issue);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.body, `${MARKER}\nreport v1`);
    assert.equal(stored[0]!.user?.login, BOT_LOGIN);
    assert.equal(stored[0]!.user?.type, "Bot");
    assert.equal(first.commentId, stored[0]!.id);
    assert.ok(api.requests.every((r) => r.auth === "write-token"));
    assert.ok(api.requests.every((r) => r.userAgent?.startsWith("do-migrate-action")));

    api.clearRequests();
    const second = await upsertStickyComment(gh, target("report v1"));
    assert.deepEqual(
      { action: second.action, commentId: second.commentId },
      { action: "unchanged", commentId: first.commentId },
    );
    assert.equal(api.writes().length, 0);

    api.clearRequests();
    const third = await upsertStickyComment(gh, target("report v2"));
    assert.equal(third.action, "updated");
    assert.equal(third.commentId, first.commentId);
    assert.deepEqual(
      api.writes().map((r) => [r.method, r.route]),
      [["PATCH", "update-comment"]],
    );
    assert.deepEqual(
      api.comments(OWNER, REPO, issue).map((c) => c.body),
      [`${MARKER}\nreport v2`],
    );
  });

  test("a body that already starts with the marker is stored as is", async () => {
    const result = await upsertStickyComment(client(), target(`${MARKER}\n## Report`));
    assert.equal(result.action, "created");
    assert.equal(api.comments(OWNER, REPO, issue)[0]!.body, `${MARKER}\n## Report`);
  });

  test("reads every page: finds its comment on page 3 and does not duplicate it", async () => {
    for (let i = 0; i < 210; i++) {
      api.seedComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: issue,
        body: `chatter ${i}`,
        login: `user${i % 7}`,
      });
    }
    const ours = api.seedComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: issue,
      body: `${MARKER}\nold report`,
      login: BOT_LOGIN,
    });
    for (let i = 0; i < 20; i++) {
      api.seedComment({ owner: OWNER, repo: REPO, issueNumber: issue, body: `more ${i}`, login: "someone" });
    }

    const result = await upsertStickyComment(client(), target("new report"));
    assert.equal(result.action, "updated");
    assert.equal(result.commentId, ours.id);

    const lists = api.requests.filter((r) => r.route === "list-comments");
    assert.equal(lists.length, 3);
    assert.equal(lists[0]!.query.per_page, "100");
    // Pages 2 and 3 come from the Link header (GitHub's /repositories/{id}/... form).
    assert.deepEqual(
      lists.map((r) => r.query.page ?? "1"),
      ["1", "2", "3"],
    );
    assert.match(lists[2]!.path, /^\/repositories\/\d+\/issues\/\d+\/comments$/);
    assert.equal(api.requests.filter((r) => r.route === "create-comment").length, 0);
    assert.equal(api.comments(OWNER, REPO, issue).length, 231);

    api.clearRequests();
    const again = await upsertStickyComment(client(), target("new report"));
    assert.equal(again.action, "unchanged");
    assert.equal(api.writes().length, 0);
  });

  test("ignores a comment carrying the marker that another user wrote", async () => {
    const forged = api.seedComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: issue,
      body: `${MARKER}\nEverything is fine, merge away.`,
      login: "mallory",
    });
    // A deleted account's comment with the marker, and the bot's name without [bot] (a human).
    api.seedComment({ owner: OWNER, repo: REPO, issueNumber: issue, body: `${MARKER}\nghost`, login: null });
    api.seedComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: issue,
      body: `${MARKER}\nalso fine`,
      login: "github-actions",
    });
    const result = await upsertStickyComment(client(), target("real report"));
    assert.equal(result.action, "created");
    assert.notEqual(result.commentId, forged.id);
    assert.ok(!api.requests.some((r) => r.method === "PATCH"));
    const stored = api.comments(OWNER, REPO, issue);
    assert.equal(stored.find((c) => c.id === forged.id)!.body, `${MARKER}\nEverything is fine, merge away.`);
    assert.equal(stored.length, 4);
  });

  test("a different scope's marker is a different comment", async () => {
    const gh = client();
    await upsertStickyComment(gh, target("check report"));
    const other = await upsertStickyComment(gh, {
      ...target("deploy report"),
      marker: "<!-- do-migrate-action:sticky:check-deploy -->",
    });
    assert.equal(other.action, "created");
    assert.equal(api.comments(OWNER, REPO, issue).length, 2);
  });

  test("authorLogins: a comment by a named author is updated when the token may edit it", async () => {
    const byApp = seedMarked("Migrate-Guard[bot]");
    // A person's token with write access may edit another account's comment.
    const result = await upsertStickyComment(client(PERSONAL_TOKEN), {
      ...target("new"),
      selfLogin: "octo-admin",
      authorLogins: ["migrate-guard[bot]"],
    });
    assert.equal(result.action, "updated");
    assert.equal(result.commentId, byApp.id);
    assert.equal(api.comments(OWNER, REPO, issue).length, 1);
  });

  test("the token's own comment is preferred to another named author's", async () => {
    const old = seedMarked(BOT_LOGIN);
    const mine = seedMarked(APP_LOGIN, "mine");
    const result = await upsertStickyComment(client(APP_TOKEN), { ...target("new"), selfLogin: APP_LOGIN });
    assert.equal(result.action, "updated");
    assert.equal(result.commentId, mine.id);
    assert.equal(api.comments(OWNER, REPO, issue).find((c) => c.id === old.id)!.body, `${MARKER}\nold`);
  });

  test("switching tokens: an integration cannot edit the old comment, so it writes its own once, then updates it", async () => {
    const old = seedMarked(BOT_LOGIN);
    const request = { ...target("report 1"), selfLogin: APP_LOGIN };
    const first = await upsertStickyComment(client(APP_TOKEN), request);
    assert.equal(first.action, "created");
    assert.match(
      first.message ?? "",
      new RegExp(`comment ${old.id} by github-actions\\[bot\\] cannot be edited with this token`),
    );
    assert.deepEqual(
      api.writes().map((r) => `${r.method} ${r.route} ${r.status}`),
      ["PATCH update-comment 403", "POST create-comment 201"],
    );
    api.clearRequests();
    const second = await upsertStickyComment(client(APP_TOKEN), { ...request, body: "report 2" });
    assert.equal(second.action, "updated");
    assert.equal(second.commentId, first.commentId);
    assert.deepEqual(
      api.writes().map((r) => `${r.method} ${r.route} ${r.status}`),
      ["PATCH update-comment 200"],
    );
    assert.equal(api.comments(OWNER, REPO, issue).length, 2, "one new comment, never one per run");
  });

  test("an integration whose account is unknown does not create a comment it could not find again", async () => {
    seedMarked(BOT_LOGIN);
    const result = await upsertStickyComment(client(APP_TOKEN), target("new"));
    assert.equal(result.action, "forbidden");
    assert.match(result.message ?? "", /could not be determined/);
    assert.equal(api.comments(OWNER, REPO, issue).length, 1);
  });

  test("a read-only token (fork pull request) gives `forbidden`, not an exception", async () => {
    const result = await upsertStickyComment(client(READ_TOKEN), target("report"));
    assert.equal(result.action, "forbidden");
    assert.match(result.message ?? "", /403: Resource not accessible by integration/);
    assert.equal(api.comments(OWNER, REPO, issue).length, 0);
    // One refused write, not retried.
    assert.deepEqual(
      api.requests.map((r) => [r.method, r.status, r.auth]),
      [
        ["GET", 200, "read-token"],
        ["POST", 403, "read-token"],
      ],
    );
  });

  test("a read-only token cannot update either", async () => {
    const ours = seedMarked(BOT_LOGIN);
    const result = await upsertStickyComment(client(READ_TOKEN), target("new"));
    assert.equal(result.action, "forbidden");
    assert.equal(result.commentId, ours.id);
  });

  test("retries 5xx answers, then succeeds", async () => {
    api.injectFault({ route: "list-comments", fault: { kind: "status", status: 500 } });
    api.injectFault({
      route: "create-comment",
      fault: { kind: "status", status: 502, message: "Bad Gateway" },
      times: 2,
    });
    const result = await upsertStickyComment(client(), target("report"));
    assert.equal(result.action, "created");
    assert.deepEqual(
      api.requests.map((r) => [r.method, r.status]),
      [
        ["GET", 500],
        ["GET", 200],
        ["POST", 502],
        ["POST", 502],
        ["POST", 201],
      ],
    );
    assert.equal(api.comments(OWNER, REPO, issue).length, 1);
    assert.equal(api.pendingFaults(), 0);
  });

  test("gives up after the configured number of retries", async () => {
    api.injectFault({ route: "list-comments", fault: { kind: "status", status: 503 }, times: 10 });
    await assert.rejects(
      upsertStickyComment(client(WRITE_TOKEN, { retries: 2 }), target("report")),
      (error) => {
        assert.equal((error as { status?: number }).status, 503);
        return true;
      },
    );
    assert.equal(api.requests.length, 3);
  });

  test("a connection dropped mid-pagination is retried; nothing is duplicated", async () => {
    for (let i = 0; i < 150; i++) {
      api.seedComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: issue,
        body: `chatter ${i}`,
        login: "someone",
      });
    }
    const ours = seedMarked(BOT_LOGIN);
    api.injectFault({ route: "list-comments", page: 2, fault: { kind: "destroy-socket", when: "mid-body" } });
    api.injectFault({
      route: "list-comments",
      page: 2,
      fault: { kind: "destroy-socket", when: "before-response" },
    });
    const result = await upsertStickyComment(client(), target("new"));
    assert.equal(result.action, "updated");
    assert.equal(result.commentId, ours.id);
    assert.equal(api.requests.filter((r) => r.route === "list-comments").length, 4);
    assert.equal(api.comments(OWNER, REPO, issue).length, 151);
    assert.equal(api.pendingFaults(), 0);
  });

  test("waits out a secondary rate limit (retry-after), then succeeds", async () => {
    api.injectFault({
      route: "create-comment",
      fault: { kind: "secondary-rate-limit", retryAfterSeconds: 1 },
    });
    const started = Date.now();
    const result = await upsertStickyComment(client(), target("report"));
    assert.equal(result.action, "created");
    assert.ok(Date.now() - started >= 900, "retry-after was not honoured");
    assert.deepEqual(
      api.requests.map((r) => [r.method, r.status]),
      [
        ["GET", 200],
        ["POST", 403],
        ["POST", 201],
      ],
    );
    assert.ok(logs.some((l) => /secondary rate limit/.test(l)));
  });

  test("waits for x-ratelimit-reset on a primary rate limit, then succeeds", async () => {
    api.injectFault({ route: "list-comments", fault: { kind: "primary-rate-limit", resetInSeconds: 1 } });
    const result = await upsertStickyComment(client(), target("report"));
    assert.equal(result.action, "created");
    assert.deepEqual(
      api.requests.map((r) => [r.method, r.status]),
      [
        ["GET", 403],
        ["GET", 200],
        ["POST", 201],
      ],
    );
  });

  test("rate-limit retries are bounded", async () => {
    api.injectFault({
      route: "create-comment",
      fault: { kind: "secondary-rate-limit", retryAfterSeconds: 1 },
      times: 5,
    });
    await assert.rejects(
      upsertStickyComment(client(WRITE_TOKEN, { rateLimitRetries: 0 }), target("report")),
      /secondary rate limit/,
    );
    assert.equal(api.requests.filter((r) => r.method === "POST").length, 1);
    // A long wait is not waited for at all.
    api.clearRequests();
    await assert.rejects(
      upsertStickyComment(client(WRITE_TOKEN, { maxRateLimitWaitSeconds: 0 }), target("report")),
      /secondary rate limit/,
    );
    assert.equal(api.requests.filter((r) => r.method === "POST").length, 1);
  });

  test("re-creates a comment deleted between the lookup and the update", async () => {
    const ours = seedMarked(BOT_LOGIN);
    api.injectFault({
      route: "update-comment",
      fault: { kind: "run", run: () => api.deleteComment(ours.id) },
    });
    const result = await upsertStickyComment(client(), target("new"));
    assert.equal(result.action, "deleted-recreated");
    assert.notEqual(result.commentId, ours.id);
    assert.deepEqual(
      api.requests.map((r) => [r.method, r.status]),
      [
        ["GET", 200],
        ["PATCH", 404],
        ["POST", 201],
      ],
    );
    assert.deepEqual(
      api.comments(OWNER, REPO, issue).map((c) => [c.id, c.body]),
      [[result.commentId, `${MARKER}\nnew`]],
    );
  });

  test("a body GitHub finds too long surfaces as CommentBodyTooLongError", async () => {
    const long = "x".repeat(MAX_COMMENT_BODY + 10);
    await assert.rejects(upsertStickyComment(client(), target(long)), (error) => {
      assert.ok(error instanceof CommentBodyTooLongError);
      assert.equal(error.limit, 65536);
      assert.equal(error.bodyLength, MARKER.length + 1 + long.length);
      assert.match(error.message, /maximum is 65536 characters/);
      return true;
    });
    assert.equal(api.requests.filter((r) => r.method === "POST").length, 1, "a 422 is not retried");

    // The same on update; the caller then degrades the body and succeeds.
    const gh = client();
    await upsertStickyComment(gh, target("short"));
    await assert.rejects(upsertStickyComment(gh, target(long)), CommentBodyTooLongError);
    const degraded = await upsertStickyComment(gh, target("summary only"));
    assert.equal(degraded.action, "updated");
  });

  test("an unknown token fails loudly, and the error does not carry the token", async () => {
    const error = await upsertStickyComment(client(UNKNOWN_TOKEN), target("report")).then(
      () => assert.fail("expected a rejection"),
      (e: unknown) => e,
    );
    assert.equal((error as { status?: number }).status, 401);
    assert.ok(!inspect(error, { depth: 10 }).includes(UNKNOWN_TOKEN));
    assert.equal(api.requests[0]!.auth, "unknown");
  });

  test("checks its inputs", async () => {
    const gh = client();
    await assert.rejects(upsertStickyComment(gh, { ...target("x"), marker: "sticky" }), TypeError);
    await assert.rejects(upsertStickyComment(gh, { ...target("x"), marker: "<!-- a --> b -->" }), TypeError);
    await assert.rejects(upsertStickyComment(gh, { ...target("x"), owner: "../x" }), TypeError);
    await assert.rejects(upsertStickyComment(gh, { ...target("x"), issueNumber: 0 }), TypeError);
    assert.equal(api.requests.length, 0);
    assert.throws(() => createGitHubClient({ token: "", apiUrl: api.url }), TypeError);
    assert.throws(() => createGitHubClient({ token: WRITE_TOKEN, apiUrl: "not a url" }), TypeError);
    assert.throws(
      () => createGitHubClient({ token: `${WRITE_TOKEN} ${WRITE_TOKEN}`, apiUrl: api.url }),
      (e: Error) => !e.message.includes(WRITE_TOKEN),
    );
    // A trailing newline (a pasted secret) is trimmed.
    const trimmed = await listIssueComments(client(`${WRITE_TOKEN}\n`), {
      owner: OWNER,
      repo: REPO,
      issueNumber: issue,
    });
    assert.deepEqual(trimmed, []);
    assert.equal(api.requests.at(-1)!.auth, "write-token");
  });
});

describe("viewerLogin", () => {
  test("names the account of every kind of token, through GraphQL", async () => {
    assert.equal(await viewerLogin(client()), BOT_LOGIN);
    assert.equal(await viewerLogin(client(APP_TOKEN)), APP_LOGIN);
    assert.equal(await viewerLogin(client(PERSONAL_TOKEN)), "octo-admin");
    // A fork's read-only token may still ask who it is.
    assert.equal(await viewerLogin(client(READ_TOKEN)), BOT_LOGIN);
    assert.ok(api.requests.every((r) => r.method === "POST" && r.path === "/graphql" && r.status === 200));
    assert.equal(api.writes().length, 0, "a query is not a write");
  });

  test("the stand-in answers GET /user as GitHub does: 403 to integrations", async () => {
    const gh = client();
    await assert.rejects(gh.octokit.request("GET /user"), (e: { status?: number }) => e.status === 403);
    const me = await client(PERSONAL_TOKEN).octokit.request("GET /user");
    assert.equal((me.data as { login: string }).login, "octo-admin");
  });

  test("a failing GraphQL endpoint rejects (the caller falls back to the named authors)", async () => {
    api.injectFault({ route: "graphql", fault: { kind: "status", status: 502 }, times: 10 });
    await assert.rejects(viewerLogin(client(WRITE_TOKEN, { retries: 1 })));
  });
});

describe("listIssueComments", () => {
  test("returns every comment in order, with a null author for deleted users", async () => {
    for (let i = 0; i < 5; i++) {
      api.seedComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: issue,
        body: `c${i}`,
        login: i === 2 ? null : "someone",
      });
    }
    const comments = await listIssueComments(client(), { owner: OWNER, repo: REPO, issueNumber: issue });
    assert.deepEqual(
      comments.map((c) => [c.body, c.authorLogin]),
      [
        ["c0", "someone"],
        ["c1", "someone"],
        ["c2", null],
        ["c3", "someone"],
        ["c4", "someone"],
      ],
    );
  });
});

describe("getPullRequest", () => {
  test("a same-repository pull request", async () => {
    api.setPull(OWNER, REPO, issue, {
      body: "Deletes class Foo.\n\ndo-migrate: allow-delete Foo",
      base: { sha: "a".repeat(40), ref: "main", repoFullName: `${OWNER}/${REPO}` },
      head: { sha: "b".repeat(40), ref: "feature", repoFullName: `${OWNER}/${REPO}` },
    });
    assert.deepEqual(await getPullRequest(client(), { owner: OWNER, repo: REPO, number: issue }), {
      body: "Deletes class Foo.\n\ndo-migrate: allow-delete Foo",
      baseSha: "a".repeat(40),
      headSha: "b".repeat(40),
      baseRef: "main",
      headRef: "feature",
      isFork: false,
    });
  });

  test("a fork, a deleted fork, an empty description", async () => {
    api.setPull(OWNER, REPO, issue, {
      body: null,
      base: { sha: "a".repeat(40), ref: "main", repoFullName: `${OWNER}/${REPO}` },
      head: { sha: "c".repeat(40), ref: "patch-1", repoFullName: `mallory/${REPO}` },
    });
    const fork = await getPullRequest(client(READ_TOKEN), { owner: OWNER, repo: REPO, number: issue });
    assert.equal(fork.isFork, true);
    assert.equal(fork.body, "");

    api.setPull(OWNER, REPO, issue + 1000, {
      base: { sha: "a".repeat(40), ref: "main", repoFullName: `${OWNER}/${REPO}` },
      head: { sha: "d".repeat(40), ref: "gone", repoFullName: null },
    });
    const gone = await getPullRequest(client(), { owner: OWNER, repo: REPO, number: issue + 1000 });
    assert.equal(gone.isFork, true);
  });

  test("an unknown pull request rejects with 404", async () => {
    await assert.rejects(getPullRequest(client(), { owner: OWNER, repo: REPO, number: 99999 }), {
      status: 404,
    });
  });
});

describe("fetchFileAtRef", () => {
  const base = "a".repeat(40);

  test("decodes base64 content (wrapped at 60 characters)", async () => {
    const toml = `name = "api"\n# ünïcödé ✓\n${"x = 1\n".repeat(100)}`;
    api.setFile(OWNER, REPO, base, "services/api/wrangler.toml", toml);
    const text = await fetchFileAtRef(client(), {
      owner: OWNER,
      repo: REPO,
      path: "services/api/wrangler.toml",
      ref: base,
    });
    assert.equal(text, toml);
    const request = api.requests.at(-1)!;
    assert.equal(request.query.ref, base);
  });

  test("null for a missing file, a directory, an unknown ref", async () => {
    api.setFile(OWNER, REPO, base, "services/api/wrangler.toml", "name = 'api'\n");
    const gh = client();
    assert.equal(
      await fetchFileAtRef(gh, { owner: OWNER, repo: REPO, path: "wrangler.toml", ref: base }),
      null,
    );
    assert.equal(await fetchFileAtRef(gh, { owner: OWNER, repo: REPO, path: "services", ref: base }), null);
    assert.equal(
      await fetchFileAtRef(gh, {
        owner: OWNER,
        repo: REPO,
        path: "services/api/wrangler.toml",
        ref: "b".repeat(40),
      }),
      null,
    );
  });

  test("files over 1 MB are fetched raw", async () => {
    const big = `# big\n${"y".repeat(1024 * 1024 + 10)}\n`;
    api.setFile(OWNER, REPO, base, "big.toml", big);
    assert.equal(
      await fetchFileAtRef(client(), { owner: OWNER, repo: REPO, path: "big.toml", ref: base }),
      big,
    );
    assert.equal(api.requests.filter((r) => r.route === "get-contents").length, 2);
  });

  test("refuses paths that would change the URL", async () => {
    const gh = client();
    for (const path of ["../pulls/1", "a/../../b", "/etc/passwd", "a//b", ""]) {
      await assert.rejects(
        fetchFileAtRef(gh, { owner: OWNER, repo: REPO, path, ref: base }),
        TypeError,
        path,
      );
    }
    assert.equal(api.requests.length, 0);
  });
});
