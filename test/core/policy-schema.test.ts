// The policy file's JSON Schema (schema/policy.schema.json, for editors) is current with the
// finding catalogue, and says what the validator (parsePolicy) accepts: the same keys, levels and
// codes, and no data-loss code.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { CATALOGUE } from "../../src/core/catalogue.ts";
import { LEVELS, OVERRIDE_KEYS, parsePolicy, TOP_KEYS } from "../../src/core/policy/policy.ts";
import { POLICY_SCHEMA_PATH, policySchema } from "../../src/core/policy/schema.ts";

const committed = readFileSync(new URL(`../../${POLICY_SCHEMA_PATH}`, import.meta.url), "utf8");
const schema = JSON.parse(committed);

describe("the policy schema", () => {
  it("is current (npm run docs rewrites it)", () => {
    assert.equal(committed, `${JSON.stringify(policySchema(), null, 2)}\n`, "run npm run docs");
  });

  it("has the validator's keys and levels", () => {
    assert.deepEqual(Object.keys(schema.properties), [...TOP_KEYS]);
    assert.deepEqual(Object.keys(schema.properties.overrides.items.properties), [...OVERRIDE_KEYS]);
    assert.deepEqual(schema.definitions.level.enum, [...LEVELS]);
  });

  it("lists every code a rule may name, and exactly those", () => {
    const listed = Object.keys(schema.definitions.rules.properties);
    const allowed = Object.values(CATALOGUE)
      .filter((e) => !e.reportsDataLoss)
      .map((e) => e.code)
      .sort();
    assert.deepEqual(listed, allowed);
    for (const code of Object.values(CATALOGUE).map((e) => e.code)) {
      const reading = parsePolicy("p.jsonc", JSON.stringify({ rules: { [code]: "info" } }));
      assert.equal(reading.ok, listed.includes(code), code);
    }
    assert.ok(!listed.includes("DO101") && !listed.includes("DO102"));
    assert.ok(!listed.includes("DO801") && !listed.includes("DO802"), "the live plan's data loss too");
  });
});
