// The two-phase deploy's plan and outcome as Markdown (job summary) and plain text (CLI, log).
// Pure: everything it shows comes in as data.
import type { LiveBindingRef } from "../live/state.ts";
import { cell, code } from "../render/markdown-text.ts";
import { renderPlanMarkdown, renderPlanText } from "../render/plan-table.ts";
import type { DeployRun, RequestedPhase } from "./decide.ts";
import type { DeployPlan, NextStep } from "./deploy-plan.ts";
import { plannedFromPlan } from "./live-plan.ts";

export type RunOutcome = "planned" | "deployed" | "skipped" | "refused" | "failed";

export interface DeployProblem {
  readonly message: string;
  readonly fix: string;
}

export interface DeployRunReport {
  readonly configFile: string;
  readonly requested: RequestedPhase;
  readonly plan: DeployPlan;
  readonly outcome: RunOutcome;
  /** What was deployed (or attempted), if anything. */
  readonly ran: DeployRun | null;
  /** One sentence: what happened. */
  readonly headline: string;
  /** Refusals, or the failure with its fix. */
  readonly problems: readonly DeployProblem[];
  /** Classes phase 1 supplied a stand-in export for (the code no longer exports them). */
  readonly standIns: readonly string[];
  /** Live state re-read after a deploy, when it could be read. */
  readonly after: {
    readonly liveTag: string | null;
    readonly next: NextStep;
    readonly blockingBindings: readonly LiveBindingRef[];
  } | null;
  readonly notes: readonly string[];
}

const RUN_LABEL: Record<DeployRun, string> = {
  "1": "phase 1 (bindings removed, delete held back)",
  "2": "phase 2 (the delete)",
  normal: "a normal deploy",
};

const NEXT_LABEL: Record<NextStep, string> = {
  none: "nothing pending",
  deploy: "a normal deploy",
  "1": "phase 1",
  "2": "phase 2",
};

function envText(env: string | null): string {
  return env === null ? "top level" : `env ${env}`;
}

function tagText(tag: string | null): string {
  return tag === null ? "none" : tag;
}

/** The live bindings to the doomed classes: now (after a deploy) when known, else as planned. */
function bindingsText(report: DeployRunReport): string {
  const bindings = report.after?.blockingBindings ?? report.plan.blockingBindings;
  if (bindings.length === 0) return "none";
  return bindings.map((b) => `${b.worker}: ${b.binding} -> ${b.className}`).join("; ");
}

function confirmationLine(plan: DeployPlan): string {
  return plan.doomed.join(",");
}

export function renderDeployMarkdown(report: DeployRunReport): string {
  const { plan } = report;
  const lines: string[] = [];
  lines.push(`### Durable Object deploy: ${code(plan.worker)} (${envText(plan.env)})`, "");
  const icon =
    report.outcome === "failed" || report.outcome === "refused"
      ? ":x:"
      : report.outcome === "deployed"
        ? ":white_check_mark:"
        : ":information_source:";
  lines.push(`${icon} **${cell(report.headline)}**`, "");
  // The same plan table as the pull request's live plan: one reading, one plan, one rendering.
  lines.push(
    renderPlanMarkdown([plannedFromPlan(plan, report.configFile)], { heading: "Plan", level: 4 }),
    "",
  );
  const rows: [string, string][] = [
    ["Config", code(report.configFile)],
    ["Phase asked for", code(report.requested)],
    ["Lifecycle model", plan.model],
    [
      "Live migration tag",
      report.after && report.after.liveTag !== plan.liveTag
        ? `${code(tagText(plan.liveTag))} → ${code(tagText(report.after.liveTag))}`
        : code(tagText(report.after?.liveTag ?? plan.liveTag)),
    ],
  ];
  if (plan.model === "migrations") {
    rows.push(["Config ends at", code(tagText(plan.targetTag))]);
    rows.push([
      "Pending migrations",
      plan.pendingTags.length ? plan.pendingTags.map(code).join(", ") : "none",
    ]);
  }
  rows.push([
    "Destroys (all objects and storage)",
    plan.doomed.length ? plan.doomed.map((c) => `**${code(c)}**`).join(", ") : "nothing",
  ]);
  if (plan.doomed.length) rows.push(["Live bindings to them", cell(bindingsText(report))]);
  if (report.ran) rows.push(["Ran", RUN_LABEL[report.ran]]);
  rows.push(["Next", NEXT_LABEL[report.after?.next ?? plan.next]]);
  lines.push("| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`), "");

  if (report.standIns.length > 0) {
    lines.push(
      "> [!NOTE]",
      `> Phase 1 supplied a minimal stand-in export for ${report.standIns.map(code).join(", ")}: the code no longer exports ${report.standIns.length === 1 ? "it" : "them"}, and Cloudflare refuses a version that drops a class with live objects (code 10064) until the delete has applied. The stand-in was a temporary file, removed after the deploy.`,
      "",
    );
  }
  const next = report.after?.next ?? plan.next;
  if (next === "2" && plan.doomed.length > 0) {
    lines.push(
      "> [!CAUTION]",
      `> Phase 2 destroys every object of ${plan.doomed.map(code).join(", ")} in ${code(plan.worker)}, with all their storage, irreversibly. To run it, set \`confirm-data-loss\` to exactly: ${code(confirmationLine(plan))}`,
      "",
    );
  }
  if (report.problems.length > 0) {
    const heading =
      report.outcome === "failed"
        ? "What went wrong"
        : report.outcome === "planned"
          ? "What stops the deploy"
          : "Why nothing was deployed";
    lines.push(`#### ${heading}`, "");
    for (const p of report.problems) lines.push(`- ${cell(p.message)}`, `  **Fix:** ${cell(p.fix)}`);
    lines.push("");
  }
  if (report.notes.length > 0) {
    lines.push("#### Notes", "", ...report.notes.map((n) => `- ${cell(n)}`), "");
  }
  return `${lines.join("\n")}\n`;
}

export function renderDeployText(report: DeployRunReport): string {
  const { plan } = report;
  const lines: string[] = [];
  lines.push(`Durable Object deploy: ${plan.worker} (${envText(plan.env)}), config ${report.configFile}`);
  lines.push(`  ${report.headline}`);
  for (const line of renderPlanText([plannedFromPlan(plan, report.configFile)])) lines.push(`  ${line}`);
  const liveTag =
    report.after && report.after.liveTag !== plan.liveTag
      ? `${tagText(plan.liveTag)} -> ${tagText(report.after.liveTag)}`
      : tagText(report.after?.liveTag ?? plan.liveTag);
  lines.push(`  phase asked for:    ${report.requested}`);
  lines.push(`  lifecycle model:    ${plan.model}`);
  lines.push(`  live migration tag: ${liveTag}`);
  if (plan.model === "migrations") {
    lines.push(`  config ends at:     ${tagText(plan.targetTag)}`);
    lines.push(`  pending migrations: ${plan.pendingTags.length ? plan.pendingTags.join(", ") : "none"}`);
  }
  lines.push(`  destroys:           ${plan.doomed.length ? plan.doomed.join(", ") : "nothing"}`);
  if (plan.doomed.length) lines.push(`  live bindings:      ${bindingsText(report)}`);
  if (report.ran) lines.push(`  ran:                ${RUN_LABEL[report.ran]}`);
  lines.push(`  next:               ${NEXT_LABEL[report.after?.next ?? plan.next]}`);
  if (report.standIns.length > 0) {
    lines.push(
      `  stand-in export supplied for ${report.standIns.join(", ")} (the code no longer exports ${report.standIns.length === 1 ? "it" : "them"}).`,
    );
  }
  const next = report.after?.next ?? plan.next;
  if (next === "2" && plan.doomed.length > 0) {
    lines.push(
      `  Phase 2 destroys every object of ${plan.doomed.join(", ")}, irreversibly. To run it, confirm exactly: ${confirmationLine(plan)}`,
    );
  }
  for (const p of report.problems) lines.push(`  ${p.message}`, `    fix: ${p.fix}`);
  for (const n of report.notes) lines.push(`  note: ${n}`);
  return `${lines.join("\n")}\n`;
}
