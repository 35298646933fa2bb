// The phase-1 config: the real config with every binding to the doomed classes removed and the
// destroying steps held back (an `exports` tombstone held at its live state). JSON/JSONC is edited
// in place with jsonc-parser, so comments and formatting survive; TOML has no format-preserving
// editor, so it is written back from its parsed value (comments are lost in the temporary file).
import { applyEdits, createScanner, findNodeAtLocation, modify, parseTree } from "jsonc-parser";
import { stringify as stringifyToml } from "smol-toml";
import { parseConfigText } from "../config/parse.ts";
import { isRecord } from "../config/workers.ts";
import type { Storage, Worker } from "../model.ts";
import type { DeployPlan } from "./deploy-plan.ts";

export interface Phase1Options {
  /** Storage of the doomed classes' live namespaces (exports model), when known. */
  readonly liveStorage?: ReadonlyMap<string, Storage | null>;
  /** Replaces the entry module (a stand-in that also exports the classes removed from the code). */
  readonly main?: string;
}

type Path = (string | number)[];

interface Change {
  readonly path: Path;
  /** `undefined` removes the value. */
  readonly value: unknown;
}

export function derivePhase1Config(
  file: string,
  text: string,
  worker: Worker,
  plan: DeployPlan,
  options: Phase1Options = {},
): string {
  const parsed = parseConfigText(file, text);
  if (!parsed.ok) throw new Error(`${file} does not parse: ${parsed.message}`);
  const value = parsed.value;
  const unbound = new Set(plan.phase1Unbound);
  const scope: Path = worker.env === null ? [] : ["env", worker.env];
  const changes: Change[] = [];
  const scopeValue = (
    worker.env === null ? value : (value.env as Record<string, unknown>)[worker.env]
  ) as Record<string, unknown>;

  const bindings = (scopeValue.durable_objects as { bindings?: unknown } | undefined)?.bindings;
  if (Array.isArray(bindings)) {
    bindings.forEach((binding: unknown, index) => {
      if (!isRecord(binding) || typeof binding.class_name !== "string") return;
      // Only this Worker's own classes: `script_name` naming another Worker is another namespace.
      const script = binding.script_name;
      const local = script === undefined || script === null || script === "" || script === plan.worker;
      if (local && unbound.has(binding.class_name)) {
        changes.push({ path: [...scope, "durable_objects", "bindings", index], value: undefined });
      }
    });
  }

  const lifecycleScope: Path = worker.ownsLifecycle ? scope : [];
  const lifecycleValue = (worker.ownsLifecycle ? scopeValue : value) as Record<string, unknown>;
  if (plan.model === "migrations" && Array.isArray(lifecycleValue.migrations)) {
    const steps = lifecycleValue.migrations as unknown[];
    const keep =
      plan.phase1Tag === null ? 0 : steps.findIndex((s) => isRecord(s) && s.tag === plan.phase1Tag) + 1;
    for (let i = keep; i < steps.length; i++)
      changes.push({ path: [...lifecycleScope, "migrations", i], value: undefined });
  }
  if (plan.model === "exports") {
    for (const className of plan.doomed) {
      const storage = options.liveStorage?.get(className) ?? "sqlite";
      changes.push({
        path: [...lifecycleScope, "exports", className],
        value: { type: "durable-object", storage: storage === "kv" ? "legacy-kv" : "sqlite" },
      });
    }
  }
  if (options.main !== undefined) {
    const mainScope = typeof scopeValue.main === "string" ? scope : [];
    changes.push({ path: [...mainScope, "main"], value: options.main });
  }

  return parsed.format === "jsonc" ? editJsonc(text, changes) : editToml(value, changes);
}

function editJsonc(text: string, changes: readonly Change[]): string {
  // From the highest path down, so the earlier array indices stay valid.
  const ordered = [...changes].sort((a, b) => comparePaths(b.path, a.path));
  let out = text;
  for (const change of ordered) {
    if (change.value === undefined && typeof change.path[change.path.length - 1] === "number") {
      out = removeArrayElement(out, change.path);
    } else {
      // No formatting options: jsonc-parser then edits only the value itself, nothing around it.
      out = applyEdits(out, modify(out, change.path, change.value, {}));
    }
  }
  return out;
}

/**
 * Removes one array element and the comma after it. An element on lines of its own goes with
 * those whole lines (and a comment at the end of its last line); comments elsewhere stay. A
 * trailing comma may remain, which JSONC (and so wrangler) accepts.
 */
// jsonc-parser's SyntaxKind is a const enum, which erasable TypeScript cannot import.
const COMMA = 5;
const SKIPPED_TOKENS = new Set([12, 13, 14, 15]); // line comment, block comment, line break, whitespace

function removeArrayElement(text: string, path: Path): string {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = tree ? findNodeAtLocation(tree, path) : undefined;
  if (!node) return text;
  let start = node.offset;
  let end = node.offset + node.length;
  const scanner = createScanner(text, false);
  scanner.setPosition(end);
  for (;;) {
    const token = scanner.scan();
    if (token === COMMA) {
      end = scanner.getTokenOffset() + scanner.getTokenLength();
      break;
    }
    if (!SKIPPED_TOKENS.has(token)) break;
  }
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (before.trim() === "" && /^\s*(\/\/.*|\/\*[^\n]*?\*\/\s*)?\r?\n?$/.test(after)) {
    start = lineStart;
    end = lineEnd;
  }
  return text.slice(0, start) + text.slice(end);
}

function editToml(value: Record<string, unknown>, changes: readonly Change[]): string {
  const copy = structuredClone(value);
  for (const change of [...changes].sort((a, b) => comparePaths(b.path, a.path))) {
    const parent = change.path.slice(0, -1).reduce<unknown>((node, key) => (node as never)?.[key], copy);
    const key = change.path[change.path.length - 1]!;
    if (Array.isArray(parent) && typeof key === "number") {
      if (change.value === undefined) parent.splice(key, 1);
      else parent[key] = change.value;
    } else if (isRecord(parent)) {
      if (change.value === undefined) delete parent[key as string];
      else parent[key as string] = change.value;
    }
  }
  return `# Generated by do-migrate-action for phase 1 of a two-phase deploy. Do not commit.\n${stringifyToml(copy)}\n`;
}

function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}

/**
 * A stand-in entry module for phase 1 when the code no longer exports a doomed class: it
 * re-exports the real entry and adds an empty Durable Object class per missing name, so the
 * deploy does not fail with code 10064. `entry` is relative to the stand-in's own directory.
 */
export function standInEntryModule(
  entry: string,
  classes: readonly string[],
  options: { readonly hasDefault?: boolean } = {},
): string {
  const specifier = JSON.stringify(entry.startsWith(".") ? entry : `./${entry}`);
  const stubs = classes
    .filter((name) => STAND_IN_NAME.test(name) && !RESERVED.has(name))
    .map((name) => `export class ${name} extends DurableObject {}`);
  return [
    "// Generated by do-migrate-action for phase 1 of a two-phase deploy. Do not commit.",
    'import { DurableObject } from "cloudflare:workers";',
    `export * from ${specifier};`,
    // `export *` never re-exports `default`; without a default export there is none to forward.
    ...(options.hasDefault === false ? [] : [`export { default } from ${specifier};`]),
    ...stubs,
    "",
  ].join("\n");
}

/** Class names a stand-in can declare: identifiers, and not `default` or `DurableObject`. */
const STAND_IN_NAME = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(["default", "DurableObject"]);

/** Whether `standInEntryModule` can declare this class name. */
export function canStandIn(name: string): boolean {
  return STAND_IN_NAME.test(name) && !RESERVED.has(name);
}
