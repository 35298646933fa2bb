// The migration generators: `new-class`, `rename` and `delete` write the step (or the `exports`
// entry) and the bindings a change of classes needs, in the file's own layout, so nobody has to
// write a migration by hand. Bad input is a clear error and nothing is written; the result is
// analysed like any change before it is returned.
import { analyzeRepository } from "../analyze/analyze.ts";
import { configFormat, parseConfigText } from "../config/parse.ts";
import { readWorkers } from "../config/workers.ts";
import { q } from "../diagnostics.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { ClassState, ConfigPath, Finding, ParsedConfig, Storage, Worker } from "../model.ts";
import { andList } from "../text/lists.ts";
import { applyOps, uneditable } from "./document.ts";
import type { DocumentOp } from "./document-ops.ts";
import { exportsDeleteNext, exportsRenameNext, tombstoneOps } from "./exports-generate.ts";
import { proveFix } from "./proof.ts";
import { bindingPaths, lifecycleScope, scopePath, valueAt } from "./scope.ts";
import { nextTag } from "./tags.ts";

export type Generation =
  | {
      readonly command: "new-class";
      readonly className: string;
      readonly storage: Storage;
      readonly binding: string | null;
    }
  | {
      readonly command: "rename";
      readonly from: string;
      readonly to: string;
      readonly storage: Storage | null;
    }
  | { readonly command: "delete"; readonly className: string };

export interface GenerateRequest {
  readonly file: string;
  readonly text: string;
  /** null: the top level. */
  readonly env: string | null;
  readonly today: string;
  readonly change: Generation;
  /**
   * The repository's other wrangler configs (as `check` finds them), for the bindings other
   * Workers have to a deleted class through `script_name`; null when they could not be read.
   */
  readonly others?: readonly OtherConfig[] | null;
}

/** Another config of the repository, as it is. */
export interface OtherConfig {
  readonly file: string;
  readonly text: string;
}

export type GenerateResult =
  | {
      readonly ok: true;
      readonly after: string;
      /** What was written, one line each. */
      readonly done: readonly string[];
      /** What the Worker's code must export afterwards, and how to deploy. */
      readonly next: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function generate(request: GenerateRequest): GenerateResult {
  const { file, text, env, change } = request;
  const target = editedWorker(file, text, env);
  if (!target.ok) return target;
  const { parsed, workers, worker } = target;
  const where = placeOf(file, env);
  const classes = replayLifecycle(worker.lifecycle).classes;
  const live = [...classes.values()].filter((c) => c.status === "live").map((c) => c.className);
  const liveList = live.length ? ` (live classes: ${live.map(q).join(", ")})` : " (it has no live class)";
  const scope = lifecycleScope(worker);
  const sharedBy = workers.filter(
    (w) => w !== worker && !w.ownsLifecycle && scope.length === 0 && w.lifecycle.model !== "none",
  );
  const model = worker.lifecycle.model;
  const tag =
    model === "migrations"
      ? nextTag(
          worker.lifecycle.steps.map((s) => s.tag),
          request.today,
        )
      : nextTag([], request.today);
  const listPath = [...scope, "migrations"];
  const exportsPath = [...scope, "exports"];
  const inList =
    model === "exports"
      ? `\`exports\` of ${scope.length ? `env ${q(env)}` : "the top level"}`
      : `migration ${q(tag)}${scope.length === 0 && env !== null ? " (top-level `migrations`, which this env inherits)" : ""}`;
  const ops: DocumentOp[] = [];
  const done: string[] = [];
  const next: string[] = [];
  const entry = worker.main ? q(worker.main) : "the Worker's entry module";
  let expected: Finding["kind"][] = [];

  switch (change.command) {
    case "new-class": {
      const { className, storage, binding } = change;
      const bad = badName(className);
      if (bad) return fail(bad);
      const taken = classes.get(className);
      if (taken) return fail(takenMessage(className, taken, where));
      if (model === "exports") {
        ops.push({
          op: "add-key",
          path: exportsPath,
          key: className,
          value: { type: "durable-object", storage: storage === "sqlite" ? "sqlite" : "legacy-kv" },
        });
      } else {
        const key = storage === "sqlite" ? "new_sqlite_classes" : "new_classes";
        ops.push({ op: "append", path: listPath, value: { tag, [key]: [className] } });
      }
      done.push(
        `Created ${q(className)} with ${storage === "sqlite" ? "SQLite" : "key-value (legacy)"} storage in ${inList}.`,
      );
      if (binding !== null) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(binding))
          return fail(`binding name ${q(binding)} is not a valid JavaScript identifier (letters, digits, _)`);
        // `durable_objects` is not inherited: the Worker asked for, and every other Worker that
        // reads this lifecycle and has bindings of its own, gets the binding.
        const bound = [
          worker,
          ...workersOf(workers, worker, scope).filter(
            (w) => w !== worker && Array.isArray(valueAt(parsed.value, bindingsPath(w.env))),
          ),
        ];
        for (const w of bound) {
          if (w.bindings.some((b) => b.name === binding))
            return fail(`${placeOf(file, w.env)} already has a Durable Object binding named ${q(binding)}`);
          ops.push({
            op: "append",
            path: bindingsPath(w.env),
            value: { name: binding, class_name: className },
          });
        }
        done.push(
          `Bound it as ${q(binding)} in ${andList(bound.map((w) => (w.env === null ? "the top level" : `env ${q(w.env)}`)))}.`,
        );
      }
      next.push(
        `Export the class from ${entry}: \`export class ${className} extends DurableObject { ... }\` (\`import { DurableObject } from "cloudflare:workers"\`), or the deploy fails with code 10070.`,
      );
      if (storage === "kv")
        next.push("Key-value storage is legacy: the free plan accepts only SQLite classes (code 10097).");
      break;
    }
    case "rename": {
      const { from, to } = change;
      const bad = badName(to);
      if (bad) return fail(bad);
      const source = classes.get(from);
      if (source?.status !== "live")
        return fail(`${where} has no live class ${q(from)} to rename${liveList}`);
      const taken = classes.get(to);
      if (taken) return fail(takenMessage(to, taken, where));
      if (change.storage && source.storage && change.storage !== source.storage) {
        return fail(
          `${q(from)} has ${storageName(source.storage)} storage, and a rename keeps it: a class can never switch storage. To move to ${storageName(change.storage)}, create a new class (\`do-migrate new-class ${to} --storage ${change.storage}\`) and copy the data in code; then delete ${q(from)}.`,
        );
      }
      if (model === "exports") {
        const at = [...exportsPath, from];
        ops.push(...tombstoneOps(at, valueAt(parsed.value, at) as Record<string, unknown>, "renamed", to));
        ops.push({
          op: "add-key",
          path: exportsPath,
          key: to,
          value: { type: "durable-object", storage: source.storage === "kv" ? "legacy-kv" : "sqlite" },
        });
      } else {
        ops.push({ op: "append", path: listPath, value: { tag, renamed_classes: [{ from, to }] } });
      }
      done.push(`Renamed ${q(from)} to ${q(to)} in ${inList}: its objects and data move to the new name.`);
      let moved = 0;
      for (const w of workersOf(workers, worker, scope)) {
        for (const path of bindingPaths(parsed.value, w, from)) {
          ops.push({ op: "set", path: [...path, "class_name"], value: to });
          moved++;
        }
      }
      if (moved) done.push(`Pointed ${moved} binding${moved === 1 ? "" : "s"} at ${q(to)}.`);
      next.push(
        ...(model === "exports"
          ? exportsRenameNext(from, to, entry)
          : [
              `In the same deploy, ${entry} must export ${q(to)} (rename the class in the code); ${q(from)} is no longer needed.`,
              `Other Workers that bind ${q(from)} through \`script_name\` must point at ${q(to)} too.`,
            ]),
      );
      expected = ["class-renamed"];
      break;
    }
    case "delete": {
      const { className } = change;
      const gone = classes.get(className);
      if (gone?.status !== "live")
        return fail(`${where} has no live class ${q(className)} to delete${liveList}`);
      const removals: ConfigPath[] = [];
      for (const w of workersOf(workers, worker, scope))
        removals.push(...bindingPaths(parsed.value, w, className));
      if (model === "exports") {
        const at = [...exportsPath, className];
        ops.push(...tombstoneOps(at, valueAt(parsed.value, at) as Record<string, unknown>, "deleted"));
      } else {
        ops.push({ op: "append", path: listPath, value: { tag, deleted_classes: [className] } });
      }
      // Highest index first, so the earlier paths stay valid.
      for (const path of removals.reverse()) ops.push({ op: "remove", path });
      if (removals.length)
        done.push(
          `Removed ${removals.length} binding${removals.length === 1 ? "" : "s"} to ${q(className)}.`,
        );
      done.push(
        `Deleted ${q(className)} in ${model === "exports" ? inList : `a migration of its own, ${q(tag)}`}: on deploy, every ${q(className)} object and all its storage are destroyed, irreversibly.`,
      );
      next.push(
        ...(model === "exports"
          ? exportsDeleteNext(className, entry)
          : [
              `Keep exporting ${q(className)} from ${entry} until the delete has applied: phase 1 (bindings removed, delete held back) still needs it.`,
              `Deploy in two phases: \`do-migrate deploy\` (or the action's \`mode: deploy\`) runs phase 1, then phase 2 with \`--confirm-data-loss ${className}\`.`,
            ]),
      );
      // Bindings removed in the deploy that deletes the class: the plain one-shot delete (DO107),
      // or a transferred class (DO108), which the two-phase deploy this command points to handles.
      expected = [
        "class-deleted",
        "delete-still-bound",
        "delete-binding-removed",
        "delete-transferred-bound",
      ];
      break;
    }
  }
  if (sharedBy.length > 0) {
    next.push(
      `The top-level lifecycle is inherited, so this also applies to ${sharedBy.map((w) => (w.env === null ? "the top level" : `env ${q(w.env)}`)).join(", ")}.`,
    );
  }

  const format = configFormat(file);
  const after = applyOps(format, text, ops);
  if (after === null) {
    const why = uneditable(format, text);
    return fail(
      why
        ? `${file} cannot be edited in place: ${why}; make the change by hand`
        : `${file} is laid out in a way this command cannot edit in place; make the change by hand`,
    );
  }
  const before = analyzeRepository([{ file, baseText: text, headText: text }]);
  const result = analyzeRepository([{ file, baseText: text, headText: after }]);
  const proof = proveFix(before, result, [], expected);
  if (proof.added.length > 0) {
    const what = [...new Set(proof.added.map((f) => `${f.code} ${f.kind}: ${f.message}`))].join(" ");
    return fail(`the change would not deploy cleanly, so nothing was written: ${what}`);
  }
  if (change.command === "delete")
    next.unshift(...removeFirst(file, text, after, change.className, request.others));
  return { ok: true, after, done, next };
}

/**
 * The bindings other Workers have to the deleted class through `script_name`, as the next check
 * reports them (DO105): each Worker must remove its binding and deploy before the delete, or the
 * delete is rejected (10061). They are listed, not removed: removing one changes that Worker,
 * whose own deploy has to come first, and the two-phase deploy waits for it.
 */
function removeFirst(
  file: string,
  before: string,
  after: string,
  className: string,
  others: readonly OtherConfig[] | null | undefined,
): string[] {
  if (others === undefined) return [];
  if (others === null)
    return [
      `Other Workers' bindings to ${q(className)} through \`script_name\` were not looked for (not in a git repository): each must be removed and deployed before this delete, or it is rejected (code 10061).`,
    ];
  const candidates = others.filter((o) => o.file !== file && o.text.includes("script_name"));
  if (candidates.length === 0) return [];
  const report = analyzeRepository([
    { file, baseText: before, headText: after },
    ...candidates.map((o) => ({ file: o.file, baseText: o.text, headText: o.text })),
  ]);
  const places = new Map<string, string>();
  for (const f of report.findings) {
    if (f.kind !== "cross-worker-binding" || f.file === file) continue;
    const place = `${f.file}${f.line ? `:${f.line}` : ""}`;
    const who = f.worker ? ` (Worker ${q(f.worker)}${f.env ? `, env ${q(f.env)}` : ""})` : "";
    places.set(place, `${q(place)}${who}`);
  }
  if (places.size === 0) return [];
  return [
    `Remove first: ${[...places.values()].join(", ")} ${places.size === 1 ? "binds" : "bind"} ${q(className)} through \`script_name\`. Remove ${places.size === 1 ? "that binding" : "those bindings"} and deploy ${places.size === 1 ? "that Worker" : "those Workers"} before this delete, or the delete is rejected (code 10061); this command does not edit other Workers' configs.`,
  ];
}

/**
 * The Worker a generator edits: the config parsed, and its target at `env` (null: the top
 * level), or why there is none (the config does not parse, or defines no such env).
 */
export function editedWorker(
  file: string,
  text: string,
  env: string | null,
):
  | {
      readonly ok: true;
      readonly parsed: ParsedConfig;
      readonly workers: readonly Worker[];
      readonly worker: Worker;
    }
  | { readonly ok: false; readonly message: string } {
  const parsed = parseConfigText(file, text);
  if (!parsed.ok) {
    return fail(
      `${file} does not parse${parsed.line ? ` (line ${parsed.line})` : ""}: ${parsed.message}; fix it first`,
    );
  }
  const { workers } = readWorkers(parsed);
  const worker = workers.find((w) => w.env === env);
  if (!worker) {
    const defined = workers.flatMap((w) => (w.env === null ? [] : [w.env]));
    return fail(
      `${file} has no env ${q(env)}${defined.length ? ` (it defines ${defined.map(q).join(", ")})` : ""}`,
    );
  }
  return { ok: true, parsed, workers, worker };
}

export function placeOf(file: string, env: string | null): string {
  return env === null ? `${file} (top level)` : `${file} env ${q(env)}`;
}

function bindingsPath(env: string | null): ConfigPath {
  return [...scopePath(env), "durable_objects", "bindings"];
}

/**
 * The change in several envs (`--env a --env b`): once per lifecycle they read (envs that
 * inherit the top-level list share one step, whose bindings reach them all), each on the text
 * the previous one left. The first refusal stops it, and nothing is written.
 */
export function generateForEnvs(
  request: Omit<GenerateRequest, "env">,
  envs: readonly (string | null)[],
): GenerateResult {
  const wanted = envs.length === 0 ? [null] : [...new Set(envs)];
  const parsed = parseConfigText(request.file, request.text);
  const workers = parsed.ok ? readWorkers(parsed).workers : [];
  const seen = new Set<string>();
  let text = request.text;
  const done: string[] = [];
  const next: string[] = [];
  for (const env of wanted) {
    const worker = workers.find((w) => w.env === env);
    const key = worker ? lifecycleScope(worker).join("\u0000") : `\u0001${env}`;
    if (seen.has(key)) {
      // The step is there already; an env asked for by name still gets its binding.
      const change = request.change;
      if (change.command !== "new-class" || change.binding === null) continue;
      const now = parseConfigText(request.file, text);
      const current = now.ok ? readWorkers(now).workers.find((w) => w.env === env) : undefined;
      if (!current || current.bindings.some((b) => b.name === change.binding)) continue;
      const after = applyOps(configFormat(request.file), text, [
        {
          op: "append",
          path: bindingsPath(env),
          value: { name: change.binding, class_name: change.className },
        },
      ]);
      if (after === null)
        return fail(`${placeOf(request.file, env)} cannot be edited in place; bind it by hand`);
      text = after;
      done.push(`Bound it as ${q(change.binding)} in env ${q(env)}.`);
      continue;
    }
    seen.add(key);
    const result = generate({ ...request, text, env });
    if (!result.ok) return result;
    text = result.after;
    done.push(...result.done);
    for (const line of result.next) if (!next.includes(line)) next.push(line);
  }
  return { ok: true, after: text, done, next };
}

function fail(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}

function badName(name: string): string | null {
  return IDENTIFIER.test(name)
    ? null
    : `${q(name)} is not a class name: Durable Object classes are exported JavaScript classes (letters, digits, _ and $, not starting with a digit)`;
}

function takenMessage(name: string, state: ClassState, where: string): string {
  const how =
    state.status === "live"
      ? "is already a live class"
      : state.status === "deleted"
        ? `was deleted${state.tag ? ` by migration ${q(state.tag)}` : ""}; a new class under that name would start empty and read as the old one`
        : state.status === "renamed"
          ? `was renamed to ${q(state.renamedTo)}${state.tag ? ` by migration ${q(state.tag)}` : ""}; reusing the name confuses the history`
          : "was transferred to another Worker";
  return `${q(name)} ${how} in ${where}: choose another name`;
}

/** The Workers that share the lifecycle at `scope` (an inherited top-level list reaches every env). */
function workersOf(workers: readonly Worker[], worker: Worker, scope: ConfigPath): Worker[] {
  if (scope.length > 0) return [worker];
  return workers.filter((w) => w === worker || (!w.ownsLifecycle && w.env !== null) || w.env === null);
}

function storageName(storage: Storage): string {
  return storage === "sqlite" ? "SQLite" : "key-value (legacy)";
}
