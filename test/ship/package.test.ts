// The package people install: `npm pack` of this repository (the bundled dist/ as it is), the
// tarball installed into an empty project with no network (`--offline`: the package must have no
// runtime dependency to fetch), and the installed `do-migrate` run through its bin, under the
// Node.js 24 of the tests and under Node.js 20 when the machine has one (package.json's engines
// say >=20). Then `npx do-migrate check` in a fresh folder, from the tarball, as a user runs it
// without installing anything.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { runGit } from "../support/git-repo.ts";

const root = new URL("../../", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  files: string[];
  engines: { node: string };
  dependencies?: Record<string, string>;
  publishConfig?: { provenance?: boolean; access?: string };
};

const CONFIG = 'name = "chat"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n';
const DELETE = '\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Room"]\n';

/** PATH with the Node.js of the tests first (its npm is the system's: npm is not pinned). */
const NODE_24_PATH = [dirname(process.execPath), process.env.PATH ?? ""].join(delimiter);

/** A Node.js 20 on this machine other than the tests' one, if any (`node` on the PATH without node_modules/.bin). */
function node20(): string | null {
  const path = (process.env.PATH ?? "").split(delimiter).filter((dir) => !dir.includes("node_modules"));
  for (const dir of path) {
    const result = spawnSync(join(dir, "node"), ["--version"], { encoding: "utf8" });
    if (result.status === 0 && /^v20\./.test(result.stdout)) return join(dir, "node");
  }
  return null;
}

let scratch: string;
let tarball: string;
let project: string;
/** The npm cache of these tests: empty, so `--offline` proves nothing comes from the network. */
let cache: string;

function npm(args: string[], cwd: string) {
  return execFileSync("npm", [...args, "--cache", cache, "--no-audit", "--no-fund", "--no-update-notifier"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PATH: NODE_24_PATH, npm_config_registry: "http://127.0.0.1:9/" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A git repository whose `main` creates Room, on a branch `feature` that deletes it. */
function repository(): string {
  const dir = mkdtempSync(join(scratch, "repo-"));
  const git = (...args: string[]) => runGit(dir, args);
  git("init", "--quiet", "--initial-branch=main");
  writeFileSync(join(dir, "wrangler.toml"), CONFIG);
  git("add", "--all");
  git("commit", "--quiet", "-m", "base");
  git("switch", "--quiet", "-c", "feature");
  appendFileSync(join(dir, "wrangler.toml"), DELETE);
  git("commit", "--quiet", "-am", "delete Room");
  return dir;
}

function run(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync(bin, args, {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, PATH: NODE_24_PATH, NO_COLOR: "1", GIT_CEILING_DIRECTORIES: scratch, ...env },
  });
}

describe("package.json: a package that installs and runs anywhere", () => {
  it("is publishable with the do-migrate bin, public, with provenance", () => {
    assert.equal(pkg.name, "do-migrate");
    assert.equal(pkg.private, undefined);
    assert.deepEqual(pkg.bin, { "do-migrate": "dist/cli.js" });
    assert.deepEqual(pkg.publishConfig, { access: "public", provenance: true });
  });

  it("installs nothing at run time: esbuild bundles every dependency into dist/", () => {
    assert.equal(pkg.dependencies, undefined);
  });

  it("says the Node.js it runs on", () => assert.equal(pkg.engines.node, ">=20"));
});

describe("npm pack, installed offline into an empty project", () => {
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), "do-migrate-pack-"));
    cache = join(scratch, "npm-cache");
    const packed = JSON.parse(
      npm(["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], root),
    ) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = join(scratch, packed[0]!.filename);
    packedFiles = packed[0]!.files.map((f) => f.path).sort();
    project = join(scratch, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), '{ "name": "my-worker", "private": true }\n');
    npm(["install", "--offline", "--ignore-scripts", "--save-dev", tarball], project);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));
  let packedFiles: string[] = [];
  const bin = () => join(project, "node_modules/.bin/do-migrate");

  it("holds only what runs: package.json, README, LICENSE, dist/cli.js and its chunks", () => {
    const outside = packedFiles.filter(
      (f) =>
        !["package.json", "README.md", "LICENSE", "dist/cli.js"].includes(f) &&
        !/^dist\/chunks\/[\w-]+\.js$/.test(f),
    );
    assert.deepEqual(outside, []);
    assert.ok(packedFiles.includes("dist/cli.js"));
    assert.ok(!packedFiles.includes("dist/index.js"), "the action's entry is not the CLI's");
  });

  it("--version says the package's version", () => {
    const result = run(bin(), ["--version"], project);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${pkg.version}\n`);
  });

  it("--help and help check", () => {
    const help = run(bin(), ["--help"], project);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage:\n {2}do-migrate diff /);
    const check = run(bin(), ["help", "check"], project);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /--base REF +the revision to compare with/);
  });

  it("checks a real git repository: the delete on the branch fails the check", () => {
    const repo = repository();
    const result = run(bin(), ["check"], repo);
    assert.equal(result.status, 1, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /CRITICAL DO101 class-deleted {2}wrangler\.toml:\d+/);
    assert.match(result.stdout, /merge base with `main`/);
  });

  const old = node20();
  it("runs under Node.js 20 (engines >=20)", { skip: old ? false : "no Node.js 20 on this machine" }, () => {
    const repo = repository();
    const path = [dirname(old!), process.env.PATH ?? ""].join(delimiter);
    const version = run(bin(), ["--version"], repo, { PATH: path });
    assert.equal(version.status, 0, version.stderr);
    const result = run(bin(), ["check", "--format", "json"], repo, { PATH: path });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(JSON.parse(result.stdout).risk, "critical");
    const node = run("node", ["--version"], repo, { PATH: path });
    assert.match(node.stdout, /^v20\./, "the bin ran under Node.js 20");
  });

  it("npx do-migrate check in a fresh folder (the tarball in place of the registry)", () => {
    const repo = repository();
    const result = run(
      "npx",
      ["--offline", "--yes", "--cache", cache, "--package", tarball, "--", "do-migrate", "check", "--quiet"],
      repo,
      { npm_config_registry: "http://127.0.0.1:9/" },
    );
    assert.equal(result.status, 1, `${result.stdout}${result.stderr}`);
    assert.match(result.stdout, /DO101/);
    // On main itself: nothing committed to compare, said on stderr; exit 0.
    runGit(repo, ["switch", "--quiet", "main"]);
    const onMain = run(
      "npx",
      ["--offline", "--yes", "--cache", cache, "--package", tarball, "--", "do-migrate", "check"],
      repo,
      { npm_config_registry: "http://127.0.0.1:9/" },
    );
    assert.equal(onMain.status, 0, onMain.stderr);
    assert.match(
      onMain.stderr,
      /^warning: the base \(merge base with main\) is [0-9a-f]{7}, the commit checked out/m,
    );
  });
});
