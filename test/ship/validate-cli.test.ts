// `npm run validate` (scripts/validate-action.ts) as .ci/run runs it: exit 0 on the repository,
// exit 1 with `file:line: message` on a copy broken in each way the issue names: an invalid
// workflow, an invalid action.yml, an undeclared input or output, an expression in a run: block,
// and action reference tables (docs/action.md) that no longer match action.yml, or none.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const script = join(repo, "scripts", "validate-action.ts");

// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
const INJECTED_RUN = 'run: |\n          echo "${{ github.head_ref }}"\n          bash .ci/run';

function validate(root?: string): { status: number | null; stdout: string; stderr: string } {
  const args = [script, ...(root ? ["--root", root] : [])];
  const result = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, GITHUB_ACTIONS: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("validate-action.ts", () => {
  let scratch: string;
  /** A fresh copy of what the validation reads, for one breakage. */
  const copy = (name: string): string => {
    const root = join(scratch, name);
    for (const path of ["action.yml", "package.json", "README.md", "docs", ".github", "src"]) {
      cpSync(join(repo, path), join(root, path), { recursive: true });
    }
    return root;
  };
  const edit = (root: string, path: string, change: (text: string) => string) => {
    const file = join(root, path);
    const before = readFileSync(file, "utf8");
    const after = change(before);
    assert.notEqual(after, before, `the edit of ${path} changed nothing`);
    writeFileSync(file, after);
  };

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), "validate-action-"));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it("passes on the repository", () => {
    const result = validate();
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^validate: OK \(action\.yml, \.github\/workflows\/ci\.yml, /m);
  });

  // One copy broken in every way at once: one run of the script (each check's own failures
  // are tested one by one in checks.test.ts).
  it("fails, naming file and line, on each breakage of a copy (a README example pasting the pull request's title into run: among them)", () => {
    const root = copy("broken");
    // An invalid workflow.
    cpSync(join(repo, "test/fixtures/ship/invalid-schema.yml"), join(root, ".github/workflows/invalid.yml"));
    // An invalid action.yml, an output nobody writes, and reference tables that no longer match.
    edit(root, "action.yml", (t) =>
      t
        .replace(/^ {2}color: .*$/m, '  color: "pink"')
        .replace("\noutputs:\n", '\noutputs:\n  never-written:\n    description: "Nothing writes this."\n'),
    );
    // An input the code reads that action.yml does not declare.
    writeFileSync(
      join(root, "src/action/extra.ts"),
      'import * as core from "@actions/core";\n\nexport const extra = core.getInput("not-declared");\n',
    );
    // An expression inside a run: block, and an unpinned action.
    edit(root, ".github/workflows/ci.yml", (t) =>
      t
        .replace("run: bash .ci/run", INJECTED_RUN)
        .replace(/actions\/checkout@[0-9a-f]{40} # v[\d.]+/, "actions/checkout@v7"),
    );
    // A README example that pastes the pull request's title into run: (steps a user would paste).
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const example = [
      "",
      "## Greeting",
      "",
      "```yaml",
      "- uses: <owner>/do-migrate-action@v1",
      "- run: |",
      "    echo checked",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      '    echo "${{ github.event.pull_request.title }}"',
      "```",
      "",
    ].join("\n");
    writeFileSync(join(root, "README.md"), `${readme.trimEnd()}\n${example}`);
    const run = readme.trimEnd().split("\n").length + 6;

    const result = validate(root);
    assert.equal(result.status, 1);
    const expected = [
      /^\.github\/workflows\/invalid\.yml:7: actionlint \[syntax-check\]: "runs-on" section is missing in job "build"/m,
      /^\.github\/workflows\/invalid\.yml:14: actionlint \[syntax-check\]: unexpected key "bogus" for "step" section/m,
      /^action\.yml:\d+: schema \(action\): Enum conditions are not met at \/branding\/color/m,
      /^src\/action\/extra\.ts:3: the code reads input "not-declared" but action\.yml does not declare it under inputs:/m,
      /^action\.yml:\d+: outputs\.never-written is declared but no code in src\/ writes it/m,
      /^\.github\/workflows\/ci\.yml:\d+: expression \$\{\{ github\.head_ref \}\} inside a run: script/m,
      /^\.github\/workflows\/ci\.yml:\d+: actions\/checkout@v7 .* is not pinned to a full commit SHA/m,
      /^docs\/action\.md:\d+: the outputs table differs from action\.yml: run "npm run docs" and commit docs\/action\.md$/m,
    ];
    for (const pattern of expected) assert.match(result.stderr, pattern);
    assert.match(result.stderr, /^validate: \d+ problem\(s\) in /m);
    // The README example, at its README lines.
    assert.deepEqual(
      result.stderr
        .split("\n")
        .filter((l) => l.startsWith("README.md:"))
        .map((l) => l.replace(/(untrusted|script).*$/, "$1")),
      [
        // actionlint 1.7.7 names the line of the block scalar's `run:` key.
        `README.md:${run}: actionlint [expression]: "github.event.pull_request.title" is potentially untrusted`,
        `README.md:${run + 2}: expression \${{ github.event.pull_request.title }} inside a run: script`,
      ],
    );
    // Every ```yaml block of the README, and the one added here.
    const examples = readme.split("\n").filter((l) => l.startsWith("```yaml")).length + 1;
    assert.ok(result.stderr.includes(`README.md (${examples} workflow examples)`), result.stderr);
  });

  it("fails when the action reference with the generated tables is missing", () => {
    const root = copy("no-reference");
    rmSync(join(root, "docs/action.md"));
    const result = validate(root);
    assert.equal(result.status, 1, result.stdout);
    assert.match(
      result.stderr,
      /^docs\/action\.md:1: no docs\/action\.md: the action reference holds the inputs and outputs tables/m,
    );
  });
});
