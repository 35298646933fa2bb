// Whether a report fails the check (the CLI's exit code, the action's status).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildReport } from "../../src/core/analyze/analyze.ts";
import { CATALOGUE } from "../../src/core/catalogue.ts";
import { type FailOn, failingFindings, parseFailOn } from "../../src/core/gate.ts";
import type { Finding, Severity } from "../../src/core/model.ts";

function finding(severity: Severity): Finding {
  return {
    code: CATALOGUE["class-created"].code,
    kind: "class-created",
    severity,
    dataLoss: false,
    classes: [severity],
    worker: null,
    env: null,
    file: "wrangler.toml",
    line: null,
    tag: null,
    message: severity,
    fix: "",
    introduced: true,
  };
}

describe("parseFailOn", () => {
  const cases: Array<[string, FailOn | null]> = [
    ["critical", "critical"],
    ["error", "error"],
    ["warning", "warning"],
    ["never", "never"],
    ["info", null],
    ["Error", null],
    [" error", null],
    ["", null],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => assert.equal(parseFailOn(input), expected));
  }
});

describe("failingFindings", () => {
  const report = buildReport((["info", "warning", "error", "critical"] as const).map(finding));
  const cases: Array<[FailOn, Severity[]]> = [
    ["critical", ["critical"]],
    ["error", ["critical", "error"]],
    ["warning", ["critical", "error", "warning"]],
    ["never", []],
  ];
  for (const [failOn, expected] of cases) {
    it(`--fail-on ${failOn}`, () =>
      assert.deepEqual(
        failingFindings(report, failOn).map((f) => f.severity),
        expected,
      ));
  }
  it("an empty report never fails", () => assert.deepEqual(failingFindings(buildReport([]), "warning"), []));
});
