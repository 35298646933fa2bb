// The ports of the check use case: what it reads of the world, as plain interfaces. The real
// adapters (git, the working tree, the Cloudflare API) are put behind them by the composition
// root (src/check/adapters.ts), which the entry points pass in; tests may replace any.
import type { SourceReader } from "../core/code/worker-exports.ts";
import type { LiveAccount, NamespaceRef } from "../core/live/state.ts";
import type { ConfigChange, Finding } from "../core/model.ts";
import type { PolicyTexts } from "../core/policy/source.ts";

export interface RepositoryRevisions {
  readonly cwd: string;
  /** Base revision; null = the CLI's default (see `defaultBase` in src/adapters/git.ts). */
  readonly base: string | null;
  /** Head revision; null = the working tree. */
  readonly head: string | null;
  /** Paths, directories or globs (relative to cwd); empty = every wrangler config. */
  readonly paths: readonly string[];
  /**
   * Reads a file at the base revision another way (the GitHub contents API) when the base commit
   * is not in the clone. Configs deleted by the change cannot be listed then.
   */
  readonly baseFallback?: (path: string) => Promise<string | null>;
}

/** A file at one revision: its text, or why it exists but was not read; both null: no file. */
export interface ConfigRead {
  readonly text: string | null;
  readonly unreadable: string | null;
}

/**
 * A repository's files at the two revisions of a change: listed once, read on demand (the
 * revisions resolved, symbolic links to directories followed one level). Which of them the check
 * reads is the check's choice (src/check/repository-change.ts).
 */
export interface RevisionFiles {
  readonly root: string;
  readonly baseRev: string | null;
  readonly headRev: string | null;
  /** The path arguments as repository-relative patterns (empty: every config). */
  readonly patterns: readonly string[];
  /** Every path at the head, and at the base (the head's when the base is read another way). */
  readonly headPaths: readonly string[];
  readonly basePaths: readonly string[];
  /** The paths that are files of their own at either revision (not only reached through a link). */
  readonly listed: ReadonlySet<string>;
  /** A config path reached through a symbolic link to a directory -> the path it reaches. */
  readonly linkedFrom: ReadonlyMap<string, string>;
  /** Repository paths that differ between the revisions (for the code-aware checks). */
  readonly changed: ReadonlySet<string>;
  /** A file at one side; `{ text: null, unreadable: null }` when it is not there. */
  readConfig(side: "base" | "head", path: string): Promise<ConfigRead>;
  /** Reads source files at the head revision (repository-relative paths). */
  readonly readHeadSource: SourceReader;
  /** Reads source files at the base revision; null when the base commit is not in the clone. */
  readonly readBaseSource: SourceReader | null;
  close(): Promise<void>;
}

/** The wrangler configs of a change at its two revisions, and readers of its files at each. */
export interface RepositoryChange {
  readonly root: string;
  readonly baseRev: string | null;
  readonly headRev: string | null;
  readonly changes: ConfigChange[];
  /** Repository paths that differ between the revisions (for the code-aware checks). */
  readonly changed: ReadonlySet<string>;
  /** Reads source files at the head revision (repository-relative paths). */
  readonly readHeadSource: SourceReader;
  /** Reads source files at the base revision; null when the base commit is not in the clone. */
  readonly readBaseSource: SourceReader | null;
  /** The policy file as found at each revision (see `ChangeOptions.policyPaths`). */
  readonly policyFiles: PolicyTexts;
  /** Configs left out of `changes` (see `ChangeOptions.leaveOut`). */
  readonly leftOut: readonly string[];
  /** What the choice of config files says: shadowed configs, deploy redirects, moved configs. */
  readonly selection: readonly Finding[];
  close(): Promise<void>;
}

/** What one account's live read asks for (src/adapters/live-state.ts answers it). */
export interface LiveReadRequest {
  /** The Workers planned: their settings are read when the account has them. */
  readonly workers: readonly string[];
  /**
   * Every Worker name the repository defines. When a class is about to be destroyed, the
   * account's other Workers are read too (`bindingScan`), for bindings that block the delete.
   * Null: read no others.
   */
  readonly repositoryWorkers: ReadonlySet<string> | null;
  /** The plan over what was read: the namespaces the next deploys destroy. */
  readonly doomed: (account: LiveAccount) => readonly NamespaceRef[];
  /** Other namespaces whose objects to count (default: none). */
  readonly count?: (account: LiveAccount) => readonly NamespaceRef[];
  /** Objects counted per class (default 100,000); 0 counts nothing. */
  readonly objectCap?: number;
  /** Most other Workers read for bindings (default 100). */
  readonly scanCap?: number;
}

/** The live state of some accounts, read within one request budget. */
export interface LiveAccounts {
  readonly accounts: Map<string, LiveAccount>;
  /** The budget's limit, and the requests it refused (not sent). */
  readonly budget: { readonly limit: number; readonly refused: number };
}

/** Reads each account once (all side by side, or `oneAtATime`), within one request budget. */
export type ReadLiveAccounts = (
  reads: ReadonlyMap<string, LiveReadRequest>,
  options?: { readonly oneAtATime?: boolean },
) => Promise<LiveAccounts>;

/** The Cloudflare API settings of a live read. */
export interface LiveConnection {
  /** The Cloudflare API token (read-only is enough: "Workers Scripts: Read"). */
  readonly token: string;
  /** CLOUDFLARE_API_BASE_URL, when set. */
  readonly apiBaseUrl?: string;
  /** Most requests the whole read sends (default `DEFAULT_REQUEST_BUDGET` of the API client). */
  readonly requestBudget?: number;
}

export interface CheckAdapters {
  /** Lists the repository's files at the two revisions (src/adapters/repository.ts). */
  readRevisions(revisions: RepositoryRevisions): Promise<RevisionFiles>;
  /**
   * The live reader of one connection (src/adapters/live-state.ts). Throws a UsageError when the
   * API base URL cannot be used.
   */
  liveReader(connection: LiveConnection): Promise<ReadLiveAccounts>;
}
