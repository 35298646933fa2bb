// The release workflow's own shell steps, run for real (bash, git) against a local bare
// repository standing in for GitHub: the version gate, the annotated vX.Y.Z tag, and the
// annotated major tag that moves with each release. Publishing the Release itself (`gh`) needs
// GitHub and is not run here.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { get, getString, parseYaml } from "../../scripts/ship/yaml-nodes.ts";

/** A scalar or a sequence of scalars, as a list. */
function getStringList(node: ReturnType<typeof get>, key: string): string[] {
  const value = get(node, key);
  if (value?.kind === "seq") return value.items.map((item) => (item.kind === "scalar" ? item.value : ""));
  const one = getString(node, key);
  return one === undefined ? [] : [one];
}

const workflow = parseYaml(
  readFileSync(new URL("../../.github/workflows/release.yml", import.meta.url), "utf8"),
);
const steps = get(get(get(workflow, "jobs"), "release"), "steps");
const publishJob = get(get(workflow, "jobs"), "publish");

function script(name: string, from = steps): string {
  assert.equal(from?.kind, "seq");
  const step =
    from?.kind === "seq" ? from.items.find((s) => getString(s, "name")?.startsWith(name)) : undefined;
  const run = getString(step, "run");
  assert.ok(run, `release.yml has no step "${name}" with a run: script`);
  return run;
}

const gitEnv = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.invalid",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.invalid",
};

function sh(cwd: string, command: string, env: Record<string, string> = {}) {
  // How GitHub runs a bash step: bash --noprofile --norc -eo pipefail {0}
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], {
    cwd,
    encoding: "utf8",
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH}`, HOME: cwd, ...gitEnv, ...env },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function ok(cwd: string, command: string, env: Record<string, string> = {}): string {
  const result = sh(cwd, command, env);
  assert.equal(result.status, 0, result.out);
  return result.out;
}

describe("release.yml steps", () => {
  let dir: string;
  let work: string;
  let origin: string;
  const release = (version: string, ref = "refs/heads/main") => {
    const env = { VERSION: version, GITHUB_REF: ref };
    const check = sh(work, script("Check the version"), env);
    if (check.status !== 0) return check;
    ok(work, script("Tag v"), env);
    return { status: 0, out: ok(work, script("Move the major tag"), env) };
  };
  const setVersion = (version: string) => {
    writeFileSync(join(work, "package.json"), `${JSON.stringify({ name: "x", version })}\n`);
    ok(work, `git commit -qam "release ${version}" && git push -q origin HEAD:main`);
  };
  const remoteTag = (tag: string) =>
    ok(origin, `git cat-file -t "refs/tags/${tag}"; git rev-parse "${tag}^{commit}"`);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "release-workflow-"));
    origin = join(dir, "origin.git");
    work = join(dir, "work");
    ok(dir, `git init -q --bare -b main "${origin}" && git clone -q "${origin}" "${work}" 2>/dev/null`);
    writeFileSync(join(work, "package.json"), `${JSON.stringify({ name: "x", version: "1.2.3" })}\n`);
    ok(work, "git add package.json && git commit -qm init && git push -q origin HEAD:main");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a version that is not X.Y.Z, a ref other than main, a version package.json does not say", () => {
    for (const [version, ref, message] of [
      ["v1.2.3", "refs/heads/main", /version must be X\.Y\.Z/],
      ["1.2", "refs/heads/main", /version must be X\.Y\.Z/],
      ["1.2.3; rm -rf /", "refs/heads/main", /version must be X\.Y\.Z/],
      ["1.2.3", "refs/heads/feature", /release from main only/],
      ["1.2.4", "refs/heads/main", /package\.json says 1\.2\.3, not 1\.2\.4/],
    ] as const) {
      const result = sh(work, script("Check the version"), { VERSION: version, GITHUB_REF: ref });
      assert.equal(result.status, 1, `${version} ${ref}`);
      assert.match(result.out, message);
    }
  });

  it("tags vX.Y.Z and points the annotated major tag at it", () => {
    const result = release("1.2.3");
    assert.equal(result.status, 0, result.out);
    const head = ok(work, "git rev-parse HEAD").trim();
    assert.equal(remoteTag("v1.2.3"), `tag\n${head}\n`);
    assert.equal(remoteTag("v1"), `tag\n${head}\n`);
  });

  it("refuses to release a version twice", () => {
    const result = sh(work, script("Check the version"), { VERSION: "1.2.3", GITHUB_REF: "refs/heads/main" });
    assert.equal(result.status, 1);
    assert.match(result.out, /tag v1\.2\.3 exists already/);
  });

  it("moves v1 with the next release and leaves the older tag where it was", () => {
    const first = ok(work, "git rev-parse HEAD").trim();
    setVersion("1.3.0");
    const result = release("1.3.0");
    assert.equal(result.status, 0, result.out);
    const head = ok(work, "git rev-parse HEAD").trim();
    assert.notEqual(head, first);
    assert.equal(remoteTag("v1.3.0"), `tag\n${head}\n`);
    assert.equal(remoteTag("v1"), `tag\n${head}\n`);
    assert.equal(remoteTag("v1.2.3"), `tag\n${first}\n`);
    assert.match(ok(origin, "git tag -n1 v1"), /v1: v1\.3\.0/);
  });

  it("starts v2 at a new major version, leaving v1 alone", () => {
    const v1 = remoteTag("v1");
    setVersion("2.0.0");
    assert.equal(release("2.0.0").status, 0);
    assert.equal(remoteTag("v1"), v1);
    assert.equal(remoteTag("v2"), `tag\n${ok(work, "git rev-parse HEAD").trim()}\n`);
  });
});

describe("release.yml: the do-migrate package, published from the same tag", () => {
  const publishSteps = get(publishJob, "steps");
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "release-publish-"));
    ok(dir, "git init -q -b main . && git commit -q --allow-empty -m release && git tag -a v1.2.3 -m v1.2.3");
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "x", version: "1.2.3" })}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const env = { VERSION: "1.2.3", GITHUB_REPOSITORY: "someone/do-migrate-action", npm_config_cache: "" };

  it("runs after the release job, with only the permissions OIDC publishing needs", () => {
    assert.deepEqual(getStringList(publishJob, "needs"), ["release"]);
    const permissions = get(publishJob, "permissions");
    assert.equal(getString(permissions, "contents"), "read");
    assert.equal(getString(permissions, "id-token"), "write");
    assert.equal(permissions?.kind === "map" ? permissions.entries.length : 0, 2);
  });

  it("checks out the tag the release made, and publishes with provenance", () => {
    assert.equal(publishSteps?.kind, "seq");
    const checkout = publishSteps?.kind === "seq" ? publishSteps.items[0] : undefined;
    assert.equal(getString(get(checkout, "with"), "ref"), `refs/tags/v$\{{ inputs.version }}`);
    assert.match(
      script("Publish with provenance", publishSteps),
      /^npm publish --provenance --access public --ignore-scripts$/m,
    );
  });

  it("names this repository in package.json (provenance checks it) and packs", () => {
    const out = ok(dir, script("Prepare the package", publishSteps), {
      ...env,
      npm_config_cache: join(dir, ".npm"),
    });
    assert.match(out, /Tarball Contents/);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    assert.deepEqual(pkg.repository, {
      type: "git",
      url: "git+https://github.com/someone/do-migrate-action.git",
    });
  });

  it("refuses a tag whose package.json says another version, and an npm too old for OIDC", () => {
    const other = sh(dir, script("Prepare the package", publishSteps), { ...env, VERSION: "1.2.4" });
    assert.equal(other.status, 1);
    assert.match(other.out, /the tag v1\.2\.4 has package\.json version 1\.2\.3/);
    const bin = join(dir, "old-npm");
    ok(
      dir,
      `mkdir -p "${bin}" && printf '#!/bin/sh\\necho 10.9.2\\n' > "${bin}/npm" && chmod +x "${bin}/npm"`,
    );
    const old = sh(dir, script("Prepare the package", publishSteps), {
      ...env,
      PATH: `${bin}:${dirname(process.execPath)}:${process.env.PATH}`,
    });
    assert.equal(old.status, 1);
    assert.match(old.out, /npm 10\.9\.2 cannot publish through OIDC \(11\.5\.1 or later needed\)/);
  });
});
