// The policy model, pure: the policy file (parse and validate with lines), which policy a change
// is judged by (the base revision's), and the policy step over the findings (levels, overrides,
// inline directives). Every case that matters runs in TOML and in JSONC. The data-loss rule is
// proved from both sides: the parser refuses to name a data-loss code, and the policy step leaves
// data loss alone even when handed a policy that names it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { acknowledgements } from "../../src/core/acknowledge.ts";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { gateFor, startsAComment } from "../../src/core/gate.ts";
import type { ConfigChange, Finding, Report } from "../../src/core/model.ts";
import { applyPolicy } from "../../src/core/policy/apply.ts";
import { policyLoosening, policyLooseningFinding } from "../../src/core/policy/loosening.ts";
import { describePolicyProblem, type Policy, parsePolicy } from "../../src/core/policy/policy.ts";
import { choosePolicy, ignoredNote } from "../../src/core/policy/source.ts";
import { markedLine } from "../support/core-cases.ts";

function policyOf(text: string, file = ".do-migrate.jsonc"): Policy {
  const reading = parsePolicy(file, text);
  assert.ok(reading.ok, reading.ok ? "" : reading.problems.map(describePolicyProblem).join("\n"));
  return reading.policy;
}

function problemsOf(text: string): string[] {
  const reading = parsePolicy(".do-migrate.jsonc", text);
  assert.ok(!reading.ok, "the policy should be refused");
  return reading.problems.map(describePolicyProblem);
}

function checked(changes: ConfigChange[], policy: Policy | null = null): Report {
  return applyPolicy(analyzeRepository(changes), { policy, changes });
}

const codesOf = (report: Report, which: (f: Finding) => boolean = () => true) =>
  report.findings.filter(which).map((f) => f.code);
const counted = (f: Finding) => !f.suppressed;
const suppressed = (f: Finding) => Boolean(f.suppressed);

describe("the policy file", () => {
  it("reads ignore, rules and overrides, with the line of each rule", () => {
    const text = [
      "{",
      '  "$schema": "./node_modules/do-migrate-action/schema/policy.schema.json",',
      "  // configs never analysed",
      '  "ignore": ["fixtures/", "/tests/**", "!fixtures/deployed/**"],',
      '  "rules": {',
      '    "DO604": "off",',
      '    "DO201": "warning", // trailing commas and comments are fine',
      "  },",
      '  "overrides": [',
      '    { "files": ["examples/**"], "rules": { "DO201": "info" } },',
      "  ],",
      "}",
    ].join("\n");
    const policy = policyOf(text);
    assert.deepEqual(policy.ignore, ["fixtures/**", "tests/**", "!fixtures/deployed/**"]);
    assert.equal(policy.ignores("fixtures/a/wrangler.toml"), true);
    assert.equal(
      policy.ignores("fixtures/deployed/wrangler.toml"),
      false,
      "the last matching pattern decides",
    );
    assert.equal(policy.ignores("tests/wrangler.jsonc"), true);
    assert.equal(policy.ignores("apps/api/wrangler.jsonc"), false);
    assert.deepEqual(
      [...policy.rules.values()],
      [
        { code: "DO604", level: "off", line: 6 },
        { code: "DO201", level: "warning", line: 7 },
      ],
    );
    assert.equal(policy.overrides[0]!.matches("examples/chat/wrangler.toml"), true);
    assert.deepEqual(policy.overrides[0]!.rules.get("DO201"), { code: "DO201", level: "info", line: 10 });
  });

  it("names the file and line of every problem, and never ignores one", () => {
    const text = [
      "{", // 1
      '  "rule": { "DO201": "off" },', // 2
      '  "ignore": "fixtures/**",', // 3
      '  "rules": {', // 4
      '    "DO201": "warn",', // 5
      '    "DO202": "critical",', // 6
      '    "DO101": "off",', // 7
      '    "DO102": "info",', // 8
      '    "history-reordered": "off",', // 9
      '    "do204": "off",', // 10
      '    "DO999": "off",', // 11
      '    "DO205": 2', // 12
      "  },", // 13
      '  "overrides": [', // 14
      '    { "files": [], "rules": {}, "level": "off" },', // 15
      '    { "rules": { "DO604": "off" } },', // 16
      '    { "files": ["examples/**", ""] , "rules": { "DO301": "off" } },', // 17
      '    "examples/**"', // 18
      "  ]", // 19
      "}",
    ].join("\n");
    assert.deepEqual(problemsOf(text), [
      ".do-migrate.jsonc:2: unknown key `rule` (did you mean `rules`?); the keys are `$schema`, `ignore`, `rules`, `overrides`",
      ".do-migrate.jsonc:3: `ignore` must be a list of path patterns (strings)",
      '.do-migrate.jsonc:5: `DO201`: unknown level "warn" (did you mean "warning"?); the levels are off, info, warning, error',
      '.do-migrate.jsonc:6: `DO202`: level "critical" is reserved for data loss; the levels are off, info, warning, error',
      ".do-migrate.jsonc:7: `DO101` (class-deleted) reports data loss, which no rule, override or directive can lower or hide: the acknowledgement in the pull request description is the only way to pass it",
      ".do-migrate.jsonc:8: `DO102` (probable-rename) reports data loss, which no rule, override or directive can lower or hide: the acknowledgement in the pull request description is the only way to pass it",
      ".do-migrate.jsonc:9: `history-reordered` is a finding kind: write its code, `DO203`",
      ".do-migrate.jsonc:10: unknown finding code `do204` (did you mean `DO204`?)",
      ".do-migrate.jsonc:11: unknown finding code `DO999`: the codes are listed in docs/findings.md",
      ".do-migrate.jsonc:12: `DO205`: unknown level 2; the levels are off, info, warning, error",
      ".do-migrate.jsonc:15: unknown key `level` in `overrides[0]`; the keys are `files`, `rules`",
      ".do-migrate.jsonc:15: `overrides[0].files` is empty: it would match no config",
      ".do-migrate.jsonc:16: `overrides[1]` has no `files`: say which configs it is for",
      ".do-migrate.jsonc:17: `overrides[2].files[1]` is an empty pattern",
      ".do-migrate.jsonc:18: `overrides[3]` must be an object `{ files, rules }`",
    ]);
  });

  it("a rule or override naming a live plan's data-loss code (DO801, DO802) is refused like DO101", () => {
    const text = [
      "{", // 1
      '  "rules": {', // 2
      '    "DO801": "off",', // 3
      '    "DO101": "info"', // 4
      "  },", // 5
      '  "overrides": [{ "files": ["a/**"], "rules": { "DO802": "warning" } }]', // 6
      "}",
    ].join("\n");
    const why =
      "reports data loss, which no rule, override or directive can lower or hide: the acknowledgement in the pull request description is the only way to pass it";
    assert.deepEqual(problemsOf(text), [
      `.do-migrate.jsonc:3: \`DO801\` (live-tag-unknown) ${why}`,
      `.do-migrate.jsonc:4: \`DO101\` (class-deleted) ${why}`,
      `.do-migrate.jsonc:6: \`DO802\` (undeployed-step) ${why}`,
    ]);
  });

  it('a "__proto__" key is refused: it would hide what it holds (the reader gives its fields as the object\'s own)', () => {
    const text = ["{", '  "rules": {},', '  "__proto__": { "ignore": ["**"] }', "}"].join("\n");
    assert.deepEqual(problemsOf(text), [
      ".do-migrate.jsonc:3: unknown key `__proto__`: write the keys it holds in the object itself",
    ]);
  });

  it("a text that is not JSONC, or not an object, is one problem at its position", () => {
    assert.deepEqual(problemsOf('{\n  "rules": { "DO201": "off" \n'), [
      ".do-migrate.jsonc:3: not valid JSONC: closing brace expected, column 1",
    ]);
    assert.deepEqual(problemsOf('["DO201"]'), [
      ".do-migrate.jsonc:1: not valid JSONC: the top level is not an object, column 1",
    ]);
  });
});

describe("which policy a change is judged by", () => {
  const good = '{ "ignore": ["fixtures/**"] }';
  const loose = '{ "ignore": ["**"], "rules": { "DO201": "off" } }';
  const broken = '{ "ignor": [] }';
  const at = (text: string | null, path = ".do-migrate.jsonc") => (text === null ? null : { path, text });

  it("the base revision's, when the change edits it; the new one applies after merge", () => {
    const choice = choosePolicy({ base: at(good), head: at(loose) });
    assert.ok(choice.ok);
    assert.deepEqual(choice.policy?.ignore, ["fixtures/**"]);
    assert.deepEqual(choice.notes, [
      "This change edits the policy `.do-migrate.jsonc`: this check uses the policy of the base revision; the new one applies after merge.",
    ]);
  });

  it("none, when the change adds it", () => {
    const choice = choosePolicy({ base: null, head: at(loose) });
    assert.ok(choice.ok);
    assert.equal(choice.policy, null);
    assert.match(choice.notes[0]!, /adds the policy `\.do-migrate\.jsonc`: it applies after merge/);
  });

  it("still the base revision's, when the change deletes it", () => {
    const choice = choosePolicy({ base: at(good), head: null });
    assert.ok(choice.ok);
    assert.deepEqual(choice.policy?.ignore, ["fixtures/**"]);
    assert.match(choice.notes[0]!, /removes the policy .*still uses it/);
  });

  it("an unchanged policy, without a note", () => {
    const choice = choosePolicy({ base: at(good), head: at(good) });
    assert.ok(choice.ok);
    assert.deepEqual(choice.notes, []);
  });

  it("a broken policy in the change fails the check, so it is never merged through it", () => {
    const choice = choosePolicy({ base: at(good), head: at(broken) });
    assert.ok(!choice.ok);
    assert.deepEqual(choice.problems, [
      ".do-migrate.jsonc:1: unknown key `ignor` (did you mean `ignore`?); the keys are `$schema`, `ignore`, `rules`, `overrides` (the policy in this change)",
    ]);
  });

  it("a broken base policy fails the check, unless the change repairs it (then: no policy at all)", () => {
    const stuck = choosePolicy({ base: at(broken), head: at(broken) });
    assert.ok(!stuck.ok);
    assert.match(stuck.problems[0]!, /\(the policy at the base revision\)$/);
    const repaired = choosePolicy({ base: at(broken), head: at(loose) });
    assert.ok(repaired.ok);
    assert.equal(repaired.policy, null, "nothing from the change is trusted");
    assert.match(repaired.notes[0]!, /not valid .* this change repairs it: this check runs with no policy/);
  });

  it("a policy path given on purpose that exists at neither revision is an error", () => {
    const choice = choosePolicy({ base: null, head: null }, { explicit: "ci/policy.jsonc" });
    assert.ok(!choice.ok);
    assert.deepEqual(choice.problems, [
      "ci/policy.jsonc: no such policy file at the base or the head revision",
    ]);
    assert.deepEqual(choosePolicy({ base: null, head: null }), { ok: true, policy: null, notes: [] });
  });

  it("says which ignored configs the change touches", () => {
    const policy = policyOf(good);
    const note = ignoredNote(
      policy,
      ["fixtures/a/wrangler.toml", "fixtures/b/wrangler.toml"],
      new Set(["fixtures/b/wrangler.toml"]),
    );
    assert.equal(
      note,
      "2 config(s) not analysed: the policy `.do-migrate.jsonc` ignores them; changed here: `fixtures/b/wrangler.toml`.",
    );
    assert.equal(ignoredNote(policy, [], new Set()), null);
  });
});

describe("what a policy edit checks less once merged (DO705)", () => {
  const CONFIGS = ["apps/chat/wrangler.toml", "fixtures/a/wrangler.toml", "svc/wrangler.toml"];
  const edit = (before: string | null, after: string | null, configs = CONFIGS) => ({
    before: before === null ? null : policyOf(before),
    after: after === null ? null : policyOf(after),
    file: ".do-migrate.jsonc",
    configs,
  });
  const BEFORE = '{ "ignore": ["fixtures/**"], "rules": { "DO604": "error" } }';

  it("newly ignored configs, lowered and disabled codes, per rule, with the configs each reaches", () => {
    const after = [
      "{",
      '  "ignore": ["fixtures/**", "apps/**", "tmp/**"],',
      '  "rules": { "DO604": "error", "DO201": "off" },',
      '  "overrides": [',
      '    { "files": ["svc/**"], "rules": { "DO302": "info" } },',
      '    { "files": ["libs/**"], "rules": { "DO103": "off" } }',
      "  ]",
      "}",
    ].join("\n");
    const loosening = policyLoosening(edit(BEFORE, after));
    assert.deepEqual(loosening.ignored, ["apps/chat/wrangler.toml"]);
    assert.deepEqual(loosening.newPatterns, ["tmp/**"], "a pattern that matches no config yet");
    assert.deepEqual(
      loosening.rules.map((r) => [
        r.code,
        r.from,
        r.to,
        r.rule?.line ?? null,
        r.override?.files ?? null,
        r.configs,
      ]),
      [
        ["DO201", "error", "off", 3, null, ["svc/wrangler.toml"]],
        ["DO302", "warning", "info", 5, ["svc/**"], ["svc/wrangler.toml"]],
        ["DO103", "error", "off", 6, ["libs/**"], []],
      ],
    );
    const finding = policyLooseningFinding(edit(BEFORE, after))!;
    assert.equal(finding.code, "DO705");
    assert.equal(finding.kind, "policy-loosened");
    assert.equal(finding.severity, "warning");
    assert.equal(finding.file, ".do-migrate.jsonc");
    assert.equal(finding.line, 2, "the first line that loosens");
    assert.equal(finding.introduced, true);
    assert.equal(startsAComment(finding), true, "it starts a comment under comment: on-change");
    assert.equal(
      finding.message,
      "Once this change is merged, every pull request is checked with the policy `.do-migrate.jsonc` as this change leaves it, which checks less than the policy this check uses: it ignores `apps/chat/wrangler.toml`, which the current policy checks (nothing in it is checked any more); its `ignore` adds `tmp/**`, which matches no config yet (a config added there is never checked); it sets DO201 off (was error) in `rules`, line 3: `svc/wrangler.toml` and every config added later; it sets DO302 to info (was warning) for `svc/**`, line 5: `svc/wrangler.toml`; it sets DO103 off (was error) for `libs/**`, line 6, which matches no config yet.",
    );
  });

  it("a rule the edit removes lowers the code back to its default; removing the whole policy too", () => {
    const removed = policyLoosening(edit(BEFORE, '{ "ignore": ["fixtures/**"] }'));
    assert.deepEqual(
      removed.rules.map((r) => [r.code, r.from, r.to, r.rule, r.configs]),
      [["DO604", "error", "info", null, ["apps/chat/wrangler.toml", "svc/wrangler.toml"]]],
    );
    const gone = policyLooseningFinding(edit(BEFORE, null))!;
    assert.equal(gone.line, null);
    assert.match(gone.message, /checked without a policy \(this change removes `\.do-migrate\.jsonc`\)/);
    assert.match(gone.message, /it sets DO604 to info \(was error: the rule that set it is removed\)/);
    assert.doesNotMatch(gone.message, /ignores/, "checking the fixtures again is not loosening");
  });

  it("a policy added where there was none loosens what it ignores and lowers", () => {
    const added = policyLoosening(edit(null, '{ "ignore": ["fixtures/"], "rules": { "DO604": "off" } }'));
    assert.deepEqual(added.ignored, ["fixtures/a/wrangler.toml"]);
    assert.deepEqual(
      added.rules.map((r) => [r.code, r.from, r.to]),
      [["DO604", "info", "off"]],
    );
  });

  it("tightening, reordering and an unchanged level report nothing", () => {
    const same = [
      '{ "ignore": ["fixtures/**"], "rules": { "DO604": "error" } }',
      // The same, written another way.
      '{\n  "rules": { "DO604": "error" },\n  "ignore": ["/fixtures/"]\n}',
      // Checks the fixtures again, raises DO604 in svc, keeps the rest.
      '{ "rules": { "DO604": "error" }, "overrides": [{ "files": ["svc/**"], "rules": { "DO302": "error" } }] }',
      // An override for a directory with no config, at a level above the default.
      '{ "ignore": ["fixtures/**", "!fixtures/keep/**"], "rules": { "DO604": "error" }, "overrides": [{ "files": ["libs/**"], "rules": { "DO604": "error" } }] }',
    ];
    for (const after of same) assert.equal(policyLooseningFinding(edit(BEFORE, after)), null, after);
    // Lowering a code in a config the old policy ignored is not loosening: it was not checked.
    assert.equal(
      policyLooseningFinding(
        edit(
          BEFORE,
          '{ "rules": { "DO604": "error" }, "overrides": [{ "files": ["fixtures/**"], "rules": { "DO201": "off" } }] }',
        ),
      ),
      null,
    );
  });

  it("choosePolicy hands over the edited policy, so the check can judge the edit", () => {
    const at = (text: string) => ({ path: ".do-migrate.jsonc", text });
    const edited = choosePolicy({ base: at(BEFORE), head: at('{ "ignore": ["**"] }') });
    assert.ok(edited.ok);
    assert.deepEqual(edited.edit?.after?.ignore, ["**"]);
    assert.deepEqual(edited.policy?.ignore, ["fixtures/**"], "the check itself still uses the base policy");
    const removed = choosePolicy({ base: at(BEFORE), head: null });
    assert.ok(removed.ok);
    assert.deepEqual(removed.edit, { after: null, file: ".do-migrate.jsonc" });
    const unchanged = choosePolicy({ base: at(BEFORE), head: at(BEFORE) });
    assert.ok(unchanged.ok);
    assert.equal(unchanged.edit, undefined);
  });
});

// A change that edits applied history (DO201) and deletes a class (DO101, data loss), in both
// formats. `@@step` marks the line the DO201 finding names (unless a trailing directive takes
// its place), `@@delete` the delete.
const TOML_BASE = [
  'name = "chat"',
  'main = "src/index.ts"',
  "",
  "[[migrations]]",
  'tag = "v1"',
  'new_sqlite_classes = ["Room", "Limiter"]',
  "",
].join("\n");
const tomlHead = (above: string, trailing = "", aboveDelete = "") =>
  [
    'name = "chat"',
    'main = "src/index.ts"',
    "",
    ...(above ? [above] : []),
    `[[migrations]] # ${trailing || "@@step"}`,
    'tag = "v1"',
    'new_sqlite_classes = ["Room", "Limiter", "Typing"]',
    "",
    ...(aboveDelete ? [aboveDelete] : []),
    "[[migrations]] # @@delete",
    'tag = "v2"',
    'deleted_classes = ["Limiter"]',
    "",
  ].join("\n");
const JSONC_BASE = [
  "{",
  '  "name": "chat",',
  '  "main": "src/index.ts",',
  '  "migrations": [',
  '    { "tag": "v1", "new_sqlite_classes": ["Room", "Limiter"] }',
  "  ]",
  "}",
].join("\n");
const jsoncHead = (above: string, trailing = "", aboveDelete = "") =>
  [
    "{",
    '  "name": "chat",',
    '  "main": "src/index.ts",',
    '  "migrations": [',
    ...(above ? [`    ${above}`] : []),
    `    { "tag": "v1", "new_sqlite_classes": ["Room", "Limiter", "Typing"] }, // ${trailing || "@@step"}`,
    ...(aboveDelete ? [`    ${aboveDelete}`] : []),
    '    { "tag": "v2", "deleted_classes": ["Limiter"] } // @@delete',
    "  ]",
    "}",
  ].join("\n");

const FORMATS = [
  { name: "TOML", file: "wrangler.toml", base: TOML_BASE, head: tomlHead, comment: (t: string) => `# ${t}` },
  {
    name: "JSONC",
    file: "wrangler.jsonc",
    base: JSONC_BASE,
    head: jsoncHead,
    comment: (t: string) => `// ${t}`,
  },
] as const;

for (const format of FORMATS) {
  const change = (head: string, base = format.base): ConfigChange[] => [
    { file: format.file, baseText: base, headText: head },
  ];

  describe(`inline directives (${format.name})`, () => {
    it("without any: DO201 and the data loss count", () => {
      const report = checked(change(format.head("")));
      assert.deepEqual(codesOf(report), ["DO101", "DO201", "DO301"]);
      assert.equal(report.risk, "critical");
    });

    it("on the line above: suppresses the finding, which stays in the report with who and why", () => {
      const head = format.head(
        format.comment("do-migrate-ignore DO201 -- vitest fixture: tests add classes to v1"),
      );
      const report = checked(change(head));
      const edited = report.findings.find((f) => f.code === "DO201")!;
      assert.deepEqual(edited.suppressed, {
        by: "directive",
        reason: "vitest fixture: tests add classes to v1",
        file: format.file,
        line: markedLine(head, "step") - 1,
      });
      assert.equal(edited.severity, "error", "the severity is kept; it only does not count");
      assert.deepEqual(codesOf(report, counted), ["DO101", "DO301"]);
      // The data loss still counts and still needs its acknowledgement.
      assert.equal(report.risk, "critical");
    });

    it("on the finding's own line (a trailing comment)", () => {
      const head = format.head("", "do-migrate-ignore DO201 -- fixture");
      const report = checked(change(head));
      assert.deepEqual(codesOf(report, suppressed), ["DO201"]);
    });

    it("stacked above the line, and for the whole file", () => {
      const indent = format.name === "TOML" ? "" : "    ";
      const head = format.head(
        `${format.comment("do-migrate-ignore-file DO604 -- main is built")}\n${indent}${format.comment("do-migrate-ignore DO201 -- fixture")}`,
      );
      const report = checked(change(head));
      assert.deepEqual(codesOf(report, suppressed), ["DO201"]);
      // The file directive suppresses nothing here (no DO604): it is new in this change, so it is reported.
      assert.deepEqual(
        codesOf(report, (f) => f.kind === "directive-unused"),
        ["DO702"],
      );
    });

    it("without a reason: does not apply, and is itself a finding (DO701)", () => {
      const head = format.head(format.comment("do-migrate-ignore DO201"));
      const report = checked(change(head));
      assert.deepEqual(codesOf(report, suppressed), []);
      const missing = report.findings.find((f) => f.code === "DO701")!;
      assert.equal(missing.severity, "warning");
      assert.equal(missing.line, markedLine(head, "step") - 1);
      assert.match(missing.message, /gives no reason, so it does not apply/);
    });

    it("naming a data-loss code: the data loss is untouched, and the directive is reported (DO703)", () => {
      // Hostile: the change that deletes the class tries to silence its own delete.
      const hostile = format.head(
        "",
        "",
        format.comment("do-migrate-ignore DO101, DO102 -- nothing of value"),
      );
      const report = checked(change(hostile));
      const loss = report.findings.find((f) => f.code === "DO101")!;
      assert.equal(loss.suppressed, undefined);
      assert.equal(loss.severity, "critical");
      assert.equal(loss.dataLoss, true);
      assert.equal(report.risk, "critical");
      assert.deepEqual(
        codesOf(report, (f) => f.kind === "directive-data-loss"),
        ["DO703"],
      );
      const gate = gateFor(report, acknowledgements(report, ""), "critical");
      assert.equal(gate.failed, true, "only the acknowledgement passes data loss");
    });

    it("inside a string is not a directive", () => {
      const text =
        format.name === "TOML"
          ? [
              'note = "# do-migrate-ignore DO201 -- in a basic string"',
              "lit = '# do-migrate-ignore DO201 -- in a literal string'",
              'multi = """',
              "# do-migrate-ignore DO201 -- in a multi-line string",
              '"""',
              "mlit = '''",
              "# do-migrate-ignore DO201 -- in a multi-line literal string''''",
            ].join("\n")
          : '"note": "// do-migrate-ignore DO201 -- in a string /* do-migrate-ignore DO201 -- */",';
      const head =
        format.name === "TOML"
          ? format.head("").replace('main = "src/index.ts"', `main = "src/index.ts"\n${text}`)
          : format.head("").replace('"main": "src/index.ts",', `"main": "src/index.ts",\n  ${text}`);
      // Each string ends right before the step line in TOML: a line directive there would cover it.
      const report = checked(change(head));
      assert.deepEqual(codesOf(report, suppressed), []);
      assert.deepEqual(codesOf(report), ["DO101", "DO201", "DO301"]);
    });

    it("an unused directive already at the base revision is a standing permission, not a finding", () => {
      const directive = format.comment(
        "do-migrate-ignore-file DO402 -- bound class comes from another Worker",
      );
      const base = format.name === "TOML" ? `${directive}\n${format.base}` : `${directive}\n${format.base}`;
      const head =
        format.name === "TOML"
          ? `${directive}\n${format.base}\n# edit`
          : `${directive}\n${format.base}\n// edit`;
      const report = checked(change(head, base));
      assert.deepEqual(codesOf(report), []);
    });

    it("a misplaced directive that this change adds is reported (DO702, info)", () => {
      const head = format.head(`${format.comment("do-migrate-ignore DO201 -- fixture")}\n`);
      const report = checked(change(head));
      const unused = report.findings.find((f) => f.code === "DO702")!;
      assert.equal(unused.severity, "info");
      assert.match(unused.message, /suppresses nothing: there is no `DO201` finding on line \d+/);
      assert.deepEqual(codesOf(report, counted), ["DO101", "DO201", "DO702", "DO301"]);
    });
  });

  describe(`policy rules and overrides (${format.name})`, () => {
    it("a rule sets the level of what a change introduces, and says so", () => {
      const report = checked(change(format.head("")), policyOf('{ "rules": { "DO201": "warning" } }'));
      const edited = report.findings.find((f) => f.code === "DO201")!;
      assert.equal(edited.severity, "warning");
      assert.deepEqual(edited.policyLevel, { from: "error", file: ".do-migrate.jsonc", line: 1 });
      assert.equal(report.risk, "critical", "the data loss is untouched");
    });

    it("off: suppressed by the policy", () => {
      const report = checked(change(format.head("")), policyOf('{ "rules": { "DO201": "off" } }'));
      assert.deepEqual(report.findings.find((f) => f.code === "DO201")!.suppressed, {
        by: "policy",
        reason: '"DO201": "off" in the policy',
        file: ".do-migrate.jsonc",
        line: 1,
      });
    });

    it("an override for the config wins over the top-level rule; the last matching one decides", () => {
      const policy = policyOf(
        [
          "{",
          '  "rules": { "DO201": "off" },',
          '  "overrides": [',
          `    { "files": ["**/${format.file}"], "rules": { "DO201": "info" } },`,
          `    { "files": ["**", "!${format.file}"], "rules": { "DO201": "error" } }`,
          "  ]",
          "}",
        ].join("\n"),
      );
      const edited = checked(change(format.head("")), policy).findings.find((f) => f.code === "DO201")!;
      assert.equal(edited.severity, "info");
      assert.equal(edited.suppressed, undefined);
      assert.equal(edited.policyLevel?.line, 4);
    });

    it("no rule touches data loss, even in a policy that names it (one not made by the parser)", () => {
      const rule = { code: "DO101", level: "off" as const, line: 1 };
      const hostile: Policy = {
        ...policyOf("{}"),
        rules: new Map([["DO101", rule]]),
        overrides: [
          {
            files: ["**"],
            line: 2,
            rules: new Map([["DO101", { ...rule, level: "info" as const }]]),
            matches: () => true,
          },
        ],
      };
      const report = checked(change(format.head("")), hostile);
      const loss = report.findings.find((f) => f.code === "DO101")!;
      assert.equal(loss.severity, "critical");
      assert.equal(loss.suppressed, undefined);
      assert.equal(loss.policyLevel, undefined);
      assert.equal(report.risk, "critical");
    });

    it("a problem already at the base revision stays info: a rule does not raise it", () => {
      const bound =
        format.name === "TOML"
          ? format.base.replace(
              'main = "src/index.ts"',
              'main = "src/index.ts"\ndurable_objects.bindings = [{ name = "G", class_name = "Ghost" }]',
            )
          : format.base.replace(
              '"main": "src/index.ts",',
              '"main": "src/index.ts",\n  "durable_objects": { "bindings": [{ "name": "G", "class_name": "Ghost" }] },',
            );
      const report = checked(
        change(`${bound}\n${format.comment("edit")}`, bound),
        policyOf('{ "rules": { "DO402": "error" } }'),
      );
      const unknown = report.findings.find((f) => f.code === "DO402")!;
      assert.equal(unknown.introduced, false);
      assert.equal(unknown.severity, "info");
      assert.equal(unknown.policyLevel, undefined);
    });
  });
}

describe("risk and gate count only what is not suppressed", () => {
  it("a report whose only error is suppressed passes fail-on error, and its risk leaves it out", () => {
    const base = 'name = "w"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n';
    const head =
      'name = "w"\n\n# do-migrate-ignore DO201 -- fixture\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A", "B"]\n';
    const changes = [{ file: "wrangler.toml", baseText: base, headText: head }];
    const before = analyzeRepository(changes);
    assert.equal(gateFor(before, [], "error").failed, true);
    const after = applyPolicy(before, { policy: null, changes });
    assert.equal(after.risk, "low", "the class created (info) is what is left");
    assert.equal(gateFor(after, [], "error").failed, false);
    assert.deepEqual(codesOf(after), ["DO301", "DO201"], "still in the report, last");
  });

  it("keeps the rest of the report: its notes and the live plan", () => {
    const workers = [] as unknown as NonNullable<Report["workers"]>;
    const report = applyPolicy(
      { risk: "none", findings: [], notes: ["a note"], workers },
      { policy: null, changes: [] },
    );
    assert.deepEqual(report.notes, ["a note"]);
    assert.equal(report.workers, workers);
  });
});
