// The finding catalogue: a stable code and a one-line title per kind, assembled from the rule
// family modules (src/core/rules/<family>.ts: DO0xx config-files, DO1xx deletes, DO2xx history,
// DO3xx classes, DO4xx bindings, DO5xx workers, DO6xx code-exports, DO7xx directives, DO8xx
// live, DO9xx exports), each of which also holds its rules' wording. docs/findings.md explains each code
// (what happens at deploy time, how to fix it); a test keeps the two in step.
import { parse as parseToml } from "smol-toml";
import type { Finding, FindingKind, Severity } from "./model.ts";
import { remarked } from "./remarks.ts";
import { BINDING_RULES } from "./rules/bindings.ts";
import { CLASS_RULES } from "./rules/classes.ts";
import { CODE_EXPORT_RULES } from "./rules/code-exports.ts";
import { CONFIG_FILE_RULES } from "./rules/config-files.ts";
import { DELETE_RULES } from "./rules/deletes.ts";
import { DIRECTIVE_RULES } from "./rules/directives.ts";
import { EXPORTS_RULES } from "./rules/exports.ts";
import { HISTORY_RULES } from "./rules/history.ts";
import { LIVE_RULES } from "./rules/live.ts";
import type { CatalogueEntry, Worded } from "./rules/rule.ts";
import { WORKER_RULES } from "./rules/workers.ts";

export type { CatalogueEntry } from "./rules/rule.ts";

/** Every finding kind's entry, assembled from the rule families (src/core/rules/<family>.ts). */
export const CATALOGUE: Readonly<Record<FindingKind, CatalogueEntry>> = {
  ...CONFIG_FILE_RULES,
  ...DELETE_RULES,
  ...HISTORY_RULES,
  ...CLASS_RULES,
  ...BINDING_RULES,
  ...WORKER_RULES,
  ...CODE_EXPORT_RULES,
  ...DIRECTIVE_RULES,
  ...LIVE_RULES,
  ...EXPORTS_RULES,
} satisfies Record<FindingKind, CatalogueEntry>;

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
  why: string | Worded<{ readonly why: string }>,
  lead = "Not deployed as written",
): Finding {
  if (!concernsDeployedWorker(finding) || finding.severity === "info") return finding;
  const remark = (text: string) =>
    `${lead} (${text}), and this only matters for a Worker that is already deployed.`;
  if (typeof why === "string") return remarked({ ...finding, severity: "info" }, { before: remark(why) });
  // The reason worded with slots (rules/rule.ts `worded`) makes the remark's template.
  const open = why.slotted;
  return remarked(
    { ...finding, severity: "info" },
    {
      before: remark(why.why),
      ...(open
        ? {
            slotted: () => {
              const { wording, inherited } = open();
              return { wording: { before: remark(wording.why) }, inherited };
            },
          }
        : {}),
    },
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
