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
  /** Repository paths of the policy file, read at both revisions (the first one present wins). */
  readonly policyPaths?: readonly string[];
  /**
   * Given the policy file at both revisions, the config paths to leave out of the analysis.
   * Called once, after the files are listed and before any config is read; it may throw.
   */
  readonly leaveOut?: (policy: PolicyTexts) => (path: string) => boolean;
}

/** A repository's wrangler configs at two revisions, and readers of its files at each. */
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
  /** The policy file as found at each revision (see `policyPaths`). */
  readonly policyFiles: PolicyTexts;
  /** Configs left out of `changes` (see `leaveOut`). */
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
  /** Reads the repository change (src/adapters/repository.ts). */
  readChange(revisions: RepositoryRevisions): Promise<RepositoryChange>;
  /**
   * The live reader of one connection (src/adapters/live-state.ts). Throws a UsageError when the
   * API base URL cannot be used.
   */
  liveReader(connection: LiveConnection): Promise<ReadLiveAccounts>;
}
