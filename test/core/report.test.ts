// The report: its risk level and the order of findings (data loss first).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository, buildReport, riskOf } from "../../src/core/analyze/analyze.ts";
import type { Finding, Risk, Severity } from "../../src/core/model.ts";

function finding(overrides: Partial<Finding>): Finding {
  return {
    code: "DO301",
    kind: "class-created",
    severity: "info",
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: "wrangler.toml",
    line: 1,
    tag: null,
    message: "",
    fix: "",
    introduced: true,
    ...overrides,
  };
}

describe("riskOf", () => {
  const cases: Array<[Severity[], Risk]> = [
    [[], "none"],
    [["info"], "low"],
    [["info", "warning"], "medium"],
    [["warning", "error", "info"], "high"],
    [["critical", "info"], "critical"],
  ];
  for (const [severities, risk] of cases) {
    it(`${severities.join(", ") || "no findings"} → ${risk}`, () => {
      assert.equal(riskOf(severities.map((severity) => finding({ severity }))), risk);
      assert.equal(buildReport(severities.map((severity) => finding({ severity }))).risk, risk);
    });
  }

  it("a real change at each level", () => {
    const toml = (extra: string) =>
      `name = "app"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n${extra}`;
    const risk = (extra: string) =>
      analyzeRepository([{ file: "wrangler.toml", baseText: toml(""), headText: toml(extra) }]).risk;
    assert.equal(risk(""), "none");
    assert.equal(risk('[[migrations]]\ntag = "v2"\nnew_sqlite_classes = ["B"]\n'), "low");
    assert.equal(
      risk('[[migrations]]\ntag = "v2"\nrenamed_classes = [{ from = "A", to = "B" }]\n'),
      "medium",
    );
    assert.equal(risk('[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["B"]\n'), "high");
    assert.equal(risk('[[migrations]]\ntag = "v2"\ndeleted_classes = ["A"]\n'), "critical");
  });
});

describe("buildReport: the order of findings", () => {
  const F = (id: string, overrides: Partial<Finding>) => finding({ message: id, ...overrides });
  const cases: Array<{ name: string; findings: Finding[]; order: string[] }> = [
    {
      name: "data loss first, whatever the file, env or line",
      findings: [
        F("error-early", { severity: "error", file: "a/wrangler.toml", line: 1 }),
        F("loss-late", {
          severity: "critical",
          dataLoss: true,
          file: "z/wrangler.toml",
          env: "prod",
          line: 99,
        }),
      ],
      order: ["loss-late", "error-early"],
    },
    {
      name: "then by severity",
      findings: [
        F("info", { severity: "info" }),
        F("warning", { severity: "warning" }),
        F("critical", { severity: "critical" }),
        F("error", { severity: "error" }),
      ],
      order: ["critical", "error", "warning", "info"],
    },
    {
      name: "then by file, env (top level first), line and code",
      findings: [
        F("b", { file: "b/wrangler.toml" }),
        F("a-staging", { file: "a/wrangler.toml", env: "staging" }),
        F("a-top-line-9", { file: "a/wrangler.toml", line: 9 }),
        F("a-top-line-2-DO302", { file: "a/wrangler.toml", line: 2, code: "DO302" }),
        F("a-top-line-2-DO301", { file: "a/wrangler.toml", line: 2 }),
        F("a-production", { file: "a/wrangler.toml", env: "production" }),
      ],
      order: ["a-top-line-2-DO301", "a-top-line-2-DO302", "a-top-line-9", "a-production", "a-staging", "b"],
    },
    {
      name: "a finding without a line comes first among equals",
      findings: [F("line-3", { line: 3 }), F("no-line", { line: null })],
      order: ["no-line", "line-3"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(
        buildReport(c.findings).findings.map((f) => f.message),
        c.order,
      );
    });
  }

  it("does not change its input", () => {
    const findings = [
      finding({ message: "x", severity: "info" }),
      finding({ message: "y", severity: "error" }),
    ];
    buildReport(findings);
    assert.deepEqual(
      findings.map((f) => f.message),
      ["x", "y"],
    );
  });
});
