// The live state of a Cloudflare account as plain data: what the live-state reader
// (src/adapters/live-state.ts) read, and what it could not read. One reading serves the pull
// request's live plan and the deploy alike; `liveStateFor` gives one Worker's view of it, the
// input of the plan (src/core/plan/deploy-plan.ts). Pure: no I/O here.

import type { Storage } from "../model.ts";

/** A live Durable Object binding to one of a Worker's classes. */
export interface LiveBindingRef {
  /** The live Worker that holds the binding. */
  readonly worker: string;
  readonly binding: string;
  readonly className: string;
}

/** One Worker's view of the account, as the plan (src/core/plan/deploy-plan.ts) takes it. */
export interface LiveState {
  readonly exists: boolean;
  readonly migrationTag: string | null;
  /** Live Durable Object bindings of this Worker and of other Workers that point at its classes. */
  readonly bindingsToThisWorker: readonly LiveBindingRef[];
  /**
   * The classes with a live namespace and their storage, when the API tells (the account's
   * namespace list; for `exports`, else the live `exports` map). Null when unknown.
   */
  readonly provisioned: ReadonlyMap<string, Storage | null> | null;
  /**
   * `provisioned` is the account's namespace list itself: a class missing from it has no objects.
   * (False or absent: the plan follows the config's history from the live tag instead.)
   */
  readonly namespacesKnown?: boolean;
  /** Objects of each live namespace, by class, where they were counted (null: not counted). */
  readonly objects?: ReadonlyMap<string, ObjectCount | null> | null;
}

/** Why something was not read: the request (no host, no query), the HTTP status and the API's words. */
export interface LiveProblem {
  /** `GET /accounts/…/workers/scripts`: never a host, never a query string, never a token. */
  readonly request: string;
  /** HTTP status; null for a network error or a timeout. */
  readonly status: number | null;
  /** Cloudflare's error code, when the API gave one. */
  readonly code: number | null;
  /** One line: what went wrong (already free of the token). */
  readonly message: string;
}

export type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: LiveProblem };

/** One deployed Worker (script) of the account, from the account's script list. */
export interface LiveScript {
  readonly name: string;
  /** The live migration tag; null when the Worker never applied a migration. */
  readonly migrationTag: string | null;
}

/** A Durable Object namespace of the account: one per Worker and class. */
export interface LiveNamespace {
  /** The namespace ID (an identifier of the account's data: never printed). */
  readonly id: string;
  /** The Worker that owns it (null when the API does not say). */
  readonly script: string | null;
  readonly className: string;
  readonly storage: Storage;
}

/** A live Durable Object binding of a Worker. */
export interface LiveDoBinding {
  readonly name: string;
  readonly className: string;
  /** Set when the binding points at a class of another Worker. */
  readonly scriptName: string | null;
}

/** What a Worker's settings say (its live version's bindings, its live `exports`). */
export interface LiveSettings {
  /** False when the Worker disappeared between the list and the settings read. */
  readonly exists: boolean;
  readonly bindings: readonly LiveDoBinding[];
  /** The deployed declarative `exports` map, when the API reports one. */
  readonly exportsState?: unknown;
}

/** How many objects a namespace holds, counted page by page up to a cap. */
export interface ObjectCount {
  /** Objects counted (at most the cap). */
  readonly objects: number;
  /** Of those, how many have stored data. */
  readonly withData: number;
  /** More objects remain past the cap: the true count is higher than `objects`. */
  readonly capped: boolean;
}

/** Everything read from one account (only what was asked for). */
export interface LiveAccount {
  readonly accountId: string;
  /** Every script of the account with its live tag (one request). */
  readonly scripts: Read<ReadonlyMap<string, LiveScript>>;
  /** The Durable Object namespaces of the planned Workers, from the account's list. */
  readonly namespaces: Read<readonly LiveNamespace[]>;
  /** Settings of the Workers that matter, by name (only Workers the script list has). */
  readonly settings: ReadonlyMap<string, Read<LiveSettings>>;
  /** Object counts of the namespaces the next deploys destroy, by namespace ID. */
  readonly objects: ReadonlyMap<string, Read<ObjectCount>>;
  /**
   * The other Workers of the account whose bindings were read to find bindings to a class that
   * is about to be deleted (`bindingScan`): those of the repository, those outside it, and how
   * many more there were past the reader's cap.
   */
  readonly scanned: BindingScan;
  /** HTTP requests made (retries included). */
  readonly requests: number;
}

/**
 * Whether the live state of a Worker is known: the script list was read, and, when the Worker
 * exists, its settings too. The problem that stopped it otherwise.
 */
export function workerProblem(account: LiveAccount, name: string): LiveProblem | null {
  if (!account.scripts.ok) return account.scripts.problem;
  if (!account.scripts.value.has(name)) return null;
  const settings = account.settings.get(name);
  if (settings === undefined) {
    return {
      request: "(not read)",
      status: null,
      code: null,
      message: `the settings of ${name} were not read`,
    };
  }
  return settings.ok ? null : settings.problem;
}

/** Whether the Worker exists in the account; null when the script list was not read. */
export function workerExists(account: LiveAccount, name: string): boolean | null {
  if (!account.scripts.ok) return null;
  if (!account.scripts.value.has(name)) return false;
  const settings = account.settings.get(name);
  return !(settings?.ok && !settings.value.exists);
}

/** The live namespaces of one Worker, by class. */
export function namespacesOf(account: LiveAccount, name: string): Map<string, LiveNamespace> | null {
  if (!account.namespaces.ok) return null;
  const out = new Map<string, LiveNamespace>();
  for (const ns of account.namespaces.value) if (ns.script === name) out.set(ns.className, ns);
  return out;
}

/**
 * One Worker's view of the account, as the plan takes it: whether it exists, its live tag, the
 * live bindings to its classes (its own, and other Workers' through `script_name`), its live
 * namespaces and their object counts. Throws nothing: call `workerProblem` first.
 */
export function liveStateFor(account: LiveAccount, name: string): LiveState {
  const exists = workerExists(account, name) === true;
  const script = account.scripts.ok ? account.scripts.value.get(name) : undefined;
  const refs: LiveBindingRef[] = [];
  for (const [holder, read] of account.settings) {
    if (!read.ok || !read.value.exists) continue;
    for (const b of read.value.bindings) {
      const target = b.scriptName ?? holder;
      if (target !== name) continue;
      if (holder === name && !exists) continue;
      refs.push({ worker: holder, binding: b.name, className: b.className });
    }
  }
  // The Worker's own bindings first, as the deploy reads them.
  refs.sort((a, b) => Number(b.worker === name) - Number(a.worker === name));
  const namespaces = exists ? namespacesOf(account, name) : new Map<string, LiveNamespace>();
  let provisioned: Map<string, Storage | null> | null = null;
  let objects: Map<string, ObjectCount | null> | null = null;
  if (namespaces) {
    provisioned = new Map();
    objects = new Map();
    for (const [className, ns] of namespaces) {
      provisioned.set(className, ns.storage);
      const count = account.objects.get(ns.id);
      objects.set(className, count?.ok ? count.value : null);
    }
  } else if (exists) {
    provisioned = provisionedFromExports(account.settings.get(name));
  }
  return {
    exists,
    migrationTag: exists ? (script?.migrationTag ?? null) : null,
    bindingsToThisWorker: refs,
    provisioned,
    namespacesKnown: namespaces !== null,
    objects,
  };
}

/** Without the namespace list: the classes the live `exports` map keeps, with their storage. */
function provisionedFromExports(
  settings: Read<LiveSettings> | undefined,
): Map<string, Storage | null> | null {
  const state = settings?.ok ? settings.value.exportsState : undefined;
  if (typeof state !== "object" || state === null || Array.isArray(state)) return null;
  const map = new Map<string, Storage | null>();
  for (const [className, entry] of Object.entries(state as Record<string, unknown>)) {
    if (typeof entry !== "object" || entry === null) continue;
    const e = entry as Record<string, unknown>;
    if (e.type !== "durable-object") continue;
    const s = e.state ?? "created";
    if (s === "created" || s === "expecting-transfer") {
      map.set(className, e.storage === "legacy-kv" ? "kv" : e.storage === "sqlite" ? "sqlite" : null);
    }
  }
  return map;
}

/** A namespace by owner and class: one the plan destroys, or one whose objects matter otherwise. */
export interface NamespaceRef {
  readonly worker: string;
  /** The class of the namespace (the class before any rename the deploy applies). */
  readonly origin: string;
}

/** The other Workers whose live bindings are read when a class is about to be deleted. */
export interface BindingScan {
  /** Workers of this repository (their config may no longer bind it; their live version may). */
  readonly repository: readonly string[];
  /** Workers of the account outside the repository. */
  readonly outside: readonly string[];
  /** Workers of the account past the cap, not read. */
  readonly skipped: number;
}

export const NO_SCAN: BindingScan = { repository: [], outside: [], skipped: 0 };

/**
 * THE rule for which other Workers are read for live bindings that block a delete (10061), used
 * by the check and the deploy alike: every Worker of the account not read already, the
 * repository's first, then the others, each group by name, up to `cap` in all. Null
 * `repository`: read none.
 */
export function bindingScan(
  scripts: Iterable<string>,
  alreadyRead: ReadonlySet<string>,
  repository: ReadonlySet<string> | null,
  cap: number,
): BindingScan {
  if (!repository) return NO_SCAN;
  const others = [...scripts].filter((n) => !alreadyRead.has(n)).sort();
  const ours = others.filter((n) => repository.has(n));
  const theirs = others.filter((n) => !repository.has(n));
  const take = Math.max(0, cap);
  const inRepo = ours.slice(0, take);
  const outside = theirs.slice(0, Math.max(0, take - inRepo.length));
  return { repository: inRepo, outside, skipped: others.length - inRepo.length - outside.length };
}

/**
 * Classes of the account's namespaces whose owner the API did not name: any of them may belong to
 * a planned Worker, so a missing namespace of that class is not proof that a delete destroys
 * nothing.
 */
export function ownerlessClasses(account: LiveAccount): Set<string> {
  if (!account.namespaces.ok) return new Set();
  return new Set(account.namespaces.value.filter((ns) => ns.script === null).map((ns) => ns.className));
}

/** The namespaces whose objects to count: those of the classes a plan destroys. */
export function namespacesToCount(account: LiveAccount, doomed: readonly NamespaceRef[]): LiveNamespace[] {
  const out = new Map<string, LiveNamespace>();
  for (const d of doomed) {
    const ns = namespacesOf(account, d.worker)?.get(d.origin);
    if (ns) out.set(ns.id, ns);
  }
  return [...out.values()];
}
