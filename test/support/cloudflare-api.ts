/**
 * A local stand-in for the parts of the Cloudflare API that `wrangler deploy` and our own
 * adapters use, good enough for the REAL wrangler binary to deploy against it
 * (`CLOUDFLARE_API_BASE_URL=<apiBaseUrl>`).
 *
 * It keeps per-account, per-Worker state (migration tag, Durable Object namespaces, versions,
 * deployments and therefore live bindings) and rejects uploads the way the real API is reported
 * to (DOMAIN.md section 5). Texts marked "inferred" below are our own wording where no public
 * report quotes the real one. Uploads are atomic: a rejected upload changes no state.
 *
 * Test-only code: it listens on 127.0.0.1 only, never logs, and never records the
 * Authorization header.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

// ---------------------------------------------------------------------------------------------
// State

export type DoStorage = "sqlite" | "kv";

export interface DoNamespace {
  id: string;
  className: string;
  storage: DoStorage;
  state: "live" | "deleted";
  /** How many objects it holds, and how many of those have stored data (the first ones). */
  objects?: { count: number; withData: number };
}

export interface DoBindingRecord {
  name: string;
  className: string;
  scriptName?: string;
  environment?: string;
}

export interface WorkerVersion {
  id: string;
  number: number;
  createdOn: string;
  bindings: DoBindingRecord[];
  /** Every name the main module exports (`default` included). */
  exportedClasses: string[];
  /** The declarative `exports` map sent with this version, if any. */
  exports: Record<string, unknown> | null;
  migrationTag: string | null;
  /** The metadata JSON as uploaded. */
  metadata: Record<string, unknown>;
}

export interface WorkerDeployment {
  id: string;
  createdOn: string;
  versions: { version_id: string; percentage: number }[];
}

export interface PendingTransfer {
  className: string;
  fromScript: string;
  storage: DoStorage;
}

export interface WorkerRecord {
  name: string;
  /** Cloudflare's opaque Worker tag (not the migration tag). */
  tag: string;
  etag: string;
  createdOn: string;
  modifiedOn: string;
  migrationTag: string | null;
  namespaces: DoNamespace[];
  versions: WorkerVersion[];
  /** Newest first; the first one is live. */
  deployments: WorkerDeployment[];
  /** Set once an upload carried DO lifecycle data; `exports` can never go back to `migrations`. */
  lifecycleModel: "migrations" | "exports" | null;
  exportsState: Record<string, unknown> | null;
  pendingTransfers: PendingTransfer[];
}

export interface AccountRecord {
  id: string;
  plan: "paid" | "free";
  subdomain: string;
  workers: Map<string, WorkerRecord>;
}

export interface SeedWorkerOptions {
  migrationTag?: string | null;
  /** Live classes and their storage, e.g. `{ Counter: "sqlite" }`. */
  classes?: Record<string, DoStorage>;
  /** Classes whose namespace was deleted. */
  deletedClasses?: Record<string, DoStorage>;
  bindings?: DoBindingRecord[];
  /** Names the deployed code exports; defaults to the live classes plus `default`. */
  exportedClasses?: string[];
  exports?: Record<string, unknown> | null;
}

function now(): string {
  return new Date().toISOString();
}

function hex(n = 32): string {
  return randomUUID().replaceAll("-", "").slice(0, n);
}

export class CloudflareApiState {
  readonly accounts = new Map<string, AccountRecord>();

  account(accountId: string): AccountRecord {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = { id: accountId, plan: "paid", subdomain: "fake-subdomain", workers: new Map() };
      this.accounts.set(accountId, account);
    }
    return account;
  }

  worker(accountId: string, name: string): WorkerRecord | undefined {
    return this.accounts.get(accountId)?.workers.get(name);
  }

  setPlan(accountId: string, plan: "paid" | "free"): void {
    this.account(accountId).plan = plan;
  }

  setMigrationTag(accountId: string, name: string, tag: string | null): void {
    const worker = this.worker(accountId, name);
    if (!worker) throw new Error(`stand-in: no worker ${name} in account ${accountId}`);
    worker.migrationTag = tag;
    worker.modifiedOn = now();
  }

  deleteWorker(accountId: string, name: string): void {
    this.accounts.get(accountId)?.workers.delete(name);
  }

  /** Create (or replace) a deployed Worker directly, without going through an upload. */
  seedWorker(accountId: string, name: string, options: SeedWorkerOptions = {}): WorkerRecord {
    const account = this.account(accountId);
    const classes = options.classes ?? {};
    const namespaces: DoNamespace[] = [
      ...Object.entries(options.deletedClasses ?? {}).map(
        ([className, storage]): DoNamespace => ({ id: hex(), className, storage, state: "deleted" }),
      ),
      ...Object.entries(classes).map(
        ([className, storage]): DoNamespace => ({ id: hex(), className, storage, state: "live" }),
      ),
    ];
    const exportsMap = options.exports ?? null;
    const worker = newWorker(name);
    worker.migrationTag = options.migrationTag ?? null;
    worker.namespaces = namespaces;
    worker.lifecycleModel = exportsMap ? "exports" : options.migrationTag ? "migrations" : null;
    worker.exportsState = exportsMap;
    addVersionAndDeploy(worker, {
      bindings: options.bindings ?? [],
      exportedClasses: options.exportedClasses ?? [...Object.keys(classes), "default"],
      exports: exportsMap,
      metadata: { seeded: true },
    });
    account.workers.set(name, worker);
    return worker;
  }

  /** The versions the current deployment serves (all of them receive traffic). */
  liveVersions(accountId: string, name: string): WorkerVersion[] {
    const worker = this.worker(accountId, name);
    return worker ? liveVersionsOf(worker) : [];
  }

  /** Union of the DO bindings of every live version. */
  liveBindings(accountId: string, name: string): DoBindingRecord[] {
    const worker = this.worker(accountId, name);
    return worker ? liveBindingsOf(worker) : [];
  }

  /** Class names with a live namespace. */
  liveClasses(accountId: string, name: string): string[] {
    const worker = this.worker(accountId, name);
    return worker ? worker.namespaces.filter((n) => n.state === "live").map((n) => n.className) : [];
  }

  /**
   * Gives a live namespace objects: `count` of them, the first `withData` with stored data. The
   * objects list endpoint pages through them (IDs are made up from the namespace ID and the index).
   */
  setObjects(accountId: string, name: string, className: string, count: number, withData = count): void {
    const ns = this.worker(accountId, name)?.namespaces.find(
      (n) => n.state === "live" && n.className === className,
    );
    if (!ns) throw new Error(`stand-in: no live namespace ${className} in ${name}`);
    ns.objects = { count, withData: Math.min(withData, count) };
  }

  /** A plain-JSON copy of one Worker, for "state unchanged" assertions. */
  snapshot(accountId: string, name: string): unknown {
    const worker = this.worker(accountId, name);
    return worker ? JSON.parse(JSON.stringify(worker)) : null;
  }
}

function newWorker(name: string): WorkerRecord {
  const created = now();
  return {
    name,
    tag: hex(),
    etag: hex(),
    createdOn: created,
    modifiedOn: created,
    migrationTag: null,
    namespaces: [],
    versions: [],
    deployments: [],
    lifecycleModel: null,
    exportsState: null,
    pendingTransfers: [],
  };
}

function addVersion(
  worker: WorkerRecord,
  input: Pick<WorkerVersion, "bindings" | "exportedClasses" | "exports" | "metadata">,
): WorkerVersion {
  const version: WorkerVersion = {
    id: randomUUID(),
    number: worker.versions.length + 1,
    createdOn: now(),
    migrationTag: worker.migrationTag,
    ...input,
  };
  worker.versions.push(version);
  worker.etag = hex();
  worker.modifiedOn = version.createdOn;
  return version;
}

function deploy(
  worker: WorkerRecord,
  versions: { version_id: string; percentage: number }[],
): WorkerDeployment {
  const deployment: WorkerDeployment = { id: randomUUID(), createdOn: now(), versions };
  worker.deployments.unshift(deployment);
  worker.modifiedOn = deployment.createdOn;
  return deployment;
}

function addVersionAndDeploy(
  worker: WorkerRecord,
  input: Pick<WorkerVersion, "bindings" | "exportedClasses" | "exports" | "metadata">,
): WorkerVersion {
  const version = addVersion(worker, input);
  deploy(worker, [{ version_id: version.id, percentage: 100 }]);
  return version;
}

function liveVersionsOf(worker: WorkerRecord): WorkerVersion[] {
  const current = worker.deployments[0];
  if (!current) return [];
  return current.versions
    .map((v) => worker.versions.find((x) => x.id === v.version_id))
    .filter((v): v is WorkerVersion => v !== undefined);
}

function liveBindingsOf(worker: WorkerRecord): DoBindingRecord[] {
  const seen = new Set<string>();
  const out: DoBindingRecord[] = [];
  for (const version of liveVersionsOf(worker)) {
    for (const binding of version.bindings) {
      const key = JSON.stringify(binding);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(binding);
      }
    }
  }
  return out;
}

function liveExportsOf(worker: WorkerRecord): Set<string> {
  return new Set(liveVersionsOf(worker).flatMap((v) => v.exportedClasses));
}

function liveNamespace(worker: WorkerRecord, className: string): DoNamespace | undefined {
  return worker.namespaces.find((n) => n.state === "live" && n.className === className);
}

// ---------------------------------------------------------------------------------------------
// Module export scanning (a simple scan, good enough for test fixtures and esbuild output)

/** Names exported by an ES module's text: `export class X`, `export { A as B }`, `export default`. */
export function scanModuleExports(text: string): string[] {
  const names = new Set<string>();
  const source = text.replace(/\/\*[\s\S]*?\*\//g, " ").replace(/(^|[^:])\/\/.*$/gm, "$1");
  for (const m of source.matchAll(/\bexport\s+default\b/g)) {
    if (m) names.add("default");
  }
  for (const m of source.matchAll(
    /\bexport\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g,
  )) {
    if (m[1]) names.add(m[1]);
  }
  for (const m of source.matchAll(/\bexport\s*\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? "").split(",")) {
      const spec = part.trim();
      if (!spec) continue;
      const alias = /\bas\s+([A-Za-z_$][\w$]*|"[^"]*"|'[^']*')\s*$/.exec(spec);
      const name = alias ? alias[1] : spec.split(/\s+/)[0];
      if (name) names.add(name.replace(/^["']|["']$/g, ""));
    }
  }
  return [...names].sort();
}

// ---------------------------------------------------------------------------------------------
// Upload validation

interface ApiErrorItem {
  code: number;
  message: string;
  meta?: unknown;
}

class Rejection extends Error {
  readonly status: number;
  readonly errors: ApiErrorItem[];
  constructor(status: number, code: number, message: string, meta?: unknown) {
    super(message);
    this.status = status;
    this.errors = [meta === undefined ? { code, message } : { code, message, meta }];
  }
}

function reject(code: number, message: string, meta?: unknown): never {
  throw new Rejection(400, code, message, meta);
}

export const ERROR_TEXT = {
  workerNotFound: "This Worker does not exist on your account.",
  deleteWithBinding: (c: string) =>
    `Cannot apply --delete-class migration to class '${c}' without also removing the binding that references it.`,
  bindingNoNamespace: (c: string) =>
    `Cannot create binding for class '${c}' because it is not currently configured to implement Durable Objects. Did you forget to apply a --new-class migration?`,
  notExported: (c: string) =>
    `New version of script does not export class '${c}' which is depended on by existing Durable Objects. Did you forget to export it or apply a --delete-class migration?`,
  newClassNotExported: (c: string) =>
    `Cannot apply new-class migration to class '${c}' that is not exported by script`,
  deleteNotExported: (c: string) =>
    `Cannot apply delete-class migration to class '${c}' which was not exported in the previous version of the script`,
  // inferred wording (by analogy with the delete text)
  renameNotExported: (c: string) =>
    `Cannot apply rename-class migration to class '${c}' which was not exported in the previous version of the script`,
  alreadyExists: (kind: string, c: string) =>
    `Cannot apply ${kind} migration to class '${c}' that is already depended on by existing Durable Objects`,
  // inferred wording
  transferSourceMissing: (c: string, from: string) =>
    `Cannot apply transfer-class migration: class '${c}' has no Durable Object namespace in script '${from}'`,
  tagPrecondition: (tag: string | null) =>
    `Migration tag precondition failed; current tag is ${tag ?? "(none)"}`,
  freePlan:
    "In order to use Durable Objects with a free plan, you must create a namespace using a new_sqlite_classes migration.",
  versionsWithMigrations:
    "Version upload failed. You attempted to upload a version of a Worker that includes a Durable Object migration, but migrations must be fully applied via a non-versioned deployment. Refer to the documentation for more information.",
  // inferred wording for the exports family
  exportsReconciliation: "Durable Object exports reconciliation failed",
  exportsNoGoingBack:
    "This Worker manages its Durable Objects with `exports`; uploads with `migrations` are no longer accepted.",
  exportsAndMigrations: "An upload cannot carry both `migrations` and Durable Object `exports`.",
  inconsistentExports: "All versions in a multi-version deployment must declare identical `exports`.",
  bindingDependsOnExport: (binding: string, c: string) =>
    `Binding '${binding}' references Durable Object class '${c}', which is declared in \`exports\` but not yet provisioned. Deploy this version to provision the class, or remove the binding until then.`,
} as const;

interface MigrationsPayload {
  old_tag?: string;
  new_tag?: string;
  steps?: Record<string, unknown>[];
}

interface ParsedUpload {
  metadata: Record<string, unknown>;
  bindings: DoBindingRecord[];
  exportedClasses: string[];
  parts: { name: string; filename?: string; type?: string; size: number }[];
}

export interface ExportsReconciliation {
  created: string[];
  updated: string[];
  deleted: string[];
  renamed: { from: string; to: string }[];
  transferred: { class: string; to: string; phase: string }[];
  transfer_pending: { class: string; from: string }[];
  warnings: { class: string; scenario: string; message: string }[];
  info: { class: string; scenario: string; message: string; referencing_scripts?: string[] }[];
  removable_entries: string[];
}

interface ReconciliationDetail {
  class: string;
  scenario: string;
  message: string;
  suggestion?: string;
  referencing_scripts?: string[];
}

function bindingsFromMetadata(metadata: Record<string, unknown>): DoBindingRecord[] {
  const raw = Array.isArray(metadata.bindings) ? metadata.bindings : [];
  const out: DoBindingRecord[] = [];
  for (const b of raw) {
    if (!b || typeof b !== "object") continue;
    const rec = b as Record<string, unknown>;
    if (rec.type !== "durable_object_namespace") continue;
    const binding: DoBindingRecord = { name: String(rec.name), className: String(rec.class_name) };
    if (typeof rec.script_name === "string") binding.scriptName = rec.script_name;
    if (typeof rec.environment === "string") binding.environment = rec.environment;
    out.push(binding);
  }
  return out;
}

function doExportEntries(exportsMap: unknown): [string, Record<string, unknown>][] {
  if (!exportsMap || typeof exportsMap !== "object") return [];
  return Object.entries(exportsMap as Record<string, unknown>).filter(
    (e): e is [string, Record<string, unknown>] =>
      !!e[1] && typeof e[1] === "object" && (e[1] as Record<string, unknown>).type === "durable-object",
  );
}

function storageOf(value: unknown): DoStorage {
  return value === "legacy-kv" ? "kv" : "sqlite";
}

/** Workers (other than `self`) whose live bindings point at `self`'s class via `script_name`. */
function foreignReferrers(account: AccountRecord, self: string, className: string): string[] {
  const out: string[] = [];
  for (const other of account.workers.values()) {
    if (other.name === self) continue;
    if (liveBindingsOf(other).some((b) => b.scriptName === self && b.className === className)) {
      out.push(other.name);
    }
  }
  return out;
}

function ownLiveBindingTo(worker: WorkerRecord | undefined, className: string): boolean {
  if (!worker) return false;
  return liveBindingsOf(worker).some(
    (b) => b.className === className && (b.scriptName === undefined || b.scriptName === worker.name),
  );
}

/** Apply legacy `migrations` to the draft; throws a Rejection on the first problem. */
function applyMigrations(
  account: AccountRecord,
  worker: WorkerRecord,
  previous: WorkerRecord | undefined,
  migrations: MigrationsPayload,
  exportedNow: Set<string>,
  warnings: string[],
): void {
  const current = previous?.migrationTag ?? null;
  const oldTag = migrations.old_tag ?? null;
  if (oldTag !== current) reject(10079, ERROR_TEXT.tagPrecondition(current));
  const exportedBefore = previous ? liveExportsOf(previous) : new Set<string>();
  const known = new Set([
    "new_classes",
    "new_sqlite_classes",
    "deleted_classes",
    "renamed_classes",
    "transferred_classes",
  ]);
  for (const step of migrations.steps ?? []) {
    for (const key of Object.keys(step)) {
      if (!known.has(key)) warnings.push(`ignored unknown migration field "${key}"`);
    }
    for (const className of (step.deleted_classes as string[] | undefined) ?? []) {
      const ns = liveNamespace(worker, className);
      if (!ns || !exportedBefore.has(className)) reject(10074, ERROR_TEXT.deleteNotExported(className));
      if (
        ownLiveBindingTo(previous, className) ||
        foreignReferrers(account, worker.name, className).length > 0
      ) {
        reject(10061, ERROR_TEXT.deleteWithBinding(className));
      }
      ns.state = "deleted";
    }
    for (const r of (step.renamed_classes as { from: string; to: string }[] | undefined) ?? []) {
      const ns = liveNamespace(worker, r.from);
      if (!ns || !exportedBefore.has(r.from)) reject(10074, ERROR_TEXT.renameNotExported(r.from));
      if (liveNamespace(worker, r.to)) reject(10074, ERROR_TEXT.alreadyExists("rename-class", r.to));
      ns.className = r.to;
    }
    for (const [key, storage, kind] of [
      ["new_classes", "kv", "new-class"],
      ["new_sqlite_classes", "sqlite", "new-sqlite-class"],
    ] as const) {
      for (const className of (step[key] as string[] | undefined) ?? []) {
        if (liveNamespace(worker, className)) reject(10074, ERROR_TEXT.alreadyExists(kind, className));
        if (!exportedNow.has(className)) reject(10070, ERROR_TEXT.newClassNotExported(className));
        if (storage === "kv" && account.plan === "free") reject(10097, ERROR_TEXT.freePlan);
        worker.namespaces.push({ id: hex(), className, storage, state: "live" });
      }
    }
    for (const t of (step.transferred_classes as
      | { from: string; from_script: string; to: string }[]
      | undefined) ?? []) {
      const source = account.workers.get(t.from_script);
      const ns = source ? liveNamespace(source, t.from) : undefined;
      if (!source || !ns) reject(10074, ERROR_TEXT.transferSourceMissing(t.from, t.from_script));
      if (liveNamespace(worker, t.to)) reject(10074, ERROR_TEXT.alreadyExists("transfer-class", t.to));
      source.namespaces = source.namespaces.filter((n) => n !== ns);
      worker.namespaces.push({ ...ns, className: t.to });
    }
  }
  if (migrations.new_tag !== undefined) worker.migrationTag = migrations.new_tag;
}

/**
 * Apply a declarative `exports` map to the draft, as Cloudflare's "Durable Object class exports"
 * page describes the reconciliation of three sources of truth: the classes the code exports, the
 * `exports` entries and the provisioned namespaces (DOMAIN.md section 1). Every problem is
 * collected, then the upload is rejected with 100402 and `meta.details[]`. Scenario names are the
 * docs'; the messages are our own wording (inferred).
 */
function applyExports(
  account: AccountRecord,
  worker: WorkerRecord,
  exportsMap: Record<string, unknown>,
  exportedNow: Set<string>,
): ExportsReconciliation {
  const result: ExportsReconciliation = {
    created: [],
    updated: [],
    deleted: [],
    renamed: [],
    transferred: [],
    transfer_pending: [],
    warnings: [],
    info: [],
    removable_entries: [],
  };
  const details: ReconciliationDetail[] = [];
  const entries = doExportEntries(exportsMap);
  const entry = new Map(entries);
  const stateOf = (e: Record<string, unknown>): string => (typeof e.state === "string" ? e.state : "created");
  const liveBefore = new Set(worker.namespaces.filter((n) => n.state === "live").map((n) => n.className));
  const stale = (className: string, message: string): void => {
    result.info.push({ class: className, scenario: "stale_tombstone", message });
    result.removable_entries.push(className);
  };
  const storageWord = (s: DoStorage): string => (s === "kv" ? "legacy-kv" : "sqlite");

  // Tombstones first, against the namespaces as they were before this upload.
  for (const [className, e] of entries) {
    const state = stateOf(e);
    const live = liveNamespace(worker, className);
    if (state === "deleted") {
      if (!live) {
        stale(
          className,
          "the class has no namespace any more: this tombstone has applied and may be removed",
        );
        continue;
      }
      let blocked = false;
      if (exportedNow.has(className)) {
        details.push({
          class: className,
          scenario: "tombstone_delete_class_still_in_code",
          message: "a deleted tombstone cannot apply while the Worker's code still exports the class",
          suggestion: `remove class ${className} from the code in the same deploy as the tombstone`,
        });
        blocked = true;
      }
      const referrers = foreignReferrers(account, worker.name, className);
      if (referrers.length > 0) {
        details.push({
          class: className,
          scenario: "tombstone_delete_blocked_by_external_bindings",
          message: "other Workers still bind this class",
          suggestion: "remove those bindings and deploy those Workers first",
          referencing_scripts: referrers,
        });
        blocked = true;
      }
      if (blocked) continue;
      live.state = "deleted";
      result.deleted.push(className);
    } else if (state === "renamed") {
      const to = String(e.renamed_to);
      if (!live) {
        stale(
          className,
          `the class has no namespace any more (renamed to ${to}): this tombstone may be removed`,
        );
        continue;
      }
      if (liveBefore.has(to)) {
        details.push({
          class: className,
          scenario: "tombstone_renamed_to_occupied",
          message: `renamed_to '${to}' is already a provisioned class`,
          suggestion: `rename to a name that has no namespace, or delete '${to}' first`,
        });
        continue;
      }
      const target = entry.get(to);
      if (!target || stateOf(target) !== "created") {
        details.push({
          class: className,
          scenario: "config_references_nonexistent_class",
          message: `renamed_to '${to}' has no live entry in \`exports\``,
          suggestion: `add "${to}": { "type": "durable-object", "storage": "${storageWord(live.storage)}" }`,
        });
        continue;
      }
      live.className = to;
      result.renamed.push({ from: className, to });
    } else if (state === "transferred") {
      const to = String(e.transferred_to);
      if (!live) {
        stale(
          className,
          `the class has no namespace here any more (transferred to ${to}): this tombstone may be removed`,
        );
        continue;
      }
      const target = account.workers.get(to);
      const pending = target?.pendingTransfers.find(
        (p) => p.className === className && p.fromScript === worker.name,
      );
      if (!target || !pending) {
        details.push({
          class: className,
          scenario: "transfer_target_not_expecting",
          message: `Worker '${to}' is not expecting a transfer of this class`,
          suggestion: `deploy '${to}' first with "state": "expecting-transfer" and "transfer_from": "${worker.name}"`,
        });
        continue;
      }
      if (pending.storage !== live.storage) {
        details.push({
          class: className,
          scenario: "storage_type_mismatch",
          message: `'${to}' expects ${storageWord(pending.storage)} storage, the namespace is ${storageWord(live.storage)}`,
          suggestion: `set "storage": "${storageWord(live.storage)}" on '${to}''s expecting-transfer entry`,
        });
        continue;
      }
      worker.namespaces = worker.namespaces.filter((n) => n !== live);
      target.namespaces.push({ ...live });
      target.pendingTransfers = target.pendingTransfers.filter((p) => p !== pending);
      result.transferred.push({ class: className, to, phase: "completed" });
    }
  }

  // Then the live entries.
  for (const [className, e] of entries) {
    const state = stateOf(e);
    const live = liveNamespace(worker, className);
    if (state === "created") {
      const storage = storageOf(e.storage);
      if (!exportedNow.has(className)) {
        details.push({
          class: className,
          scenario: "config_export_not_in_code",
          message: "the class is declared in `exports` but the Worker's code does not export it",
          suggestion: `export class ${className} from the main module, or mark the entry "deleted"`,
        });
      } else if (live) {
        if (live.storage !== storage) {
          details.push({
            class: className,
            scenario: "storage_type_mismatch",
            message: `the storage of an existing class is immutable (${storageWord(live.storage)}, not ${storageWord(storage)})`,
            suggestion: `set "storage": "${storageWord(live.storage)}"`,
          });
        }
      } else if (storage === "kv" && account.plan === "free") {
        details.push({
          class: className,
          scenario: "free_tier_requires_sqlite",
          message: "the Workers Free plan only offers SQLite-backed Durable Objects",
          suggestion: 'set "storage": "sqlite"',
        });
      } else {
        worker.namespaces.push({ id: hex(), className, storage, state: "live" });
        result.created.push(className);
      }
    } else if (state === "expecting-transfer") {
      const from = String(e.transfer_from);
      if (live) {
        result.info.push({
          class: className,
          scenario: "transfer_completed",
          message: `the class arrived from '${from}': change this entry to "state": "created"`,
        });
        continue;
      }
      if (!exportedNow.has(className)) {
        details.push({
          class: className,
          scenario: "config_export_not_in_code",
          message: "a class expecting a transfer must be exported by the receiving Worker's code",
          suggestion: `export class ${className} from the main module`,
        });
        continue;
      }
      worker.pendingTransfers = worker.pendingTransfers.filter((p) => p.className !== className);
      worker.pendingTransfers.push({ className, fromScript: from, storage: storageOf(e.storage) });
      result.transfer_pending.push({ class: className, from });
    }
  }

  // Namespaces no entry accounts for.
  for (const ns of worker.namespaces) {
    if (ns.state !== "live" || entry.has(ns.className)) continue;
    if (exportedNow.has(ns.className)) {
      details.push({
        class: ns.className,
        scenario: "provisioned_class_missing_from_config",
        message: "the class has a provisioned namespace but no entry in `exports`",
        suggestion: `add "${ns.className}": { "type": "durable-object", "storage": "${storageWord(ns.storage)}" }, or "state": "deleted" to delete it`,
      });
    } else {
      details.push({
        class: ns.className,
        scenario: "orphaned_provisioned_namespace",
        message: "the class has a provisioned namespace but is gone from both the code and `exports`",
        suggestion: `add "${ns.className}": { "type": "durable-object", "state": "deleted" } to delete it (destroys its objects), or restore the class and its entry`,
      });
    }
  }
  if (details.length > 0) reject(100402, ERROR_TEXT.exportsReconciliation, { details });
  return result;
}

/** Bindings of the new version must point at live namespaces; live namespaces must stay exported. */
function checkBindingsAndExports(
  account: AccountRecord,
  worker: WorkerRecord,
  bindings: DoBindingRecord[],
  exportedNow: Set<string>,
  pendingExports: Set<string> | null,
  /** The legacy rule (10064); under `exports` the reconciliation already covers it. */
  classesStayExported = true,
): void {
  for (const binding of bindings) {
    const owner =
      binding.scriptName === undefined || binding.scriptName === worker.name
        ? worker
        : account.workers.get(binding.scriptName);
    if (!owner || !liveNamespace(owner, binding.className)) {
      if (owner === worker && pendingExports?.has(binding.className)) {
        reject(100406, ERROR_TEXT.bindingDependsOnExport(binding.name, binding.className));
      }
      reject(10061, ERROR_TEXT.bindingNoNamespace(binding.className));
    }
  }
  if (!classesStayExported) return;
  for (const ns of worker.namespaces) {
    if (ns.state === "live" && !exportedNow.has(ns.className))
      reject(10064, ERROR_TEXT.notExported(ns.className));
  }
}

// ---------------------------------------------------------------------------------------------
// Recording and faults

export interface RecordedRequest {
  seq: number;
  method: string;
  /** Full path as received, without the query string. */
  path: string;
  /** Path below the API base (`/accounts/abc/workers/...`). */
  route: string;
  query: Record<string, string>;
  /** Request headers, lower-cased, WITHOUT authorization/cookie. */
  headers: Record<string, string>;
  /** Whether an Authorization header was present (its value is never kept). */
  hadAuthorization: boolean;
  /** Parsed JSON body for JSON requests. */
  body?: unknown;
  /** Parsed `metadata` part for multipart uploads. */
  metadata?: Record<string, unknown>;
  parts?: { name: string; filename?: string; type?: string; size: number }[];
  /** Names exported by the uploaded main module. */
  exportedClasses?: string[];
  status: number;
  response?: unknown;
  /** Set when the answer came from fault injection. */
  fault?: "status" | "hang";
  /** Non-fatal notes of the stand-in (e.g. ignored migration fields). */
  notes?: string[];
}

export interface FaultOptions {
  /** How many matching requests to affect (default 1). */
  times?: number;
  /** Only requests with this method. */
  method?: string;
}

interface FaultRule {
  pattern: string | RegExp;
  method?: string;
  remaining: number;
  kind: "status" | "hang";
  status: number;
  code: number;
  message: string;
  hangMs: number | null;
  retryAfter: string | null;
}

function matches(pattern: string | RegExp, route: string): boolean {
  return typeof pattern === "string" ? route.includes(pattern) : pattern.test(route);
}

// ---------------------------------------------------------------------------------------------
// Server

export interface StartCloudflareApiOptions {
  /** When set, every request must carry `Authorization: Bearer <token>` (else 403, code 10000). */
  token?: string;
  /**
   * Where the objects list puts the next page's cursor: `result_info.cursor` (default) or, as
   * newer API versions do, `result_info.cursors.after`.
   */
  objectsCursor?: "cursor" | "cursors.after";
  /** Most namespaces per page, whatever `per_page` asks (default 1,000). */
  namespacesPerPage?: number;
  /** Leave `total_count` out of the namespaces list's `result_info` (default: give it). */
  omitTotalCount?: boolean;
}

export interface CloudflareApi {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `http://127.0.0.1:PORT/client/v4`: pass as CLOUDFLARE_API_BASE_URL. */
  apiBaseUrl: string;
  state: CloudflareApiState;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Requests no route handled (answered 404 code 7003). */
  unhandled(): RecordedRequest[];
  /** Uploads (PUT scripts/{name} and POST .../versions) in order. */
  uploads(): RecordedRequest[];
  clearRequests(): void;
  /** Drop every pending fault and upload hook. */
  clearFaults(): void;
  /** The next `times` requests whose route matches answer `status` (default 500). */
  failNext(
    pattern: string | RegExp,
    options?: FaultOptions & { status?: number; code?: number; message?: string; retryAfter?: string },
  ): void;
  /** The next `times` matching requests never get an answer; after `ms` (if given) the socket is destroyed. */
  hangNext(pattern: string | RegExp, options?: FaultOptions & { ms?: number }): void;
  /** Run `hook` once, right before the next upload is validated. */
  beforeNextUpload(hook: (state: CloudflareApiState) => void): void;
  /** Someone else deploys in between: the tag changes just before the next upload. */
  simulateConcurrentDeploy(accountId: string, workerName: string, newTag: string): void;
  close(): Promise<void>;
}

const API_PREFIX = "/client/v4";

interface Ctx {
  method: string;
  route: string;
  query: URLSearchParams;
  rawBody: Buffer;
  contentType: string;
  record: RecordedRequest;
}

type Handler = (ctx: Ctx, params: string[]) => Promise<Answer> | Answer;
interface Answer {
  status: number;
  body: unknown;
}

function ok(result: unknown, extra: Record<string, unknown> = {}): Answer {
  return { status: 200, body: { success: true, errors: [], messages: [], result, ...extra } };
}

function fail(status: number, code: number, message: string, meta?: unknown): Answer {
  const error = meta === undefined ? { code, message } : { code, message, meta };
  return { status, body: { success: false, errors: [error], messages: [], result: null } };
}

function notFoundWorker(): Answer {
  return fail(404, 10007, ERROR_TEXT.workerNotFound);
}

function scriptSummary(worker: WorkerRecord): Record<string, unknown> {
  return {
    id: worker.name,
    tag: worker.tag,
    tags: [],
    etag: worker.etag,
    handlers: ["fetch"],
    migration_tag: worker.migrationTag ?? undefined,
    last_deployed_from: "wrangler",
    created_on: worker.createdOn,
    modified_on: worker.modifiedOn,
    usage_model: "standard",
    compatibility_date: "2025-01-01",
  };
}

function bindingToApi(b: DoBindingRecord, namespaceId?: string): Record<string, unknown> {
  return {
    name: b.name,
    type: "durable_object_namespace",
    class_name: b.className,
    ...(b.scriptName !== undefined && { script_name: b.scriptName }),
    ...(b.environment !== undefined && { environment: b.environment }),
    ...(namespaceId !== undefined && { namespace_id: namespaceId }),
  };
}

function deploymentToApi(d: WorkerDeployment): Record<string, unknown> {
  return {
    id: d.id,
    source: "wrangler",
    strategy: "percentage",
    author_email: "fake@example.com",
    created_on: d.createdOn,
    annotations: {},
    versions: d.versions,
  };
}

function versionToApi(worker: WorkerRecord, v: WorkerVersion): Record<string, unknown> {
  return {
    id: v.id,
    number: v.number,
    metadata: {
      created_on: v.createdOn,
      modified_on: v.createdOn,
      source: "wrangler",
      author_email: "fake@example.com",
      has_preview: false,
    },
    annotations: {},
    resources: {
      script: {
        etag: worker.etag,
        handlers: ["fetch"],
        named_handlers: v.exportedClasses
          .filter((c) => c !== "default")
          .map((c) => ({ name: c, handlers: ["fetch"] })),
      },
      script_runtime: {
        ...(v.migrationTag !== null && { migration_tag: v.migrationTag }),
        // The live entries only: tombstones are left out (DOMAIN.md section 8).
        ...(v.exports && {
          exports: Object.fromEntries(
            doExportEntries(v.exports).filter(
              ([, e]) => e.state === undefined || e.state === "created" || e.state === "expecting-transfer",
            ),
          ),
        }),
      },
      bindings: v.bindings.map((b) => bindingToApi(b, liveNamespace(worker, b.className)?.id)),
    },
    startup_time_ms: 1,
  };
}

async function parseUpload(ctx: Ctx): Promise<ParsedUpload> {
  if (!ctx.contentType.startsWith("multipart/form-data"))
    reject(10021, "Expected a multipart/form-data upload");
  const form = await new Response(new Uint8Array(ctx.rawBody), {
    headers: { "content-type": ctx.contentType },
  }).formData();
  const parts: ParsedUpload["parts"] = [];
  let metadata: Record<string, unknown> | null = null;
  const files = new Map<string, string>();
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      parts.push({ name, size: Buffer.byteLength(value) });
      if (name === "metadata") metadata = JSON.parse(value) as Record<string, unknown>;
    } else {
      const text = await value.text();
      parts.push({ name, filename: value.name, type: value.type, size: value.size });
      files.set(name, text);
    }
  }
  if (!metadata) reject(10021, "Upload is missing its `metadata` part");
  const main = typeof metadata.main_module === "string" ? files.get(metadata.main_module) : undefined;
  return {
    metadata,
    parts,
    bindings: bindingsFromMetadata(metadata),
    exportedClasses: main === undefined ? [] : scanModuleExports(main),
  };
}

export async function startCloudflareApi(options: StartCloudflareApiOptions = {}): Promise<CloudflareApi> {
  const state = new CloudflareApiState();
  const requests: RecordedRequest[] = [];
  const faults: FaultRule[] = [];
  const uploadHooks: ((state: CloudflareApiState) => void)[] = [];
  const sockets = new Set<Socket>();
  const namespaceSnapshots = new Map<string, ReturnType<typeof liveNamespaceList>>();
  const liveNamespaceList = (accountId: string) =>
    [...state.account(accountId).workers.values()].flatMap((w) =>
      w.namespaces
        .filter((n) => n.state === "live")
        .map((n) => ({
          id: n.id,
          name: `${w.name}_${n.className}`,
          script: w.name,
          class: n.className,
          use_sqlite: n.storage === "sqlite",
        })),
    );
  let seq = 0;

  function runUploadHooks(): void {
    const hooks = uploadHooks.splice(0);
    for (const hook of hooks) hook(state);
  }

  // PUT /accounts/:acct/workers/scripts/:name  (a deploy: new version at 100%)
  async function putScript(ctx: Ctx, [acct, name]: string[]): Promise<Answer> {
    const upload = await parseUpload(ctx);
    ctx.record.metadata = upload.metadata;
    ctx.record.parts = upload.parts;
    ctx.record.exportedClasses = upload.exportedClasses;
    runUploadHooks();
    const account = state.account(acct!);
    const previous = account.workers.get(name!);
    const draftAccount = structuredClone(account);
    const worker = draftAccount.workers.get(name!) ?? newWorker(name!);
    draftAccount.workers.set(name!, worker);
    const meta = upload.metadata;
    const exportedNow = new Set(upload.exportedClasses);
    const migrations = meta.migrations as MigrationsPayload | undefined;
    const doExports = doExportEntries(meta.exports);
    const notes: string[] = [];
    let reconciliation: ExportsReconciliation | undefined;
    if (migrations && doExports.length > 0) reject(100402, ERROR_TEXT.exportsAndMigrations);
    if (migrations) {
      if (previous?.lifecycleModel === "exports") reject(100403, ERROR_TEXT.exportsNoGoingBack);
      applyMigrations(draftAccount, worker, previous, migrations, exportedNow, notes);
      worker.lifecycleModel = "migrations";
    } else if (doExports.length > 0 || previous?.lifecycleModel === "exports") {
      // A Worker on `exports` that uploads none still has its namespaces reconciled (all orphaned).
      const exportsMap = doExports.length > 0 ? (meta.exports as Record<string, unknown>) : {};
      reconciliation = applyExports(draftAccount, worker, exportsMap, exportedNow);
      worker.lifecycleModel = "exports";
      worker.exportsState = exportsMap;
    }
    checkBindingsAndExports(
      draftAccount,
      worker,
      upload.bindings,
      exportedNow,
      null,
      worker.lifecycleModel !== "exports",
    );
    const version = addVersionAndDeploy(worker, {
      bindings: upload.bindings,
      exportedClasses: upload.exportedClasses,
      exports: doExports.length > 0 ? (meta.exports as Record<string, unknown>) : null,
      metadata: meta,
    });
    // commit atomically
    account.workers = draftAccount.workers;
    if (notes.length > 0) ctx.record.notes = notes;
    return ok({
      id: name,
      etag: worker.etag,
      handlers: ["fetch"],
      compatibility_date: meta.compatibility_date ?? "2025-01-01",
      migration_tag: worker.migrationTag ?? undefined,
      deployment_id: version.id,
      startup_time_ms: 1,
      has_modules: true,
      usage_model: "standard",
      created_on: worker.createdOn,
      modified_on: worker.modifiedOn,
      ...(reconciliation && { exports_reconciliation: reconciliation }),
    });
  }

  // POST /accounts/:acct/workers/scripts/:name/versions  (not live until deployed)
  async function postVersion(ctx: Ctx, [acct, name]: string[]): Promise<Answer> {
    const upload = await parseUpload(ctx);
    ctx.record.metadata = upload.metadata;
    ctx.record.parts = upload.parts;
    ctx.record.exportedClasses = upload.exportedClasses;
    runUploadHooks();
    const account = state.account(acct!);
    const worker = account.workers.get(name!);
    if (!worker) return notFoundWorker();
    const meta = upload.metadata;
    if (meta.migrations) reject(10211, ERROR_TEXT.versionsWithMigrations);
    const doExports = doExportEntries(meta.exports);
    const pending = new Set(
      doExports
        .filter(([, e]) => (e.state ?? "created") === "created" || e.state === "expecting-transfer")
        .map(([c]) => c),
    );
    const exportedNow = new Set(upload.exportedClasses);
    checkBindingsAndExports(
      account,
      worker,
      upload.bindings,
      exportedNow,
      pending,
      worker.lifecycleModel !== "exports" && doExports.length === 0,
    );
    const version = addVersion(worker, {
      bindings: upload.bindings,
      exportedClasses: upload.exportedClasses,
      exports: doExports.length > 0 ? (meta.exports as Record<string, unknown>) : worker.exportsState,
      metadata: meta,
    });
    return ok(versionToApi(worker, version));
  }

  function postDeployment(ctx: Ctx, [acct, name]: string[]): Answer {
    const worker = state.worker(acct!, name!);
    if (!worker) return notFoundWorker();
    const body = (ctx.record.body ?? {}) as { versions?: { version_id: string; percentage: number }[] };
    const versions = body.versions ?? [];
    const found = versions.map((v) => worker.versions.find((x) => x.id === v.version_id));
    if (versions.length === 0 || found.some((v) => v === undefined)) {
      return fail(400, 10000, "Unknown version in deployment");
    }
    const exportMaps = new Set(found.map((v) => JSON.stringify(v?.exports ?? null)));
    if (exportMaps.size > 1) return fail(400, 100405, ERROR_TEXT.inconsistentExports);
    // `exports` sent with a `versions upload` reconcile when that version is deployed.
    const version = found[0];
    const declared = version?.exports ?? null;
    let reconciliation: ExportsReconciliation | undefined;
    if (version && declared && JSON.stringify(declared) !== JSON.stringify(worker.exportsState)) {
      const account = state.account(acct!);
      const draftAccount = structuredClone(account);
      const draft = draftAccount.workers.get(name!)!;
      reconciliation = applyExports(draftAccount, draft, declared, new Set(version.exportedClasses));
      checkBindingsAndExports(
        draftAccount,
        draft,
        version.bindings,
        new Set(version.exportedClasses),
        null,
        false,
      );
      draft.lifecycleModel = "exports";
      draft.exportsState = declared;
      account.workers = draftAccount.workers;
    }
    const live = state.worker(acct!, name!)!;
    return ok({
      ...deploymentToApi(deploy(live, versions)),
      ...(reconciliation && { exports_reconciliation: reconciliation }),
    });
  }

  const routes: [string, RegExp, Handler][] = [
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/services\/([^/]+)$/,
      (_c, [acct, name]) => {
        const worker = state.worker(acct!, name!);
        if (!worker) return notFoundWorker();
        return ok({
          id: worker.name,
          default_environment: {
            environment: "production",
            created_on: worker.createdOn,
            modified_on: worker.modifiedOn,
            script: scriptSummary(worker),
          },
          created_on: worker.createdOn,
          modified_on: worker.modifiedOn,
        });
      },
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts$/,
      (_c, [acct]) => ok([...state.account(acct!).workers.values()].map(scriptSummary)),
    ],
    ["PUT", /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)$/, putScript],
    [
      "DELETE",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)$/,
      (_c, [acct, name]) => {
        if (!state.worker(acct!, name!)) return notFoundWorker();
        state.deleteWorker(acct!, name!);
        return ok(null);
      },
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/settings$/,
      (_c, [acct, name]) => {
        const worker = state.worker(acct!, name!);
        if (!worker) return notFoundWorker();
        return ok({
          bindings: liveBindingsOf(worker).map((b) => bindingToApi(b)),
          compatibility_date: "2025-01-01",
          compatibility_flags: [],
          logpush: false,
          tail_consumers: [],
          observability: { enabled: false },
          usage_model: "standard",
        });
      },
    ],
    [
      "PATCH",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/(?:script-)?settings$/,
      (c, [acct, name]) => (state.worker(acct!, name!) ? ok(c.record.body ?? {}) : notFoundWorker()),
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/script-settings$/,
      (_c, [acct, name]) =>
        state.worker(acct!, name!)
          ? ok({ logpush: false, tail_consumers: [], observability: { enabled: false } })
          : notFoundWorker(),
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/deployments$/,
      (_c, [acct, name]) => {
        const worker = state.worker(acct!, name!);
        if (!worker) return notFoundWorker();
        return ok({ deployments: worker.deployments.map(deploymentToApi) });
      },
    ],
    ["POST", /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/deployments$/, postDeployment],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/references$/,
      (_c, [acct, name]) => {
        const account = state.account(acct!);
        const worker = account.workers.get(name!);
        if (!worker) return notFoundWorker();
        const classes = worker.namespaces.filter((n) => n.state === "live").map((n) => n.className);
        const scripts = [...account.workers.values()]
          .filter(
            (o) =>
              o.name !== worker.name &&
              classes.some((c) => foreignReferrers(account, worker.name, c).includes(o.name)),
          )
          .map((o) => ({ name: o.name }));
        return ok({ durable_objects: scripts });
      },
    ],
    ["POST", /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/versions$/, postVersion],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/versions$/,
      (_c, [acct, name]) => {
        const worker = state.worker(acct!, name!);
        if (!worker) return notFoundWorker();
        return ok({ items: [...worker.versions].reverse().map((v) => versionToApi(worker, v)) });
      },
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/versions\/([^/]+)$/,
      (_c, [acct, name, id]) => {
        const worker = state.worker(acct!, name!);
        if (!worker) return notFoundWorker();
        const version = worker.versions.find((v) => v.id === id);
        return version ? ok(versionToApi(worker, version)) : fail(404, 10000, "Version not found");
      },
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/secrets$/,
      (_c, [acct, name]) => (state.worker(acct!, name!) ? ok([]) : notFoundWorker()),
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/subdomain$/,
      () => ok({ enabled: true, previews_enabled: true }),
    ],
    [
      "POST",
      /^\/accounts\/([^/]+)\/workers\/scripts\/([^/]+)\/subdomain$/,
      () => ok({ enabled: true, previews_enabled: true }),
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/subdomain$/,
      (_c, [acct]) => ok({ subdomain: state.account(acct!).subdomain }),
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/workers\/([^/]+)$/,
      (_c, [acct, name]) => {
        const worker = state.worker(acct!, name!);
        if (!worker) return notFoundWorker();
        return ok({
          id: worker.name,
          name: worker.name,
          created_on: worker.createdOn,
          updated_on: worker.modifiedOn,
          subdomain: { enabled: true, previews_enabled: true },
          observability: { enabled: false },
          tags: [],
          logpush: false,
          tail_consumers: [],
        });
      },
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/durable_objects\/namespaces$/,
      (c, [acct]) => {
        // One snapshot per listing: page 1 reads the state, the later pages page through it.
        const page = Math.max(1, Number(c.query.get("page") ?? 1) || 1);
        const list = (page > 1 && namespaceSnapshots.get(acct!)) || liveNamespaceList(acct!);
        if (page === 1) namespaceSnapshots.set(acct!, list);
        // Page-numbered, like the real list: `page` from 1, `per_page` capped by the server.
        const perPage = Math.min(
          Number(c.query.get("per_page") ?? 20) || 20,
          options.namespacesPerPage ?? 1000,
        );
        const items = list.slice((page - 1) * perPage, page * perPage);
        return ok(items, {
          result_info: {
            page,
            per_page: perPage,
            count: items.length,
            ...(options.omitTotalCount ? {} : { total_count: list.length }),
          },
        });
      },
    ],
    [
      "GET",
      /^\/accounts\/([^/]+)\/workers\/durable_objects\/namespaces\/([^/]+)\/objects$/,
      (c, [acct, id]) => {
        const ns = [...state.account(acct!).workers.values()]
          .flatMap((w) => w.namespaces)
          .find((n) => n.id === id && n.state === "live");
        if (!ns) return fail(404, 10000, "namespace not found");
        const limit = Number(c.query.get("limit") ?? 1000);
        if (!Number.isInteger(limit) || limit < 10 || limit > 10_000) {
          return fail(400, 10000, "limit must be between 10 and 10000");
        }
        const cursor = c.query.get("cursor");
        const start =
          cursor === null ? 0 : Number(Buffer.from(cursor, "base64url").toString().replace(/^o:/, ""));
        if (!Number.isInteger(start) || start < 0) return fail(400, 10000, "invalid cursor");
        const total = ns.objects?.count ?? 0;
        const end = Math.min(total, start + limit);
        const result = [];
        for (let i = start; i < end; i++) {
          result.push({
            id: `${ns.id}${i.toString(16).padStart(32, "0")}`,
            hasStoredData: i < (ns.objects?.withData ?? 0),
          });
        }
        const next = end < total ? Buffer.from(`o:${end}`).toString("base64url") : null;
        const info =
          options.objectsCursor === "cursors.after"
            ? { count: result.length, ...(next ? { cursors: { after: next } } : {}) }
            : { count: result.length, ...(next ? { cursor: next } : {}) };
        return ok(result, { result_info: info });
      },
    ],
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = (req.method ?? "GET").toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      const key = k.toLowerCase();
      if (key === "authorization" || key === "cookie" || key === "x-auth-key") continue;
      headers[key] = Array.isArray(v) ? v.join(", ") : String(v ?? "");
    }
    const route = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const record: RecordedRequest = {
      seq: ++seq,
      method,
      path: url.pathname,
      route,
      query: Object.fromEntries(url.searchParams),
      headers,
      hadAuthorization: req.headers.authorization !== undefined,
      status: 0,
    };
    requests.push(record);
    const contentType = String(req.headers["content-type"] ?? "");
    if (contentType.startsWith("application/json") && rawBody.length > 0) {
      try {
        record.body = JSON.parse(rawBody.toString("utf8"));
      } catch {
        record.body = rawBody.toString("utf8");
      }
    }

    const send = (answer: Answer, extraHeaders: Record<string, string> = {}): void => {
      record.status = answer.status;
      record.response = answer.body;
      const text = JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(text),
        ...extraHeaders,
      });
      res.end(text);
    };

    const fault = faults.find(
      (f) => f.remaining > 0 && (!f.method || f.method === method) && matches(f.pattern, route),
    );
    if (fault) {
      fault.remaining--;
      record.fault = fault.kind;
      if (fault.kind === "hang") {
        record.status = -1;
        if (fault.hangMs !== null) setTimeout(() => req.socket.destroy(), fault.hangMs).unref();
        return;
      }
      send(
        fail(fault.status, fault.code, fault.message),
        fault.retryAfter === null ? {} : { "retry-after": fault.retryAfter },
      );
      return;
    }

    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
      send(fail(403, 10000, "Authentication error"));
      return;
    }

    for (const [m, re, handler] of routes) {
      if (m !== method) continue;
      const match = re.exec(route);
      if (!match) continue;
      const params = match.slice(1).map((p) => decodeURIComponent(p));
      try {
        send(await handler({ method, route, query: url.searchParams, rawBody, contentType, record }, params));
      } catch (err) {
        if (err instanceof Rejection) {
          send({
            status: err.status,
            body: { success: false, errors: err.errors, messages: [], result: null },
          });
        } else {
          send(fail(500, 10013, `stand-in error: ${(err as Error).message}`));
        }
      }
      return;
    }
    send(fail(404, 7003, `Could not route to ${route}, perhaps your object identifier is invalid?`));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ success: false, errors: [{ code: 10013, message: String(err) }], messages: [] }),
        );
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    state,
    requests,
    unhandled: () =>
      requests.filter(
        (r) =>
          r.status === 404 && (r.response as { errors?: { code: number }[] })?.errors?.[0]?.code === 7003,
      ),
    uploads: () =>
      requests.filter(
        (r) =>
          (r.method === "PUT" && /^\/accounts\/[^/]+\/workers\/scripts\/[^/]+$/.test(r.route)) ||
          (r.method === "POST" && /\/versions$/.test(r.route)),
      ),
    clearRequests: () => {
      requests.length = 0;
    },
    clearFaults: () => {
      faults.length = 0;
      uploadHooks.length = 0;
    },
    failNext(pattern, o = {}) {
      faults.push({
        pattern,
        method: o.method?.toUpperCase(),
        remaining: o.times ?? 1,
        kind: "status",
        status: o.status ?? 500,
        code: o.code ?? 10013,
        message: o.message ?? "An unknown error has occurred. (stand-in fault)",
        hangMs: null,
        retryAfter: o.retryAfter ?? null,
      });
    },
    hangNext(pattern, o = {}) {
      faults.push({
        pattern,
        method: o.method?.toUpperCase(),
        remaining: o.times ?? 1,
        kind: "hang",
        status: 0,
        code: 0,
        message: "",
        hangMs: o.ms ?? null,
        retryAfter: null,
      });
    },
    beforeNextUpload(hook) {
      uploadHooks.push(hook);
    },
    simulateConcurrentDeploy(accountId, workerName, newTag) {
      uploadHooks.push((s) => s.setMigrationTag(accountId, workerName, newTag));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
