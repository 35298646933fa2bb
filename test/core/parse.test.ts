// Reading config texts as wrangler does (TOML with smol-toml, .json/.jsonc as JSONC), locating
// paths to lines, and parse errors as data: on the head an error, on the base a warning.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { analyzeFile, analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { configFormat, parseConfigText } from "../../src/core/config/parse.ts";
import type { ConfigPath } from "../../src/core/model.ts";
import { renderJson } from "../../src/core/render/json.ts";
import { renderMarkdown } from "../../src/core/render/markdown.ts";
import { renderText } from "../../src/core/render/text.ts";
import { markedLine, view } from "../support/core-cases.ts";

describe("configFormat", () => {
  const cases: Array<[string, "toml" | "jsonc"]> = [
    ["wrangler.toml", "toml"],
    ["apps/api/wrangler.TOML", "toml"],
    ["wrangler.json", "jsonc"],
    ["wrangler.jsonc", "jsonc"],
    ["wrangler.staging.jsonc", "jsonc"],
  ];
  for (const [file, format] of cases)
    it(`${file} is ${format}`, () => assert.equal(configFormat(file), format));
});

describe("parseConfigText: texts that parse", () => {
  const cases: Array<{ name: string; file: string; text: string; value: Record<string, unknown> }> = [
    {
      name: "TOML with a byte order mark and CRLF line ends",
      file: "wrangler.toml",
      text: '\uFEFFname = "chat"\r\n\r\n[[migrations]]\r\ntag = "v1"\r\nnew_sqlite_classes = ["Room"]\r\n',
      value: { name: "chat", migrations: [{ tag: "v1", new_sqlite_classes: ["Room"] }] },
    },
    {
      name: "JSONC with a byte order mark, comments and trailing commas",
      file: "wrangler.jsonc",
      text: '\uFEFF{\r\n  // the app\r\n  "name": "chat", /* inline */\r\n  "migrations": [{ "tag": "v1", },],\r\n}\r\n',
      value: { name: "chat", migrations: [{ tag: "v1" }] },
    },
    {
      name: "a .json file is read as JSONC too (comments, trailing commas)",
      file: "wrangler.json",
      text: '{ /* wrangler allows this */ "name": "chat", }',
      value: { name: "chat" },
    },
    { name: "an empty TOML file is an empty config", file: "wrangler.toml", text: "", value: {} },
    {
      name: "JSONC: a NUL byte inside a comment is accepted, as jsonc-parser (so wrangler) accepts it",
      file: "wrangler.jsonc",
      text: '{ /* \u0000 */ "name": "chat" }',
      value: { name: "chat" },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseConfigText(c.file, c.text);
      assert.ok(parsed.ok);
      assert.equal(parsed.format, configFormat(c.file));
      assert.deepEqual(JSON.parse(JSON.stringify(parsed.value)), c.value);
    });
  }
});

describe("parseConfigText: parse failures with line and column", () => {
  const cases: Array<{
    name: string;
    file: string;
    text: string;
    line: number;
    column: number;
    says?: string;
  }> = [
    {
      name: "TOML: a key defined twice",
      file: "wrangler.toml",
      text: 'name = "a"\nname = "b"\n',
      line: 2,
      column: 1,
    },
    {
      name: "TOML: an unclosed [[table]] header",
      file: "wrangler.toml",
      text: '[[migrations]\ntag = "v1"\n',
      line: 1,
      column: 14,
    },
    {
      name: "TOML: an unclosed array runs to the end of the file",
      file: "wrangler.toml",
      text: 'name = "a"\n\n[env.staging]\nroutes = ["a", "b"\n',
      line: 5,
      column: 1,
    },
    {
      name: "TOML: [migrations] after [[migrations]] redefines the array",
      file: "wrangler.toml",
      text: '[[migrations]]\ntag = "v1"\n[migrations]\n',
      line: 3,
      column: 2,
    },
    {
      name: "TOML: a byte order mark and CRLF do not shift the position",
      file: "wrangler.toml",
      text: '\uFEFFname = "a"\r\nmain = = "b"\r\n',
      line: 2,
      column: 8,
    },
    {
      name: "JSONC: a missing comma between properties",
      file: "wrangler.jsonc",
      text: '{\n  "name": "a"\n  "main": "b"\n}\n',
      line: 3,
      column: 3,
      says: "comma expected",
    },
    {
      name: "JSONC: a missing colon after a byte order mark and CRLF",
      file: "wrangler.jsonc",
      text: '\uFEFF{\r\n  "name": "a",\r\n  "main" "b"\r\n}',
      line: 3,
      column: 10,
      says: "colon expected",
    },
    {
      name: "JSONC: text after the top-level object",
      file: "wrangler.json",
      text: '{ "name": "a" } trailing',
      line: 1,
      column: 17,
    },
    {
      name: "JSONC: the top level is an array",
      file: "wrangler.json",
      text: "[1, 2]",
      line: 1,
      column: 1,
      says: "not an object",
    },
    { name: "JSONC: an empty file", file: "wrangler.jsonc", text: "", line: 1, column: 1 },
    {
      name: "TOML: a NUL byte, at its position",
      file: "wrangler.toml",
      text: 'name = "chat"\nmain = "a\u0000"\n',
      line: 2,
      column: 10,
      says: "NUL",
    },
    {
      name: "JSONC: a NUL byte inside a string, at its position",
      file: "wrangler.jsonc",
      text: '{ "name": "a\u0000" }',
      line: 1,
      column: 11,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseConfigText(c.file, c.text);
      assert.equal(parsed.ok, false);
      if (parsed.ok) return;
      assert.deepEqual(
        { format: parsed.format, line: parsed.line, column: parsed.column },
        { format: configFormat(c.file), line: c.line, column: c.column },
      );
      assert.ok(parsed.message.length > 0 && !parsed.message.includes("\n"), "a one-line message");
      if (c.says) assert.ok(parsed.message.includes(c.says), parsed.message);
    });
  }
});

describe("locate: paths to the line a reader looks for", () => {
  const toml = `# header comment with [[migrations]] in it
name = "chat" # [[migrations]] in a trailing comment @@name
description = """
[[migrations]]
tag = "not a table: inside a multi-line string"
"""

[env."eu.west"] # @@eu
name = "chat-eu"

[[env."eu.west".migrations]] # @@eu-m0
tag = "e1"
new_sqlite_classes = ["Room"]

[[env."eu.west".durable_objects.bindings]] # @@eu-b0
name = "ROOMS"
class_name = "Room"

[[migrations]] # @@m0
tag = "v1"
new_sqlite_classes = [
  "Room",
  "Lobby", # @@m0-lobby
]

[[migrations]] # @@m1
tag = "v2" # @@m1-tag

[[migrations.renamed_classes]] # @@m1-r0
from = "Lobby"
to = "Hall"

[[migrations.renamed_classes]] # @@m1-r1
from = "A"
to = "B"

[[migrations]] # @@m2
tag = "v3"
deleted_classes = ["Hall"]

[env.staging] # @@staging
durable_objects.bindings = [
  { name = "ROOMS", class_name = "Room" }, # @@staging-b0
  { name = "HALL", class_name = "Hall" }, # @@staging-b1
]
`;
  const jsonc = `{
  "name": "chat", // @@name
  "migrations": [ // @@migrations
    { "tag": "v1", "new_sqlite_classes": ["Room"] }, // @@m0
    {
      "tag": "v2", // @@m1-tag
      "renamed_classes": [
        { "from": "Room", "to": "Hall" }, // @@m1-r0
      ],
    },
  ],
  "env": {
    "staging": { // @@staging
      "durable_objects": {
        "bindings": [
          {
            "name": "ROOMS", // @@staging-b0-name
            "class_name": "Room",
          },
        ],
      },
    },
  },
}
`;
  const cases: Array<{ file: string; text: string; path: ConfigPath; at: string | null; todo?: string }> = [
    { file: "wrangler.toml", text: toml, path: ["name"], at: "name" },
    { file: "wrangler.toml", text: toml, path: ["env", "eu.west"], at: "eu" },
    { file: "wrangler.toml", text: toml, path: ["env", "eu.west", "migrations", 0], at: "eu-m0" },
    {
      file: "wrangler.toml",
      text: toml,
      path: ["env", "eu.west", "durable_objects", "bindings", 0],
      at: "eu-b0",
    },
    { file: "wrangler.toml", text: toml, path: ["migrations", 0], at: "m0" },
    { file: "wrangler.toml", text: toml, path: ["migrations", 0, "new_sqlite_classes", 1], at: "m0-lobby" },
    { file: "wrangler.toml", text: toml, path: ["migrations", 1], at: "m1" },
    { file: "wrangler.toml", text: toml, path: ["migrations", 1, "tag"], at: "m1-tag" },
    { file: "wrangler.toml", text: toml, path: ["migrations", 1, "renamed_classes", 0], at: "m1-r0" },
    { file: "wrangler.toml", text: toml, path: ["migrations", 1, "renamed_classes", 1], at: "m1-r1" },
    { file: "wrangler.toml", text: toml, path: ["migrations", 2], at: "m2" },
    { file: "wrangler.toml", text: toml, path: ["migrations", 2, "no_such_key"], at: "m2" },
    { file: "wrangler.toml", text: toml, path: ["env", "staging"], at: "staging" },
    {
      file: "wrangler.toml",
      text: toml,
      path: ["env", "staging", "durable_objects", "bindings", 0],
      at: "staging-b0",
    },
    {
      file: "wrangler.toml",
      text: toml,
      path: ["env", "staging", "durable_objects", "bindings", 1],
      at: "staging-b1",
    },
    { file: "wrangler.toml", text: toml, path: ["no_such_key"], at: null },
    {
      file: "wrangler.toml",
      text: toml,
      path: ["env"],
      at: "eu",
    },
    { file: "wrangler.jsonc", text: jsonc, path: ["name"], at: "name" },
    { file: "wrangler.jsonc", text: jsonc, path: ["migrations"], at: "migrations" },
    { file: "wrangler.jsonc", text: jsonc, path: ["migrations", 0], at: "m0" },
    { file: "wrangler.jsonc", text: jsonc, path: ["migrations", 1, "tag"], at: "m1-tag" },
    { file: "wrangler.jsonc", text: jsonc, path: ["migrations", 1, "renamed_classes", 0], at: "m1-r0" },
    { file: "wrangler.jsonc", text: jsonc, path: ["migrations", 7], at: "migrations" },
    { file: "wrangler.jsonc", text: jsonc, path: ["env", "staging"], at: "staging" },
    {
      file: "wrangler.jsonc",
      text: jsonc,
      path: ["env", "staging", "durable_objects", "bindings", 0, "name"],
      at: "staging-b0-name",
    },
  ];
  for (const c of cases) {
    it(`${c.file}: ${JSON.stringify(c.path)}`, c.todo ? { todo: c.todo } : {}, () => {
      const parsed = parseConfigText(c.file, c.text);
      assert.ok(parsed.ok);
      const expected = c.at === null ? null : markedLine(c.text, c.at);
      assert.equal(parsed.locate(c.path), expected);
    });
  }

  it("CRLF line ends and a byte order mark do not shift lines (TOML and JSONC)", () => {
    const toml =
      '\uFEFFname = "a"\r\n\r\n[[migrations]]\r\ntag = "v1"\r\n\r\n[[migrations]]\r\ntag = "v2"\r\n';
    const jsonc =
      '\uFEFF{\r\n  "migrations": [\r\n    { "tag": "v1" },\r\n    { "tag": "v2" }\r\n  ]\r\n}\r\n';
    const t = parseConfigText("wrangler.toml", toml);
    const j = parseConfigText("wrangler.jsonc", jsonc);
    assert.ok(t.ok && j.ok);
    assert.deepEqual([t.locate(["migrations", 0]), t.locate(["migrations", 1])], [3, 6]);
    assert.deepEqual([j.locate(["migrations", 0]), j.locate(["migrations", 1])], [3, 4]);
  });
});

describe("parse errors as findings", () => {
  const good = `name = "chat"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n`;
  const brokenHead = `name = "chat"\n\n[[migrations]]\ntag = "v1\nnew_sqlite_classes = ["Room"]\n`;
  const parseError = {
    code: "DO001",
    kind: "parse-error",
    dataLoss: false,
    classes: [],
    env: null,
    worker: null,
    tag: null,
  };

  it("a head that does not parse is critical at its line (the check cannot vouch for it), with line and column in the message (TOML)", () => {
    const { findings, headWorkers } = analyzeFile({
      file: "wrangler.toml",
      baseText: good,
      headText: brokenHead,
    });
    assert.deepEqual(findings.map(view), [
      { ...parseError, severity: "critical", file: "wrangler.toml", line: 4, introduced: true },
    ]);
    assert.match(findings[0]!.message, /line 4, column \d+/);
    assert.match(findings[0]!.message, /TOML/);
    assert.match(findings[0]!.message, /cannot vouch/);
    assert.deepEqual(headWorkers, []);
  });

  it("a head that does not parse is critical at its line (JSONC)", () => {
    const head =
      '{\n  "name": "chat",\n  "migrations": [\n    { "tag": "v1" "new_sqlite_classes": ["Room"] },\n  ],\n}\n';
    const { findings } = analyzeFile({ file: "wrangler.jsonc", baseText: "{}", headText: head });
    assert.deepEqual(findings.map(view), [
      { ...parseError, severity: "critical", file: "wrangler.jsonc", line: 4, introduced: true },
    ]);
    assert.match(findings[0]!.message, /line 4, column 19/);
  });

  it("a base that does not parse is a warning and the head is still checked", () => {
    const head = `${good}\n[[migrations]]\ntag = "v2"\ndelete_classes = ["Room"]\n`;
    const { findings } = analyzeFile({
      file: "wrangler.toml",
      baseText: 'name = = "chat"\n',
      headText: head,
    });
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.line, f.introduced]),
      [
        ["DO001", "warning", 1, true],
        ["DO003", "error", 9, true],
      ],
    );
    assert.match(findings[0]!.message, /base revision/);
    assert.match(findings[0]!.message, /line 1, column \d+/);
  });

  it("the same parse error at base and head is info: it was already broken", () => {
    const { findings } = analyzeFile({ file: "wrangler.toml", baseText: brokenHead, headText: brokenHead });
    assert.deepEqual(findings.map(view), [
      { ...parseError, severity: "info", file: "wrangler.toml", line: 4, introduced: false },
    ]);
  });

  it("a different parse error at head than at base is critical", () => {
    const { findings } = analyzeFile({
      file: "wrangler.jsonc",
      baseText: '{ "name": "a" ',
      headText: '{ "name": "a", "main" }',
    });
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.introduced]),
      [["DO001", "critical", true]],
    );
  });
});

describe("what wrangler's parsers accept, read the same", () => {
  it("the same text, broken the same way elsewhere, with a changed line: critical, not pre-existing", () => {
    const base = 'name = = "chat"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n';
    const head = `${base}[[migrations]]\ntag = "v2"\ndeleted_classes = ["A"]\n`;
    const { findings } = analyzeFile({ file: "wrangler.toml", baseText: base, headText: head });
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.introduced]),
      [["DO001", "critical", true]],
    );
  });

  // smol-toml 1.9.0 (bundled in wrangler 4.156) accepts several signs after an exponent, and reads
  // the number before it (parseFloat); 1.9.1 refuses them.
  for (const [literal, value] of [
    ["1e+-5", 1],
    ["2_0E-+-3", 20],
    ["-1.5e--2", -1.5],
  ] as const) {
    it(`TOML number ${literal} reads as wrangler's smol-toml reads it (${value})`, () => {
      const text = `name = "w"\nx = ${literal} # note\ny = "${literal}"\n[[migrations]]\ntag = "v1"\n`;
      const parsed = parseConfigText("wrangler.toml", text);
      assert.ok(parsed.ok, parsed.ok ? "" : parsed.message);
      assert.equal(parsed.value.x, value);
      assert.equal(parsed.value.y, literal);
      assert.equal(parsed.locate(["migrations", 0, "tag"]), 5);
    });
  }

  it("TOML that both smol-toml versions refuse is still refused", () => {
    for (const text of ["x = 1e+", "x = 1e+-", "x = 1e+-5_", "x = 1e+-5e", "x = e+-5", 'x = "a" 1e+-5']) {
      assert.equal(parseConfigText("wrangler.toml", text).ok, false, text);
    }
  });

  it("a Git LFS pointer in place of a config is not read as a config: critical at head", () => {
    const pointer =
      "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 312\n";
    for (const file of ["wrangler.toml", "wrangler.jsonc"]) {
      const parsed = parseConfigText(file, pointer);
      assert.equal(parsed.ok, false);
      const { findings } = analyzeFile({ file, baseText: 'name = "w"\n', headText: pointer });
      assert.deepEqual(
        findings.map((f) => [f.code, f.severity]),
        [["DO001", "critical"]],
      );
      assert.match(findings[0]!.message, /Git LFS pointer/);
      assert.match(findings[0]!.fix, /Git LFS/);
    }
  });

  it('JSON "__proto__": fields inside it read as the object\'s own at every level, own fields first, last key wins', () => {
    const text = `{
  "name": "w",
  "__proto__": { "name": "hidden", "migrations": [{ "tag": "v1", "new_sqlite_classes": ["A"] }] },
  "env": {
    "staging": { "__proto__": { "durable_objects": { "bindings": [{ "name": "A", "class_name": "A" }] } } },
    "__proto__": { "prod": { "name": "p" } }
  },
  "durable_objects": { "__proto__": 5, "bindings": [] },
  "x": { "__proto__": { "a": 1 }, "__proto__": { "b": 2 } },
  "y": { "__proto__": { "a": 1 }, "__proto__": null }
}`;
    const parsed = parseConfigText("wrangler.json", text);
    assert.ok(parsed.ok);
    // Plain objects (the parsed ones have no prototype) for deepEqual.
    const v = JSON.parse(JSON.stringify(parsed.value));
    assert.equal(v.name, "w");
    assert.deepEqual(v.migrations, [{ tag: "v1", new_sqlite_classes: ["A"] }]);
    assert.deepEqual(Object.keys(v.env).sort(), ["prod", "staging"]);
    assert.deepEqual(v.env.staging.durable_objects.bindings, [{ name: "A", class_name: "A" }]);
    assert.deepEqual(v.durable_objects.bindings, []);
    assert.deepEqual({ ...v.x }, { b: 2 });
    assert.deepEqual({ ...v.y }, {});
    assert.equal(Object.hasOwn(v, "__proto__"), false);
    assert.deepEqual(parsed.protoKeys, [
      ["__proto__"],
      ["env", "staging", "__proto__"],
      ["env", "__proto__"],
      ["durable_objects", "__proto__"],
      ["x", "__proto__"],
      ["x", "__proto__"],
      ["y", "__proto__"],
      ["y", "__proto__"],
    ]);
    // Lines: a field inside `__proto__` is found where it is written.
    assert.equal(parsed.locate(["migrations", 0, "tag"]), 3);
    assert.equal(parsed.locate(["env", "staging", "durable_objects", "bindings"]), 5);
    assert.equal(parsed.locate(["env", "prod", "name"]), 6);
    assert.equal(parsed.locate(["env", "__proto__"]), 6);
  });
});

describe("unparseable or strange input never throws", () => {
  const strange: Array<[string, string]> = [
    ["wrangler.toml", "\u0000\u0001\u0002"],
    ["wrangler.toml", "[[[[[["],
    ["wrangler.toml", 'migrations = [1979-05-27, 12, "x", [], {}]\n'],
    ["wrangler.toml", "env = []\ndurable_objects = []\nexports = 3\n"],
    ["wrangler.toml", '[exports.A]\ntype = "durable-object"\nstate = 7\n'],
    ["wrangler.toml", '[env.""]\nname = 5\n[[env."".migrations]]\ntag = 1\n'],
    ["wrangler.jsonc", "null"],
    ["wrangler.jsonc", '"just a string"'],
    ["wrangler.jsonc", '{ "env": { "a": { "env": { "b": {} } } }, "migrations": [null, [], {"tag": {}}] }'],
    ["wrangler.jsonc", '{ "durable_objects": { "bindings": [{ "name": 1, "class_name": [] }] } }'],
    [
      "wrangler.jsonc",
      '{ "exports": { "A": { "type": "durable-object", "state": "renamed", "renamed_to": 3 } } }',
    ],
    ["wrangler.jsonc", '{ "__proto__": { "migrations": [] }, "constructor": 1, "toString": 2 }'],
    ["wrangler.json", `{ "a": ${"[".repeat(500)}${"]".repeat(500)} }`],
  ];
  for (const [file, text] of strange) {
    it(`${file}: ${JSON.stringify(text).slice(0, 60)}`, () => {
      for (const [baseText, headText] of [
        [null, text],
        [text, null],
        [text, text],
        ["", text],
      ] as const) {
        const report = analyzeRepository([{ file, baseText, headText }]);
        renderText(report);
        renderMarkdown(report);
        JSON.parse(renderJson(report));
      }
    });
  }

  const tomlSeed = `name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]
[[migrations]]
tag = "v2"
renamed_classes = [{ from = "Room", to = "Chat" }]
[env.staging]
[exports.X]
type = "durable-object"
`;
  const jsoncSeed = `{"name":"c","migrations":[{"tag":"v1","new_sqlite_classes":["A"]},{"tag":"v2","deleted_classes":["A"],"transferred_classes":[{"from":"a","to":"b","from_script":"s"}]}],"env":{"s":{"exports":{"A":{"type":"durable-object","state":"renamed","renamed_to":"B"}},"durable_objects":{"bindings":[{"name":"A","class_name":"A"}]}}}}`;
  const mutated = (text: string) =>
    fc
      .tuple(fc.nat(text.length), fc.nat(16), fc.string({ maxLength: 8 }))
      .map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));
  const analyse = (file: string, baseText: string | null, headText: string | null) => {
    const report = analyzeRepository([{ file, baseText, headText }]);
    renderMarkdown(report);
    renderText(report);
  };

  it("randomly damaged TOML and JSONC configs (property test)", () => {
    fc.assert(
      fc.property(mutated(tomlSeed), mutated(tomlSeed), (b, h) => analyse("wrangler.toml", b, h)),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(mutated(jsoncSeed), mutated(jsoncSeed), (b, h) => analyse("wrangler.jsonc", b, h)),
      { numRuns: 100 },
    );
  });

  it("random JSON shapes built from config keys (property test)", () => {
    const key = fc.constantFrom(
      ...[
        "tag",
        "new_classes",
        "new_sqlite_classes",
        "deleted_classes",
        "renamed_classes",
        "transferred_classes",
      ],
      ...["from", "to", "from_script", "name", "class_name", "script_name", "type", "state", "storage"],
      ...["renamed_to", "transferred_to", "transfer_from", "migrations", "exports", "durable_objects"],
      ...["bindings", "env", "staging"],
    );
    const leaf = fc.constantFrom(
      "A",
      "B",
      "v1",
      "durable-object",
      "created",
      "deleted",
      "renamed",
      "sqlite",
      1,
      null,
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(key, tie("value"), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(value, value, (b, h) => analyse("wrangler.json", JSON.stringify(b), JSON.stringify(h))),
      { numRuns: 150 },
    );
  });
});
