// Which wrangler the deploy runs: the project's own, else an install with the project's package
// manager. The install itself needs a registry (none here): only the choice is tested.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  findLockfiles,
  installCommand,
  installedWranglerVersion,
  packageManagerFor,
  resolveWrangler,
} from "../../src/adapters/wrangler-install.ts";
import { REPO_ROOT, WRANGLER_BIN } from "../support/wrangler.ts";

describe("wrangler install", () => {
  it("detects the package manager from the lockfile", () => {
    assert.equal(packageManagerFor([]), "npm");
    assert.equal(packageManagerFor(["package-lock.json"]), "npm");
    assert.equal(packageManagerFor(["pnpm-lock.yaml"]), "pnpm");
    assert.equal(packageManagerFor(["yarn.lock"]), "yarn");
    assert.equal(packageManagerFor(["bun.lockb"]), "bun");
    assert.equal(packageManagerFor(["bun.lock", "package-lock.json"]), "bun");
  });

  it("installs with an argument array per package manager", () => {
    assert.deepEqual(installCommand("npm", "4.156.0"), [
      "npm",
      ["install", "--no-save", "--no-audit", "--no-fund", "wrangler@4.156.0"],
    ]);
    assert.deepEqual(installCommand("pnpm", "4"), ["pnpm", ["add", "--save-dev", "wrangler@4"]]);
    assert.deepEqual(installCommand("yarn", "4"), ["yarn", ["add", "--dev", "wrangler@4"]]);
    assert.deepEqual(installCommand("bun", "4"), ["bun", ["add", "--dev", "wrangler@4"]]);
  });

  it("finds the nearest lockfile upwards", async () => {
    const root = await mkdtemp(join(tmpdir(), "lockfiles-"));
    try {
      await writeFile(join(root, "pnpm-lock.yaml"), "");
      await mkdir(join(root, "apps/w"), { recursive: true });
      assert.deepEqual(await findLockfiles(join(root, "apps/w")), { dir: root, files: ["pnpm-lock.yaml"] });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("uses the project's wrangler when there is one (and it matches an exact version)", async () => {
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m) };
    assert.equal(await installedWranglerVersion(WRANGLER_BIN), "4.156.0");
    assert.equal(await resolveWrangler({ workingDirectory: REPO_ROOT, version: null, log }), WRANGLER_BIN);
    assert.equal(
      await resolveWrangler({ workingDirectory: join(REPO_ROOT, "src"), version: "4.156.0", log }),
      WRANGLER_BIN,
    );
    // a range is satisfied by what the project pinned
    assert.equal(await resolveWrangler({ workingDirectory: REPO_ROOT, version: "^4", log }), WRANGLER_BIN);
    assert.match(lines[0] ?? "", /Using the project's wrangler 4\.156\.0/);
  });

  it("a project without wrangler in a directory linked to one elsewhere still finds it through node_modules/.bin", async () => {
    const root = await mkdtemp(join(tmpdir(), "wrangler-link-"));
    try {
      await mkdir(join(root, "node_modules/.bin"), { recursive: true });
      await symlink(WRANGLER_BIN, join(root, "node_modules/.bin/wrangler"));
      const found = await resolveWrangler({ workingDirectory: root, version: null, log: { info() {} } });
      assert.equal(found, join(root, "node_modules/.bin/wrangler"));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
