// `npm run docs`: regenerates the action reference's (docs/action.md) Inputs and Outputs tables
// from action.yml (between
// the <!-- inputs:start/end --> and <!-- outputs:start/end --> markers; `npm run validate`
// fails when they differ), and the policy file's JSON Schema from the finding catalogue (a test
// fails when it differs).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { POLICY_SCHEMA_PATH, policySchema } from "../src/core/policy/schema.ts";
import { ACTION_REFERENCE, writeTables } from "./ship/action-tables.ts";
import { parseYaml } from "./ship/yaml-nodes.ts";

const referenceUrl = new URL(`../${ACTION_REFERENCE}`, import.meta.url);
const action = parseYaml(readFileSync(new URL("../action.yml", import.meta.url), "utf8"));
const before = readFileSync(referenceUrl, "utf8");
const after = writeTables(before, action);
if (after === before) {
  console.log(`${ACTION_REFERENCE}: inputs and outputs tables are current`);
} else {
  writeFileSync(referenceUrl, after);
  console.log(`${ACTION_REFERENCE}: inputs and outputs tables rewritten from action.yml`);
}

const schemaUrl = new URL(`../${POLICY_SCHEMA_PATH}`, import.meta.url);
const schema = `${JSON.stringify(policySchema(), null, 2)}\n`;
let current = "";
try {
  current = readFileSync(schemaUrl, "utf8");
} catch {
  // Not written yet.
}
if (current === schema) {
  console.log(`${POLICY_SCHEMA_PATH}: current`);
} else {
  mkdirSync(new URL(".", schemaUrl), { recursive: true });
  writeFileSync(schemaUrl, schema);
  console.log(`${POLICY_SCHEMA_PATH}: rewritten from the finding catalogue`);
}
