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
  | "class-not-exported"
  | "created-class-not-exported"
  | "deleted-class-still-needed"
  | "exports-unknown";

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
}

export interface Report {
  readonly risk: Risk;
  readonly findings: readonly Finding[];
  /**
   * One-line remarks about the run as a whole (what was not read, what could not be told), shown
   * once near the top of every rendering. Config strings in them are quoted in backticks.
   */
  readonly notes?: readonly string[];
}

/** A config file at both revisions; `null` text means the file does not exist there. */
export interface ConfigChange {
  readonly file: string;
  readonly baseText: string | null;
  readonly headText: string | null;
  /**
   * Why the file exists at that revision but was not read (over a size limit, a symbolic link
   * leading out of the repository); its text is then null. Never treated as a missing file.
   */
  readonly baseUnreadable?: string | null;
  readonly headUnreadable?: string | null;
}
