// What a release run did, Worker by Worker, as plain data; its job summary (Markdown), its text
// (CLI, log) and its JSON (the action's `workers` output). Pure: everything comes in as data.
import { type DeployRun, nextPhaseOutput, type RequestedPhase } from "../plan/decide.ts";
import type { DeployPlan } from "../plan/deploy-plan.ts";
import { plannedFromPlan } from "../plan/live-plan.ts";
import type { DeployProblem } from "../plan/render-plan.ts";
import { code } from "../render/markdown-text.ts";
import { renderPlanMarkdown, renderPlanText } from "../render/plan-table.ts";
import type { OrderEdge } from "./order.ts";

export type WorkerRunStatus =
  | "deployed"
  | "unchanged"
  | "blocked"
  | "failed"
  | "waiting"
  | "skipped"
  | "planned"
  | "not-started";

export interface WorkerReport {
  readonly key: string;
  /** The config, relative to the working directory. */
  readonly file: string;
  readonly env: string | null;
  readonly name: string | null;
  readonly status: WorkerRunStatus;
  /** What this run deployed or tried to (or, planned, what it would run). */
  readonly ran: DeployRun | null;
  /** The deploy finished (wrangler reported it). */
  readonly deployedOk: boolean;
  readonly plan: DeployPlan | null;
  /** Planned again from the live state read after the run, when it was read. */
  readonly after: { readonly liveTag: string | null; readonly plan: DeployPlan } | null;
  /** One sentence: what happened to this Worker. */
  readonly headline: string;
  readonly problems: readonly DeployProblem[];
  readonly standIns: readonly string[];
  /** The Workers it waited for (names). */
  readonly waitsFor: readonly string[];
}

export interface ReleaseReport {
  readonly requested: RequestedPhase;
  readonly ok: boolean;
  readonly headline: string;
  /** In the order they deploy (the deploying ones first, in order), then the others. */
  readonly workers: readonly WorkerReport[];
  readonly edges: readonly OrderEdge[];
  /** What stops the release as a whole. */
  readonly blockers: readonly DeployProblem[];
  /** The confirmation the pending phase 2s need (`worker:Class,...`), or "". */
  readonly confirmation: string;
  /** What to run next, one line each. */
  readonly next: readonly string[];
  readonly notes: readonly string[];
}

/** One Worker's `phase`, `next-phase`, `migration-tag` and `deleted-classes`, as the outputs define them. */
export function workerOutputs(w: WorkerReport): {
  phase: "1" | "2" | "none";
  nextPhase: "1" | "2" | "none";
  migrationTag: string | null;
  deletedClasses: { worker: string; env: string | null; class: string }[];
} {
  const plan = w.plan;
  const nextPhase = w.after
    ? nextPhaseOutput(w.after.plan)
    : w.deployedOk && w.ran === "1"
      ? "2"
      : w.deployedOk
        ? "none"
        : plan
          ? nextPhaseOutput(plan)
          : "none";
  const destroyed = plan
    ? w.deployedOk && w.ran === "2"
      ? plan.doomed
      : (w.after?.plan ?? plan).doomed
    : [];
  return {
    phase: w.deployedOk && (w.ran === "1" || w.ran === "2") ? w.ran : "none",
    nextPhase,
    migrationTag: w.after ? w.after.liveTag : (plan?.liveTag ?? null),
    deletedClasses: destroyed.map((c) => ({ worker: plan?.worker ?? "", env: plan?.env ?? null, class: c })),
  };
}

/** The release's outputs: the per-Worker JSON, and the aggregated single-value outputs. */
export function releaseOutputs(report: ReleaseReport): {
  phase: "1" | "2" | "none";
  nextPhase: "1" | "2" | "none";
  deletedClasses: { worker: string; env: string | null; class: string }[];
  workers: object[];
} {
  const per = report.workers.map((w) => ({ w, o: workerOutputs(w) }));
  const phases = new Set(per.map(({ o }) => o.phase));
  const next = new Set(per.map(({ o }) => o.nextPhase));
  return {
    phase: phases.has("2") ? "2" : phases.has("1") ? "1" : "none",
    nextPhase: next.has("1") ? "1" : next.has("2") ? "2" : "none",
    deletedClasses: per.flatMap(({ o }) => o.deletedClasses),
    workers: per.map(({ w, o }) => ({
      config: w.file,
      env: w.env,
      worker: w.name,
      status: w.status,
      ran: w.ran,
      phase: o.phase,
      nextPhase: o.nextPhase,
      migrationTag: o.migrationTag,
      deletedClasses: o.deletedClasses.map((d) => d.class),
      waitsFor: w.waitsFor,
      headline: w.headline,
      problems: w.problems,
    })),
  };
}

const STATUS_LABEL: Record<WorkerRunStatus, string> = {
  deployed: ":white_check_mark: deployed",
  unchanged: ":heavy_minus_sign: unchanged",
  blocked: ":no_entry: blocked",
  failed: ":x: failed",
  waiting: ":hourglass: waiting for phase 2",
  skipped: ":heavy_minus_sign: skipped",
  planned: ":information_source: planned",
  "not-started": ":pause_button: not started",
};

const TEXT_STATUS: Record<WorkerRunStatus, string> = {
  deployed: "deployed",
  unchanged: "unchanged",
  blocked: "BLOCKED",
  failed: "FAILED",
  waiting: "waiting for phase 2",
  skipped: "skipped",
  planned: "planned",
  "not-started": "not started",
};

const RUN_LABEL: Record<DeployRun, string> = {
  "1": "phase 1",
  "2": "phase 2 (the delete)",
  normal: "a normal deploy",
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

function who(w: WorkerReport): string {
  return `${w.name ?? w.file}${w.env === null ? "" : ` (env ${w.env})`}`;
}

function nextOf(w: WorkerReport): string {
  const next = (w.after?.plan ?? w.plan)?.next;
  if (w.status === "failed" || w.status === "not-started") return "re-run";
  if (next === "1") return "phase 1";
  if (next === "2") return "phase 2";
  if (next === "deploy") return w.deployedOk ? "nothing pending" : "a normal deploy";
  return "nothing pending";
}

export function renderReleaseMarkdown(report: ReleaseReport): string {
  const lines: string[] = [];
  lines.push(`### Durable Object release: ${report.workers.length} Workers`, "");
  const icon = report.ok
    ? report.requested === "plan"
      ? ":information_source:"
      : ":white_check_mark:"
    : ":x:";
  lines.push(`${icon} **${cell(report.headline)}**`, "");
  const plans = report.workers.flatMap((w) => (w.plan ? [plannedFromPlan(w.plan, w.file)] : []));
  if (plans.length > 0) lines.push(renderPlanMarkdown(plans, { heading: "Plan", level: 4 }), "");
  lines.push(
    "#### Workers",
    "",
    "| # | Worker | Config | Status | This run | Next |",
    "|---|---|---|---|---|---|",
  );
  report.workers.forEach((w, i) => {
    lines.push(
      `| ${i + 1} | ${code(who(w))} | ${code(w.file)} | ${STATUS_LABEL[w.status]} | ${w.ran ? RUN_LABEL[w.ran] : "nothing"} | ${nextOf(w)} |`,
    );
  });
  lines.push("");
  if (report.edges.length > 0) {
    lines.push("#### Order", "", ...report.edges.map((e) => `- ${cell(e.why)}`), "");
  }
  if (report.confirmation) {
    lines.push(
      "> [!CAUTION]",
      `> Phase 2 destroys every object of ${report.confirmation
        .split(",")
        .map((p) => code(p))
        .join(
          ", ",
        )}, with all their storage, irreversibly. To run it, set \`confirm-data-loss\` to exactly: ${code(report.confirmation)}`,
      "",
    );
  }
  const problems = [
    ...report.blockers.map((p) => ({ who: "release", p })),
    ...report.workers.flatMap((w) => w.problems.map((p) => ({ who: who(w), p }))),
  ];
  if (problems.length > 0) {
    lines.push(`#### ${report.ok ? "Problems" : "What stops the release"}`, "");
    for (const { who: name, p } of problems)
      lines.push(`- **${cell(name)}**: ${cell(p.message)}`, `  **Fix:** ${cell(p.fix)}`);
    lines.push("");
  }
  const details = report.workers.filter((w) => w.headline);
  if (details.length > 0) {
    lines.push("#### Each Worker", "", ...details.map((w) => `- ${code(who(w))}: ${cell(w.headline)}`), "");
  }
  if (report.next.length > 0) lines.push("#### Next", "", ...report.next.map((n) => `- ${cell(n)}`), "");
  if (report.notes.length > 0) lines.push("#### Notes", "", ...report.notes.map((n) => `- ${cell(n)}`), "");
  return `${lines.join("\n")}\n`;
}

export function renderReleaseText(report: ReleaseReport): string {
  const lines: string[] = [];
  lines.push(`Durable Object release: ${report.workers.length} Workers`, `  ${report.headline}`);
  const plans = report.workers.flatMap((w) => (w.plan ? [plannedFromPlan(w.plan, w.file)] : []));
  for (const line of renderPlanText(plans)) lines.push(`  ${line}`);
  report.workers.forEach((w, i) => {
    lines.push(
      `  ${i + 1}. ${who(w)} [${w.file}]: ${TEXT_STATUS[w.status]}${w.ran ? `, ${RUN_LABEL[w.ran]}` : ""}; next: ${nextOf(w)}`,
    );
    if (w.headline) lines.push(`     ${w.headline}`);
    for (const p of w.problems) lines.push(`     ${p.message}`, `       fix: ${p.fix}`);
  });
  for (const e of report.edges) lines.push(`  order: ${e.why}`);
  for (const p of report.blockers) lines.push(`  ${p.message}`, `    fix: ${p.fix}`);
  if (report.confirmation) {
    lines.push(
      `  Phase 2 destroys every object of ${report.confirmation}, irreversibly. To run it, confirm exactly: ${report.confirmation}`,
    );
  }
  for (const n of report.next) lines.push(`  next: ${n}`);
  for (const n of report.notes) lines.push(`  note: ${n}`);
  return `${lines.join("\n")}\n`;
}
