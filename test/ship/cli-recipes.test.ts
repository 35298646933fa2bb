// The recipes of docs/cli.md, run as written: each `<!-- recipe: NAME -->` block is read from the
// page and run by sh (the GitLab jobs' `script:` lines one after the other, as a runner does) in
// a real git repository, with `npx` standing for the installed package (the bundled
// dist/cli.js; test/ship/package.test.ts runs the real `npx do-migrate` from the packed
// tarball) and `npx wrangler deploy` recorded instead of deploying. The live plan runs against
// the Cloudflare API stand-in on 127.0.0.1.
import assert from "node:assert/strict";
import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { get, getString, parseYaml } from "../../scripts/ship/yaml-nodes.ts";
import { type CloudflareApi, startCloudflareApi } from "../support/cloudflare-api.ts";
import { runGit } from "../support/git-repo.ts";
import { spawnCollect } from "../support/run-action.ts";
import { CLI } from "../support/run-cli.ts";

const doc = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");

/** The code block after `<!-- recipe: NAME -->`. */
function recipe(name: string): string {
  const match = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  assert.ok(match, `docs/cli.md has no recipe "${name}"`);
  return match[1]!;
}

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const TOKEN = "read-only-token";
const CONFIG = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]
`;
/** Deletes Lobby, which nothing binds: data loss, nothing else. */
const DELETE_LOBBY = '\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Lobby"]\n';
/** A new class: safe. */
const ADD_HALL = '\n[[migrations]]\ntag = "v2"\nnew_sqlite_classes = ["Hall"]\n';
const CODE = "export class Room {}\nexport class Lobby {}\nexport class Hall {}\nexport default {};\n";

let scratch: string;
let bin: string;
let deployLog: string;
let cf: CloudflareApi;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), "do-migrate-recipes-"));
  bin = join(scratch, "bin");
  deployLog = join(scratch, "deployed.log");
  mkdirSync(bin);
  writeFileSync(
    join(bin, "npx"),
    `#!/bin/sh
case "$1" in
  do-migrate) shift; exec "${process.execPath}" "${CLI}" "$@" ;;
  wrangler) shift; echo "wrangler $*" >> "${deployLog}"; exit 0 ;;
esac
echo "npx stand-in: unexpected $*" >&2
exit 127
`,
  );
  chmodSync(join(bin, "npx"), 0o755);
  cf = await startCloudflareApi({ token: TOKEN });
});
after(async () => {
  await cf?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A remote with `main` (the config, deployed as v1), and a clone of it on `feature` with `change` committed. */
function repository(change: string, { branch = true } = {}) {
  const top = mkdtempSync(join(scratch, "repo-"));
  const origin = join(top, "origin.git");
  const work = join(top, "work");
  runGit(top, ["init", "--quiet", "--bare", "--initial-branch=main", origin]);
  runGit(top, ["clone", "--quiet", origin, work]);
  const git = (...args: string[]) => runGit(work, args);
  mkdirSync(join(work, "src"));
  writeFileSync(join(work, "src/index.ts"), CODE);
  writeFileSync(join(work, "wrangler.toml"), CONFIG);
  git("add", "--all");
  git("commit", "--quiet", "-m", "v1");
  git("push", "--quiet", "origin", "main");
  git("remote", "set-head", "origin", "main");
  if (branch) git("switch", "--quiet", "-c", "feature");
  appendFileSync(join(work, "wrangler.toml"), change);
  git("commit", "--quiet", "-am", "change");
  return { work, git };
}

/**
 * Runs shell text as a CI runner would (sh -e), with the stand-in npx first on PATH. Async: the
 * Cloudflare API stand-in answers from this process.
 */
async function sh(script: string, cwd: string, env: Record<string, string> = {}) {
  writeFileSync(deployLog, "");
  const result = await spawnCollect(
    "sh",
    ["-ec", script],
    {
      cwd,
      env: {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: cwd,
        NO_COLOR: "1",
        GIT_CEILING_DIRECTORIES: scratch,
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.invalid",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.invalid",
        ...env,
      },
    },
    60_000,
  );
  return {
    status: result.status,
    out: `${result.stdout}${result.stderr}`,
    deployed: readFileSync(deployLog, "utf8"),
  };
}

const live = () => ({
  CLOUDFLARE_API_TOKEN: TOKEN,
  CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
  CLOUDFLARE_API_BASE_URL: cf.apiBaseUrl,
});

describe("docs/cli.md recipes: check my branch before pushing", () => {
  it("npx do-migrate check: exit 1 on a branch that deletes a class, 0 on one that adds one", async () => {
    const deleting = await sh(recipe("laptop"), repository(DELETE_LOBBY).work);
    assert.equal(deleting.status, 1, deleting.out);
    assert.match(deleting.out, /CRITICAL DO101 class-deleted/);
    assert.match(deleting.out, /the merge base with `origin\/main`/);
    const adding = await sh(recipe("laptop"), repository(ADD_HALL).work);
    assert.equal(adding.status, 0, adding.out);
  });

  it("the pre-push hook stops the push of a delete, and lets a safe change through", async () => {
    const deleting = repository(DELETE_LOBBY);
    assert.equal((await sh(recipe("pre-push"), deleting.work)).status, 0);
    const refused = await sh("git push --quiet origin feature", deleting.work);
    assert.notEqual(refused.status, 0, refused.out);
    assert.match(refused.out, /DO101/);
    const adding = repository(ADD_HALL);
    await sh(recipe("pre-push"), adding.work);
    const pushed = await sh("git push --quiet origin feature", adding.work);
    assert.equal(pushed.status, 0, pushed.out);
  });
});

describe("docs/cli.md recipes: the pre-deploy guard in Workers Builds", () => {
  /** The clone Workers Builds makes of the production branch, at the commit to deploy. */
  const onMain = (change: string) => repository(change, { branch: false }).work;

  it("without a token: a delete stops the deploy (exit 1), a new class deploys", async () => {
    const refused = await sh(recipe("workers-builds"), onMain(DELETE_LOBBY));
    assert.equal(refused.status, 1, refused.out);
    assert.equal(refused.deployed, "");
    const deployed = await sh(recipe("workers-builds"), onMain(ADD_HALL));
    assert.equal(deployed.status, 0, deployed.out);
    assert.equal(deployed.deployed, "wrangler deploy\n");
  });

  it("with a read-only token: the live plan runs, and a delete of live objects stops the deploy", async () => {
    cf.state.seedWorker(ACCOUNT, "chat", {
      migrationTag: "v1",
      classes: { Room: "sqlite", Lobby: "sqlite" },
    });
    const refused = await sh(recipe("workers-builds"), onMain(DELETE_LOBBY), live());
    assert.equal(refused.status, 1, refused.out);
    assert.match(refused.out, /^live state: 1 Worker\(s\) planned/m);
    assert.equal(refused.deployed, "");
    const deployed = await sh(recipe("workers-builds"), onMain(ADD_HALL), live());
    assert.equal(deployed.status, 0, deployed.out);
    assert.match(deployed.out, /^live state: 1 Worker\(s\) planned/m);
    assert.equal(deployed.deployed, "wrangler deploy\n");
  });

  it("a clone without HEAD~1 cannot be checked: exit 2, no deploy", async () => {
    const repo = onMain(ADD_HALL);
    const shallow = mkdtempSync(join(scratch, "shallow-"));
    runGit(scratch, ["clone", "--quiet", "--depth", "1", `file://${repo}`, shallow]);
    const result = await sh(recipe("workers-builds"), shallow);
    assert.equal(result.status, 2, result.out);
    assert.equal(result.deployed, "");
  });
});

describe("docs/cli.md recipes: GitLab CI", () => {
  const jobs = parseYaml(recipe("gitlab"));
  /** A job's `script:` lines, run one after the other as a GitLab runner does (stops at the first failure). */
  const script = (job: string) => {
    const lines = get(get(jobs, job), "script");
    assert.equal(lines?.kind, "seq");
    return lines.kind === "seq"
      ? lines.items.map((line) => (line.kind === "scalar" ? line.value : "")).join("\n")
      : "";
  };

  it("is a valid pipeline: two jobs, node:22, the depth each needs", async () => {
    assert.equal(getString(get(jobs, "do-migrate"), "image"), "node:22");
    assert.equal(getString(get(get(jobs, "deploy"), "variables"), "GIT_DEPTH"), "2");
  });

  it("the merge request job fails on a delete against the merge base GitLab gives, passes a new class", async () => {
    const deleting = repository(DELETE_LOBBY);
    const base = deleting.git("merge-base", "origin/main", "HEAD");
    const failed = await sh(script("do-migrate"), deleting.work, { CI_MERGE_REQUEST_DIFF_BASE_SHA: base });
    assert.equal(failed.status, 1, failed.out);
    assert.match(failed.out, /DO101/);
    const adding = repository(ADD_HALL);
    const passed = await sh(script("do-migrate"), adding.work, {
      CI_MERGE_REQUEST_DIFF_BASE_SHA: adding.git("merge-base", "origin/main", "HEAD"),
      ...live(),
    });
    assert.equal(passed.status, 0, passed.out);
    assert.match(passed.out, /^live state:/m);
  });

  it("the deploy job stops before wrangler deploy on a delete, deploys a new class", async () => {
    const refused = await sh(script("deploy"), repository(DELETE_LOBBY, { branch: false }).work);
    assert.equal(refused.status, 1, refused.out);
    assert.equal(refused.deployed, "");
    const deployed = await sh(script("deploy"), repository(ADD_HALL, { branch: false }).work);
    assert.equal(deployed.status, 0, deployed.out);
    assert.equal(deployed.deployed, "wrangler deploy\n");
  });
});
