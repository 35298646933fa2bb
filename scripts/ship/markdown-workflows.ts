// The workflows shown in the documentation (README.md, docs/*.md), so that `npm run validate`
// checks what a user copies exactly as it checks .github/workflows/. Every fenced ```yaml (or
// ```yml) block is read; the ones that are workflows, or parts of one, are kept:
//
// - a complete workflow (a top-level `jobs:`) as it is;
// - a job (top-level `runs-on:`, `steps:`, `strategy:`, `needs:`, ..., or `uses:` of a reusable
//   workflow) inside a minimal workflow: `on: workflow_dispatch`, `permissions: {}`,
//   `jobs: example:`, then `runs-on: ubuntu-latest` when it names no runner (nor a reusable
//   workflow), and a minimal job for each job it `needs:`;
// - a list of steps, or a single step (`uses:` of an action or `run:` at the top), in such a
//   job's `steps:`;
// - triggers (a top-level `on:` without `jobs:`) followed by a minimal job.
//
// A block indented as it would be inside a job (the matrix example of docs/check.md) is dedented first.
// Each kept example knows the Markdown line of each of its lines, so problems name the line a
// reader sees. Other YAML (a Dependabot file, a policy file) is not a workflow and is left out.
import { get, readYamlTree, type YamlNode } from "./yaml-nodes.ts";

export interface YamlBlock {
  /** The Markdown line (1-based) of the block's first line of YAML. */
  readonly line: number;
  /** The block's lines, without the fences and without the indentation they share. */
  readonly text: string;
}

export type ExampleKind = "workflow" | "job" | "steps" | "step" | "triggers";

export interface WorkflowExample {
  readonly kind: ExampleKind;
  /** The Markdown line of the block's first line of YAML. */
  readonly line: number;
  /** A complete workflow: the block, wrapped when it is part of one. */
  readonly text: string;
  /** The Markdown line shown for a line of `text` (the block's first or last line for the wrapper's). */
  readonly markdownLine: (line: number) => number;
}

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;

/** Fenced ```yaml / ```yml blocks (CommonMark fences: ``` or ~~~, closed by at least as many). */
export function yamlBlocks(markdown: string): YamlBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: YamlBlock[] = [];
  for (let n = 0; n < lines.length; n++) {
    const open = FENCE_OPEN.exec(lines[n]!);
    if (!open) continue;
    const [, indent, fence] = open as unknown as [string, string, string, string];
    const info = (open[3] ?? "").toLowerCase();
    const close = new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    let end = n + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    if (info === "yaml" || info === "yml") {
      const body = lines
        .slice(n + 1, end)
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()));
      blocks.push({ line: n + 2, text: dedent(body).join("\n") });
    }
    n = end;
  }
  return blocks;
}

function dedent(lines: readonly string[]): string[] {
  const widths = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length);
  const common = widths.length ? Math.min(...widths) : 0;
  return lines.map((l) => l.slice(Math.min(common, /^ */.exec(l)![0].length)));
}

/** Keys only a job has (a workflow has `jobs:`; `name`, `env`, `permissions` ... belong to both). */
const JOB_KEYS = [
  "runs-on",
  "steps",
  "strategy",
  "needs",
  "services",
  "container",
  "timeout-minutes",
  "environment",
  "outputs",
  "secrets",
];

const WORKFLOW_HEAD = ["on: workflow_dispatch", "permissions: {}", "jobs:", "  example:"];
const STEPS_HEAD = [...WORKFLOW_HEAD, "    runs-on: ubuntu-latest", "    steps:"];
const TRIGGERS_TAIL = [
  "jobs:",
  "  example:",
  "    runs-on: ubuntu-latest",
  "    steps:",
  "      - run: echo example",
];

function kindOf(doc: YamlNode): ExampleKind | null {
  if (doc.kind === "seq") {
    const steps = doc.items.every(
      (item) => get(item, "uses") !== undefined || get(item, "run") !== undefined,
    );
    return steps && doc.items.length > 0 ? "steps" : null;
  }
  if (doc.kind !== "map") return null;
  const has = (key: string) => doc.entries.some((e) => e.key === key);
  if (has("jobs")) return "workflow";
  const uses = get(doc, "uses");
  const reusable = uses?.kind === "scalar" && uses.value.includes(".github/workflows/");
  if (JOB_KEYS.some(has) || reusable) return "job";
  if (has("uses") || has("run")) return "step";
  if (has("on")) return "triggers";
  return null;
}

/**
 * The workflow examples of a Markdown file, and the ```yaml blocks that are not YAML at all
 * (a block a user copies must at least parse).
 */
export function workflowExamples(markdown: string): {
  examples: WorkflowExample[];
  problems: { line: number; message: string }[];
} {
  const examples: WorkflowExample[] = [];
  const problems: { line: number; message: string }[] = [];
  for (const block of yamlBlocks(markdown)) {
    const { doc, problems: yaml } = readYamlTree(block.text);
    if (!doc) {
      for (const p of yaml) problems.push({ line: block.line + p.line - 1, message: `YAML: ${p.message}` });
      continue;
    }
    const kind = kindOf(doc);
    if (kind) examples.push(wrap(block, kind, doc));
  }
  return { examples, problems };
}

/**
 * A job's `needs:` as minimal jobs, each with the outputs the job reads from it
 * (`needs.<job>.outputs.<name>`), so that the wrapped job refers to jobs that exist.
 */
function neededJobs(job: YamlNode, text: string): string[] {
  const needs = get(job, "needs");
  const names =
    needs?.kind === "scalar"
      ? [needs.value]
      : needs?.kind === "seq"
        ? needs.items.flatMap((n) => (n.kind === "scalar" ? [n.value] : []))
        : [];
  return names.flatMap((name) => {
    const outputs = [...text.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)]
      .filter((m) => m[1] === name)
      .map((m) => m[2]!);
    return [
      `  ${name}:`,
      "    runs-on: ubuntu-latest",
      ...(outputs.length ? ["    outputs:", ...[...new Set(outputs)].map((o) => `      ${o}: ""`)] : []),
      "    steps:",
      `      - run: echo ${name}`,
    ];
  });
}

function wrap(block: YamlBlock, kind: ExampleKind, doc: YamlNode): WorkflowExample {
  const body = block.text.split("\n");
  while (body.length && body[body.length - 1]!.trim() === "") body.pop();
  const indent = (width: number) => body.map((l) => (l.trim() === "" ? l : `${" ".repeat(width)}${l}`));
  let head: string[] = [];
  let lines = body;
  let tail: string[] = [];
  if (kind === "job") {
    head = WORKFLOW_HEAD;
    lines = indent(4);
    if (!get(doc, "runs-on") && !get(doc, "uses")) tail = ["    runs-on: ubuntu-latest"];
    tail = [...tail, ...neededJobs(doc, block.text)];
  } else if (kind === "steps") {
    head = STEPS_HEAD;
    lines = indent(6);
  } else if (kind === "step") {
    head = [...STEPS_HEAD, "      -"];
    lines = indent(8);
  } else if (kind === "triggers") {
    tail = TRIGGERS_TAIL;
  }
  const last = block.line + Math.max(body.length - 1, 0);
  return {
    kind,
    line: block.line,
    text: `${[...head, ...lines, ...tail].join("\n")}\n`,
    markdownLine: (line) => Math.min(Math.max(block.line + line - 1 - head.length, block.line), last),
  };
}
