// Which repository paths are wrangler configs, and how the `config` input's globs select them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isWranglerConfigPath, selectConfigPaths, wranglerConfigsUnder } from "../../src/core/discover.ts";
import { isGlob, pathListMatcher } from "../../src/core/glob.ts";

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

describe("wranglerConfigsUnder: a directory selects what discovery finds", () => {
  const paths = [
    "wrangler.toml",
    "wrangler.staging.toml",
    "apps/api/wrangler.jsonc",
    "apps/api/wrangler.prod-eu.json",
    "apps/dist-tools/wrangler.toml",
    "apps/chat/dist/chat/wrangler.json",
    "apps/chat/.wrangler/tmp/wrangler.toml",
    "apps/chat/node_modules/x/wrangler.toml",
    "apps/chat/wrangler-old.toml",
    "apps/chat/wrangler.yaml",
    "other/wrangler.toml",
  ];
  it("the repository: exactly isWranglerConfigPath", () => {
    const under = pathListMatcher(wranglerConfigsUnder(""));
    for (const path of paths) assert.equal(under(path), isWranglerConfigPath(path), path);
  });
  it("a directory: the same, below it only", () => {
    const under = pathListMatcher(wranglerConfigsUnder("apps"));
    assert.deepEqual(paths.filter(under), [
      "apps/api/wrangler.jsonc",
      "apps/api/wrangler.prod-eu.json",
      "apps/dist-tools/wrangler.toml",
    ]);
  });
});

describe("pathListMatcher: one pattern", () => {
  const cases: Array<{ glob: string; matches: string[]; rejects: string[] }> = [
    {
      glob: "**/wrangler.toml",
      matches: ["wrangler.toml", "apps/api/wrangler.toml", "a/b/c/wrangler.toml", ".hidden/wrangler.toml"],
      rejects: ["wrangler.jsonc", "apps/api/mywrangler.toml"],
    },
    {
      glob: "apps/*/wrangler.jsonc",
      matches: ["apps/api/wrangler.jsonc"],
      rejects: ["apps/wrangler.jsonc", "apps/a/b/wrangler.jsonc", "xapps/api/wrangler.jsonc"],
    },
    { glob: "apps/**", matches: ["apps/a", "apps/a/b/wrangler.toml"], rejects: ["other/apps/a"] },
    { glob: "wrangler.?oml", matches: ["wrangler.toml"], rejects: ["wrangler.t/ml", "wrangler.oml"] },
    {
      glob: "apps/{chat,billing}/wrangler.toml",
      matches: ["apps/chat/wrangler.toml", "apps/billing/wrangler.toml"],
      rejects: ["apps/search/wrangler.toml"],
    },
    {
      glob: "workers/[ab]*/wrangler.jsonc",
      matches: ["workers/api/wrangler.jsonc", "workers/billing/wrangler.jsonc"],
      rejects: ["workers/chat/wrangler.jsonc"],
    },
    {
      glob: "./a.b/(y)+/wrangler.toml",
      matches: ["a.b/(y)+/wrangler.toml"],
      rejects: ["aXb/y/wrangler.toml"],
    },
  ];
  for (const c of cases) {
    it(c.glob, () => {
      const test = pathListMatcher([c.glob]);
      for (const path of c.matches) assert.ok(test(path), `${c.glob} matches ${path}`);
      for (const path of c.rejects) assert.ok(!test(path), `${c.glob} does not match ${path}`);
    });
  }
});

describe("pathListMatcher: a list, `!` and the last match", () => {
  const cases: Array<{ name: string; patterns: string[]; matches: string[]; rejects: string[] }> = [
    {
      name: "a negation takes paths back out of an earlier pattern",
      patterns: ["fixtures/**", "!fixtures/deployed/**"],
      matches: ["fixtures/a/wrangler.toml"],
      rejects: ["fixtures/deployed/wrangler.toml", "apps/wrangler.toml"],
    },
    {
      name: "a later pattern puts them back in: the last match decides",
      patterns: ["**/tests/**", "!packages/**", "packages/x/tests/**"],
      matches: ["a/tests/wrangler.toml", "packages/x/tests/wrangler.jsonc"],
      rejects: ["packages/y/tests/wrangler.jsonc"],
    },
    {
      name: "only negations select nothing; blanks are ignored",
      patterns: ["!a/**", " ", ""],
      matches: [],
      rejects: ["a/wrangler.toml", "b/wrangler.toml"],
    },
    {
      name: "a backslash keeps a literal `!`",
      patterns: ["\\!odd/*"],
      matches: ["!odd/x"],
      rejects: ["odd/x"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const test = pathListMatcher(c.patterns);
      for (const path of c.matches) assert.ok(test(path), `${c.patterns.join(" ")} matches ${path}`);
      for (const path of c.rejects) assert.ok(!test(path), `${c.patterns.join(" ")} does not match ${path}`);
    });
  }
});

describe("isGlob", () => {
  for (const [pattern, expected] of [
    ["apps/api/wrangler.toml", false],
    ["apps/*/wrangler.toml", true],
    ["apps/{a,b}/wrangler.toml", true],
    ["!apps/legacy", false],
    ["!apps/**", true],
    ["a/{b}", false],
  ] as const) {
    it(`${pattern} → ${expected}`, () => assert.equal(isGlob(pattern), expected));
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
    {
      name: "braces, and a negation taking a config back out",
      patterns: ["{a,b}/wrangler.*", "!b/**"],
      expect: ["a/wrangler.jsonc"],
    },
    {
      name: "only negations: every wrangler config but those",
      patterns: ["!a/**"],
      expect: ["b/wrangler.toml"],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(selectConfigPaths(paths, c.patterns), c.expect));
});
