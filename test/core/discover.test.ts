// Which repository paths are wrangler configs, and how the `config` input's globs select them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { globToRegExp, isWranglerConfigPath, selectConfigPaths } from "../../src/core/discover.ts";

describe("isWranglerConfigPath", () => {
  const cases: Array<[string, boolean]> = [
    ["wrangler.toml", true],
    ["wrangler.json", true],
    ["wrangler.jsonc", true],
    ["apps/api/wrangler.jsonc", true],
    ["wrangler.staging.toml", true],
    ["wrangler.prod-eu.jsonc", true],
    ["apps/dist-tools/wrangler.toml", true],
    ["mywrangler.toml", false],
    ["wrangler-old.toml", false],
    ["wrangler.toml.bak", false],
    ["wrangler.yaml", false],
    ["node_modules/some-lib/wrangler.toml", false],
    ["dist/wrangler.json", false],
    ["apps/web/.svelte-kit/output/wrangler.json", false],
    [".wrangler/deploy/config.json", false],
    ["packages/x/.wrangler/tmp/wrangler.json", false],
  ];
  for (const [path, expected] of cases) {
    it(`${path} → ${expected}`, () => assert.equal(isWranglerConfigPath(path), expected));
  }
});

describe("globToRegExp", () => {
  const cases: Array<{ glob: string; matches: string[]; rejects: string[] }> = [
    {
      glob: "**/wrangler.toml",
      matches: ["wrangler.toml", "apps/api/wrangler.toml", "a/b/c/wrangler.toml"],
      rejects: ["wrangler.jsonc", "apps/api/mywrangler.toml"],
    },
    {
      glob: "apps/*/wrangler.jsonc",
      matches: ["apps/api/wrangler.jsonc"],
      rejects: ["apps/wrangler.jsonc", "apps/a/b/wrangler.jsonc", "xapps/api/wrangler.jsonc"],
    },
    { glob: "apps/**", matches: ["apps/a", "apps/a/b/wrangler.toml"], rejects: ["apps", "other/apps/a"] },
    { glob: "wrangler.?oml", matches: ["wrangler.toml"], rejects: ["wrangler.t/ml", "wrangler.oml"] },
    {
      glob: "a.b/[x]/(y)+/wrangler.toml",
      matches: ["a.b/[x]/(y)+/wrangler.toml"],
      rejects: ["aXb/x/y/wrangler.toml", "a.b/x/(y)+/wrangler.toml"],
    },
  ];
  for (const c of cases) {
    it(c.glob, () => {
      const re = globToRegExp(c.glob);
      for (const path of c.matches) assert.ok(re.test(path), `${c.glob} matches ${path}`);
      for (const path of c.rejects) assert.ok(!re.test(path), `${c.glob} does not match ${path}`);
    });
  }
});

describe("selectConfigPaths", () => {
  const paths = [
    "b/wrangler.toml",
    "a/wrangler.jsonc",
    "README.md",
    "node_modules/q/wrangler.toml",
    "apps/x/custom.toml",
  ];
  const cases: Array<{ name: string; patterns: string[]; expect: string[] }> = [
    {
      name: "no patterns: every wrangler config, sorted",
      patterns: [],
      expect: ["a/wrangler.jsonc", "b/wrangler.toml"],
    },
    {
      name: "blank patterns count as none",
      patterns: [" ", ""],
      expect: ["a/wrangler.jsonc", "b/wrangler.toml"],
    },
    {
      name: "explicit paths and globs, with ./, even for names wrangler would not find",
      patterns: ["./apps/*/custom.toml", "b/**"],
      expect: ["apps/x/custom.toml", "b/wrangler.toml"],
    },
    { name: "a pattern that matches nothing", patterns: ["nope/wrangler.toml"], expect: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(selectConfigPaths(paths, c.patterns), c.expect));
});
