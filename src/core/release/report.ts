// What a release run did, Worker by Worker, as plain data; its job summary (Markdown), its text
// (CLI, log) and its JSON (the action's `workers` output). Pure: everything comes in as data.
import { type DeployRun, nextPhaseOutput, type RequestedPhase } from "../plan/decide.ts";
import type { DeployPlan } from "../plan/deploy-plan.ts";
import { plannedFromPlan } from "../plan/live-plan.ts";
import type { DeployProblem } from "../plan/render-plan.ts";
import { cell, code } from "../render/markdown-text.ts";
import { renderPlanMarkdown, renderPlanText } from "../render/plan-table.ts";
import type { OrderEdge } from "./order.ts";
import { confirmationFor } from "./preflight.ts";
import type { ReleasePlan } from "./release-plan.ts";

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

/**
 * The release's report from its plan and what each Worker's run did: the headline, the exact
 * confirmation the pending phase 2s need (from the live state read after the run, when it was),
 * and what to run next.
 */
export function summarizeRelease(input: {
  readonly requested: RequestedPhase;
  readonly plan: ReleasePlan;
  /** Each Worker, with the notes of its run. */
  readonly workers: readonly (WorkerReport & { readonly notes: readonly string[] })[];
  readonly accounts: number;
  readonly requests: number;
  /** The run was allowed to deploy (nothing blocked, not a plan). */
  readonly mayDeploy: boolean;
}): ReleaseReport {
  const { plan, workers, mayDeploy } = input;
  const count = (status: WorkerRunStatus) => workers.filter((w) => w.status === status).length;
  const failed = workers.find((w) => w.status === "failed");
  const blocked = !plan.ok || workers.some((w) => w.status === "blocked");
  const planned = input.requested === "plan";
  const ok = !blocked && !failed && count("not-started") === 0;
  const names = (list: readonly WorkerReport[]) => list.map((w) => w.name ?? w.file).join(", ");
  let headline: string;
  if (blocked && !planned) {
    const n = workers.filter((w) => w.problems.length > 0).length + (plan.blockers.length > 0 ? 1 : 0);
    headline = `Preflight refused the release: nothing was deployed (${n} ${n === 1 ? "blocker" : "blockers"} below).`;
  } else if (planned) {
    const order = workers.filter((w) => w.status === "planned" && w.ran);
    headline = `Plan only: nothing was deployed.${blocked ? " The release would be refused (blockers below)." : ""}${order.length ? ` In order, this release deploys: ${names(order)}.` : ""}`;
  } else if (failed) {
    const before = workers.filter((w) => w.status === "deployed");
    headline = `${failed.name ?? failed.file} failed${before.length ? ` after ${names(before)} deployed` : ""}; ${count("not-started")} not started. Re-run to continue from the live state.`;
  } else {
    const parts = [`${count("deployed")} deployed`];
    if (count("unchanged")) parts.push(`${count("unchanged")} unchanged`);
    if (count("waiting")) parts.push(`${count("waiting")} waiting for phase 2`);
    if (count("skipped")) parts.push(`${count("skipped")} skipped`);
    headline = `Release done: ${parts.join(", ")}.`;
  }
  // What the pending phase 2s need: from the live state after the run when it was read.
  const pending = workers.flatMap((w) => {
    const p = w.after?.plan ?? w.plan;
    return p && p.next === "2" && p.doomed.length > 0 ? [p] : [];
  });
  const confirmation = mayDeploy || planned ? confirmationFor(pending) : plan.confirmation;
  const next: string[] = [];
  if (planned) {
    next.push(
      blocked
        ? "Fix the blockers, then run with phase auto."
        : "Run with phase auto: it deploys the Workers in this order.",
    );
  }
  if (blocked && !planned)
    next.push("Fix the blockers and re-run: nothing was deployed, so the release starts again from the top.");
  if (failed || count("not-started") > 0) {
    next.push(
      "Re-run with the same inputs: the release plans again from the live state and continues (phases that landed are not run again).",
    );
  }
  if (confirmation) {
    next.push(
      `Phase 2: run again with confirm-data-loss set to exactly ${confirmation} (from the protected environment): it destroys those classes' objects.`,
    );
  }
  if (!planned && workers.some((w) => (w.after?.plan ?? w.plan)?.next === "1")) {
    next.push("Run the release again: some Workers still need phase 1.");
  }
  const notes = [...new Set(workers.flatMap((w) => w.notes))];
  notes.push(
    `Live state: ${input.accounts} ${input.accounts === 1 ? "account" : "accounts"} read, ${input.requests} Cloudflare API requests.`,
  );
  return {
    requested: input.requested,
    ok: planned ? !blocked : ok,
    headline,
    workers,
    edges: plan.edges.filter((e) => plan.order.includes(e.before) && plan.order.includes(e.after)),
    blockers: plan.blockers,
    confirmation,
    next,
    notes,
  };
}
