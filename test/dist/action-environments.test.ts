// The action's `environments` input (dist/index.js, mode: check on a push): an entry no config
// defines is refused naming the defined environments, as wrangler refuses `--env` (it used to
// check nothing and pass); a defined one is checked.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";
import { type GitHubApi, startGitHubApi } from "../support/github-api.ts";
import { pushPayload, ROOT, runAction } from "../support/run-action.ts";

const TOKEN = "ghs_envTESTtoken0000000000000000000000001";
const repository = { owner: "acme", name: "workers" };
const example = (path: string) => readFileSync(`${ROOT}/examples/delete-class/${path}`, "utf8");

let api: GitHubApi;
let repo: GitRepo;
before(async () => {
  api = await startGitHubApi({ tokens: [{ token: TOKEN, label: "write-token", permission: "write" }] });
  repo = createGitRepo({
    base: { "wrangler.toml": example("base/wrangler.toml"), "src/index.ts": example("base/src/index.ts") },
    head: { "wrangler.toml": example("head/wrangler.toml"), "src/index.ts": example("head/src/index.ts") },
  });
});
after(async () => {
  await api.close();
  repo.cleanup();
});

function push(environments: string) {
  return runAction({
    workspace: repo.dir,
    eventName: "push",
    payload: pushPayload({ before: repo.baseSha, after: repo.headSha, repository }),
    repository,
    apiUrl: api.url,
    token: TOKEN,
    sha: repo.headSha,
    with: { environments, "fail-on": "never" },
  });
}

describe("action: the environments input", () => {
  test("an environment no config defines fails the step, naming the defined ones", async () => {
    const run = await push("prod");
    assert.equal(run.status, 1, run.stdout);
    assert.equal(run.failures.length, 1, run.stdout);
    assert.match(
      run.failures[0]!,
      /no environment found in configuration with name "prod": the configs define production, staging/,
    );
  });

  test("a defined one is checked", async () => {
    const run = await push("production");
    assert.equal(run.status, 0, run.stdout);
    assert.equal(run.outputs.risk, "critical");
  });
});
