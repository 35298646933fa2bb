// The committed action bundle (dist/index.js) in check mode, run as the GitHub runner runs it:
// a Node 24 child process with every action.yml input as INPUT_*, a real event payload, a real git
// workspace, the runner's output and summary files, against a local stand-in of the GitHub REST
// API. Each test asserts what a user would see: the requests made, the comment, the outputs, the
// summary, the annotations and the exit status.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { createGitRepo, type GitRepo, shallowClone } from "../support/git-repo.ts";
import { BOT_LOGIN, type GitHubApi, type RecordedRequest, startGitHubApi } from "../support/github-api.ts";
import {
  ACTION_BUNDLE,
  type ActionRun,
  pullRequestPayload,
  pushPayload,
  ROOT,
  runAction,
} from "../support/run-action.ts";

// Recognisable test secrets: a leak anywhere is easy to spot.
const WRITE_TOKEN = "ghs_distWRITEtoken00000000000000000000001";
const READ_TOKEN = "ghs_distREADtoken000000000000000000000002";
const TOKENS = [WRITE_TOKEN, READ_TOKEN];

const OWNER = "acme";
const REPO = "workers";
const repository = { owner: OWNER, name: REPO };
const MARKER = "<!-- do-migrate-action:sticky:default -->";

const example = (path: string) => readFileSync(`${ROOT}/examples/delete-class/${path}`, "utf8");
const BASE_FILES = {
  "wrangler.toml": example("base/wrangler.toml"),
  "src/index.ts": example("base/src/index.ts"),
};
const HEAD_TOML = example("head/wrangler.toml");
/** The PR of examples/delete-class: RateLimiter deleted at v2, inherited by staging and production. */
const DELETE_HEAD = { "wrangler.toml": HEAD_TOML, "src/index.ts": example("head/src/index.ts") };
const ACK_LINES = [
  "do-migrate: destroy RateLimiter in chat at v2",
  "do-migrate: destroy RateLimiter in chat-production at v2",
  "do-migrate: destroy RateLimiter in chat-staging at v2",
];

/** The same delete, with production's binding to the deleted class removed (a later push). */
const FIXED_BINDING_HEAD = {
  ...DELETE_HEAD,
  "wrangler.toml": HEAD_TOML.replace('  { name = "LIMITER", class_name = "RateLimiter" },\n]\n', "]\n"),
};
/** A second class deleted in the same step. */
const SECOND_DELETE_HEAD = {
  ...DELETE_HEAD,
  "wrangler.toml": HEAD_TOML.replace(
    'deleted_classes = ["RateLimiter"]',
    'deleted_classes = ["RateLimiter", "ChatRoom"]',
  ),
};
/** RateLimiter deleted and Limiter created in its place, every binding repointed: DO101 and DO102. */
const RENAMED_HEAD = {
  "wrangler.toml": BASE_FILES["wrangler.toml"]
    .replaceAll('class_name = "RateLimiter"', 'class_name = "Limiter"')
    .replace(
      'new_sqlite_classes = ["ChatRoom", "RateLimiter"]\n',
      'new_sqlite_classes = ["ChatRoom", "RateLimiter"]\n\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["RateLimiter"]\nnew_sqlite_classes = ["Limiter"]\n',
    ),
  "src/index.ts": `${example("head/src/index.ts")}\nexport class Limiter {}\n`,
};
/** The delete moved to another migration tag. */
const RETAGGED_HEAD = { ...DELETE_HEAD, "wrangler.toml": HEAD_TOML.replace('tag = "v2"', 'tag = "v3"') };
/** A change that touches no Durable Object. */
const NO_DO_CHANGE_HEAD = {
  "wrangler.toml": BASE_FILES["wrangler.toml"].replace(
    'compatibility_date = "2026-06-01"',
    'compatibility_date = "2026-07-01"',
  ),
};

let api: GitHubApi;
const repos: GitRepo[] = [];
const cleanups: Array<() => void> = [];
/** Every run and every request, for the token check at the end. */
const runs: ActionRun[] = [];
const allRequests: RecordedRequest[] = [];

/** Forgets the requests so far (keeping them for the token check). */
function clearRequests(server = api): void {
  allRequests.push(...server.requests);
  server.clearRequests();
}

function repoWith(head: Record<string, string | null>): GitRepo {
  const repo = createGitRepo({ base: BASE_FILES, head });
  repos.push(repo);
  return repo;
}

interface PrRunOptions {
  readonly number: number;
  readonly workspace: string;
  readonly baseSha: string;
  readonly headSha: string;
  /** The description as the API answers now (the payload keeps `payloadBody`). */
  readonly description?: string;
  readonly payloadBody?: string;
  readonly with?: Record<string, string>;
  readonly token?: string;
  readonly eventName?: "pull_request" | "pull_request_target";
  readonly headRepoFullName?: string;
  readonly server?: GitHubApi;
}

async function prRun(options: PrRunOptions): Promise<ActionRun> {
  const server = options.server ?? api;
  server.setPull(OWNER, REPO, options.number, {
    body: options.description ?? null,
    base: { sha: options.baseSha, ref: "main", repoFullName: `${OWNER}/${REPO}` },
    head: {
      sha: options.headSha,
      ref: "feature",
      repoFullName: options.headRepoFullName ?? `${OWNER}/${REPO}`,
    },
  });
  const run = await runAction({
    workspace: options.workspace,
    eventName: options.eventName ?? "pull_request",
    payload: pullRequestPayload({
      number: options.number,
      body: options.payloadBody ?? null,
      base: { sha: options.baseSha },
      head: {
        sha: options.headSha,
        ...(options.headRepoFullName ? { repoFullName: options.headRepoFullName } : {}),
      },
      repository,
    }),
    repository,
    apiUrl: server.url,
    token: options.token ?? WRITE_TOKEN,
    sha: options.headSha,
    ...(options.with ? { with: options.with } : {}),
  });
  runs.push(run);
  return run;
}

/** Runs the PR check on a fresh full clone: the common case. */
function prRunOn(repo: GitRepo, options: Omit<PrRunOptions, "workspace" | "baseSha" | "headSha">) {
  return prRun({ ...options, workspace: repo.dir, baseSha: repo.baseSha, headSha: repo.headSha });
}

function describeRun(run: ActionRun): string {
  return `exit ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

function routes(requests: readonly RecordedRequest[]): string[] {
  return requests.map(
    (r) => `${r.method} ${r.route}${r.query.page ? ` page=${r.query.page}` : ""} ${r.status}`,
  );
}

function ourComments(number: number, server = api) {
  return server
    .comments(OWNER, REPO, number)
    .filter((c) => c.user?.login === BOT_LOGIN && c.body.startsWith(MARKER));
}

function findingsOf(run: ActionRun): Array<{ code: string; worker: string | null; env: string | null }> {
  return JSON.parse(run.outputs.findings ?? "null");
}

before(async () => {
  assert.ok(process.versions.node.startsWith("24."), `tests must run under Node 24, not ${process.version}`);
  assert.ok(readFileSync(ACTION_BUNDLE, "utf8").length > 0, "dist/index.js is missing: npm run build");
  api = await startGitHubApi({
    tokens: [
      { token: WRITE_TOKEN, label: "write-token", permission: "write" },
      { token: READ_TOKEN, label: "read-token", permission: "read" },
    ],
  });
});

after(async () => {
  await api.close();
  for (const repo of repos) repo.cleanup();
  for (const cleanup of cleanups) cleanup();
});

describe("the sticky comment", () => {
  test("first run creates it; an identical run only reads; a changed head updates it in place", async () => {
    const repo = repoWith(DELETE_HEAD);
    clearRequests();
    const first = await prRunOn(repo, { number: 1 });
    assert.equal(first.status, 1, describeRun(first));
    assert.deepEqual(routes(api.requests), [
      "GET get-pull 200",
      "POST graphql 200",
      "GET list-comments 200",
      "POST create-comment 201",
    ]);
    const [comment] = ourComments(1);
    assert.ok(comment);
    assert.equal(api.comments(OWNER, REPO, 1).length, 1);
    // The comment: destructive part first, the exact acknowledgement lines, the other findings.
    const body = comment.body;
    assert.ok(body.startsWith(`${MARKER}\n## Durable Object migration check: 🛑 **critical risk**`), body);
    assert.ok(body.indexOf("This change destroys Durable Object data") < body.indexOf("3 other findings"));
    assert.match(body, /\*\*`RateLimiter`\*\* deleted by migration `v2` \(`wrangler\.toml:16`\)/);
    assert.match(
      body,
      /Worker `chat` \(top level\), Worker `chat-production` \(env `production`\), Worker `chat-staging` \(env `staging`\)/,
    );
    assert.ok(body.includes(`\`\`\`text\n${ACK_LINES.join("\n")}\n\`\`\``), body);
    assert.match(
      body,
      /\[DO101\]\(https:\/\/github\.test\/acme\/do-migrate-action\/blob\/v1\/docs\/findings\.md#do101\)/,
    );
    assert.match(body, /DO103\*\* `delete-still-bound`/);

    // The failure message names the same lines.
    assert.equal(first.failures.length, 1);
    const failure = first.failures[0]!;
    assert.match(failure, /destroys Durable Object data and is not acknowledged/);
    for (const line of ACK_LINES) assert.ok(failure.includes(`\n  ${line}`), failure);

    // Outputs.
    assert.equal(first.outputs.risk, "critical");
    assert.equal(first.outputs["data-loss"], "true");
    assert.deepEqual(JSON.parse(first.outputs["deleted-classes"]!), [
      { worker: "chat", env: null, class: "RateLimiter" },
      { worker: "chat-production", env: "production", class: "RateLimiter" },
      { worker: "chat-staging", env: "staging", class: "RateLimiter" },
    ]);
    const findings = findingsOf(first);
    assert.deepEqual(
      findings.map((f) => f.code),
      // DO103 for production, which still binds the class (the API rejects that); DO107 for the top
      // level and staging, which drop the binding in the same deploy as the delete: a warning,
      // since such one-shot deletes have both passed and failed (two deploys always work).
      ["DO101", "DO101", "DO101", "DO103", "DO107", "DO603", "DO603", "DO107", "DO603"],
    );
    assert.equal(first.outputs["comment-id"], String(comment.id));
    const report = JSON.parse(first.reportText ?? "null");
    assert.equal(report.risk, "critical");
    assert.equal(report.findings.length, findings.length);

    // Summary: the same report, without the marker.
    assert.ok(
      first.summary.startsWith("## Durable Object migration check: 🛑 **critical risk**"),
      first.summary,
    );
    assert.ok(!first.summary.includes("<!--"));
    assert.ok(first.summary.includes(ACK_LINES.join("\n")));

    // Annotations on the config lines, most severe first; one per change, naming every Worker
    // it reaches (the delete inherited by both environments is one annotation, not three).
    const located = first.annotations.filter((a) => a.properties.file);
    assert.deepEqual(
      located.map((a) => `${a.command} ${a.properties.file}:${a.properties.line} ${a.properties.title}`),
      [
        "error wrangler.toml:16 DO101 class-deleted",
        "error wrangler.toml:28 DO103 delete-still-bound",
        "warning wrangler.toml:16 DO107 delete-binding-removed",
        "warning wrangler.toml:16 DO603 deleted-class-still-needed",
      ],
    );
    assert.match(
      located[0]!.message,
      /in the top-level config, env `production` and env `staging` \(migration `v2`\) destroys every `RateLimiter` object of `chat`, `chat-production` and `chat-staging`/,
    );
    assert.match(located[2]!.message, /in the top-level config and env `staging`\. The API checks a delete/);
    assert.match(located[0]!.message, /\nFix: /);

    // Second run, nothing changed: reads only, and the comment keeps its id.
    clearRequests();
    const second = await prRunOn(repo, { number: 1 });
    assert.equal(second.status, 1);
    assert.deepEqual(routes(api.requests), ["GET get-pull 200", "POST graphql 200", "GET list-comments 200"]);
    assert.equal(api.writes().length, 0);
    assert.equal(second.outputs["comment-id"], String(comment.id));
    assert.equal(ourComments(1)[0]!.body, body);

    // A new push to the PR: the same comment is updated.
    const pushed = repoWith(FIXED_BINDING_HEAD);
    clearRequests();
    const third = await prRunOn(pushed, { number: 1 });
    assert.equal(third.status, 1, describeRun(third));
    assert.deepEqual(routes(api.requests), [
      "GET get-pull 200",
      "POST graphql 200",
      "GET list-comments 200",
      "PATCH update-comment 200",
    ]);
    assert.equal(api.requests[3]!.path, `/repos/${OWNER}/${REPO}/issues/comments/${comment.id}`);
    assert.equal(api.comments(OWNER, REPO, 1).length, 1);
    const updated = ourComments(1)[0]!;
    assert.equal(updated.id, comment.id);
    // The binding left in production is gone from the comment; removing it in the same deploy
    // as the delete is the plain one-shot delete (DO107 for every Worker), and the comment says so.
    assert.ok(!updated.body.includes("wrangler.toml:28"), "the fixed binding is gone from the comment");
    assert.match(updated.body, /DO107/);
    assert.match(updated.body, /live bindings/);
    assert.equal(third.outputs["comment-id"], String(comment.id));
  });

  test("a comment by another user carrying the marker is left alone", async () => {
    const repo = repoWith(DELETE_HEAD);
    const forged = api.seedComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: 2,
      body: `${MARKER}\nAll clear, nothing is deleted.`,
      login: "mallory",
    });
    clearRequests();
    const run = await prRunOn(repo, { number: 2 });
    assert.equal(run.status, 1);
    assert.deepEqual(routes(api.writes()), ["POST create-comment 201"]);
    const all = api.comments(OWNER, REPO, 2);
    assert.equal(all.length, 2);
    assert.equal(all.find((c) => c.id === forged.id)?.body, `${MARKER}\nAll clear, nothing is deleted.`);
    assert.equal(ourComments(2).length, 1);
  });

  test("its comment is found on the third page of comments", async () => {
    const repo = repoWith(DELETE_HEAD);
    for (let i = 0; i < 249; i++) {
      api.seedComment({
        owner: OWNER,
        repo: REPO,
        issueNumber: 3,
        body: `comment ${i}`,
        login: `user${i % 7}`,
      });
    }
    const earlier = api.seedComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: 3,
      body: `${MARKER}\n## An earlier report`,
      login: BOT_LOGIN,
    });
    clearRequests();
    const run = await prRunOn(repo, { number: 3 });
    assert.equal(run.status, 1);
    assert.deepEqual(routes(api.requests), [
      "GET get-pull 200",
      "POST graphql 200",
      "GET list-comments 200",
      "GET list-comments page=2 200",
      "GET list-comments page=3 200",
      "PATCH update-comment 200",
    ]);
    assert.equal(api.comments(OWNER, REPO, 3).length, 250);
    assert.equal(ourComments(3).length, 1);
    assert.equal(ourComments(3)[0]!.id, earlier.id);
    assert.equal(run.outputs["comment-id"], String(earlier.id));
  });
});

describe("acknowledging data loss", () => {
  test("lines in the description, read fresh through the API, pass the check; a stale acknowledgement fails", async () => {
    const repo = repoWith(DELETE_HEAD);
    // The payload still has the description from before the edit: the API has the new one.
    const description = `Moves the rate limiter to KV.\n\n- ${ACK_LINES[0]}\n- ${ACK_LINES[1]}\n\`${ACK_LINES[2]}\`\n`;
    clearRequests();
    const ok = await prRunOn(repo, { number: 10, description, payloadBody: "Moves the rate limiter to KV." });
    assert.equal(ok.status, 0, describeRun(ok));
    assert.deepEqual(ok.failures, []);
    assert.match(ok.stdout, /Data loss acknowledged in the pull request description \(3 line\(s\)\)/);
    assert.equal(api.requests[0]!.route, "get-pull");
    const body = ourComments(10)[0]!.body;
    assert.match(body, /\*\*✅ Acknowledged\.\*\*/);
    assert.equal(ok.outputs["data-loss"], "true", "acknowledged data loss is still data loss");

    // A second delete appears: the old lines do not cover it.
    const more = repoWith(SECOND_DELETE_HEAD);
    const stale = await prRunOn(more, { number: 10, description });
    assert.equal(stale.status, 1, describeRun(stale));
    const failure = stale.failures.at(-1)!;
    assert.match(failure, /not acknowledged/);
    assert.match(failure, /do-migrate: destroy ChatRoom in chat at v2/);
    assert.ok(!failure.includes(`  ${ACK_LINES[0]}\n`), "acknowledged lines are not asked for again");
    assert.match(ourComments(10)[0]!.body, /add the 3 missing line\(s\) of these/);

    // The delete moves to another tag: the lines name v2, the change is now v3.
    const retagged = repoWith(RETAGGED_HEAD);
    const moved = await prRunOn(retagged, { number: 10, description });
    assert.equal(moved.status, 1, describeRun(moved));
    assert.match(moved.failures.at(-1)!, /do-migrate: destroy RateLimiter in chat at v3/);
    assert.equal(ourComments(10).length, 1);
  });
});

describe("acknowledging a rename written as delete + create", () => {
  test("one line per destroyed class: DO102 asks for no line of its own, and never names the created class", async () => {
    const repo = repoWith(RENAMED_HEAD);
    const stale = await prRunOn(repo, { number: 11 });
    assert.equal(stale.status, 1, describeRun(stale));
    const codes = findingsOf(stale).filter((f) => ["DO101", "DO102"].includes(f.code));
    assert.equal(codes.length, 6, "a DO101 and a DO102 in each of the three Workers");
    const asked = stale.failures
      .at(-1)!
      .split("\n")
      .filter((l) => l.startsWith("  do-migrate:"));
    assert.deepEqual(
      asked.map((l) => l.trim()),
      ACK_LINES,
    );
    const body = ourComments(11)[0]!.body;
    const fenced = body.slice(
      body.indexOf("```text\n") + 8,
      body.indexOf("\n```", body.indexOf("```text\n")),
    );
    assert.deepEqual(fenced.split("\n"), ACK_LINES);
    assert.ok(!body.includes("RateLimiter,Limiter"), "the created class is not named as destroyed");

    const ok = await prRunOn(repo, { number: 11, description: ACK_LINES.join("\n") });
    assert.equal(ok.status, 0, describeRun(ok));
    assert.match(ok.stdout, /Data loss acknowledged in the pull request description \(3 line\(s\)\)/);
  });
});

describe("fork pull requests and read-only tokens", () => {
  test("a refused comment is a warning; summary, outputs and exit status stay", async () => {
    const repo = repoWith(DELETE_HEAD);
    clearRequests();
    const run = await prRunOn(repo, { number: 20, token: READ_TOKEN, headRepoFullName: "forker/workers" });
    assert.equal(run.status, 1, "unacknowledged data loss still fails");
    assert.deepEqual(routes(api.requests), [
      "GET get-pull 200",
      "POST graphql 200",
      "GET list-comments 200",
      "POST create-comment 403",
    ]);
    assert.equal(api.comments(OWNER, REPO, 20).length, 0);
    assert.ok(
      run.warnings.some(
        (w) => /refused to create the pull request comment \(403/.test(w) && /job summary/.test(w),
      ),
      run.warnings.join("\n"),
    );
    assert.equal(run.failures.length, 1, "the 403 adds no failure");
    assert.match(run.failures[0]!, /not acknowledged/);
    assert.equal(run.outputs.risk, "critical");
    assert.equal(run.outputs["comment-id"], undefined);
    assert.match(run.summary, /This change destroys Durable Object data/);
    assert.ok(run.summary.includes(ACK_LINES.join("\n")));

    // The acknowledgement works on a fork PR too: it is read, never written.
    const acked = await prRunOn(repo, {
      number: 20,
      token: READ_TOKEN,
      headRepoFullName: "forker/workers",
      description: ACK_LINES.join("\n"),
    });
    assert.equal(acked.status, 0, describeRun(acked));
    assert.ok(acked.warnings.some((w) => /403/.test(w)));
  });
});

describe("comment modes", () => {
  test("on-change: no comment without changes; a comment whose changes went away says so", async () => {
    const quiet = repoWith(NO_DO_CHANGE_HEAD);
    clearRequests();
    const none = await prRunOn(quiet, { number: 30 });
    assert.equal(none.status, 0, describeRun(none));
    assert.equal(api.writes().length, 0);
    assert.equal(api.comments(OWNER, REPO, 30).length, 0);
    assert.equal(none.outputs.risk, "none");
    assert.equal(none.outputs["data-loss"], "false");
    assert.equal(none.outputs["comment-id"], undefined);
    assert.match(none.summary, /No Durable Object lifecycle changes/);

    const loud = repoWith(DELETE_HEAD);
    await prRunOn(loud, { number: 31 });
    const [comment] = ourComments(31);
    assert.ok(comment);
    clearRequests();
    const gone = await prRunOn(quiet, { number: 31 });
    assert.equal(gone.status, 0, describeRun(gone));
    assert.deepEqual(routes(api.writes()), ["PATCH update-comment 200"]);
    const updated = ourComments(31);
    assert.equal(updated.length, 1);
    assert.equal(updated[0]!.id, comment.id);
    assert.match(updated[0]!.body, /no longer has any Durable Object lifecycle changes/);
    assert.equal(gone.outputs["comment-id"], String(comment.id));

    clearRequests();
    await prRunOn(quiet, { number: 31 });
    assert.equal(api.writes().length, 0, "the same note is not written twice");
  });

  test("always: a comment even without changes", async () => {
    const quiet = repoWith(NO_DO_CHANGE_HEAD);
    const run = await prRunOn(quiet, { number: 32, with: { comment: "always" } });
    assert.equal(run.status, 0, describeRun(run));
    assert.match(ourComments(32)[0]?.body ?? "", /No Durable Object lifecycle changes/);
  });

  test("never: no comment request at all", async () => {
    const repo = repoWith(DELETE_HEAD);
    clearRequests();
    const run = await prRunOn(repo, { number: 33, with: { comment: "never" } });
    assert.equal(run.status, 1);
    assert.deepEqual(routes(api.requests), ["GET get-pull 200"]);
    assert.equal(run.outputs.risk, "critical");
    assert.match(run.summary, /This change destroys Durable Object data/);
  });
});

describe("GitHub refusing or failing", () => {
  test("a body GitHub finds too long (422) is replaced by a short one that still lists every data-destroying finding", async () => {
    // A monorepo of 12 Workers, each deleting two classes in three environments.
    const base: Record<string, string> = {};
    const head: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) {
      const dir = `workers/svc-${i}`;
      const config = (deleted: boolean) =>
        [
          `name = "svc-${i}"`,
          'main = "src/index.ts"',
          'compatibility_date = "2026-06-01"',
          "",
          "[[durable_objects.bindings]]",
          'name = "KEEP"',
          `class_name = "Keep${i}"`,
          "",
          "[[migrations]]",
          'tag = "v1"',
          `new_sqlite_classes = ["Keep${i}", "Sessions${i}", "Cursors${i}"]`,
          ...(deleted
            ? ["", "[[migrations]]", 'tag = "v2"', `deleted_classes = ["Sessions${i}", "Cursors${i}"]`]
            : []),
          "",
          "[env.staging]",
          "[env.production]",
          "",
        ].join("\n");
      base[`${dir}/wrangler.toml`] = config(false);
      head[`${dir}/wrangler.toml`] = config(true);
      base[`${dir}/src/index.ts`] =
        `export class Keep${i} {}\nexport class Sessions${i} {}\nexport class Cursors${i} {}\nexport default {};\n`;
      head[`${dir}/src/index.ts`] = `export class Keep${i} {}\nexport default {};\n`;
    }
    const repo = createGitRepo({ base, head });
    repos.push(repo);
    // A GitHub that counts the body differently from the action (a lower limit than the renderer knows).
    const strict = await startGitHubApi({
      tokens: [{ token: WRITE_TOKEN, label: "write-token", permission: "write" }],
      maxBodyChars: 20_000,
    });
    try {
      const run = await prRun({
        server: strict,
        number: 40,
        workspace: repo.dir,
        baseSha: repo.baseSha,
        headSha: repo.headSha,
        with: { config: "workers/*/wrangler.toml" },
      });
      assert.equal(run.status, 1, describeRun(run));
      assert.deepEqual(routes(strict.writes()), ["POST create-comment 422", "POST create-comment 201"]);
      const refused = (strict.writes()[0]!.body as { body: string }).body;
      assert.ok([...refused].length > 20_000);
      const comments = strict.comments(OWNER, REPO, 40);
      assert.equal(comments.length, 1);
      const body = comments[0]!.body;
      assert.ok([...body].length <= 20_000, `short body has ${body.length} characters`);
      assert.ok(body.startsWith("<!-- do-migrate-action:sticky:"), "still the sticky comment");
      assert.match(body, /too long for a pull request comment: it is in the job summary/);
      const deleted: Array<{ worker: string; env: string | null; class: string }> = JSON.parse(
        run.outputs["deleted-classes"]!,
      );
      assert.equal(deleted.length, 12 * 2 * 3);
      for (const d of deleted) {
        const where = d.env === null ? "\\(top level\\)" : `\\(env \`${d.env}\`\\)`;
        // One entry per deleted class, listing every Worker the delete reaches.
        assert.match(
          body,
          new RegExp(
            `\\*\\*\`${d.class}\`\\*\\* deleted by migration \`v2\` .* in (.*, )?Worker \`${d.worker}\` ${where}`,
          ),
        );
        assert.ok(
          body.includes(`do-migrate: destroy ${d.class} in ${d.worker} at v2`),
          `${d.class} ${d.worker}`,
        );
      }
      // The job summary keeps the whole report.
      assert.ok(run.summary.length > body.length);
      assert.equal(run.outputs["comment-id"], String(comments[0]!.id));

      // One Worker of the monorepo: working-directory alone limits the configs read.
      const one = await prRun({
        server: strict,
        number: 43,
        workspace: repo.dir,
        baseSha: repo.baseSha,
        headSha: repo.headSha,
        with: { "working-directory": "workers/svc-7", comment: "never" },
      });
      assert.equal(one.status, 1, describeRun(one));
      assert.deepEqual(
        [...new Set(JSON.parse(one.outputs["deleted-classes"]!).map((d: { worker: string }) => d.worker))],
        ["svc-7", "svc-7-production", "svc-7-staging"],
      );
      assert.match(one.stdout, /Analysed 1 wrangler config\(s\)/);
    } finally {
      clearRequests(strict);
      await strict.close();
    }
  });

  test("a 5xx answer is retried", async () => {
    const repo = repoWith(DELETE_HEAD);
    clearRequests();
    api.injectFault({
      route: "create-comment",
      fault: { kind: "status", status: 502, message: "Bad Gateway" },
    });
    const run = await prRunOn(repo, { number: 41 });
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(routes(api.writes()), ["POST create-comment 502", "POST create-comment 201"]);
    assert.equal(api.comments(OWNER, REPO, 41).length, 1);
    assert.equal(api.pendingFaults(), 0);
  });

  test("a secondary rate limit is waited out", async () => {
    const repo = repoWith(DELETE_HEAD);
    clearRequests();
    api.injectFault({
      route: "list-comments",
      fault: { kind: "secondary-rate-limit", retryAfterSeconds: 1 },
    });
    const run = await prRunOn(repo, { number: 42 });
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(routes(api.requests), [
      "GET get-pull 200",
      "POST graphql 200",
      "GET list-comments 403",
      "GET list-comments 200",
      "POST create-comment 201",
    ]);
    assert.ok(
      run.warnings.some((w) => /secondary rate limit .*retrying in 1 s/.test(w)),
      run.warnings.join("\n"),
    );
    assert.equal(api.comments(OWNER, REPO, 42).length, 1);
  });
});

describe("checkouts", () => {
  test("a base commit missing from a shallow clone is fetched from origin", async () => {
    const full = repoWith(DELETE_HEAD);
    const reference = findingsOf(await prRunOn(full, { number: 50, with: { comment: "never" } }));
    const clone = shallowClone(full.dir);
    cleanups.push(clone.cleanup);
    assert.throws(() => clone.git("cat-file", "-e", `${full.baseSha}^{commit}`));
    clearRequests();
    const run = await prRun({
      number: 51,
      workspace: clone.dir,
      baseSha: full.baseSha,
      headSha: full.headSha,
      with: { comment: "never" },
    });
    assert.equal(run.status, 1, describeRun(run));
    assert.match(run.stdout, /Fetched [0-9a-f]{40} from origin/);
    assert.doesNotThrow(() => clone.git("cat-file", "-e", `${full.baseSha}^{commit}`));
    assert.deepEqual(findingsOf(run), reference);
    assert.ok(!api.requests.some((r) => r.route === "get-contents"));
  });

  test("when the base cannot be fetched, its configs are read through the contents API", async () => {
    const full = repoWith(DELETE_HEAD);
    const reference = findingsOf(await prRunOn(full, { number: 52, with: { comment: "never" } }));
    const clone = shallowClone(full.dir);
    cleanups.push(clone.cleanup);
    clone.git("remote", "set-url", "origin", "file:///nonexistent/do-migrate-origin.git");
    api.setFile(OWNER, REPO, full.baseSha, "wrangler.toml", BASE_FILES["wrangler.toml"]);
    clearRequests();
    const run = await prRun({
      number: 53,
      workspace: clone.dir,
      baseSha: full.baseSha,
      headSha: full.headSha,
      with: { comment: "never" },
    });
    assert.equal(run.status, 1, describeRun(run));
    const contents = api.requests.filter((r) => r.route === "get-contents");
    assert.deepEqual(
      contents.map((r) => `${r.path} ref=${r.query.ref} ${r.status}`),
      // The policy file is looked for at the base revision too (there is none here).
      [
        `/repos/${OWNER}/${REPO}/contents/.do-migrate.jsonc ref=${full.baseSha} 404`,
        `/repos/${OWNER}/${REPO}/contents/.do-migrate.json ref=${full.baseSha} 404`,
        `/repos/${OWNER}/${REPO}/contents/wrangler.toml ref=${full.baseSha} 200`,
      ],
    );
    assert.deepEqual(findingsOf(run), reference);
  });

  test("pull_request_target reads the head as data and never checks it out", async () => {
    const full = repoWith(DELETE_HEAD);
    const reference = findingsOf(await prRunOn(full, { number: 54, with: { comment: "never" } }));
    // What actions/checkout gives pull_request_target: the base branch, one commit deep.
    const clone = shallowClone(full.dir, { branch: "base" });
    cleanups.push(clone.cleanup);
    clearRequests();
    const run = await prRun({
      eventName: "pull_request_target",
      number: 55,
      workspace: clone.dir,
      baseSha: full.baseSha,
      headSha: full.headSha,
      headRepoFullName: "forker/workers",
    });
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(findingsOf(run), reference);
    assert.equal(clone.git("rev-parse", "HEAD"), full.baseSha, "HEAD is still the base");
    assert.equal(clone.git("status", "--porcelain"), "", "the working tree is untouched");
    assert.equal(readFileSync(`${clone.dir}/wrangler.toml`, "utf8"), BASE_FILES["wrangler.toml"]);
    assert.equal(ourComments(55).length, 1);
  });
});

describe("without a pull request", () => {
  test("push: summary and outputs, no comment, no request", async () => {
    const repo = repoWith(DELETE_HEAD);
    clearRequests();
    const run = await runAction({
      workspace: repo.dir,
      eventName: "push",
      payload: pushPayload({ before: repo.baseSha, after: repo.headSha, repository }),
      repository,
      apiUrl: api.url,
      token: WRITE_TOKEN,
      sha: repo.headSha,
      ref: "refs/heads/main",
    });
    runs.push(run);
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(api.requests, []);
    assert.equal(run.outputs.risk, "critical");
    assert.equal(run.outputs["data-loss"], "true");
    assert.equal(run.outputs["comment-id"], undefined);
    assert.match(run.summary, /This change destroys Durable Object data/);
    assert.ok(!run.summary.includes("pull request description"), "nothing to acknowledge on a push");
    assert.match(run.failures[0]!, /There is no pull request to acknowledge it in/);
  });

  test("workflow_dispatch: summary and outputs, no comment, no request", async () => {
    const repo = repoWith(DELETE_HEAD);
    clearRequests();
    const run = await runAction({
      workspace: repo.dir,
      eventName: "workflow_dispatch",
      payload: { inputs: {}, ref: "refs/heads/main", repository: { full_name: `${OWNER}/${REPO}` } },
      repository,
      apiUrl: api.url,
      token: WRITE_TOKEN,
      sha: repo.headSha,
      with: { "fail-on": "never" },
    });
    runs.push(run);
    assert.equal(run.status, 0, describeRun(run));
    assert.deepEqual(api.requests, []);
    assert.equal(run.outputs.risk, "critical");
    assert.equal(JSON.parse(run.outputs["deleted-classes"]!).length, 3);
    assert.match(run.summary, /This change destroys Durable Object data/);
  });
});

describe("invalid inputs", () => {
  for (const [input, value, allowed] of [
    ["fail-on", "sometimes", "critical, error, warning, never"],
    ["comment", "maybe", "on-change, always, never"],
    ["mode", "x", "check, deploy"],
  ] as const) {
    test(`${input}: ${value} stops the run with the allowed values, before any request`, async () => {
      const repo = repoWith(DELETE_HEAD);
      clearRequests();
      const run = await prRunOn(repo, { number: 60, with: { [input]: value } });
      assert.equal(run.status, 1, describeRun(run));
      assert.deepEqual(run.failures, [`Input "${input}" is "${value}"; allowed values: ${allowed}.`]);
      assert.equal(run.stderr, "");
      assert.doesNotMatch(run.stdout, /^\s+at /m, "no stack trace");
      assert.deepEqual(api.requests, []);
      // Outputs start at safe values.
      assert.equal(run.outputs.risk, "none");
      assert.equal(run.outputs["data-loss"], "false");
    });
  }
});

describe("mode: deploy on a pull request event", () => {
  test("is refused before anything runs: a deploy must come from a trusted branch", async () => {
    const repo = repoWith(DELETE_HEAD);
    clearRequests();
    const run = await prRunOn(repo, { number: 61, with: { mode: "deploy", environment: "production" } });
    assert.equal(run.status, 1, describeRun(run));
    assert.equal(run.failures.length, 1);
    assert.match(run.failures[0]!, /refuses to run on "pull_request" events/);
    assert.deepEqual(api.requests, []);
  });

  test("an environment name that starts with a dash is refused", async () => {
    const repo = repoWith(DELETE_HEAD);
    const run = await prRunOn(repo, { number: 62, with: { environment: "--help" } });
    assert.equal(run.status, 1, describeRun(run));
    assert.match(run.failures[0] ?? "", /Input "environment" is "--help"/);
  });
});

test("the token appears nowhere: stdout, stderr, outputs, summary, report file, requests", (t) => {
  assert.ok(runs.length >= 20, `${runs.length} runs`);
  for (const run of runs) {
    // The one place it may be: the mask command the runner consumes (and never shows).
    const stdout = run.stdout
      .split("\n")
      .filter((line) => !TOKENS.some((t) => line === `::add-mask::${t}`))
      .join("\n");
    const everything = [
      stdout,
      run.stderr,
      JSON.stringify(run.outputs),
      run.summary,
      run.reportText ?? "",
    ].join("\n");
    for (const token of TOKENS) {
      assert.ok(!everything.includes(token), "a token leaked");
      assert.ok(!everything.includes(token.slice(4, 20)), "part of a token leaked");
    }
  }
  clearRequests();
  const requests = JSON.stringify(allRequests);
  const comments = JSON.stringify(
    [1, 2, 3, 10, 11, 20, 31, 41, 42, 55].map((n) => api.comments(OWNER, REPO, n)),
  );
  for (const token of TOKENS) {
    assert.ok(!requests.includes(token), "a token is in a request");
    assert.ok(!comments.includes(token), "a token is in a comment");
  }
  // Reported, not asserted: a wall-clock limit fails on a loaded machine (speed is the benchmark's).
  const slowest = Math.max(...runs.map((r) => r.durationMs));
  t.diagnostic(`${runs.length} action runs; the slowest took ${Math.round(slowest)} ms`);
});
