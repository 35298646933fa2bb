// The committed bundle (dist/index.js) in check mode posts its proven fixes as suggestions on the
// pull request, against the local GitHub stand-in (pull request files with their patches, reviews,
// review comments): one review per run, no duplicate on a re-run, retired when the fix is applied,
// and in the sticky comment / summary as a diff when it cannot be a suggestion.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";
import { type GitHubApi, startGitHubApi } from "../support/github-api.ts";
import { type ActionRun, pullRequestPayload, runAction } from "../support/run-action.ts";

const WRITE_TOKEN = "ghs_suggestWRITEtoken000000000000000000001";
const READ_TOKEN = "ghs_suggestREADtoken0000000000000000000002";
const OWNER = "acme";
const REPO = "workers";

const BASE_TOML = `name = "chat" # the Worker
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]   # applied
tag = "v1"
new_sqlite_classes = ["Room"]
`;
/**
 * The PR adds Lobby to the applied v1 (the most common mistake in real histories), and a new step
 * with a misspelt key.
 */
const HEAD_TOML = `${BASE_TOML.replace(
  'new_sqlite_classes = ["Room"]',
  'new_sqlite_classes = ["Room", "Lobby"]',
).replace(
  'class_name = "Room"\n',
  'class_name = "Room"\n\n[[durable_objects.bindings]]\nname = "LOBBY"\nclass_name = "Lobby"\n',
)}
[[migrations]]
tag = "v2"
new_sqlite_class = ["Chat"]
`;
const CODE =
  "export class Room {}\nexport class Lobby {}\nexport class Chat {}\nexport default { fetch() { return new Response(); } };\n";

let api: GitHubApi;
const repos: GitRepo[] = [];

before(async () => {
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
});

/** GitHub's patch of a file: the hunks of `git diff`, without the file headers. */
function patchOf(repo: GitRepo, path: string, from: string, to: string): string {
  const diff = repo.git("diff", "--no-color", from, to, "--", path);
  return diff.slice(diff.indexOf("@@"));
}

async function prRun(
  repo: GitRepo,
  number: number,
  headSha: string,
  token = WRITE_TOKEN,
  fork = false,
): Promise<ActionRun> {
  const headRepo = fork ? "someone/workers" : `${OWNER}/${REPO}`;
  api.setPull(OWNER, REPO, number, {
    base: { sha: repo.baseSha, ref: "main", repoFullName: `${OWNER}/${REPO}` },
    head: { sha: headSha, ref: "feature", repoFullName: headRepo },
  });
  api.setPullFiles(OWNER, REPO, number, [
    { filename: "wrangler.toml", patch: patchOf(repo, "wrangler.toml", repo.baseSha, headSha) },
  ]);
  return runAction({
    workspace: repo.dir,
    eventName: "pull_request",
    payload: pullRequestPayload({
      number,
      body: null,
      base: { sha: repo.baseSha },
      head: { sha: headSha, ...(fork ? { repoFullName: headRepo } : {}) },
      repository: { owner: OWNER, name: REPO },
    }),
    repository: { owner: OWNER, name: REPO },
    apiUrl: api.url,
    token,
    sha: headSha,
  });
}

describe("suggestions on the pull request (dist/index.js)", () => {
  test("one review with the suggestion; a re-run duplicates nothing; applying the fix retires it", async () => {
    const repo = createGitRepo({
      base: { "wrangler.toml": BASE_TOML, "src/index.ts": CODE },
      head: { "wrangler.toml": HEAD_TOML },
    });
    repos.push(repo);
    const first = await prRun(repo, 7, repo.headSha);
    assert.equal(api.reviewCount(OWNER, REPO, 7), 1, first.stdout + first.stderr);
    const comments = api.reviewComments(OWNER, REPO, 7);
    assert.equal(comments.length, 2, JSON.stringify(comments));
    const comment = comments.find((c) => c.body.includes("suggestion:default:move-addition-"))!;
    const typo = comments.find((c) => c.body.includes("suggestion:default:rename-key-"))!;
    assert.ok(comment && typo);
    assert.ok(typo.body.includes('```suggestion\nnew_sqlite_classes = ["Chat"]\n```'), typo.body);
    assert.equal(comment.path, "wrangler.toml");
    assert.match(comment.body, /^<!-- do-migrate-action:suggestion:default:move-addition-[0-9a-f]+ -->/);
    // The suggestion spans from the edited line of v1 to the end of the list, where v3 goes.
    const lines = HEAD_TOML.split("\n");
    assert.equal(lines[comment.startLine! - 1], 'new_sqlite_classes = ["Room", "Lobby"]');
    assert.equal(lines[comment.line - 1], 'new_sqlite_class = ["Chat"]');
    assert.ok(
      comment.body.includes(
        '```suggestion\nnew_sqlite_classes = ["Room"]\n\n[[migrations]]\ntag = "v2"\nnew_sqlite_class = ["Chat"]\n\n[[migrations]]\ntag = "v3"\nnew_sqlite_classes = ["Lobby"]\n```',
      ),
      comment.body,
    );
    // The sticky comment says so.
    const sticky = api
      .comments(OWNER, REPO, 7)
      .find((c) => c.body.startsWith("<!-- do-migrate-action:sticky:"));
    assert.match(sticky?.body ?? "", /2 fixes are posted as suggestions on the changed lines/);

    // Same head again: no new review, no new comment, nothing rewritten.
    api.clearRequests();
    await prRun(repo, 7, repo.headSha);
    assert.equal(api.reviewCount(OWNER, REPO, 7), 1);
    assert.equal(api.reviewComments(OWNER, REPO, 7).length, 2);
    assert.ok(
      !api.requests.some((r) => r.route === "create-review" || r.route === "update-review-comment"),
      api.requests.map((r) => `${r.method} ${r.route}`).join("\n"),
    );

    // One suggestion is committed: its fix is gone, so its comment goes; the other stays one.
    const fixed = HEAD_TOML.replace(
      'new_sqlite_classes = ["Room", "Lobby"]',
      'new_sqlite_classes = ["Room"]',
    ).replace(
      'new_sqlite_class = ["Chat"]\n',
      'new_sqlite_class = ["Chat"]\n\n[[migrations]]\ntag = "v3"\nnew_sqlite_classes = ["Lobby"]\n',
    );
    repo.git("checkout", "--quiet", "-B", "main");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${repo.dir}/wrangler.toml`, fixed);
    repo.git("commit", "--quiet", "-am", "apply suggestion");
    const fixedSha = repo.git("rev-parse", "HEAD");
    await prRun(repo, 7, fixedSha);
    const left = api.reviewComments(OWNER, REPO, 7);
    assert.deepEqual(
      left.map((c) => c.body.includes("rename-key-")),
      [true],
      JSON.stringify(left),
    );
  });

  test("a two-env config's wrong rename (delete + create): one suggestion per line range, none contradicting", async () => {
    const base = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]

[env.production]
durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]
`;
    const head = base
      .replaceAll('class_name = "Room"', 'class_name = "ChatRoom"')
      .replace(
        'new_sqlite_classes = ["Room"]\n',
        'new_sqlite_classes = ["Room"]\n\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Room"]\nnew_sqlite_classes = ["ChatRoom"]\n',
      );
    const repo = createGitRepo({
      base: { "wrangler.toml": base, "src/index.ts": CODE.replace("Room", "ChatRoom") },
      head: { "wrangler.toml": head },
    });
    repos.push(repo);
    const run = await prRun(repo, 11, repo.headSha);
    const comments = api.reviewComments(OWNER, REPO, 11);
    // The rename (the fix of the data loss) is the one; the split of the delete it makes moot is not.
    assert.deepEqual(
      comments.map((c) => [c.startLine ?? c.line, c.line, /suggestion:default:([a-z-]+)-/.exec(c.body)?.[1]]),
      [[14, 15, "rename-class"]],
      run.stdout + run.stderr + JSON.stringify(comments),
    );
    assert.ok(
      comments[0]!.body.includes(
        '```suggestion\nrenamed_classes = [{ from = "Room", to = "ChatRoom" }]\n```',
      ),
    );
  });

  test("a fork's read-only token: no review attempted, the fix is in the summary as a diff with the command", async () => {
    const repo = createGitRepo({
      base: { "wrangler.toml": BASE_TOML, "src/index.ts": CODE },
      head: { "wrangler.toml": HEAD_TOML },
    });
    repos.push(repo);
    api.clearRequests();
    const run = await prRun(repo, 8, repo.headSha, READ_TOKEN, true);
    assert.ok(!api.requests.some((r) => r.route === "create-review"));
    assert.equal(api.reviewCount(OWNER, REPO, 8), 0);
    assert.match(run.summary, /### 🔧 Mechanical fixes/);
    assert.match(run.summary, /`do-migrate fix`/);
    assert.match(run.summary, /```diff\n--- a\/wrangler\.toml\n\+\+\+ b\/wrangler\.toml/);
  });

  test("suggestions: false posts none", async () => {
    const repo = createGitRepo({
      base: { "wrangler.toml": BASE_TOML, "src/index.ts": CODE },
      head: { "wrangler.toml": HEAD_TOML },
    });
    repos.push(repo);
    api.setPull(OWNER, REPO, 9, {
      base: { sha: repo.baseSha, ref: "main", repoFullName: `${OWNER}/${REPO}` },
      head: { sha: repo.headSha, ref: "feature", repoFullName: `${OWNER}/${REPO}` },
    });
    const run = await runAction({
      workspace: repo.dir,
      eventName: "pull_request",
      payload: pullRequestPayload({
        number: 9,
        body: null,
        base: { sha: repo.baseSha },
        head: { sha: repo.headSha },
        repository: { owner: OWNER, name: REPO },
      }),
      repository: { owner: OWNER, name: REPO },
      apiUrl: api.url,
      token: WRITE_TOKEN,
      sha: repo.headSha,
      with: { suggestions: "false" },
    });
    assert.equal(api.reviewCount(OWNER, REPO, 9), 0, run.stdout);
    assert.doesNotMatch(run.summary, /Mechanical fixes/);
  });
});
