// The YAML behind `npm run validate` (the `yaml` package, seen as a tree with lines): values and
// lines as YAML 1.2 defines them, a problem at its line for what GitHub would not read, and the
// YAML the hand-written subset reader it replaced used to misread (test/fixtures/ship/yaml/,
// each fixture says what that reader did with it).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { renderTable } from "../../scripts/ship/action-tables.ts";
import {
  checkPermissions,
  checkPinnedUses,
  checkRunExpressions,
  formatProblem,
  readYaml,
} from "../../scripts/ship/checks.ts";
import {
  get,
  lineOfPointer,
  parseYaml,
  readYamlTree,
  toPlain,
  type YamlNode,
} from "../../scripts/ship/yaml-nodes.ts";

const read = (text: string) => toPlain(parseYaml(text));
const root = new URL("../../", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(`test/fixtures/ship/yaml/${name}`, root), "utf8");

describe("readYamlTree: values", () => {
  const cases: [string, string, unknown][] = [
    ["mapping with nested mapping", "a:\n  b: c\nd: e\n", { a: { b: "c" }, d: "e" }],
    [
      "scalars stay text",
      "on: push\nn: 24\nv: 1.10\nt: true\nx: ~\n",
      { on: "push", n: "24", v: "1.10", t: "true", x: "~" },
    ],
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
    ["nested sequences", "a:\n  - - x\n    - y\n", { a: [["x", "y"]] }],
    ["literal block, clip", "a: |\n  x\n    y\n\nb: 1\n", { a: "x\n  y\n", b: "1" }],
    ["literal block, strip", "a: |-\n  x\n\n", { a: "x" }],
    ["literal block, keep", "a: |+\n  x\n\n", { a: "x\n\n" }],
    ["literal block, indentation indicator", "a: |2\n   x\n  y\n", { a: " x\ny\n" }],
    ["folded block", "a: >\n  one\n  two\n\n  three\n", { a: "one two\nthree\n" }],
    ["folded block, keep", "a: >+\n  one\n  two\n\n", { a: "one two\n\n" }],
    ["block scalar after several spaces", "a:    |-\n  x\n  y\n", { a: "x\ny" }],
    ["block scalar followed by a less indented comment", "a: |\n  x\n # c\nb: 1\n", { a: "x\n", b: "1" }],
    ["multi-line plain", "a: one\n  two\n\n  three\nb: x\n", { a: "one two\nthree", b: "x" }],
    ["double-quoted escapes", 'a: "t\\tq\\"u\\u00e9\\x41"\n', { a: 't\tq"uéA' }],
    ["single-quoted with ''", "a: 'it''s'\n", { a: "it's" }],
    ["quoted keys", '"a b": 1\n\'c\': 2\n"d":  "e"\n', { "a b": "1", c: "2", d: "e" }],
    ["explicit key", "? a\n: b\n", { a: "b" }],
    [
      "flow collections",
      "a: [x, 'y', \"z\", {k: v}]\nb: {}\nc: []\nd: {x, y: [1,\n  2]}\n",
      { a: ["x", "y", "z", { k: "v" }], b: {}, c: [], d: { x: "", y: ["1", "2"] } },
    ],
    ["anchors and aliases", "a: &x\n  b: 1\nc: *x\n", { a: { b: "1" }, c: { b: "1" } }],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    ["expression default", "default: ${{ github.token }}\n", { default: "${{ github.token }}" }],
    ["leading document marker", "---\na: 1\n", { a: "1" }],
    ["document end marker", "a: 1\n...\n", { a: "1" }],
    ["CRLF line ends", "a: 1\r\nb:\r\n  - 2\r\n", { a: "1", b: ["2"] }],
    ["empty document", "# nothing\n", ""],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(read(text), expected));
  }
});

describe("readYamlTree: what GitHub would not read is a problem at its line", () => {
  const cases: [string, string, number, RegExp][] = [
    ["tab indentation", "a:\n\tb: 1\n", 2, /Tabs/],
    ["duplicate key", "a: 1\nb: 2\na: 3\n", 3, /unique/],
    ["duplicate key, quoted", "a: 1\n'a': 2\n", 2, /unique/],
    ["mapping in a plain value", "a: b: c\n", 1, /Nested mappings/],
    ["bad indentation", "a:\n  b: 1\n c: 2\n", 3, /same column/],
    ["unclosed quote", 'a: "x\n', 2, /closing "quote/],
    ["two documents", "a: 1\n---\nb: 2\n", 2, /a second YAML document/],
    ["text after a quoted value", 'a: "x" y\n', 1, /Unexpected scalar/],
    ["bad escape", 'a: "\\q"\n', 1, /Invalid escape/],
    ["alias without an anchor", "a: 1\nb: *x\n", 2, /the alias \*x has no anchor &x/],
    ["alias inside its own anchor", "a: &x [*x]\n", 1, /inside the node its anchor names/],
    ["merge key", "a: &x {b: 1}\nc:\n  <<: *x\n", 3, /merge key \(<<\): GitHub Actions does not support it/],
    ["a mapping as a key", "? [a, b]\n: c\n", 1, /not a string/],
    ["unknown tag", "a: !custom 1\n", 1, /Unresolved tag/],
  ];
  for (const [name, text, line, message] of cases) {
    it(name, () => {
      const { doc, problems } = readYamlTree(text);
      assert.equal(doc, null);
      assert.equal(problems[0]?.line, line, JSON.stringify(problems));
      assert.match(problems[0]!.message, message);
    });
  }

  it("parseYaml throws with the line, for files that must be valid", () => {
    assert.throws(() => parseYaml("a: 1\na: 2\n"), /^Error: line 2: Map keys must be unique/);
  });
});

describe("readYamlTree: lines", () => {
  const text =
    "jobs:\n  build:\n    steps:\n      - name: a\n        run: |\n          one\n          two\n\n      - uses: x\n";
  const doc = parseYaml(text);
  const run = get(stepAt(doc, 0), "run")!;

  it("records the first and last line of a block scalar (not its trailing blank lines)", () => {
    assert.deepEqual([run.line, run.endLine], [5, 7]);
  });

  it("maps a JSON pointer to the deepest line it reaches", () => {
    assert.equal(lineOfPointer(doc, "/jobs/build/steps/1"), 9);
    assert.equal(lineOfPointer(doc, "/jobs/build/steps/0/run"), 5);
    assert.equal(lineOfPointer(doc, "/jobs/build/runs-on"), 2);
  });

  it("gives an alias the lines of its anchor, where the text is", () => {
    const aliased = parseYaml("a: &s |\n  echo one\n  echo two\nb: *s\n");
    assert.deepEqual([get(aliased, "b")!.line, get(aliased, "b")!.endLine], [1, 3]);
  });
});

function stepAt(doc: YamlNode, n: number): YamlNode | undefined {
  const steps = get(get(get(doc, "jobs"), "build"), "steps");
  return steps?.kind === "seq" ? steps.items[n] : undefined;
}

describe("the YAML the subset reader misread, read right", () => {
  const load = (name: string) => {
    const text = fixture(name);
    const { doc, problems } = readYaml(name, text);
    assert.deepEqual(problems, []);
    return { text, doc: doc! };
  };
  const workflowChecks = (name: string) => {
    const { text, doc } = load(name);
    return [
      ...checkRunExpressions(name, text, doc),
      ...checkPinnedUses(name, text, doc),
      ...checkPermissions(name, doc),
    ].map(formatProblem);
  };

  it("anchors and aliases (refused before): the anchored script is checked in every job that runs it", () => {
    assert.deepEqual(workflowChecks("anchors.yml"), [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'anchors.yml:17: expression ${{ github.event.pull_request.title }} inside a run: script (job "first", step 1 "Greet"): pass it through the step\'s env: and use "$NAME" in the script',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'anchors.yml:17: expression ${{ github.event.pull_request.title }} inside a run: script (job "second", step 1 "Greet"): pass it through the step\'s env: and use "$NAME" in the script',
    ]);
  });

  it('a flow mapping after two spaces (read as text before, a silent pass): top-level "contents: write" is reported', () => {
    assert.deepEqual(workflowChecks("flow-map-spaced.yml"), [
      "flow-map-spaced.yml:6: top-level permissions grant contents: write: grant write access only in the job that needs it",
    ]);
  });

  it("flow collections over several lines (refused before): read, and the workflow passes", () => {
    assert.deepEqual(workflowChecks("flow-map-lines.yml"), []);
    const { doc } = load("flow-map-lines.yml");
    assert.deepEqual(toPlain(get(get(get(doc, "jobs"), "build"), "permissions")!), {
      contents: "read",
      "pull-requests": "write",
    });
  });

  it("block scalars with indicators (two misread before): each value as YAML defines it", () => {
    const { doc } = load("block-scalars.yml");
    const steps = toPlain(get(get(doc, "runs"), "steps")!) as { run: string }[];
    assert.deepEqual(
      steps.map((s) => s.run),
      [
        "echo one\necho two",
        "echo one\n\n  indented\n\necho two\n", // the subset reader lost the break before "echo two"
        "echo kept\n\n",
        "  echo indented by the indicator\n",
      ],
    );
    // The subset reader's table said ">- Which configs to read (paths or globs)."
    assert.match(
      renderTable(doc, "inputs"),
      /^\| `config` \| `""` \| Which configs to read \(paths or globs\)\. \|$/m,
    );
  });

  it("a document end marker (refused before as several documents): one document, and it passes", () => {
    assert.deepEqual(workflowChecks("document-end.yml"), []);
  });

  it("two documents: refused, at the second one's line", () => {
    assert.deepEqual(readYaml("two-documents.yml", fixture("two-documents.yml")).problems, [
      {
        file: "two-documents.yml",
        line: 12,
        message: "YAML: a second YAML document (after ---): a workflow, action or Dependabot file holds one",
      },
    ]);
  });

  it("quoted keys and values (a pin reported as unpinned before): the pin passes, the expression is reported", () => {
    assert.deepEqual(workflowChecks("quoted-keys.yml"), [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      'quoted-keys.yml:13: expression ${{ github.event.pull_request.title }} inside a run: script (job "build", step 2): pass it through the step\'s env: and use "$NAME" in the script',
    ]);
  });
});

describe("readYamlTree: the repository's own files", () => {
  const files = [
    "action.yml",
    ".github/dependabot.yml",
    ...readdirSync(new URL(".github/workflows/", root)).map((f) => `.github/workflows/${f}`),
  ];
  for (const file of files) {
    it(`reads ${file}`, () => {
      const { doc, problems } = readYamlTree(readFileSync(new URL(file, root), "utf8"));
      assert.deepEqual(problems, []);
      assert.equal(doc?.kind, "map");
    });
  }
});
