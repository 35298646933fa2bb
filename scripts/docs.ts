// `npm run docs`: regenerates the README's Inputs and Outputs tables from action.yml (between
// the <!-- inputs:start/end --> and <!-- outputs:start/end --> markers). `npm run validate`
// fails when they differ.
import { readFileSync, writeFileSync } from "node:fs";
import { writeTables } from "./ship/readme-tables.ts";
import { parseYaml } from "./ship/yaml-nodes.ts";

const readmeUrl = new URL("../README.md", import.meta.url);
const action = parseYaml(readFileSync(new URL("../action.yml", import.meta.url), "utf8"));
const before = readFileSync(readmeUrl, "utf8");
const after = writeTables(before, action);
if (after === before) {
  console.log("README.md: inputs and outputs tables are current");
} else {
  writeFileSync(readmeUrl, after);
  console.log("README.md: inputs and outputs tables rewritten from action.yml");
}
