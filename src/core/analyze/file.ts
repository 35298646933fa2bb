// The analysis of one config file at two revisions: each side parsed once, every (file,
// environment) compared as one deployed Worker (compare-worker.ts), the drafts placed as findings.
// What needs several files together is in repository.ts.
import { CATALOGUE, forUndeployedWorker } from "../catalogue.ts";
import { configFormat, parseConfigText, releaseLocator } from "../config/parse.ts";
import { pathKey } from "../config/toml-locator.ts";
import { notDeployedAsWritten, readWorkers } from "../config/workers.ts";
import { type Draft, placeDraft } from "../diagnostics.ts";
import { deletesOfCreated } from "../lifecycle/engine.ts";
import type {
  ConfigChange,
  DurableObjectBinding,
  Finding,
  ParsedConfig,
  ParseResult,
  Worker,
} from "../model.ts";
import { remarked } from "../remarks.ts";
import {
  fixWithAddition,
  parseError,
  unreadBaseDeletes as unreadBaseDeletesWording,
} from "../rules/config-files.ts";
import { newConfigDeletes as newConfigDeletesWording } from "../rules/history.ts";
import { workerEntryPath } from "./code-exports.ts";
import { compareWorker, removedWorker } from "./compare-worker.ts";
import type { FileAnalysis, Takeover } from "./file-analysis.ts";

export interface AnalyzeOptions {
  /** Only these environments (`null` = the top level); all when absent. */
  readonly envs?: readonly (string | null)[] | null;
  /**
   * The export names of a Worker's entry module at the base revision (repository path), when the
   * caller read them: a last step creating a class the base code does not export never deployed.
   */
  readonly baseExportsOf?: (entryPath: string) => ReadonlySet<string> | undefined;
  /**
   * The Workers the repository's configs deploy at the base revision, by deployed name (see
   * `baseWorkerIndex`): a head target is compared with the base history of the Worker it deploys
   * to, wherever that history was declared. Without it, targets are paired by position only.
   */
  readonly baseWorkersNamed?: BaseWorkerIndex;
}

/** The base revision's Workers by the name they deploy to (placeholders and unnamed left out). */
export type BaseWorkerIndex = ReadonlyMap<string, readonly Worker[]>;

export function analyzeFile(change: ConfigChange, options: AnalyzeOptions = {}): FileAnalysis {
  const { file } = change;
  const { head, base, same } = readChange(change);
  const findings: Finding[] = [];
  const wanted = (env: string | null) => !options.envs || options.envs.includes(env);

  if (head && !head.ok) {
    // Pre-existing only when the text is the same: a changed text the check cannot read is judged unread.
    findings.push(parseErrorFinding(head, same && base !== null));
    return { file, findings, headWorkers: [] };
  }
  if (base && !base.ok) findings.push(parseErrorFinding(base, false, true));
  const baseConfig = base?.ok ? base : null;

  if (!head) {
    const removed = baseConfig ? readWorkers(baseConfig).workers : [];
    for (const worker of removed) {
      const draft = wanted(worker.env) ? removedWorker(worker, "file") : null;
      if (draft && baseConfig) findings.push(placed(draft, placement(baseConfig, worker.name, true), worker));
    }
    return { file, findings, headWorkers: [], baseWorkers: removed };
  }

  const headReading = workersOf(head);
  const baseReading = baseConfig ? workersOf(baseConfig) : null;
  // When the base does not parse, nothing can be said about what changed: compare head with itself.
  const baseWorkers = base && !base.ok ? headReading.workers : (baseReading?.workers ?? []);
  const baseByEnv = new Map(baseWorkers.map((w) => [w.env, w]));

  const known = new Set((baseReading?.drafts ?? []).map(draftKey));
  for (const draft of headReading.drafts) {
    if (!wanted(draft.env)) continue;
    // Said once, where the file changes: not again for every untouched v1 config of a repository.
    if (draft.kind === "legacy-wrangler-config" && same) continue;
    const worker = headReading.workers.find((w) => w.env === draft.env);
    findings.push(placeDraft(draft, placement(head, worker?.name ?? null, !known.has(draftKey(draft)))));
  }
  const takeovers: Takeover[] = [];
  const unreadBase = base && !base.ok ? base.file : null;
  const unreadDeletes: { className: string; tag: string | null }[] = [];
  for (const worker of headReading.workers) {
    if (!wanted(worker.env)) continue;
    const positional = baseByEnv.get(worker.env) ?? null;
    // Judged against the history of the Worker it deploys to, wherever that was declared.
    const owner = deployedOnto(worker, positional, options.baseWorkersNamed);
    if (owner) takeovers.push({ head: worker, owner, positional });
    const base = owner ?? positional;
    const baseEntry = base && options.baseExportsOf ? workerEntryPath(base) : null;
    const baseExports = baseEntry ? (options.baseExportsOf?.(baseEntry) ?? null) : null;
    const boundElsewhere = base ? bindingsReaching(base, options.baseWorkersNamed) : undefined;
    for (const draft of compareWorker(base, worker, { baseExports, boundElsewhere })) {
      findings.push(placed(draft, placement(head, worker.name, true), worker));
    }
    const deletes = baseConfig === null && base === null ? newConfigDeletes(worker) : null;
    if (deletes) findings.push(placed(deletes, placement(head, worker.name, true), worker));
    if (unreadBase !== null) unreadDeletes.push(...unreadBaseDeletes(worker));
  }
  // What the base revision deployed cannot be read: the deletes of the head's history may
  // destroy objects on a Worker that has not run them, which only the live tag tells. The base's
  // DO001 says so, as an error (the base never deployed as written: not counted as data loss).
  if (unreadDeletes.length > 0) {
    const at = findings.findIndex((f) => f.kind === "parse-error" && f.file === unreadBase);
    const was = findings[at];
    if (was) {
      const more = unreadBaseDeletesWording({ deletes: unreadDeletes });
      findings[at] = {
        ...remarked(was, { after: more.message }),
        severity: "error",
        fix: fixWithAddition(was.fix, more),
      };
    }
  }
  if (baseConfig && base?.ok) {
    const headEnvs = new Set(headReading.workers.map((w) => w.env));
    for (const worker of baseWorkers) {
      if (headEnvs.has(worker.env) || !wanted(worker.env)) continue;
      const draft = removedWorker(worker, "env");
      if (draft)
        findings.push(
          placed({ ...draft, line: head.locate(["env"]) }, placement(head, worker.name, true), worker),
        );
    }
  }
  return {
    file,
    findings,
    headWorkers: headReading.workers,
    baseWorkers: baseReading?.workers ?? [],
    ...(takeovers.length > 0 ? { takeovers } : {}),
    ...(change.onlyWithConfig ? { onlyWithConfig: true } : {}),
  };
}

/** The two sides of a config change, each parsed once (however often the change is analysed). */
function readChange(change: ConfigChange): {
  head: ParseResult | null;
  base: ParseResult | null;
  same: boolean;
} {
  const known = sidesRead.get(change);
  if (known) return known;
  const { file } = change;
  const head = readSide(file, change.headText, change.headUnreadable);
  const baseFile = change.baseFile ?? file;
  // A file the change leaves alone (most of a monorepo) is read once for both sides.
  const same =
    change.baseText === change.headText &&
    change.baseUnreadable === change.headUnreadable &&
    configFormat(baseFile) === configFormat(file);
  const base = same ? head : readSide(baseFile, change.baseText, change.baseUnreadable);
  const sides = { head, base, same };
  sidesRead.set(change, sides);
  return sides;
}
const sidesRead = new WeakMap<
  ConfigChange,
  { head: ParseResult | null; base: ParseResult | null; same: boolean }
>();

/** `readWorkers`, once per parsed config. */
function workersOf(config: ParsedConfig): ReturnType<typeof readWorkers> {
  let reading = workersRead.get(config);
  if (!reading) {
    reading = readWorkers(config);
    workersRead.set(config, reading);
    // Kept for the whole check: only what a finding needs is rebuilt (a few files, not all).
    releaseLocator(config);
  }
  return reading;
}
const workersRead = new WeakMap<ParsedConfig, ReturnType<typeof readWorkers>>();

/**
 * The Workers every config deploys at the base revision, by the name they deploy to. A Worker
 * without a name, or with a placeholder for one, is nobody's identity and is left out.
 */
export function baseWorkerIndex(changes: readonly ConfigChange[]): BaseWorkerIndex {
  const index = new Map<string, Worker[]>();
  for (const change of changes) {
    const { base } = readChange(change);
    if (!base?.ok) continue;
    for (const worker of workersOf(base).workers) {
      if (worker.name === null || worker.placeholderName) continue;
      const list = index.get(worker.name);
      if (list) list.push(worker);
      else index.set(worker.name, [worker]);
    }
  }
  return index;
}

/** Whether two targets deploy to the same Worker: the same name, in the same account when both say. */
function sameWorker(a: Worker, b: Worker): boolean {
  return (
    a.name !== null && a.name === b.name && !a.placeholderName && !b.placeholderName && sameAccount(a, b)
  );
}

/** Whether two targets may deploy to one account: the same `account_id`, or one of them unset. */
export function sameAccount(a: Worker, b: Worker): boolean {
  return a.accountId === undefined || b.accountId === undefined || a.accountId === b.accountId;
}

/**
 * The base Worker a head target deploys to when that is not the one at its own place (a new env
 * named like another Worker, a name changed onto another Worker's, a second config deploying the
 * same Worker): the Worker's real history is the one declared there.
 */
function deployedOnto(
  head: Worker,
  positional: Worker | null,
  index: BaseWorkerIndex | undefined,
): Worker | null {
  if (!index || head.name === null || head.placeholderName) return null;
  if (positional && sameWorker(positional, head)) return null;
  const samePlace = (w: Worker) =>
    positional !== null && w.file === positional.file && w.env === positional.env;
  const owners = (index.get(head.name) ?? []).filter((w) => sameWorker(w, head) && !samePlace(w));
  // The same config first (an env named like its top level), then the others in path order.
  return owners.find((w) => w.file === head.file) ?? owners[0] ?? null;
}

/**
 * The bindings of the repository's other targets at the base revision that name a class of
 * `base` through `script_name`, by class name: a delete of that class is rejected while they are
 * live (10061), so the base's step that deletes it most likely never applied.
 */
function bindingsReaching(
  base: Worker,
  index: BaseWorkerIndex | undefined,
): Map<string, { binding: string; worker: string }> | undefined {
  if (!index || base.name === null || base.placeholderName) return undefined;
  const out = new Map<string, { binding: string; worker: string }>();
  for (const [other, b] of bindingsByScript(index).get(base.name) ?? []) {
    if (other === base || (other.file === base.file && other.env === base.env)) continue;
    if (other.name === base.name) continue;
    if (!out.has(b.className)) out.set(b.className, { binding: b.name, worker: other.name ?? other.file });
  }
  return out.size > 0 ? out : undefined;
}

/**
 * The index's `script_name` bindings by the script they name, in the index's order, built once
 * per index: a scan of every Worker for every head target grew with the square of the Workers.
 */
function bindingsByScript(index: BaseWorkerIndex): Map<string, [Worker, DurableObjectBinding][]> {
  let byScript = scriptBindings.get(index);
  if (byScript) return byScript;
  byScript = new Map();
  for (const workers of index.values()) {
    for (const other of workers) {
      for (const b of other.bindings) {
        if (b.scriptName === null) continue;
        const list = byScript.get(b.scriptName);
        if (list) list.push([other, b]);
        else byScript.set(b.scriptName, [[other, b]]);
      }
    }
  }
  scriptBindings.set(index, byScript);
  return byScript;
}
const scriptBindings = new WeakMap<BaseWorkerIndex, Map<string, [Worker, DurableObjectBinding][]>>();

/**
 * A new config whose history deletes a class it created: a Worker that is not deployed yet gets
 * every step in its first deploy, and the API rejects a delete of a class no earlier version
 * exported (10074); a Worker already deployed from a config this change does not show gets the
 * delete, unless it ran that step. Only the live state says which.
 */
function newConfigDeletes(worker: Worker): Draft | null {
  const lifecycle = worker.lifecycle;
  if (lifecycle.model !== "migrations") return null;
  const deleted = deletesOfCreated(lifecycle.steps);
  const first = deleted[0];
  if (!first) return null;
  return {
    kind: "new-config-deletes",
    env: worker.env,
    classes: [...new Set(deleted.map((d) => d.className))],
    line: first.line,
    tag: first.tag,
    ...newConfigDeletesWording({
      file: worker.file,
      env: worker.env,
      inherited: lifecycle.inherited,
      classNames: [...new Set(deleted.map((d) => d.className))],
      tags: deleted.map((d) => d.tag),
      worker: worker.name,
    }),
  };
}

/**
 * The deletes of a history whose base revision does not parse: each delete of a class an earlier
 * step creates destroys it on a Worker that has not run that step yet.
 */
function unreadBaseDeletes(worker: Worker): { className: string; tag: string | null }[] {
  if (worker.lifecycle.model !== "migrations") return [];
  return deletesOfCreated(worker.lifecycle.steps).map((d) => ({ className: d.className, tag: d.tag }));
}

/** A draft placed for a Worker: what only matters once deployed is info where it is not deployed. */
function placed(draft: Draft, at: ReturnType<typeof placement>, worker: Worker): Finding {
  const finding = placeDraft(draft, at);
  const why = notDeployedAsWritten(worker);
  return why ? forUndeployedWorker(finding, why) : finding;
}

function placement(config: ParsedConfig, worker: string | null, introduced: boolean) {
  return { file: config.file, worker, locate: config.locate, introduced };
}

function draftKey(draft: Draft): string {
  return [draft.kind, draft.env, draft.path ? pathKey(draft.path) : "", draft.message].join("\u0000");
}

/** One revision of a config: parsed, a failure (also when it could not be read), or absent. */
function readSide(
  file: string,
  text: string | null,
  unreadable: string | null | undefined,
): ParseResult | null {
  if (unreadable) {
    return {
      ok: false,
      file,
      format: configFormat(file),
      message: unreadable,
      line: null,
      column: null,
      overLimit: true,
    };
  }
  return text === null ? null : parseConfigText(file, text);
}

function parseErrorFinding(
  failure: ParseResult & { ok: false },
  preExisting: boolean,
  isBase = false,
): Finding {
  const entry = CATALOGUE["parse-error"];
  const text = parseError({
    file: failure.file,
    reason: failure.message,
    line: failure.line,
    column: failure.column,
    format: failure.format,
    overLimit: failure.overLimit === true,
    isBase,
  });
  const common = {
    code: entry.code,
    kind: "parse-error" as const,
    dataLoss: false,
    classes: [],
    worker: null,
    env: null,
    file: failure.file,
    line: failure.line,
    tag: null,
    ...text,
  };
  // wrangler may well deploy what this check could not read: fail closed.
  if (failure.overLimit && !isBase) return { ...common, severity: "critical", introduced: true };
  return {
    ...common,
    severity: preExisting ? "info" : isBase ? "warning" : entry.severity,
    introduced: !preExisting,
  };
}
