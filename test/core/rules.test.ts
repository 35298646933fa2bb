// The rule families (src/core/rules/<family>.ts): each holds the catalogue entries of one range
// of codes, the catalogue is exactly their union, and the detection code (src/core/analyze) holds
// no message text: it computes facts and calls the family's wording.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { CATALOGUE } from "../../src/core/catalogue.ts";
import type { FindingKind } from "../../src/core/model.ts";
import { BINDING_RULES } from "../../src/core/rules/bindings.ts";
import { CLASS_RULES } from "../../src/core/rules/classes.ts";
import { CODE_EXPORT_RULES } from "../../src/core/rules/code-exports.ts";
import { CONFIG_FILE_RULES } from "../../src/core/rules/config-files.ts";
import { DELETE_RULES } from "../../src/core/rules/deletes.ts";
import { DIRECTIVE_RULES } from "../../src/core/rules/directives.ts";
import { EXPORTS_RULES } from "../../src/core/rules/exports.ts";
import { HISTORY_RULES } from "../../src/core/rules/history.ts";
import type { RuleFamily } from "../../src/core/rules/rule.ts";
import { WORKER_RULES } from "../../src/core/rules/workers.ts";

const FAMILIES: ReadonlyArray<[string, string, RuleFamily]> = [
  ["config-files", "DO0", CONFIG_FILE_RULES],
  ["deletes", "DO1", DELETE_RULES],
  ["history", "DO2", HISTORY_RULES],
  ["classes", "DO3", CLASS_RULES],
  ["bindings", "DO4", BINDING_RULES],
  ["workers", "DO5", WORKER_RULES],
  ["code-exports", "DO6", CODE_EXPORT_RULES],
  ["directives", "DO7", DIRECTIVE_RULES],
  ["exports", "DO9", EXPORTS_RULES],
];

describe("the rule families", () => {
  for (const [name, prefix, rules] of FAMILIES) {
    it(`rules/${name}.ts holds the ${prefix}xx codes, as the catalogue has them`, () => {
      const entries = Object.entries(rules) as Array<[FindingKind, (typeof CATALOGUE)[FindingKind]]>;
      assert.ok(entries.length > 0);
      for (const [kind, entry] of entries) {
        assert.ok(entry.code.startsWith(prefix), `${entry.code} in rules/${name}.ts`);
        assert.deepEqual(CATALOGUE[kind], entry);
      }
      const inCatalogue = Object.values(CATALOGUE).filter((e) => e.code.startsWith(prefix));
      assert.equal(inCatalogue.length, entries.length, `every ${prefix}xx code is in rules/${name}.ts`);
    });
  }

  it("the catalogue is the families' entries and the live plan's (DO8xx), nothing else", () => {
    const fromFamilies = FAMILIES.flatMap(([, , rules]) => Object.keys(rules));
    const rest = Object.entries(CATALOGUE).filter(([kind]) => !fromFamilies.includes(kind));
    assert.ok(
      rest.every(([, e]) => e.code.startsWith("DO8")),
      rest.map(([, e]) => e.code).join(", "),
    );
  });
});

describe("the detection code holds no message text", () => {
  const core = new URL("../../src/core/", import.meta.url);
  const inDir = (dir: string) =>
    readdirSync(new URL(dir, core))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => new URL(`${dir}${f}`, core));
  // The code that finds what a rule reports: the analysis, the config readers, the policy and its
  // directives, the live evidence, and the deploy run's decision. Their words are in src/core/rules.
  const files = [
    ...inDir("analyze/"),
    ...inDir("analyze/rules/"),
    ...inDir("config/"),
    ...inDir("policy/"),
    ...inDir("live/"),
    new URL("plan/decide.ts", core),
  ];
  // A text that is no rule's message or fix, kept where it is found: a live read's problem
  // (standing in for an API error, which the live plan's words quote).
  const notAFinding = [/^message: `the settings of \$\{name\} were not read`/];
  for (const file of files) {
    it(file.pathname.split("/src/")[1]!, () => {
      const text = readFileSync(file, "utf8");
      // A message or fix written in place (a template or a string, on the line of the key or the
      // next one), instead of a family's wording.
      const written = text.match(/\b(?:message|fix):\s+(?:`|["'][A-Za-z])[^\n]*/g) ?? [];
      assert.deepEqual(
        written.filter((line) => !notAFinding.some((allowed) => allowed.test(line))),
        [],
      );
    });
  }
});
