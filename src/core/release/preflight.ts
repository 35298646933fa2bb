// The preflight of a release: for every Worker, what this run deploys (a normal deploy, phase 1,
// phase 2, or nothing) and whether the platform will accept it, decided before the first write.
// It reuses what is already known rather than re-deriving it: the plan (`planDeploy`: refusals,
// what the API rejects, what is destroyed), the decision of one Worker's run (`decideRun`), and
// the code's export names (src/core/code/worker-exports.ts, read by the caller). Pure.
import type { LiveDoBinding } from "../live/state.ts";
import type { Worker } from "../model.ts";
import { type DeployRun, decideRun, type RequestedPhase } from "../plan/decide.ts";
import type { DeployPlan } from "../plan/deploy-plan.ts";
import { canStandIn } from "../plan/derive-config.ts";
import type { DeployProblem } from "../plan/render-plan.ts";
import type { WorkerPlanBase } from "../plan/worker-plan.ts";
import { finalClasses } from "./order.ts";

/** One selected Worker (a config and an environment), with what the adapters found out. */
export interface ReleaseCandidate extends WorkerPlanBase {
  /** Unique in the release: the account and the Worker name (or the config and env when unknown). */
  readonly key: string;
  /** The config as shown to the user (relative to the working directory). */
  readonly file: string;
  readonly env: string | null;
  readonly name: string | null;
  /** Null when the config could not be loaded (see `problems`). */
  readonly worker: Worker | null;
  /** The Worker's own live Durable Object bindings. */
  readonly liveBindings: readonly LiveDoBinding[];
  /** The live Worker manages its Durable Objects with `exports` (it can never go back). */
  readonly liveUsesExports: boolean;
  /** The entry module's export names; null when they could not be determined. */
  readonly codeExports: ReadonlySet<string> | null;
  /** Problems the adapters met (config, live read, no wrangler): each one blocks the release. */
  readonly problems: readonly DeployProblem[];
}

export interface ReleaseOptions {
  readonly requested: RequestedPhase;
  /** `confirm-data-loss` as given: `worker:Class` pairs (one Worker alone: class names too). */
  readonly confirm: readonly string[];
  /** One Worker selected: its run behaves as the single-Worker deploy always has. */
  readonly single: boolean;
  /** A Worker the live state shows at the head (tag, Durable Object bindings) is not deployed again. */
  readonly skipUnchanged: boolean;
  /**
   * The live classes of Workers outside the release that a release Worker binds through
   * `script_name`, by `${accountId}\u0000${name}`; missing or null when not known.
   */
  readonly outsideClasses?: ReadonlyMap<string, ReadonlySet<string> | null>;
}

export type WorkerStatus =
  /** This run deploys it (`run` says how). */
  | "deploy"
  /** Nothing to deploy: already at the head as far as the live state tells, or the phase landed. */
  | "unchanged"
  /** Its phase 2 waits: for a confirmation, or for another Worker to drop a binding first. */
  | "waiting"
  /** Not part of the phase asked for (`phase: 1` or `2` over many Workers). */
  | "skipped"
  /** Its deploy would fail, or it is refused: nothing of the release deploys. */
  | "blocked"
  /** `phase: plan`. */
  | "planned";

export interface WorkerDecision {
  readonly key: string;
  readonly status: WorkerStatus;
  /** What this run deploys (also shown for `planned`: what `auto` would run). */
  readonly run: DeployRun | null;
  /** One sentence: why this status. */
  readonly reason: string;
  readonly blockers: readonly DeployProblem[];
}

/** Confirmations as `worker:Class` pairs; a bare class name is kept with a null Worker. */
export function parseConfirmation(
  confirm: readonly string[],
): { worker: string | null; className: string }[] {
  return [...new Set(confirm.map((c) => c.trim()).filter(Boolean))].map((c) => {
    const at = c.lastIndexOf(":");
    return at > 0
      ? { worker: c.slice(0, at).trim(), className: c.slice(at + 1).trim() }
      : { worker: null, className: c };
  });
}

/** The classes confirmed for one Worker: its `worker:Class` pairs (and, alone, bare class names). */
function confirmedFor(name: string, confirm: readonly string[], single: boolean): string[] {
  return parseConfirmation(confirm)
    .filter((c) => c.worker === name || (single && c.worker === null))
    .map((c) => c.className);
}

/** The confirmation that names exactly what these plans destroy: `worker:Class,...`. */
export function confirmationFor(plans: readonly DeployPlan[]): string {
  return plans.flatMap((p) => p.doomed.map((c) => `${p.worker}:${c}`)).join(",");
}

/** Each Worker's decision; the caller adds the order and the release-wide blockers. */
export function preflightWorkers(
  candidates: readonly ReleaseCandidate[],
  options: ReleaseOptions,
): WorkerDecision[] {
  const byName = new Map<string, ReleaseCandidate>();
  for (const c of candidates) if (c.name && c.accountId) byName.set(`${c.accountId}\u0000${c.name}`, c);
  return candidates.map((c) => decideWorker(c, options, byName));
}

function decideWorker(
  c: ReleaseCandidate,
  options: ReleaseOptions,
  byName: ReadonlyMap<string, ReleaseCandidate>,
): WorkerDecision {
  const blocked = (blockers: readonly DeployProblem[], reason: string) => ({
    key: c.key,
    status: "blocked" as const,
    run: null,
    reason,
    blockers,
  });
  if (!c.worker || !c.plan || c.problems.length > 0) {
    return blocked(c.problems, "It could not be planned.");
  }
  const { worker, plan } = c;
  // Over many Workers each one's next step is decided as `auto` would; `phase: 1` or `2` then
  // keeps only the deploys of that phase.
  const requested: RequestedPhase = options.single ? options.requested : "auto";
  const decision = decideRun(
    plan,
    worker,
    requested,
    confirmedFor(plan.worker, options.confirm, options.single),
  );
  const result = (status: WorkerStatus, run: DeployRun | null, reason: string): WorkerDecision => {
    if (run === null) return { key: c.key, status, run, reason, blockers: [] };
    const blockers = deployBlockers(c, worker, plan, run, options, byName);
    if (blockers.length > 0) return blocked(blockers, "Its deploy would be rejected.");
    const planned = options.requested === "plan";
    return { key: c.key, status: planned ? "planned" : status, run, reason, blockers: [] };
  };

  if (options.single) {
    if (decision.kind === "plan") {
      const run: DeployRun | null = plan.next === "1" || plan.next === "2" ? plan.next : "normal";
      const blockers = [...plan.refusals, ...deployBlockers(c, worker, plan, run, options, byName)];
      return { key: c.key, status: "planned", run, reason: "Plan only.", blockers };
    }
    if (decision.kind === "refuse") return blocked(decision.refusals, "Refused.");
    if (decision.kind === "skip") return result("unchanged", null, decision.message);
    return result("deploy", decision.run, runReason(decision.run, plan));
  }

  if (decision.kind === "skip") return result("unchanged", null, decision.message);
  if (decision.kind === "refuse") {
    const reasons = new Set(decision.refusals.map((r) => r.reason));
    if (reasons.has("confirmation-missing") && decision.refusals.length === 1) {
      return result(
        "waiting",
        null,
        `Phase 2 waits for confirm-data-loss naming exactly: ${confirmationFor([plan])}.`,
      );
    }
    if ([...reasons].every((r) => r === "other-worker-binds")) {
      const holders = plan.blockingBindings.filter((b) => b.worker !== plan.worker);
      const dropped = holders.filter((h) => dropsInRelease(h.worker, plan.worker, h.className, c, byName));
      const confirmed = confirmedFor(plan.worker, options.confirm, false).length > 0;
      if (dropped.length < holders.length && !confirmed) {
        const left = holders.filter((h) => !dropped.includes(h));
        return result(
          "waiting",
          null,
          `Phase 2 waits: ${left.map((h) => `${h.worker} still binds ${h.className} (binding ${h.binding})`).join("; ")}. Deploy ${[...new Set(left.map((h) => h.worker))].join(", ")} without ${left.length === 1 ? "that binding" : "those bindings"} first.`,
        );
      }
      if (dropped.length === holders.length) {
        return result(
          "waiting",
          null,
          `Phase 2 waits until ${[...new Set(holders.map((h) => h.worker))].join(", ")} ${holders.length === 1 ? "drops its binding" : "drop their bindings"} (this run deploys ${holders.length === 1 ? "it" : "them"}); run the release again with the confirmation.`,
        );
      }
    }
    if (
      [...reasons].every((r) =>
        ["phase-1-not-needed", "nothing-to-destroy", "phase-1-not-landed"].includes(r),
      )
    ) {
      return result("skipped", null, decision.refusals.map((r) => r.message).join(" "));
    }
    const exact = `Re-run with confirm-data-loss naming exactly: ${confirmationFor([plan])}`;
    const refusals = decision.refusals.map((r) =>
      r.reason === "confirmation-mismatch" || r.reason === "confirmation-missing" ? { ...r, fix: exact } : r,
    );
    return blocked(refusals, "Refused.");
  }
  if (decision.kind !== "deploy") return result("skipped", null, "Plan only.");
  const run = decision.run;
  if (options.requested === "1" && run === "2")
    return result("skipped", null, "Phase 2 is not part of phase 1.");
  if (options.requested === "2" && run === "1") {
    return result("skipped", null, "Phase 1 has not landed yet: run phase 1 (or auto) first.");
  }
  if (run === "normal") {
    if (options.requested === "1" && !dropsBindingToDoomed(c, byName)) {
      return result(
        "skipped",
        null,
        "No phase 1 to run: phase 1 runs only deploys that remove bindings to doomed classes.",
      );
    }
    if (options.requested === "2") return result("skipped", null, "No phase 2 to run here.");
    if (options.skipUnchanged && atHead(c, worker, plan)) {
      return result(
        "unchanged",
        null,
        "The live Worker is at the head as far as the live state tells (migration tag and Durable Object bindings); skip-unchanged is set.",
      );
    }
  }
  return result("deploy", run, runReason(run, plan));
}

function runReason(run: DeployRun, plan: DeployPlan): string {
  if (run === "1") return `Phase 1: the bindings to ${plan.doomed.join(", ")} go, the delete is held back.`;
  if (run === "2") return `Phase 2: destroys ${plan.doomed.join(", ")}.`;
  if (!plan.deployed) return "A first deploy.";
  return plan.pendingTags.length > 0 ? `Applies ${plan.pendingTags.join(", ")}.` : "A normal deploy.";
}

/** Whether `holder` is in the release and its deploy in this run drops its binding to owner:className. */
function dropsInRelease(
  holder: string,
  owner: string,
  className: string,
  c: ReleaseCandidate,
  byName: ReadonlyMap<string, ReleaseCandidate>,
): boolean {
  const h = byName.get(`${c.accountId}\u0000${holder}`);
  if (!h?.worker || h.problems.length > 0) return false;
  return !h.worker.bindings.some((b) => b.scriptName === owner && b.className === className);
}

/** The Worker holds a live binding to a class another Worker of the release destroys, and its config drops it. */
function dropsBindingToDoomed(c: ReleaseCandidate, byName: ReadonlyMap<string, ReleaseCandidate>): boolean {
  return c.liveBindings.some((b) => {
    if (b.scriptName === null || b.scriptName === c.name) return false;
    const owner = byName.get(`${c.accountId}\u0000${b.scriptName}`);
    return (
      (owner?.plan?.doomed.includes(b.className) ?? false) &&
      !(c.worker?.bindings.some((x) => x.scriptName === b.scriptName && x.className === b.className) ?? true)
    );
  });
}

/** What the live state can tell: the migration tag is the config's last and the Durable Object bindings match. */
export function atHead(c: ReleaseCandidate, worker: Worker, plan: DeployPlan): boolean {
  if (!plan.deployed) return false;
  const lifecycleAtHead =
    plan.model === "none" ||
    (plan.model === "migrations" && plan.sendKind === "nothing" && plan.next === "none");
  if (!lifecycleAtHead) return false;
  const key = (name: string, className: string, script: string | null) =>
    `${name}\u0000${className}\u0000${script === null || script === worker.name ? "" : script}`;
  const live = new Set(c.liveBindings.map((b) => key(b.name, b.className, b.scriptName)));
  const config = new Set(worker.bindings.map((b) => key(b.name, b.className, b.scriptName)));
  return live.size === config.size && [...live].every((k) => config.has(k));
}

/**
 * What makes this Worker's deploy fail for certain, beyond the plan's own refusals: the code
 * does not export a class that must be (10064, 10070), a binding to another Worker's class that
 * will not exist (10061), an `exports` storage change (100402) or a return to `migrations`
 * (100403), a step the API rejects (10074).
 */
function deployBlockers(
  c: ReleaseCandidate,
  worker: Worker,
  plan: DeployPlan,
  run: DeployRun,
  options: Pick<ReleaseOptions, "outsideClasses">,
  byName: ReadonlyMap<string, ReleaseCandidate>,
): DeployProblem[] {
  const out: DeployProblem[] = [];
  const name = plan.worker;
  const label = `${name}${worker.env === null ? "" : ` (env ${worker.env})`}`;
  if (plan.rejected) {
    const r = plan.rejected;
    out.push({
      message:
        r.reason === "delete-first-deploy"
          ? `${label} is not deployed yet: its first deploy replays every migration, and the delete of ${r.className} in ${r.tag} cannot apply to a class it never had (code 10074).`
          : `The next deploy of ${label} creates ${r.className} in ${r.tag}, which already exists live (code 10074).`,
      fix:
        r.reason === "delete-first-deploy"
          ? `Drop the create and delete of ${r.className} from the history of a Worker that never had it (a new env: give it its own migrations), then re-run.`
          : "Restore the migration history the live Worker was deployed with, then re-run.",
    });
  }
  if (plan.model === "migrations" && c.liveUsesExports) {
    out.push({
      message: `${label} is deployed with \`exports\`; the API refuses to go back to \`migrations\` (code 100403).`,
      fix: "Keep the `exports` map in the config.",
    });
  }
  // Storage never changes in place: with `exports` the API rejects the map (100402).
  if (worker.lifecycle.model === "exports" && c.live?.provisioned) {
    for (const e of worker.lifecycle.entries) {
      const liveStorage = c.live.provisioned.get(e.className);
      if (e.state === "created" && e.storage && liveStorage && liveStorage !== e.storage) {
        out.push({
          message: `${e.className} has ${liveStorage === "kv" ? "key-value" : "SQLite"} storage in the live ${label}, but its \`exports\` entry says ${e.storage === "kv" ? "legacy-kv" : "sqlite"}: the API rejects a storage change (code 100402).`,
          fix: `Declare ${e.className} with "storage": "${liveStorage === "kv" ? "legacy-kv" : "sqlite"}", its live storage.`,
        });
      }
    }
  }
  // The code's exports: every class the deployed version keeps or creates.
  if (c.codeExports) {
    const exported = c.codeExports;
    const live = c.live?.provisioned ?? new Map();
    const doomed = new Set(plan.doomed);
    const required = new Set(
      run === "1" ? plan.phase1Classes.filter((x) => !(doomed.has(x) && canStandIn(x))) : [],
    );
    for (const x of finalClasses(worker)) required.add(x);
    const exportsModel = worker.lifecycle.model === "exports";
    // With `exports` a tombstone applies only once the code no longer exports the class.
    if (exportsModel && run !== "1") {
      for (const x of plan.doomed.filter((d) => exported.has(d))) {
        out.push({
          message: `${label}'s code still exports ${x}, which its \`exports\` marks "deleted": the API refuses the tombstone (code 100402, tombstone_delete_class_still_in_code).`,
          fix: `Remove class ${x} (and its re-exports) from ${worker.main ?? "the entry module"} and re-run: with \`exports\` the class leaves the code in the same deploy as its tombstone.`,
        });
      }
    }
    for (const x of [...required].sort()) {
      if (exported.has(x)) continue;
      const hasObjects = live.has(x) || (plan.deployed && run === "1" && plan.phase1Classes.includes(x));
      out.push(
        exportsModel
          ? {
              message: `${label}'s \`exports\` declares ${x} live but its code does not export it: the API refuses the deploy (code 100402, config_export_not_in_code).`,
              fix: `Export class ${x} from ${worker.main ?? "the entry module"}${hasObjects ? `; if its data should go, mark it "state": "deleted" instead and confirm the data loss` : ", or drop its entry"}.`,
            }
          : hasObjects
            ? {
                message: `${label}'s code does not export ${x}, which has Durable Objects: the API rejects the version (code 10064).`,
                fix: `Keep exporting ${x} (a stub class is enough) until a delete migration has applied; to destroy its data, delete it through the two-phase deploy.`,
              }
            : {
                message: `${label}'s config creates ${x} but its code does not export it: the API rejects the migration (code 10070).`,
                fix: `Export class ${x} from ${worker.main ?? "the entry module"}, or drop it from the config.`,
              },
      );
    }
  }
  // Bindings to other Workers' classes must point at a class that exists when this deploys.
  for (const b of worker.bindings) {
    if (b.scriptName === null || b.scriptName === name || b.environment !== null) continue;
    const owner = byName.get(`${c.accountId}\u0000${b.scriptName}`);
    if (owner?.worker && owner.plan) {
      if (owner.plan.doomed.includes(b.className)) {
        out.push({
          message: `${label} binds ${b.scriptName}:${b.className} (binding ${b.name}), which ${b.scriptName} deletes in this release: the delete is rejected while the binding is live (code 10061).`,
          fix: `Remove binding ${b.name} from ${label}'s config, or keep ${b.className} in ${b.scriptName}.`,
        });
      } else if (!finalClasses(owner.worker).has(b.className)) {
        out.push(missingClass(label, b.name, b.scriptName, b.className));
      }
      continue;
    }
    const classes = options.outsideClasses?.get(`${c.accountId}\u0000${b.scriptName}`);
    if (classes && !classes.has(b.className))
      out.push(missingClass(label, b.name, b.scriptName, b.className));
  }
  return out;
}

function missingClass(label: string, binding: string, owner: string, className: string): DeployProblem {
  return {
    message: `${label} binds ${owner}:${className} (binding ${binding}), but ${owner} has no such Durable Object class live, and its config does not create it: the API rejects the binding (code 10061).`,
    fix: `Create ${className} in ${owner} (a migration, or an \`exports\` entry) and deploy it first, or fix the binding's class_name / script_name.`,
  };
}
