// The YAML subset reader behind `npm run validate`: values and lines as YAML defines them, and a
// clear refusal (with the line) of everything it does not read.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { lineOfPointer, parseYaml, toPlain, YamlSubsetError } from "../../scripts/ship/yaml.ts";

const read = (text: string) => toPlain(parseYaml(text));

describe("parseYaml: values", () => {
  const cases: [string, string, unknown][] = [
    ["mapping with nested mapping", "a:\n  b: c\nd: e\n", { a: { b: "c" }, d: "e" }],
    ["scalars stay text", "on: push\nn: 24\nt: true\nx: ~\n", { on: "push", n: "24", t: "true", x: "~" }],
    ["empty value", "a:\nb: 1\n", { a: "", b: "1" }],
    [
      "comments",
      "# top\na: b # trailing\n  # indented\nc: 'd # not a comment'\n",
      { a: "b", c: "d # not a comment" },
    ],
    [
      "sequence at its key's indentation",
      "steps:\n- run: a\n  name: n\n- uses: x\nnext: 1\n",
      { steps: [{ run: "a", name: "n" }, { uses: "x" }], next: "1" },
    ],
    [
      "indented sequence of scalars",
      "a:\n  - one\n  - 'two'\n  - \"three\"\n",
      { a: ["one", "two", "three"] },
    ],
    ["nested sequences", "a:\n  - - x\n    - y\n", { a: [["x", "y"]] }],
    ["sequence item on the next line", "a:\n  -\n    b: c\n", { a: [{ b: "c" }] }],
    ["literal block, clip", "a: |\n  x\n    y\n\nb: 1\n", { a: "x\n  y\n", b: "1" }],
    ["literal block, strip", "a: |-\n  x\n\n", { a: "x" }],
    ["literal block, keep", "a: |+\n  x\n\n", { a: "x\n\n" }],
    ["literal block, indentation indicator", "a: |2\n   x\n  y\n", { a: " x\ny\n" }],
    ["literal block with blank line inside", "a: |\n  x\n\n  y\n", { a: "x\n\ny\n" }],
    ["folded block", "a: >\n  one\n  two\n\n  three\n", { a: "one two\nthree\n" }],
    [
      "folded block keeps more-indented lines",
      "a: >-\n  one\n    two\n  three\n",
      { a: "one\n  two\nthree" },
    ],
    [
      "block in a sequence item",
      "- run: |\n    echo a\n    echo b\n  shell: bash\n",
      [{ run: "echo a\necho b\n", shell: "bash" }],
    ],
    ["multi-line plain", "a: one\n  two\n\n  three\nb: x\n", { a: "one two\nthree", b: "x" }],
    ["double-quoted escapes", 'a: "t\\tq\\"u\\u00e9\\x41"\n', { a: 't\tq"uéA' }],
    ["double-quoted over lines", 'a: "one\n  two\n\n  three"\n', { a: "one two\nthree" }],
    ["single-quoted with ''", "a: 'it''s'\n", { a: "it's" }],
    ["quoted keys", "\"a b\": 1\n'c': 2\n", { "a b": "1", c: "2" }],
    [
      "flow sequence and mapping",
      "a: [x, 'y', \"z\", {k: v}]\nb: {}\nc: []\n",
      { a: ["x", "y", "z", { k: "v" }], b: {}, c: [] },
    ],
    ["URL in a plain value", "a: https://example.invalid/x\n", { a: "https://example.invalid/x" }],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    ["expression default", "default: ${{ github.token }}\n", { default: "${{ github.token }}" }],
    ["leading document marker", "---\na: 1\n", { a: "1" }],
    ["CRLF line ends", "a: 1\r\nb:\r\n  - 2\r\n", { a: "1", b: ["2"] }],
    ["empty document", "# nothing\n", ""],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(read(text), expected));
  }
});

describe("parseYaml: refusals name the line", () => {
  const cases: [string, string, number, RegExp][] = [
    ["anchor", "a: 1\nb: &x 2\n", 2, /anchors/],
    ["alias", "a: *x\n", 1, /aliases/],
    ["tag", "a: !!str 1\n", 1, /tags/],
    ["complex key", "? a\n: b\n", 1, /complex keys/],
    ["tab indentation", "a:\n\tb: 1\n", 2, /tab/],
    ["duplicate key", "a: 1\nb: 2\na: 3\n", 3, /duplicate key "a"/],
    ["mapping in a plain value", "a: b: c\n", 1, /cannot contain ": "/],
    ["multi-line flow", "a: [1,\n  2]\n", 1, /same line/],
    ["bad indentation", "a:\n  b: 1\n c: 2\n", 3, /unexpected indentation/],
    ["unclosed quote", 'a: "x\n', 1, /never closed/],
    ["two documents", "a: 1\n---\nb: 2\n", 2, /several documents/],
    ["text after a quoted value", 'a: "x" y\n', 1, /after the closing quote/],
    ["bad escape", 'a: "\\q"\n', 1, /unknown escape/],
  ];
  for (const [name, text, line, message] of cases) {
    it(name, () => {
      assert.throws(
        () => parseYaml(text),
        (error: unknown) =>
          error instanceof YamlSubsetError && error.line === line && message.test(error.message),
      );
    });
  }
});

describe("parseYaml: lines", () => {
  const text =
    "jobs:\n  build:\n    steps:\n      - name: a\n        run: |\n          one\n          two\n\n      - uses: x\n";
  const doc = parseYaml(text);

  it("records the first and last line of a block scalar (not its trailing blank lines)", () => {
    const jobs = doc.kind === "map" ? doc.entries[0]!.value : doc;
    const build = jobs.kind === "map" ? jobs.entries[0]!.value : jobs;
    const steps = build.kind === "map" ? build.entries[0]!.value : build;
    assert.equal(steps.kind, "seq");
    const first = steps.kind === "seq" ? steps.items[0]! : steps;
    const run = first.kind === "map" ? first.entries.find((e) => e.key === "run")!.value : first;
    assert.deepEqual([run.line, run.endLine], [5, 7]);
  });

  it("maps a JSON pointer to the deepest line it reaches", () => {
    assert.equal(lineOfPointer(doc, "/jobs/build/steps/1"), 9);
    assert.equal(lineOfPointer(doc, "/jobs/build/steps/0/run"), 5);
    assert.equal(lineOfPointer(doc, "/jobs/build/runs-on"), 2);
  });
});

describe("parseYaml: the repository's own files", () => {
  const files = [
    "action.yml",
    ".github/dependabot.yml",
    ...readdirSync(new URL("../../.github/workflows/", import.meta.url)).map((f) => `.github/workflows/${f}`),
  ];
  for (const file of files) {
    it(`reads ${file}`, () => {
      const doc = parseYaml(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"));
      assert.equal(doc.kind, "map");
    });
  }
});
