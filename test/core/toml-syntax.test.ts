// The TOML syntax reader (toml-eslint-parser, src/core/config/toml-syntax.ts) that places the
// edits of `do-migrate fix` and the generators and finds the comments of the inline directives.
// Table tests of the layouts the hand-written scanners it replaces read wrong (each case says
// what they did), of the texts where the two TOML readers part (smol-toml, which gives the
// values, and toml-eslint-parser, which gives the positions), and property tests over generated
// configs: the two readers read the same document, and every position holds the value smol-toml
// reads at its path.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parse as parseToml } from "smol-toml";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { pathKey } from "../../src/core/config/toml-locator.ts";
import { readEditableToml, readTomlSyntax, sameDocument } from "../../src/core/config/toml-syntax.ts";
import { applyOps, rawValueText } from "../../src/core/fix/document.ts";
import type { DocumentOp } from "../../src/core/fix/document-ops.ts";
import { fixConfigs } from "../../src/core/fix/fix.ts";
import { generate } from "../../src/core/fix/generate.ts";
import type { ConfigChange, ConfigPath } from "../../src/core/model.ts";
import { applyPolicy } from "../../src/core/policy/apply.ts";
import { tomlConfig } from "../support/toml-configs.ts";

const BOM = "\ufeff";
const TODAY = "2026-11-20";

interface EditCase {
  readonly name: string;
  readonly text: string;
  readonly ops: readonly DocumentOp[];
  readonly after: string;
}

describe("TOML edits where the hand-written scanner read the layout wrong", () => {
  const cases: EditCase[] = [
    {
      // The scanner read the byte order mark as the start of a key and skipped the line.
      name: "a byte order mark before the first key (the scanner: no such key)",
      text: `${BOM}name = "chat"\nmain = "src/index.ts"\n`,
      ops: [{ op: "set", path: ["name"], value: "chat-v2" }],
      after: `${BOM}name = "chat-v2"\nmain = "src/index.ts"\n`,
    },
    {
      // ... so the first [[migrations]] was not counted, and every index after it was off by one.
      name: "a byte order mark before the first [[migrations]] (the scanner: no step 1)",
      text: `${BOM}[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Lobby"]\n`,
      ops: [{ op: "set", path: ["migrations", 1, "tag"], value: "v2" }],
      after: `${BOM}[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n\n[[migrations]]\ntag = "v2"\nnew_sqlite_classes = ["Lobby"]\n`,
    },
    {
      // Its top-level insertion point was the start of the text, before the mark.
      name: "a byte order mark: a list written anew stays after it (the scanner: before it)",
      text: `${BOM}name = "chat"\n\n[[migrations]]\ntag = "v1"\n`,
      ops: [{ op: "set", path: ["migrations"], value: [{ tag: "v1" }] }],
      after: `${BOM}name = "chat"\nmigrations = [{ tag = "v1" }]\n`,
    },
    {
      // Quoted keys were decoded as JSON strings, which have neither \U, \x nor \e.
      name: "a quoted key with an 8-digit \\U escape (TOML 1.0; the scanner: not found)",
      text: '[vars]\n"\\U0001F600" = "smile"\nB = 1\n',
      ops: [{ op: "set", path: ["vars", "\u{1F600}"], value: "grin" }],
      after: '[vars]\n"\\U0001F600" = "grin"\nB = 1\n',
    },
    {
      name: "a quoted key with a \\x escape (TOML 1.1): a misspelt key renamed (the scanner: not found)",
      text: '[[migrations]]\ntag = "v1"\n"new_sqlite_cl\\x61ss" = ["Room"]\n',
      ops: [{ op: "rename-key", path: ["migrations", 0, "new_sqlite_class"], to: "new_sqlite_classes" }],
      after: '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n',
    },
    {
      name: "a quoted key with a \\e escape (TOML 1.1) removed (the scanner: not found)",
      text: '[vars]\n"\\e" = 1\nB = 2\n',
      ops: [{ op: "remove", path: ["vars", "\u001b"] }],
      after: "[vars]\nB = 2\n",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(applyOps("toml", c.text, c.ops), c.after);
      assert.ok(readEditableToml(c.after).ok, "the edited text reads alike in both readers");
    });
  }

  it("`do-migrate fix` across a byte order mark: the misspelt key of the second step is renamed", () => {
    const base = `${BOM}[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n`;
    const head = `${base}\n[[migrations]]\ntag = "v2"\nnew_sqlite_class = ["Lobby"]\n`;
    const result = fixConfigs([{ file: "wrangler.toml", baseText: base, headText: head }], { today: TODAY });
    assert.equal(result.files[0]?.after, head.replace("new_sqlite_class =", "new_sqlite_classes ="));
    assert.deepEqual(
      result.applied.map((a) => a.kind),
      ["rename-key"],
    );
  });

  it("the base revision's value text, under a quoted key with a TOML escape", () => {
    const text = '[[migrations]]\n"t\\x61g" = "v1"  # first\n';
    assert.equal(rawValueText("toml", text, ["migrations", 0, "tag"]), '"v1"');
  });
});

describe("inline directives where the hand-written comment scanner read them wrong", () => {
  it("a directive on line 1 after a byte order mark covers line 2 (the scanner: line 1, the mark being content)", () => {
    const base = '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n';
    const head = `${BOM}# do-migrate-ignore DO201 -- fixture: tests add classes to v1\n${base.replace('["A"]', '["A", "B"]')}`;
    const changes = [{ file: "wrangler.toml", baseText: base, headText: head }];
    const report = applyPolicy(analyzeRepository(changes), { policy: null, changes });
    const edited = report.findings.find((f) => f.code === "DO201");
    assert.equal(edited?.line, 2);
    assert.deepEqual(edited?.suppressed, {
      by: "directive",
      reason: "fixture: tests add classes to v1",
      file: "wrangler.toml",
      line: 1,
    });
    assert.equal(
      report.findings.some((f) => f.kind === "directive-unused"),
      false,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Where the two readers part

/** smol-toml reads `2026-02-30` as 2 March; toml-eslint-parser refuses the date. */
const BAD_DATE_LINE = 'LAUNCH = 2026-02-30   # smol-toml (and so wrangler) reads "2026-03-02"';
const BASE = 'name = "w"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n';

describe("a text smol-toml accepts and toml-eslint-parser refuses", () => {
  const head = [
    'name = "w"',
    "",
    "# do-migrate-ignore DO201 -- fixture: tests add classes to v1",
    "[[migrations]]",
    'tag = "v1"',
    'new_sqlite_classes = ["A", "B"]',
    "",
    "[[migrations]]",
    'tag = "v2"',
    'new_sqlite_class = ["C"]',
    "",
    "[vars]",
    BAD_DATE_LINE,
    "",
  ].join("\n");
  const changes: ConfigChange[] = [{ file: "wrangler.toml", baseText: BASE, headText: head }];

  it("the config itself reads (as wrangler reads it), so it is analysed", () => {
    assert.doesNotThrow(() => parseToml(head));
    assert.equal(readTomlSyntax(head).ok, false);
    const codes = analyzeRepository(changes).findings.map((f) => f.code);
    assert.deepEqual(codes, ["DO201", "DO003", "DO301"]);
  });

  it("no edit is placed: the fix is left, saying why", () => {
    const result = fixConfigs(changes, { today: TODAY });
    assert.deepEqual(result.files, []);
    assert.deepEqual(
      result.left.map((l) => [l.kind, l.reason]),
      ["move-addition", "rename-key"].map((kind) => [
        kind,
        "the TOML syntax reader (toml-eslint-parser) refuses this file: unexpected invalid date (line 13)",
      ]),
    );
    assert.equal(applyOps("toml", head, [{ op: "set", path: ["name"], value: "x" }]), null);
    assert.equal(rawValueText("toml", head, ["name"]), undefined);
  });

  it("a generator writes nothing, saying why", () => {
    const r = generate({
      file: "wrangler.toml",
      text: head.replace("new_sqlite_class =", "new_sqlite_classes ="),
      env: null,
      today: TODAY,
      change: { command: "new-class", className: "Lobby", storage: "sqlite", binding: null },
    });
    assert.deepEqual(r, {
      ok: false,
      message:
        "wrangler.toml cannot be edited in place: the TOML syntax reader (toml-eslint-parser) refuses this file: unexpected invalid date (line 13); make the change by hand",
    });
  });

  it("its directives are read as none, and one finding on the refused line says so", () => {
    const report = applyPolicy(analyzeRepository(changes), { policy: null, changes });
    const edited = report.findings.find((f) => f.code === "DO201");
    assert.equal(edited?.suppressed, undefined, "the directive does not apply");
    const unreadable = report.findings.filter((f) => f.code === "DO704");
    assert.deepEqual(
      unreadable.map((f) => [f.line, f.severity, f.introduced]),
      [[13, "warning", true]],
    );
    assert.equal(
      unreadable[0]!.message,
      "The inline directives of this file cannot be read, so none of them applies: toml-eslint-parser, the TOML reader the comments are found with, refuses line 13 (Unexpected invalid date), which smol-toml (what wrangler reads configs with) accepts.",
    );
  });

  it("the same refusal already at the base revision is an old problem (info)", () => {
    const base = `${BASE}\n# do-migrate-ignore DO201 -- fixture\n[vars]\n${BAD_DATE_LINE}\n`;
    const unchanged: ConfigChange[] = [
      { file: "wrangler.toml", baseText: base, headText: `${base}# another line\n` },
    ];
    const report = applyPolicy(analyzeRepository(unchanged), { policy: null, changes: unchanged });
    assert.deepEqual(
      report.findings.filter((f) => f.code === "DO704").map((f) => [f.severity, f.introduced]),
      [["info", false]],
    );
  });

  it("a text both readers refuse: DO001, and the directives cannot apply either (a broken fixture is ignored by the policy)", () => {
    const broken = "# do-migrate-ignore-file DO001 -- fixture: broken on purpose\n[[migrations]\ntag = 1\n";
    const both: ConfigChange[] = [{ file: "wrangler.toml", baseText: BASE, headText: broken }];
    const report = applyPolicy(analyzeRepository(both), { policy: null, changes: both });
    assert.deepEqual(
      report.findings.map((f) => [f.code, f.line, Boolean(f.suppressed)]),
      [
        ["DO001", 2, false],
        ["DO704", 2, false],
      ],
    );
    assert.equal(
      report.findings[1]!.message,
      "The inline directives of this file cannot be read, so none of them applies: the file is not valid TOML (DO001, line 2).",
    );
  });
});

describe("a TOML config over the size this check reads", () => {
  it("is refused as a whole; its directives are not parsed", () => {
    const head = `# do-migrate-ignore-file DO201 -- fixture\n${BASE}${"# padding\n".repeat(120_000)}`;
    const changes: ConfigChange[] = [{ file: "wrangler.toml", baseText: BASE, headText: head }];
    const report = applyPolicy(analyzeRepository(changes), { policy: null, changes });
    assert.deepEqual(
      report.findings.map((f) => [f.code, f.severity]),
      [["DO001", "critical"]],
    );
  });
});

describe("a text toml-eslint-parser accepts and smol-toml refuses", () => {
  // smol-toml refuses an integer it cannot hold exactly; toml-eslint-parser rounds it.
  const head = `${BASE}\n[[migrations]]\ntag = "v2"\nnew_sqlite_class = ["C"]\n\n[vars]\nBIG = 9007199254740993\n`;
  const changes: ConfigChange[] = [{ file: "wrangler.toml", baseText: BASE, headText: head }];

  it("the config is unreadable as wrangler reads it: no fix, no edit, no crash", () => {
    assert.ok(readTomlSyntax(head).ok);
    assert.deepEqual(readEditableToml(head), {
      ok: false,
      reason: "smol-toml (what wrangler reads configs with) refuses this file",
    });
    const result = fixConfigs(changes, { today: TODAY });
    assert.deepEqual(result.files, []);
    assert.equal(applyOps("toml", head, [{ op: "set", path: ["name"], value: "x" }]), null);
  });
});

describe("the two readings compared", () => {
  it("a `__proto__` key reads alike (the parser's own value reader drops it)", () => {
    const text = '[vars]\n__proto__ = "x"\n"constructor" = 1\n';
    assert.ok(readEditableToml(text).ok);
    assert.equal(
      applyOps("toml", text, [{ op: "set", path: ["vars", "__proto__"], value: "y" }]),
      '[vars]\n__proto__ = "y"\n"constructor" = 1\n',
    );
  });

  it("two different documents are told apart", () => {
    const syntaxOf = (text: string) => {
      const r = readTomlSyntax(text);
      assert.ok(r.ok);
      return r.syntax.value;
    };
    const pairs: [string, string][] = [
      ["a = 1\n", "a = 2\n"],
      ["a = 1\n", "b = 1\n"],
      ["a = 1\n", "a = 1\nb = 1\n"],
      ["a = [1]\n", "a = [1, 1]\n"],
      ['a = "1"\n', "a = 1\n"],
      ["a = 1979-05-27\n", 'a = "1979-05-27"\n'],
      ["a = {}\n", "a = []\n"],
      ["[[a]]\n", "[a]\n"],
    ];
    for (const [one, other] of pairs) {
      assert.equal(sameDocument(syntaxOf(one), parseToml(other)), false, `${one} vs ${other}`);
      assert.equal(sameDocument(syntaxOf(one), parseToml(one)), true, one);
    }
    assert.equal(sameDocument(syntaxOf("a = nan\n"), parseToml("a = nan\n")), true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over generated configs

/** The value smol-toml reads at a path. */
function valueAt(value: unknown, path: ConfigPath): unknown {
  let at = value;
  for (const part of path) at = (at as Record<string | number, unknown>)[part];
  return at;
}

/** A value's text read on its own, as smol-toml reads it. */
function readValueText(raw: string): unknown {
  return parseToml(`v = ${raw}`).v;
}

describe("properties of the TOML syntax over generated configs", () => {
  it("smol-toml and toml-eslint-parser read the same document", () => {
    fc.assert(
      fc.property(tomlConfig, (text) => {
        const reading = readEditableToml(text);
        assert.ok(reading.ok, reading.ok ? "" : reading.reason);
      }),
      { numRuns: 300 },
    );
  });

  it("every key, value, array element and header is where smol-toml's value is", () => {
    fc.assert(
      fc.property(tomlConfig, (text) => {
        const value = parseToml(text);
        const reading = readEditableToml(text);
        assert.ok(reading.ok);
        const { entries, containers, headers, segments } = reading.syntax;
        for (const entry of entries.values()) {
          const raw = text.slice(entry.valueStart, entry.valueEnd);
          assert.ok(
            sameDocument(readValueText(raw), valueAt(value, entry.path)),
            `${pathKey(entry.path)}: ${raw}`,
          );
          if (!entry.inline) assert.equal(text.slice(entry.lineStart, entry.keyStart).trim(), "");
        }
        for (const [key, container] of containers) {
          const raw = text.slice(container.open, container.close);
          const path = [...entries.values()].find((e) => pathKey(e.path) === key)?.path;
          if (path) assert.ok(sameDocument(readValueText(raw), valueAt(value, path)), `${key}: ${raw}`);
          for (const child of container.children) {
            const inner = text.slice(child.start, child.end);
            if (container.kind === "array") assert.doesNotThrow(() => readValueText(inner), inner);
            else assert.doesNotThrow(() => parseToml(inner), inner);
          }
        }
        for (const header of headers) {
          assert.equal(typeof valueAt(value, header.path), "object", pathKey(header.path));
          const line = text.slice(header.lineStart, header.lineEnd);
          assert.ok(line.includes(header.name), `${line} names ${header.name}`);
        }
        // Each key part as written reads as the last name of its path.
        for (const segment of segments) {
          const written = text.slice(segment.start, segment.end);
          const names = segment.path.filter((p) => typeof p === "string");
          assert.equal(Object.keys(parseToml(`${written} = 1`))[0], names.at(-1), written);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("every comment is a real one: blanking them all leaves the same document", () => {
    fc.assert(
      fc.property(tomlConfig, (text) => {
        const reading = readTomlSyntax(text);
        assert.ok(reading.ok);
        let blank = text;
        for (const c of reading.syntax.comments) {
          assert.equal(text[c.start], "#");
          assert.equal(text.slice(c.start + 1, c.end), c.text);
          blank = blank.slice(0, c.start) + " ".repeat(c.end - c.start) + blank.slice(c.end);
        }
        assert.ok(sameDocument(parseToml(blank), parseToml(text)));
        const again = readTomlSyntax(blank);
        assert.ok(again.ok);
        assert.equal(again.syntax.comments.length, 0);
      }),
      { numRuns: 200 },
    );
  });
});
