// The plain data the core works on. No I/O, no globals: everything here is a value.

export type Severity = "info" | "warning" | "error" | "critical";
export type Risk = "none" | "low" | "medium" | "high" | "critical";
export type ConfigFormat = "toml" | "jsonc";
export type Storage = "sqlite" | "kv";

/** A path into a config document, e.g. ["env", "staging", "migrations", 2, "tag"]. */
export type ConfigPath = readonly (string | number)[];

/** One wrangler config file, parsed. `locate` maps a path in the document to a 1-based line. */
export interface ParsedConfig {
  readonly ok: true;
  readonly file: string;
  readonly format: ConfigFormat;
  readonly value: Record<string, unknown>;
  readonly locate: (path: ConfigPath) => number | null;
  /**
   * JSON/JSONC: where the text has a `"__proto__"` key. wrangler's parser makes its value the
   * object's prototype and reads the fields inside it as the object's own; `value` holds them so.
   */
  readonly protoKeys?: readonly ConfigPath[];
}

export interface ParseFailure {
  readonly ok: false;
  readonly file: string;
  readonly format: ConfigFormat;
  readonly message: string;
  readonly line: number | null;
  readonly column: number | null;
  /**
   * The text was not parsed because it exceeds a limit of this tool (size, nesting) or could not
   * be read safely: wrangler may still accept it, so nothing can be said about what it deploys.
   */
  readonly overLimit?: boolean;
}

export type ParseResult = ParsedConfig | ParseFailure;

/** One operation of a legacy migration step, or the equivalent from an `exports` entry. */
export type LifecycleOp =
  | { readonly type: "create"; readonly className: string; readonly storage: Storage }
  | { readonly type: "delete"; readonly className: string }
  | { readonly type: "rename"; readonly from: string; readonly to: string }
  | {
      readonly type: "transfer-in";
      readonly className: string;
      readonly from: string;
      readonly fromScript: string;
    }
  | { readonly type: "transfer-out"; readonly className: string; readonly toScript: string };

/** One entry of a `migrations` list. */
export interface LifecycleStep {
  readonly tag: string | null;
  readonly index: number;
  readonly line: number | null;
  readonly ops: readonly LifecycleOp[];
  /** The entry without its tag, canonically serialised: what wrangler sends as the step. */
  readonly canonical: string;
}

/** One Durable Object entry of an `exports` map. */
export interface ExportEntry {
  readonly className: string;
  readonly state: "created" | "deleted" | "renamed" | "transferred" | "expecting-transfer";
  readonly storage: Storage | null;
  readonly renamedTo: string | null;
  readonly transferredTo: string | null;
  readonly transferFrom: string | null;
  readonly line: number | null;
}

export type Lifecycle =
  | { readonly model: "none" }
  | { readonly model: "migrations"; readonly steps: readonly LifecycleStep[]; readonly inherited: boolean }
  | { readonly model: "exports"; readonly entries: readonly ExportEntry[]; readonly inherited: boolean };

/** A `durable_objects.bindings` entry. */
export interface DurableObjectBinding {
  readonly name: string;
  readonly className: string;
  readonly scriptName: string | null;
  readonly environment: string | null;
  readonly line: number | null;
}

/** One deployed Worker: a (config file, environment) pair as wrangler resolves it. */
export interface Worker {
  readonly file: string;
  /** `null` is the top level. */
  readonly env: string | null;
  /** The deployed Worker's name: `env.X.name`, else `<top name>-<X>`; null when no name is set. */
  readonly name: string | null;
  readonly nameLine: number | null;
  readonly envLine: number | null;
  /** Line of this env's `durable_objects` (where a removed binding was), when it has one. */
  readonly bindingsLine: number | null;
  readonly main: string | null;
  readonly lifecycle: Lifecycle;
  /** Bindings of this env only: `durable_objects` is not inherited. */
  readonly bindings: readonly DurableObjectBinding[];
  readonly ownsLifecycle: boolean;
  /**
   * The config is written for wrangler v1 (`type = "javascript"`, `[build.upload]`,
   * `[durable_objects] classes`), whose schema differs from the one wrangler 2 and later read.
   */
  readonly wranglerV1?: boolean;
  /**
   * The Worker name as written (its own `name`, else the top-level one it derives from) when it is a
   * placeholder (`{{WORKER_NAME}}`, `__NAME__`, `<< todo >>`, ...): the config is a template.
   */
  readonly placeholderName?: string | null;
  /** Why this Worker looks like it is only used by `wrangler dev` (top level only; empty when not). */
  readonly localOnlySigns?: readonly string[];
  /** The config's `account_id` for this Worker (an env's own, else the top level's), when set. */
  readonly accountId?: string;
  /** The line of the `account_id` that applies (the env's own, else the top level's). */
  readonly accountIdLine?: number | null;
}

/** What replaying a lifecycle leaves behind for one class name. */
export interface ClassState {
  readonly className: string;
  readonly status: "live" | "deleted" | "renamed" | "transferred-out";
  readonly storage: Storage | null;
  /** Where the class got its current status (the step or entry that created / ended it). */
  readonly tag: string | null;
  readonly line: number | null;
  readonly renamedTo: string | null;
  /** The name was deleted at some point before it was (re)created. */
  readonly deletedBefore: boolean;
  /** How the class came to be live: created, renamed from another class, or transferred in. */
  readonly via: "create" | "rename" | "transfer";
}

export type FindingKind =
  | "parse-error"
  | "invalid-config"
  | "unknown-key"
  | "lifecycle-conflict"
  | "lifecycle-model-changed"
  | "legacy-wrangler-config"
  | "config-shadowed"
  | "config-redirected"
  | "config-replaced"
  | "config-proto-key"
  | "config-name-case"
  | "class-deleted"
  | "probable-rename"
  | "delete-still-bound"
  | "delete-binding-repointed"
  | "delete-binding-removed"
  | "delete-transferred-bound"
  | "delete-mixed-step"
  | "cross-worker-binding"
  | "history-edited"
  | "history-removed"
  | "history-reordered"
  | "duplicate-tag"
  | "replay-rejected"
  | "new-config-deletes"
  | "class-created"
  | "class-renamed"
  | "class-transferred"
  | "class-recreated"
  | "storage-changed"
  | "export-removed"
  | "binding-removed"
  | "binding-unknown-class"
  | "binding-retargeted"
  | "env-removed"
  | "worker-renamed"
  | "account-changed"
  | "worker-name-taken"
  | "worker-deployed-twice"
  | "class-not-exported"
  | "created-class-not-exported"
  | "deleted-class-still-needed"
  | "exports-unknown"
  | "directive-without-reason"
  | "directive-unused"
  | "directive-data-loss"
  | "directive-invalid"
  | "policy-loosened"
  | "live-tag-unknown"
  | "undeployed-step"
  | "live-storage-mismatch"
  | "live-binding-blocks-delete"
  | "live-class-unknown"
  | "delete-destroys-nothing"
  | "first-deploy-rejected"
  | "exports-tombstone-in-code"
  | "exports-rename-refused"
  | "exports-transfer-not-expected";

export interface Finding {
  readonly code: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** True only where objects or storage are destroyed. */
  readonly dataLoss: boolean;
  readonly classes: readonly string[];
  /** The deployed Worker's name, when known. */
  readonly worker: string | null;
  readonly env: string | null;
  readonly file: string;
  readonly line: number | null;
  /** The migration tag involved, when there is one. */
  readonly tag: string | null;
  readonly message: string;
  readonly fix: string;
  /** False for problems that were already there at the base revision. */
  readonly introduced: boolean;
  /**
   * Silenced by an inline directive or the policy file: still reported, but counted toward
   * neither the risk nor the gate. Never set on a data-loss finding.
   */
  readonly suppressed?: Suppression;
  /** The policy rule that changed `severity`, and the severity it had before. */
  readonly policyLevel?: PolicyLevel;
  /**
   * Data loss that happens only on a Worker that has not run this base step yet (an edited step
   * that may not have deployed, a rejected one this change lets through): the message says so,
   * every report shows it, and the live migration tag settles it.
   */
  readonly unlessRan?: string;
  /**
   * Data loss that happens only on a Worker that has already run this step, one the base
   * revision does not have (restored from an earlier revision, or deployed from another branch):
   * the message says so, and the live migration tag settles it.
   */
  readonly ifRan?: string;
  /**
   * Internal, never in the JSON report: `message` as the rule's own sentence and the remarks later
   * stages put around it. Written only by `remarked` (remarks.ts), which keeps it and `message` in step.
   */
  readonly composed?: MessageParts;
  /**
   * Internal, never in the JSON report: the message parts (as `composed` has them) worded with the
   * finding's Worker, environment and inheritance as slots (rules/words.ts SLOT), which the
   * grouped rendering (render/groups.ts) fills with every Worker of a group. Written at placement
   * (diagnostics.ts) and by `remarked` beside `composed`; trusted only while it fills back to
   * `message`.
   */
  readonly template?: MessageTemplate;
}

/** A message as parts (see remarks.ts): remarks before, the rule's own sentence, remarks after. */
export interface MessageParts {
  readonly before: readonly string[];
  readonly own: string;
  readonly after: readonly string[];
}

/** A message's parts with slots for the Worker, its environment and its inheritance (see Finding.template). */
export interface MessageTemplate extends MessageParts {
  /** The finding's environment inherits its lifecycle from the top level (the inheritance slot says so). */
  readonly inherited: boolean;
}

/** Why a finding is suppressed, and where that is written. */
export interface Suppression {
  /** `directive`: a `do-migrate-ignore` comment in the config; `policy`: a rule set to `off`. */
  readonly by: "directive" | "policy";
  readonly reason: string;
  /** The config holding the directive, or the policy file. */
  readonly file: string;
  readonly line: number | null;
}

export interface PolicyLevel {
  /** The severity the finding had before the rule. */
  readonly from: Severity;
  /** The policy file and the line of the rule. */
  readonly file: string;
  readonly line: number | null;
}

/**
 * What the next `wrangler deploy` sends, the way wrangler decides it (DOMAIN.md §4):
 * `first`: no live tag, every step (a Worker that does not exist, or never ran a migration);
 * `after`: the steps after the live tag; `nothing`: the live tag is the config's last;
 * `replay`: the live tag is not in the config, so wrangler warns and sends every step again;
 * `exports`: the whole `exports` map (the server reconciles it); `none`: no lifecycle.
 */
export type SendKind = "first" | "after" | "nothing" | "replay" | "exports" | "none";

/** Why the server rejects what a deploy sends, before anything changes (uploads are atomic). */
export interface Rejection {
  readonly tag: string | null;
  readonly className: string;
  /**
   * `create-existing`: a step creates a class that already has a namespace (code 10074);
   * `delete-first-deploy`: a new Worker's first deploy deletes a class no previous version
   * exported, and there is no previous version (code 10074, DOMAIN.md §6.4).
   */
  readonly reason: "create-existing" | "delete-first-deploy";
}

/** A class the next deploy destroys, as the report shows it. */
export interface PlannedDestroy {
  readonly className: string;
  /** The migration tag that deletes it (null for an `exports` tombstone). */
  readonly tag: string | null;
  /** Objects counted (null: not counted); with `capped`, there are more than that. */
  readonly objects: number | null;
  readonly objectsWithData: number | null;
  readonly capped: boolean;
}

/** One Worker of the live plan: what its next deploy does, as the live state says. */
export interface PlannedWorker {
  readonly file: string;
  readonly env: string | null;
  readonly name: string | null;
  readonly model: Lifecycle["model"];
  /**
   * `read`: planned against the live state; `off`: the live state was not asked for (as the
   * action's `live-state` output says); `failed`: the read failed; `skipped`: not deployed as
   * written (a template's placeholder name, no `name`), so judged from the config alone.
   */
  readonly live: "read" | "off" | "failed" | "skipped";
  /** Why the read failed, or why it was skipped, in one line. */
  readonly problem: string | null;
  /** Whether the Worker exists in the account; null when the live state was not read. */
  readonly deployed: boolean | null;
  readonly liveTag: string | null;
  readonly sendKind: SendKind | null;
  /** Migration tags (or `exports` entries) the next deploy sends. */
  readonly sends: readonly string[];
  /** Of `sends`, the tags already on the base revision that were never deployed. */
  readonly fromBase: readonly string[];
  readonly destroys: readonly PlannedDestroy[];
  readonly rejected: Rejection | null;
  /** `exports` only: where each tombstone stands against the live namespaces (absent otherwise). */
  readonly tombstones?: readonly TombstoneStatus[];
}

/**
 * An `exports` tombstone against the live state: `pending` while its namespace exists (the next
 * deploy applies it: a `deleted` one destroys it), `applied` once it does not (the entry may be
 * dropped from `exports`: cleanup, never data loss), `unknown` when the namespaces were not read.
 */
export interface TombstoneStatus {
  readonly className: string;
  readonly state: "deleted" | "renamed" | "transferred";
  readonly status: "pending" | "applied" | "unknown";
}

export interface Report {
  readonly risk: Risk;
  readonly findings: readonly Finding[];
  /** The Workers the change touches, with their live plan when the live state was read. */
  readonly workers?: readonly PlannedWorker[];
  /**
   * One-line remarks about the run as a whole (what was not read, what could not be told), shown
   * once near the top of every rendering. Config strings in them are quoted in backticks.
   */
  readonly notes?: readonly string[];
  /** The revision compared with, when the caller names it (the CLI's check): JSON `base`. */
  readonly base?: {
    readonly ref: string;
    readonly sha: string;
    readonly how: string;
    readonly sameAsHead: boolean;
  };
}

/** A config file at both revisions; `null` text means the file does not exist there. */
export interface ConfigChange {
  readonly file: string;
  /**
   * Where the base text was read from, when that is another file: the config wrangler read at
   * the base revision in place of this one (moved, shadowed, redirected; see pairConfigs), or
   * the first file given to `diff`. Its name decides how the base text is parsed.
   */
  readonly baseFile?: string;
  readonly baseText: string | null;
  readonly headText: string | null;
  /**
   * Why the file exists at that revision but was not read (over a size limit, a symbolic link
   * leading out of the repository); its text is then null. Never treated as a missing file.
   */
  readonly baseUnreadable?: string | null;
  readonly headUnreadable?: string | null;
  /**
   * `wrangler deploy` does not read this config in its directory without `--config` (another
   * config comes first in its search order, or a redirect points elsewhere; see pairConfigs).
   */
  readonly onlyWithConfig?: boolean;
}
