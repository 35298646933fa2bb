// The committed action bundle (dist/index.js) with a policy, run as the runner runs it against
// real git repositories and the GitHub stand-in: the policy file is read at the pull request's
// BASE revision (a PR cannot loosen the rules that judge it), suppressed findings are shown
// collapsed and never fail the check, `comment: on-change` is not started by what the check
// could not see, and the sticky comment is found whatever token wrote it.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";
import { BOT_LOGIN, type GitHubApi, type RecordedRequest, startGitHubApi } from "../support/github-api.ts";
import { type ActionRun, pullRequestPayload, runAction } from "../support/run-action.ts";

const WRITE_TOKEN = "ghs_policyWRITEtoken0000000000000000000001";
const APP_TOKEN = "ghs_policyAPPtoken000000000000000000000002";
const PERSONAL_TOKEN = "ghp_policyPERSONALtoken00000000000000003";
const TOKENS = [WRITE_TOKEN, APP_TOKEN, PERSONAL_TOKEN];
const APP_LOGIN = "migrate-guard[bot]";
const PERSON = "octo-admin";

const OWNER = "acme";
const REPO = "workers";
const repository = { owner: OWNER, name: REPO };
const MARKER = "<!-- do-migrate-action:sticky:default -->";

const BASE_POLICY = `{
  // test fixtures are never deployed as written
  "ignore": ["fixtures/"],
  "rules": { "DO604": "off" }
}
`;
const chat = (extra = "") =>
  `name = "chat"\nmain = "src/index.ts"\n\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room", "Limiter"]\n${extra}`;
const SOURCE = "export class Room {}\nexport class Limiter {}\nexport default {};\n";
const fixture = (classes: string) =>
  `{\n  "name": "fixture",\n  "migrations": [{ "tag": "v1", "new_sqlite_classes": [${classes}] }]\n}\n`;
const BASE = {
  ".do-migrate.jsonc": BASE_POLICY,
  "wrangler.toml": chat(),
  "src/index.ts": SOURCE,
  "fixtures/wrangler.jsonc": fixture('"A"'),
};
const DELETE = chat('\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Limiter"]\n');

let api: GitHubApi;
const repos: GitRepo[] = [];
const runs: ActionRun[] = [];
const seen: RecordedRequest[] = [];

before(async () => {
  api = await startGitHubApi({
    tokens: [
      { token: WRITE_TOKEN, label: "github-token", permission: "write" },
      { token: APP_TOKEN, label: "app-token", permission: "write", login: APP_LOGIN },
      { token: PERSONAL_TOKEN, label: "personal-token", permission: "write", login: PERSON },
    ],
  });
});

after(async () => {
  await api.close();
  for (const repo of repos) repo.cleanup();
});

function repoWith(head: Record<string, string | null>, base: Record<string, string> = BASE): GitRepo {
  const repo = createGitRepo({ base, head });
  repos.push(repo);
  return repo;
}

async function prRun(
  repo: GitRepo,
  number: number,
  options: { with?: Record<string, string>; token?: string; description?: string } = {},
): Promise<ActionRun> {
  api.setPull(OWNER, REPO, number, {
    body: options.description ?? null,
    base: { sha: repo.baseSha, ref: "main", repoFullName: `${OWNER}/${REPO}` },
    head: { sha: repo.headSha, ref: "feature", repoFullName: `${OWNER}/${REPO}` },
  });
  const run = await runAction({
    workspace: repo.dir,
    eventName: "pull_request",
    payload: pullRequestPayload({
      number,
      base: { sha: repo.baseSha },
      head: { sha: repo.headSha },
      repository,
    }),
    repository,
    apiUrl: api.url,
    token: options.token ?? WRITE_TOKEN,
    sha: repo.headSha,
    ...(options.with ? { with: options.with } : {}),
  });
  runs.push(run);
  return run;
}

function clearRequests(): void {
  seen.push(...api.requests);
  api.clearRequests();
}

function routes(): string[] {
  return api.requests.map(
    (r) => `${r.method} ${r.route} ${r.status}${r.auth === "github-token" ? "" : ` ${r.auth}`}`,
  );
}

function describeRun(run: ActionRun): string {
  return `exit ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

const marked = (number: number) => api.comments(OWNER, REPO, number).filter((c) => c.body.startsWith(MARKER));

describe("the policy at the base revision", () => {
  test("a pull request that loosens the policy, ignores everything and deletes a class is judged by the old policy", async () => {
    const repo = repoWith({
      ".do-migrate.jsonc": '{ "ignore": ["**"] }\n',
      "wrangler.toml": DELETE,
      "fixtures/wrangler.jsonc": fixture('"A", "B"'),
    });
    clearRequests();
    const run = await prRun(repo, 1);
    assert.equal(run.status, 1, describeRun(run));
    assert.match(run.failures[0] ?? "", /destroys Durable Object data and is not acknowledged/);
    assert.equal(run.outputs["data-loss"], "true");
    const findings = JSON.parse(run.outputs.findings!) as Array<{ code: string; file: string }>;
    assert.ok(findings.some((f) => f.code === "DO101" && f.file === "wrangler.toml"));
    assert.ok(!findings.some((f) => f.file.startsWith("fixtures/")), "the base policy's ignore applies");
    const body = marked(1)[0]?.body ?? "";
    assert.match(
      body,
      /This change edits the policy `\.do-migrate\.jsonc`: this check uses the policy of the base revision; the new one applies after merge\./,
    );
    assert.match(
      body,
      /1 config\\\(s\\\) not analysed: the policy `\.do-migrate\.jsonc` ignores them; changed here: `fixtures\/wrangler\.jsonc`/,
    );
    assert.match(run.summary, /the new one applies after merge/);
  });

  test("a directive in the change cannot hide its own delete; suppressed findings are collapsed and never fail the check", async () => {
    // Hostile reason: a mention and a forged marker must come out inert.
    const reason = "@mallory approved <!-- do-migrate-action:sticky:default --> [ok](https://evil.test)";
    const repo = repoWith({
      "wrangler.toml": DELETE.replace(
        '[[migrations]]\ntag = "v2"',
        `# do-migrate-ignore DO101 -- ${reason}\n[[migrations]]\ntag = "v2"`,
      ).replace(
        '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room", "Limiter"]',
        `# do-migrate-ignore DO201 -- ${reason}\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room", "Limiter", "Typing"]`,
      ),
      "src/index.ts": `${SOURCE}export class Typing {}\n`,
    });
    clearRequests();
    const run = await prRun(repo, 2, {
      with: { "fail-on": "error" },
      description: "do-migrate: destroy Limiter in chat at v2",
    });
    const findings = JSON.parse(run.outputs.findings!) as Array<{ code: string; suppressed?: boolean }>;
    assert.deepEqual(
      findings.map((f) => `${f.code}${f.suppressed ? " suppressed" : ""}`),
      ["DO101", "DO703", "DO301", "DO201 suppressed"],
    );
    // Acknowledged data loss passes; DO703 is a warning, below fail-on error; DO201 is suppressed.
    assert.equal(run.status, 0, describeRun(run));
    assert.equal(run.outputs.risk, "critical", "data loss is still data loss");
    const annotated = run.annotations.filter((a) => a.properties.file).map((a) => a.properties.title);
    assert.ok(!annotated.includes("DO201 history-edited"), "a suppressed finding is not annotated");
    const body = marked(2)[0]!.body;
    assert.match(
      body,
      /<details>\n<summary>Suppressed \(1\): not counted in the risk or the gate<\/summary>/,
    );
    const entry = body.split("\n").find((line) => line.startsWith("- **DO201**")) ?? "";
    assert.match(
      entry,
      /`history-edited` .* suppressed by a directive at `wrangler\.toml:\d+`: @\u2060mallory approved/,
    );
    // The reason is prose: no mention, no forged marker, no live link.
    assert.ok(!entry.includes("<!--") && entry.includes("&lt;\\!-- do-migrate-action"), entry);
    assert.ok(!entry.includes("](https://evil.test)"), "no live link from the reason");
    // No fix is suggested for the suppressed edit of v1 (DO201) either: no review, no diff.
    assert.ok(!body.includes("```diff"), body);
    assert.ok(!api.requests.some((r) => r.route === "create-review"));
    const report = JSON.parse(run.reportText!);
    const edited = report.findings.find((f: { code: string }) => f.code === "DO201");
    assert.equal(edited.suppressed.by, "directive");
    assert.equal(edited.suppressed.reason, reason);
  });

  test("an invalid policy at the base revision fails the step, naming file and line, before any request", async () => {
    const repo = repoWith(
      { "wrangler.toml": chat("# edited\n") },
      { ...BASE, ".do-migrate.jsonc": '{\n  "rules": { "DO201": "critical" }\n}\n' },
    );
    clearRequests();
    const run = await prRun(repo, 3);
    assert.equal(run.status, 1, describeRun(run));
    assert.deepEqual(run.failures, [
      '.do-migrate.jsonc:2: `DO201`: level "critical" is reserved for data loss; the levels are off, info, warning, error (the policy at the base revision)',
    ]);
    assert.deepEqual(api.requests, []);
    assert.equal(marked(3).length, 0);
  });

  test("input `policy` names another file; one that exists at neither revision fails the step", async () => {
    const repo = repoWith(
      { "fixtures/wrangler.jsonc": fixture('"A", "B"'), "wrangler.toml": chat("# edited\n") },
      { ...BASE, "ci/policy.jsonc": '{ "ignore": ["fixtures/**"] }', ".do-migrate.jsonc": "{}" },
    );
    const ok = await prRun(repo, 4, { with: { policy: "ci/policy.jsonc", comment: "never" } });
    assert.equal(ok.status, 0, describeRun(ok));
    assert.match(ok.summary, /1 config\\\(s\\\) not analysed: the policy `ci\/policy\.jsonc` ignores them/);
    const missing = await prRun(repo, 4, { with: { policy: "ci/nope.jsonc", comment: "never" } });
    assert.equal(missing.status, 1);
    assert.deepEqual(missing.failures, [
      "ci/nope.jsonc: no such policy file at the base or the head revision",
    ]);
    const outside = await prRun(repo, 4, { with: { policy: "../secrets.jsonc" } });
    assert.match(
      outside.failures[0] ?? "",
      /Input "policy" is "\.\.\/secrets\.jsonc"; give a path from the repository root/,
    );
  });
});

describe("comment: on-change", () => {
  // `main` is a build output that is not in the repository: the export check cannot see it (DO604).
  const built = (comment: string) =>
    `# ${comment}\nname = "chat"\nmain = "dist/worker.js"\n\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n`;
  const base = { "wrangler.toml": built("The chat Worker.") };

  test("a change that only edits comments in wrangler.toml writes no comment", async () => {
    const repo = repoWith({ "wrangler.toml": built("The chat Worker (rooms and presence).") }, base);
    clearRequests();
    const run = await prRun(repo, 10);
    assert.equal(run.status, 0, describeRun(run));
    const findings = JSON.parse(run.outputs.findings!) as Array<{ code: string }>;
    assert.deepEqual(
      findings.map((f) => f.code),
      ["DO604"],
      "what the check could not see is still reported",
    );
    assert.deepEqual(api.writes(), []);
    assert.equal(api.comments(OWNER, REPO, 10).length, 0);
    assert.match(run.stdout, /no pull request comment \(comment: on-change\)/);
    assert.match(run.summary, /DO604/);
  });

  test("an existing comment is still updated", async () => {
    const loud = repoWith({ "wrangler.toml": built("x").replace('["Room"]', '["Room", "Presence"]') }, base);
    await prRun(loud, 11);
    const [comment] = marked(11);
    assert.ok(comment, "a created class starts a comment");
    const quiet = repoWith({ "wrangler.toml": built("The chat Worker (rooms and presence).") }, base);
    clearRequests();
    const run = await prRun(quiet, 11);
    assert.equal(run.status, 0, describeRun(run));
    assert.deepEqual(
      api.writes().map((r) => `${r.method} ${r.route} ${r.status}`),
      ["PATCH update-comment 200"],
    );
    assert.equal(marked(11).length, 1);
    assert.match(marked(11)[0]!.body, /DO604/);
  });
});

describe("a policy edit that loosens the check", () => {
  test("starts a comment under comment: on-change (DO705), naming the configs and codes it would leave out", async () => {
    // Only the policy changes: it newly ignores the real Worker and turns DO201 and DO103 off.
    const repo = repoWith({
      ".do-migrate.jsonc":
        '{\n  "ignore": ["fixtures/", "**"],\n  "rules": { "DO604": "off", "DO201": "off", "DO103": "off" }\n}\n',
    });
    clearRequests();
    const run = await prRun(repo, 12, { with: { comment: "on-change" } });
    assert.equal(run.status, 0, describeRun(run));
    assert.equal(run.outputs.risk, "medium");
    const findings = JSON.parse(run.outputs.findings!) as Array<{ code: string; file: string; line: number }>;
    assert.deepEqual(
      findings.map((f) => `${f.code} ${f.file}:${f.line}`),
      ["DO705 .do-migrate.jsonc:2"],
    );
    const [comment] = marked(12);
    assert.ok(comment, "the loosening starts a comment");
    assert.match(comment.body, /⚠️ \*\*medium risk\*\*/);
    assert.match(comment.body, /\*\*DO705\*\* `policy-loosened` \(`\.do-migrate\.jsonc:2`\)/);
    const prose = comment.body.replace(/\\/g, ""); // the Markdown escapes of ( ) \
    assert.match(prose, /it ignores `wrangler\.toml`, which the current policy checks/);
    assert.match(prose, /it sets DO201 off \(was error\) in `rules`, line 3: every config added later/);
    assert.match(prose, /it sets DO103 off \(was error\) in `rules`, line 3: every config added later/);
    const annotation = run.annotations.find((a) => a.properties.title === "DO705 policy-loosened");
    assert.equal(annotation?.properties.file, ".do-migrate.jsonc");
    assert.equal(annotation?.properties.line, "2");
    assert.equal(annotation?.command, "warning");
  });

  test("tightening it writes no comment: only the note", async () => {
    const repo = repoWith({
      ".do-migrate.jsonc": '{ "ignore": ["fixtures/"], "rules": { "DO604": "off", "DO201": "error" } }\n',
    });
    const run = await prRun(repo, 13, { with: { comment: "on-change" } });
    assert.equal(run.status, 0, describeRun(run));
    assert.deepEqual(JSON.parse(run.outputs.findings!), []);
    assert.equal(marked(13).length, 0);
    assert.match(run.summary, /This change edits the policy `\.do-migrate\.jsonc`/);
  });
});

describe("its own comment, whatever the token", () => {
  test("a personal token's comment is found again: no second comment", async () => {
    const repo = repoWith({ "wrangler.toml": DELETE });
    const first = await prRun(repo, 20, { token: PERSONAL_TOKEN });
    assert.equal(marked(20)[0]?.user?.login, PERSON);
    clearRequests();
    const second = await prRun(repo, 20, { token: PERSONAL_TOKEN });
    assert.deepEqual(routes(), [
      "GET get-pull 200 personal-token",
      "POST graphql 200 personal-token",
      "GET list-comments 200 personal-token",
    ]);
    assert.equal(marked(20).length, 1);
    assert.equal(second.outputs["comment-id"], first.outputs["comment-id"]);
  });

  test("switching from GITHUB_TOKEN to an App's token: one new comment (GitHub lets only the author edit), then that one is updated", async () => {
    const repo = repoWith({ "wrangler.toml": DELETE });
    await prRun(repo, 21);
    const [old] = marked(21);
    assert.equal(old?.user?.login, BOT_LOGIN);
    const changed = repoWith({ "wrangler.toml": DELETE.replace('"v2"', '"v3"') });
    clearRequests();
    const switched = await prRun(changed, 21, { token: APP_TOKEN });
    assert.deepEqual(routes(), [
      "GET get-pull 200 app-token",
      "POST graphql 200 app-token",
      "GET list-comments 200 app-token",
      "PATCH update-comment 403 app-token",
      "POST create-comment 201 app-token",
    ]);
    assert.match(
      switched.stdout,
      /cannot be edited with this token .* wrote a new one, which later runs update/,
    );
    const mine = marked(21).find((c) => c.user?.login === APP_LOGIN)!;
    assert.equal(switched.outputs["comment-id"], String(mine.id));
    clearRequests();
    const again = await prRun(repo, 21, { token: APP_TOKEN });
    assert.deepEqual(
      api.writes().map((r) => `${r.method} ${r.route} ${r.status}`),
      ["PATCH update-comment 200"],
    );
    assert.equal(again.outputs["comment-id"], String(mine.id));
    assert.equal(marked(21).length, 2, "never one more per run");
  });

  test("a personal token takes over the GITHUB_TOKEN's comment (a collaborator may edit it); comment-author names others", async () => {
    const repo = repoWith({ "wrangler.toml": DELETE });
    await prRun(repo, 22);
    const [old] = marked(22);
    const changed = repoWith({ "wrangler.toml": DELETE.replace('"v2"', '"v3"') });
    const run = await prRun(changed, 22, { token: PERSONAL_TOKEN });
    assert.equal(run.outputs["comment-id"], String(old!.id));
    assert.equal(marked(22).length, 1);

    const earlier = api.seedComment({
      owner: OWNER,
      repo: REPO,
      issueNumber: 23,
      body: `${MARKER}\nold`,
      login: "old-app[bot]",
    });
    const named = await prRun(repo, 23, {
      token: PERSONAL_TOKEN,
      with: { "comment-author": "old-app[bot]" },
    });
    assert.equal(named.outputs["comment-id"], String(earlier.id));
    assert.equal(marked(23).length, 1);
  });

  test("when GitHub cannot say whose token it is, comments by github-actions[bot] are still found", async () => {
    const repo = repoWith({ "wrangler.toml": DELETE });
    await prRun(repo, 24);
    const [old] = marked(24);
    // A 403, as an installation token asking for `viewer` gets ("Resource not accessible by
    // integration"): no retry. A 5xx is retried first (1 s, 4 s, 9 s); the adapter's test covers that.
    api.injectFault({ route: "graphql", fault: { kind: "status", status: 403 }, times: 10 });
    const changed = repoWith({ "wrangler.toml": DELETE.replace('"v2"', '"v3"') });
    const run = await prRun(changed, 24);
    api.clearFaults();
    assert.match(run.stdout, /Could not ask GitHub whose token this is/);
    assert.equal(run.outputs["comment-id"], String(old!.id));
    assert.equal(marked(24).length, 1);
  });
});

test("no token appears in any output, comment or recorded request", () => {
  clearRequests();
  const everything = JSON.stringify([
    seen,
    runs.map((r) => [
      r.stderr,
      r.outputs,
      r.summary,
      r.reportText,
      r.stdout.replace(/^::add-mask::.*$/gm, ""),
    ]),
    [1, 2, 10, 11, 12, 13, 20, 21, 22, 23, 24].map((n) => api.comments(OWNER, REPO, n)),
  ]);
  for (const token of TOKENS) assert.ok(!everything.includes(token.slice(4, 24)), "a token leaked");
});
