// The finding catalogue: a stable code and a one-line title per kind. docs/findings.md explains
// each code (what happens at deploy time, how to fix it); a test keeps the two in step.
import { parse as parseToml } from "smol-toml";
import type { Finding, FindingKind, Severity } from "./model.ts";
import { remarked } from "./remarks.ts";

export interface CatalogueEntry {
  readonly code: string;
  readonly title: string;
  /** The severity when the change introduces it. Pre-existing problems are reported as info. */
  readonly severity: Severity;
  /**
   * The finding is about what happens to a Worker that is already deployed (its applied history,
   * its objects, its live bindings): it does not apply to a Worker that was never deployed (a
   * template, a config without a name, a Worker the live state says does not exist), whose first
   * deploy replays the whole history from scratch. Data-loss kinds are never marked: whether
   * anything is destroyed is what the acknowledgement is for, and the live plan settles it.
   */
  readonly deployedWorkerOnly?: boolean;
  /**
   * Findings of this kind can be data loss (`dataLoss: true`): no policy rule, override or inline
   * directive may name the code, and the acknowledgement is the only way to pass one. This is
   * the one list of data-loss kinds: the placement, the live plan and the action read it through
   * `reportsDataLoss`, `destroyedClasses`, `deletesNamedClasses` and `isConfigDelete` below.
   */
  readonly reportsDataLoss?: boolean;
  /**
   * For a data-loss kind: which of a finding's `classes` lose their objects. `all` of them, or
   * only the `first` (a rename written as delete + create names the class it deletes, then the
   * class it creates).
   */
  readonly destroys?: "all" | "first";
  /**
   * For a data-loss kind: the live plan reports it (from what the account says the next deploy
   * sends), not the comparison of the configs, whose deletes the live plan confirms or settles.
   */
  readonly fromLivePlan?: boolean;
  /**
   * The finding is about the check itself (what it could not see, its own suppressions), not
   * about a Worker's lifecycle, bindings, history or names: it never starts a PR comment alone.
   */
  readonly aboutTheCheck?: boolean;
}

export const CATALOGUE: Readonly<Record<FindingKind, CatalogueEntry>> = {
  "parse-error": { code: "DO001", title: "Config file does not parse", severity: "critical" },
  "invalid-config": { code: "DO002", title: "Invalid Durable Object config", severity: "error" },
  "unknown-key": { code: "DO003", title: "Misspelt or misplaced key", severity: "error" },
  "lifecycle-conflict": { code: "DO004", title: "`migrations` and `exports` together", severity: "error" },
  "lifecycle-model-changed": {
    code: "DO005",
    title: "Lifecycle model switched",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "legacy-wrangler-config": { code: "DO006", title: "wrangler v1 config", severity: "info" },
  "config-shadowed": {
    code: "DO007",
    title: "Config shadowed by another in the same directory",
    severity: "warning",
  },
  "config-redirected": {
    code: "DO008",
    title: "Deploy redirected to another config",
    severity: "warning",
  },
  "config-replaced": {
    code: "DO009",
    title: "Config compared with the one it replaces",
    severity: "info",
    aboutTheCheck: true,
  },
  "config-proto-key": {
    code: "DO010",
    title: "`__proto__` key in a JSON config",
    severity: "error",
  },
  "config-name-case": {
    code: "DO011",
    title: "Config names that differ only in case",
    severity: "error",
  },
  "class-deleted": {
    code: "DO101",
    title: "Class deleted: all its objects are destroyed",
    severity: "critical",
    reportsDataLoss: true,
    destroys: "all",
  },
  "probable-rename": {
    code: "DO102",
    title: "Delete + create that looks like a rename",
    severity: "critical",
    reportsDataLoss: true,
    destroys: "first",
  },
  "delete-still-bound": { code: "DO103", title: "Deleted class still bound", severity: "error" },
  "delete-binding-repointed": {
    code: "DO106",
    title: "Binding repointed in the deploy that deletes its class",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "delete-binding-removed": {
    code: "DO107",
    title: "Binding removed in the deploy that deletes its class",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "delete-transferred-bound": {
    code: "DO108",
    title: "Transferred class deleted in the deploy that drops its binding",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "delete-mixed-step": { code: "DO104", title: "Delete mixed with other operations", severity: "error" },
  "cross-worker-binding": {
    code: "DO105",
    title: "Another Worker binds the deleted class",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "history-edited": {
    code: "DO201",
    title: "Applied migration edited",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "history-removed": {
    code: "DO202",
    title: "Applied migration removed",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "history-reordered": {
    code: "DO203",
    title: "Migrations reordered",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "duplicate-tag": { code: "DO204", title: "Duplicate migration tag", severity: "error" },
  "replay-rejected": { code: "DO205", title: "History that wrangler or the API rejects", severity: "error" },
  "new-config-deletes": {
    code: "DO206",
    title: "New config whose history deletes a class",
    severity: "warning",
  },
  "class-created": { code: "DO301", title: "Class created", severity: "info" },
  "class-renamed": { code: "DO302", title: "Class renamed", severity: "warning" },
  "class-transferred": { code: "DO303", title: "Class transferred", severity: "warning" },
  "class-recreated": {
    code: "DO304",
    title: "Deleted class name created again",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "storage-changed": {
    code: "DO305",
    title: "Storage backend changed",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "export-removed": {
    code: "DO306",
    title: "Live class dropped from `exports`",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "binding-removed": {
    code: "DO401",
    title: "Binding removed, class kept",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "binding-unknown-class": {
    code: "DO402",
    title: "Binding to a class no migration creates",
    severity: "error",
  },
  "binding-retargeted": {
    code: "DO403",
    title: "Binding moved to another Worker's class",
    severity: "warning",
  },
  "env-removed": {
    code: "DO501",
    title: "Environment removed",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "worker-renamed": { code: "DO502", title: "Worker renamed", severity: "warning", deployedWorkerOnly: true },
  "account-changed": {
    code: "DO503",
    title: "Worker moved to another account",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "worker-name-taken": {
    code: "DO504",
    title: "Worker now deployed from another config",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "worker-deployed-twice": { code: "DO505", title: "Two targets deploy one Worker", severity: "warning" },
  "class-not-exported": { code: "DO601", title: "Class with live objects not exported", severity: "error" },
  "created-class-not-exported": { code: "DO602", title: "Created class not exported", severity: "error" },
  "deleted-class-still-needed": {
    code: "DO603",
    title: "Deleted class already gone from code",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "exports-unknown": {
    code: "DO604",
    title: "Worker's exports could not be determined",
    severity: "info",
    aboutTheCheck: true,
  },
  "directive-without-reason": {
    code: "DO701",
    title: "Suppression without a reason",
    severity: "warning",
    aboutTheCheck: true,
  },
  "directive-unused": {
    code: "DO702",
    title: "Suppression that suppresses nothing",
    severity: "info",
    aboutTheCheck: true,
  },
  "directive-data-loss": {
    code: "DO703",
    title: "Suppression of data loss",
    severity: "warning",
    aboutTheCheck: true,
  },
  "directive-invalid": {
    code: "DO704",
    title: "Malformed suppression",
    severity: "warning",
    aboutTheCheck: true,
  },
  // A policy edit (src/core/policy/loosening.ts): what the new policy checks less once merged.
  "policy-loosened": { code: "DO705", title: "Policy change loosens the check", severity: "warning" },
  // The live plan (src/core/live/evidence.ts): what the live state shows.
  "live-tag-unknown": {
    code: "DO801",
    title: "Live migration tag not in this branch",
    severity: "error",
    reportsDataLoss: true,
    destroys: "all",
    fromLivePlan: true,
  },
  "undeployed-step": {
    code: "DO802",
    title: "Base branch change not deployed yet",
    severity: "warning",
    reportsDataLoss: true,
    destroys: "all",
    fromLivePlan: true,
  },
  "live-storage-mismatch": {
    code: "DO803",
    title: "Live storage differs from the config",
    severity: "warning",
  },
  "live-binding-blocks-delete": {
    code: "DO804",
    title: "A live binding blocks the delete",
    severity: "error",
  },
  "live-class-unknown": { code: "DO805", title: "Live class the config does not know", severity: "info" },
  "delete-destroys-nothing": {
    code: "DO806",
    title: "Deleted class has no live namespace",
    severity: "info",
  },
  "first-deploy-rejected": {
    code: "DO807",
    title: "First deploy of a new Worker rejected",
    severity: "error",
  },
  "exports-tombstone-in-code": {
    code: "DO901",
    title: "`deleted` tombstone while the code still exports the class",
    severity: "error",
  },
  "exports-rename-refused": {
    code: "DO902",
    title: "`renamed` tombstone the server refuses",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "exports-transfer-not-expected": {
    code: "DO903",
    title: "Transfer the receiving Worker does not expect",
    severity: "error",
  },
};

export const SEVERITIES: readonly Severity[] = ["info", "warning", "error", "critical"];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Whether findings of this kind can be data loss (see `CatalogueEntry.reportsDataLoss`). */
export function reportsDataLoss(kind: FindingKind): boolean {
  return CATALOGUE[kind].reportsDataLoss === true;
}

/** The classes a data-loss finding destroys (see `CatalogueEntry.destroys`); none otherwise. */
export function destroyedClasses(finding: Finding): readonly string[] {
  if (!finding.dataLoss) return [];
  return CATALOGUE[finding.kind].destroys === "first" ? finding.classes.slice(0, 1) : finding.classes;
}

/**
 * Whether a data-loss finding of this kind deletes every class it names (the action's
 * `deleted-classes` output; a rename written as delete + create is its own output).
 */
export function deletesNamedClasses(kind: FindingKind): boolean {
  return reportsDataLoss(kind) && CATALOGUE[kind].destroys === "all";
}

/** Whether a data-loss kind is a delete read from the configs, which the live plan settles. */
export function isConfigDelete(kind: FindingKind): boolean {
  return reportsDataLoss(kind) && CATALOGUE[kind].fromLivePlan !== true;
}

/** Whether a finding only matters for a Worker that is already deployed (see `deployedWorkerOnly`). */
export function concernsDeployedWorker(finding: Finding): boolean {
  return CATALOGUE[finding.kind].deployedWorkerOnly === true && !finding.dataLoss;
}

/**
 * A finding for a Worker that is not deployed as written (a template, a config without a name, a
 * Worker the live state says does not exist): what only matters for an already deployed Worker
 * becomes info, with the reason in front; everything else is kept as it is.
 * `why` says why the Worker is not deployed as written, e.g. "the Worker name `X` is a placeholder";
 * `lead` what it is not (the live plan: "Not deployed", for a Worker the account does not have).
 */
export function forUndeployedWorker(
  finding: Finding,
  why: string,
  lead = "Not deployed as written",
): Finding {
  if (!concernsDeployedWorker(finding) || finding.severity === "info") return finding;
  return remarked(
    { ...finding, severity: "info" },
    { before: `${lead} (${why}), and this only matters for a Worker that is already deployed.` },
  );
}

/** Whether a finding is about the check itself rather than the change (see `aboutTheCheck`). */
export function isAboutTheCheck(finding: Finding): boolean {
  return CATALOGUE[finding.kind].aboutTheCheck === true;
}

/** The catalogue entry of a finding code, if the code exists. */
export function catalogueEntryOf(code: string): (CatalogueEntry & { readonly kind: FindingKind }) | null {
  return CODES.get(code) ?? null;
}

const CODES = new Map(
  (Object.entries(CATALOGUE) as Array<[FindingKind, CatalogueEntry]>).map(([kind, entry]) => [
    entry.code,
    { ...entry, kind },
  ]),
);

/** Link to the documentation of a finding code. */
export function findingDocsAnchor(code: string): string {
  return `docs/findings.md#${code.toLowerCase()}`;
}

/**
 * A fix worded for the config it is about. Fix texts quote config snippets in TOML
 * (`renamed_classes = [{ from = "A", to = "B" }]`); in a `.json`/`.jsonc` config each such code
 * span is written as that config writes it (`"renamed_classes": [{ "from": "A", "to": "B" }]`).
 * Any other text is left as it is.
 */
export function fixInFormat(fix: string, format: "toml" | "jsonc"): string {
  if (format === "toml") return fix;
  return fix.replace(/`([A-Za-z_][\w-]* = [^`]+)`/g, (span, snippet: string) => {
    let value: unknown;
    try {
      value = parseToml(snippet);
    } catch {
      return span;
    }
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length !== 1) return span;
    const [key, inner] = entries[0]!;
    return `\`${JSON.stringify(key)}: ${jsonSnippet(inner)}\``;
  });
}

/** JSON on one line, spaced as a person writes a config (`[{ "from": "A" }]`). */
function jsonSnippet(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonSnippet).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${jsonSnippet(v)}`);
    return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}
