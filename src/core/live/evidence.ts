// What the live state changes in a report: the static findings say what the config does to a
// Worker deployed at the base revision's tag; the live plan says what the next deploy does to the
// Worker as it is. Each rule below reads the plan of one Worker (src/core/plan/live-plan.ts):
//  - data loss gets its blast radius (the objects counted); a delete of a class that has no live
//    namespace destroys nothing and is no longer data loss;
//  - a Worker that does not exist: findings that only matter for a deployed Worker become info
//    (its first deploy replays the whole history); a first deploy the API rejects is an error;
//  - a Worker renamed onto a name the account already has: the deploy replaces that Worker;
//  - a delete in a step the live Worker has run already does not apply there;
//  - a live tag the branch's history lacks: an error saying what wrangler will do;
//  - steps (and tombstones) already on the base branch but not deployed ship with the next
//    deploy: listed with their own severity, data loss included;
//  - an edited or removed step is settled by the live tag (run already, or not reached yet);
//  - a delete-still-bound finding is settled by the live bindings (not when the Worker's name
//    changes: the live bindings are another Worker's then);
//  - a live binding in another Worker to a class the next deploy deletes (10061);
//  - live storage that differs from the config's; a live namespace the config does not know
//    (counted: with objects, a deploy that leaves it out is rejected);
//  - a Worker this change removes: is it deployed at all, in the account it was deployed to?
// Pure: plain data in, a new report out. Nothing here reads the network.
import { buildReport } from "../analyze/analyze.ts";
import { workerEntryPath } from "../analyze/code-exports.ts";
import { storageName } from "../analyze/compare-worker.ts";
import { CATALOGUE, concernsDeployedWorker, forUndeployedWorker, isConfigDelete } from "../catalogue.ts";
import type { WorkerExports } from "../code/worker-exports.ts";
import { placeDraft, q } from "../diagnostics.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { Finding, FindingKind, LifecycleOp, LifecycleStep, Report, Severity, Worker } from "../model.ts";
import type { PlannedDestruction } from "../plan/deploy-plan.ts";
import {
  accountLabel,
  accountOf,
  existsIn,
  type LiveInput,
  plannedWorker,
  type RemovedWorker,
  type WorkerPlan,
} from "../plan/live-plan.ts";
import { objectsText } from "../text/objects.ts";
import type { LiveAccount, LiveNamespace, ObjectCount } from "./state.ts";

export interface LiveEvidence {
  readonly plans: readonly WorkerPlan[];
  readonly live: LiveInput;
  /** Every Worker name the repository defines (to tell a binding from outside it). */
  readonly repositoryWorkers: ReadonlySet<string>;
  /** The Workers this change removes, with the account each was deployed to. */
  readonly removed?: readonly RemovedWorker[];
  /** The export names of the planned Workers' entry modules, by entry path (when read). */
  readonly codeExports?: ReadonlyMap<string, WorkerExports>;
}

const DESTROYING = { has: isConfigDelete };

export function applyLiveEvidence(report: Report, evidence: LiveEvidence): Report {
  let findings = [...report.findings];
  const added: Finding[] = [];
  const targetKey = (file: string, env: string | null) => `${file}\u0000${env ?? ""}`;
  const targeted = new Set(evidence.plans.map((p) => targetKey(p.target.file, p.target.env)));

  for (const p of evidence.plans) {
    if (p.status !== "read" || !p.plan || !p.live || p.target.name === null) continue;
    const t = p.target;
    const name = t.name as string;
    const plan = p.plan;
    const live = p.live;
    const account = accountLabel(p.accountId);
    // The name changes: the live state read is the new name's, another Worker than the base's.
    const renamed = t.base !== null && t.base.name !== null && t.base.name !== name;
    const mine = (f: Finding) => f.file === t.file && f.env === t.env;
    const steps = t.worker.lifecycle.model === "migrations" ? t.worker.lifecycle.steps : [];
    const stepOf = (tag: string | null) => steps.find((s) => s.tag === tag) ?? null;
    const place = {
      worker: name,
      env: t.env,
      file: t.file,
      introduced: true,
    };
    const covered = new Set<PlannedDestruction>();

    findings = findings.map((f) => {
      if (!mine(f)) return f;
      // A Worker that is not deployed: its first deploy replays the whole history.
      if (
        !plan.deployed &&
        f.kind !== "worker-renamed" &&
        concernsDeployedWorker(f) &&
        f.severity !== "info"
      ) {
        return forUndeployedWorker(
          f,
          `${q(name)} is not in ${account}: its first deploy creates it and replays the whole history`,
          "Not deployed",
        );
      }
      if (f.kind === "worker-renamed" && renamed) return settleRename(f, p, evidence);
      if (DESTROYING.has(f.kind) && f.dataLoss) {
        const className = f.classes[0] ?? "";
        const d = plan.destroys.find((x) => x.className === className && (x.tag === f.tag || x.tag === null));
        if (d) {
          covered.add(d);
          // The live plan sends the step: a loss that depended on it is certain now.
          const { unlessRan: _settled, ifRan: _ran, ...certain } = f;
          return { ...certain, message: `${f.message} ${blastRadius(d, name)}` };
        }
        // A step the live Worker has run already is never sent again: its delete does not apply.
        const ranAlready =
          plan.deployed &&
          f.tag !== null &&
          (plan.sendKind === "after" || plan.sendKind === "nothing") &&
          steps.some((s) => s.tag === f.tag) &&
          !plan.sends.includes(f.tag);
        if (ranAlready) {
          return {
            ...f,
            severity: "info",
            dataLoss: false,
            message: `${q(name)} is at live tag ${q(plan.liveTag)}, so it has run ${q(f.tag)} already: the next deploy does not send ${q(f.tag)} again, and this delete of ${q(className)} does not apply there. ${f.message}`,
          };
        }
        // A namespace the API names no owner for may be this Worker's: then nothing is proven.
        const ownerless = p.ownerless.has(className);
        const noNamespace =
          !plan.deployed || (p.namespaces !== null && !p.namespaces.has(className) && !ownerless);
        if (noNamespace) return destroysNothing(f, name, plan.deployed, account);
        if (ownerless && p.namespaces !== null && !p.namespaces.has(className)) {
          return {
            ...f,
            message: `${f.message} Live: ${account} has a ${q(className)} namespace whose owner the API did not name, so whether this delete destroys objects in ${q(name)} is not known.`,
          };
        }
        if (plan.rejected) {
          return {
            ...f,
            message: `${f.message} Live: the next deploy of ${q(name)} is rejected before it applies anything (see ${plan.deployed ? "DO801" : "DO807"}), so nothing is destroyed until that is fixed.`,
          };
        }
        return f;
      }
      // The one-shot delete, settled by the live bindings (DO108's remote binding is not among them).
      if (
        !renamed &&
        (f.kind === "delete-still-bound" ||
          f.kind === "delete-binding-removed" ||
          f.kind === "delete-binding-repointed")
      )
        return settleStillBound(f, p);
      if (f.kind === "new-config-deletes") return settleNewConfigDeletes(f, p);
      if ((f.kind === "history-edited" || f.kind === "history-removed") && plan.deployed && f.tag !== null) {
        return settleHistory(f, p);
      }
      return f;
    });

    // A live tag this branch's history does not have: wrangler replays every step.
    if (plan.sendKind === "replay") {
      const baseHasIt =
        t.base?.lifecycle.model === "migrations" &&
        t.base.lifecycle.steps.some((s) => s.tag === plan.liveTag);
      const destroys = plan.destroys;
      for (const d of destroys) covered.add(d);
      const outcome = plan.rejected
        ? ` The first step the API cannot apply is ${q(plan.rejected.tag)}: it creates ${q(plan.rejected.className)}, which already has a namespace, so the deploy is rejected (code 10074) and nothing changes.`
        : destroys.length > 0
          ? ` The replay deletes ${destroys.map((d) => `${q(d.className)} (${countText(d.objects)})`).join(", ")}.`
          : "";
      added.push(
        make("live-tag-unknown", {
          ...place,
          line: steps[0]?.line ?? t.worker.envLine,
          tag: plan.liveTag,
          classes: destroys.map((d) => d.className),
          severity: destroys.length > 0 && !plan.rejected ? "critical" : "error",
          dataLoss: destroys.length > 0 && !plan.rejected,
          message: `The live migration tag of ${q(name)} is ${q(plan.liveTag)}, which ${baseHasIt ? "the base branch has but this change removes" : "this branch's migrations do not have (another branch or a preview deployed its own steps, or the history was rewritten)"}: wrangler warns and sends all ${plan.sends.length} steps again, with ${q(plan.liveTag)} as the old tag.${outcome}`,
          fix: `Find where ${q(plan.liveTag)} came from (the branch or preview that deployed it: \`git log --all -S'${safeTag(plan.liveTag)}'\`) and bring its steps into this history in the same order before deploying from this branch.`,
        }),
      );
    }

    // A new Worker whose first deploy the API rejects.
    if (!plan.deployed && plan.rejected?.reason === "delete-first-deploy") {
      const step = stepOf(plan.rejected.tag);
      added.push(
        make("first-deploy-rejected", {
          ...place,
          line: step?.line ?? null,
          tag: plan.rejected.tag,
          classes: [plan.rejected.className],
          message: `${q(name)} is not deployed in ${account}, so its first deploy sends the whole history, and migration ${q(plan.rejected.tag)} deletes ${q(plan.rejected.className)}: the API rejects a delete of a class that no previous version of the Worker exported, and a new Worker has none (code 10074). The deploy fails and nothing is created.`,
          fix: `Give ${t.env === null ? "this Worker" : `env ${q(t.env)}`} its own \`migrations\` that only create the classes it uses (a history of its own, without the delete), or deploy it first from a revision before the delete.`,
        }),
      );
    }

    // What the next deploy destroys that no finding says yet: a change already on the base branch,
    // or one of this change's that the static check could not see as a delete.
    for (const d of plan.destroys) {
      if (covered.has(d)) continue;
      findings = findings.filter(
        (f) => !(mine(f) && DESTROYING.has(f.kind) && !f.introduced && f.classes[0] === d.className),
      );
      const renamedFrom =
        d.origin === d.className ? "" : ` (the objects of ${q(d.origin)}, renamed on the way)`;
      const onBase = destroyedAtBase(t.base, d, p.fromBase);
      added.push(
        make("undeployed-step", {
          ...place,
          line: stepOf(d.tag)?.line ?? t.worker.envLine,
          tag: d.tag,
          classes: [d.className],
          severity: "critical",
          dataLoss: true,
          message: onBase
            ? d.tag === null
              ? `The \`exports\` tombstone for ${q(d.className)} is already on the base branch, but ${q(d.className)} still has a live namespace in ${q(name)}: the next deploy applies it and destroys every object, irreversibly. ${blastRadius(d, name)}`
              : `Migration ${q(d.tag)} is already on the base branch, but ${q(name)} has not deployed it (live tag ${q(plan.liveTag ?? "none")}): the next deploy sends it too, and it deletes ${q(d.className)}${renamedFrom}, destroying every object, irreversibly. ${blastRadius(d, name)}`
            : d.tag === null
              ? `This change's \`exports\` map marks ${q(d.className)} \`"state": "deleted"\` (the base revision does not), and ${q(d.className)} has a live namespace in ${q(name)}: the next deploy applies it and destroys every object, irreversibly. ${blastRadius(d, name)}`
              : `This change's migration ${q(d.tag)} deletes ${q(d.className)}${renamedFrom} (${baseStep(t.base, d.tag) ? `the base revision's ${q(d.tag)} does not` : "the base revision does not have it"}), and ${q(name)} is at live tag ${q(plan.liveTag ?? "none")}: the next deploy sends it and destroys every object, irreversibly. ${blastRadius(d, name)}`,
          fix: onBase
            ? d.tag === null
              ? `Deploy the base branch first if that delete is wanted (one confirmed deploy with the class gone from the code: \`mode: deploy\`), or revert it on the base branch; either way this change should not ship it unnoticed.`
              : `Deploy the base branch first if that delete is wanted (two phases: \`mode: deploy\`), or revert it on the base branch; either way this change should not ship it unnoticed.`
            : d.tag === null
              ? `If the data must go, acknowledge it and deploy it in one confirmed deploy with ${q(d.className)} removed from the code (\`mode: deploy\`); otherwise declare ${q(d.className)} again instead of the tombstone before merging.`
              : `If the data must go, acknowledge it and deploy in two phases (\`mode: deploy\`); otherwise take ${q(d.className)} out of ${q(d.tag)} before merging.`,
        }),
      );
    }
    const destroyingTags = new Set(plan.destroys.map((d) => d.tag));
    for (const tag of p.fromBase) {
      if (destroyingTags.has(tag)) continue;
      const step = stepOf(tag);
      if (!step) continue;
      added.push(
        make("undeployed-step", {
          ...place,
          line: step.line,
          tag,
          classes: classesOf(step.ops),
          severity: stepSeverity(step),
          message: `Migration ${q(tag)} (${describeOps(step.ops, p.namespaces)}) is already on the base branch, but ${q(name)} has not deployed it (live tag ${q(plan.liveTag ?? "none")}): the next deploy sends it along with this change.`,
          fix: "Nothing to change if it is wanted; review it as part of this deploy (or deploy the base branch first).",
        }),
      );
    }

    // Live bindings in other Workers to a class the next deploy deletes.
    for (const d of plan.destroys) {
      for (const ref of live.bindingsToThisWorker) {
        if (ref.worker === name || ref.className !== d.className) continue;
        const known = findings.some(
          (f) =>
            f.kind === "cross-worker-binding" && f.worker === ref.worker && f.classes.includes(d.className),
        );
        if (known) continue;
        const inRepo = evidence.repositoryWorkers.has(ref.worker);
        added.push(
          make("live-binding-blocks-delete", {
            ...place,
            line: stepOf(d.tag)?.line ?? t.worker.envLine,
            tag: d.tag,
            classes: [d.className],
            message: `Worker ${q(ref.worker)} ${inRepo ? "(in this repository, deployed with a binding its config no longer has)" : "(not in this repository)"} binds ${q(d.className)} of ${q(name)} live through \`script_name\` (binding ${q(ref.binding)}): ${d.tag === null ? "the server refuses the `deleted` tombstone (code 100402, `tombstone_delete_blocked_by_external_bindings`)" : "Cloudflare rejects the delete (code 10061)"} until that binding is gone.`,
            fix: `Deploy ${q(ref.worker)} without binding ${q(ref.binding)} first, then deploy the ${d.tag === null ? "tombstone" : "delete (phase 2)"}.`,
          }),
        );
      }
    }

    // The live namespaces against the config: storage, and classes it does not know at all.
    const replay = replayLifecycle(t.worker.lifecycle);
    for (const [className, ns] of p.namespaces ?? []) {
      const state = replay.classes.get(className);
      const exportsModel = t.worker.lifecycle.model === "exports";
      if (state?.status === "live" && state.storage !== null && state.storage !== ns.storage) {
        added.push(
          make("live-storage-mismatch", {
            ...place,
            line: state.line,
            tag: state.tag,
            classes: [className],
            severity: exportsModel ? "error" : "warning",
            message: exportsModel
              ? `${q(className)} has ${storageName(ns.storage)} storage in the live ${q(name)}, but its \`exports\` entry says ${storageName(state.storage)}: the server refuses to change a class's storage, so the deploy is rejected (code 100402).`
              : `${q(className)} has ${storageName(ns.storage)} storage in the live ${q(name)}, but the config's history creates it with ${storageName(state.storage)}: the deployed Worker keeps ${storageName(ns.storage)} (storage never changes in place), while a fresh Worker replaying this history gets ${storageName(state.storage)}.`,
            fix: exportsModel
              ? `Declare ${q(className)} with \`"storage": "${ns.storage === "kv" ? "legacy-kv" : "sqlite"}"\`, its live storage.`
              : `Make the history say what is live (restore the step that created ${q(className)}); to move to SQLite, create a new class and migrate the data in code.`,
          }),
        );
      }
      if (!state) {
        added.push(
          make("live-class-unknown", {
            ...place,
            line:
              steps[0]?.line ??
              (t.worker.lifecycle.model === "exports" ? t.worker.lifecycle.entries[0]?.line : null) ??
              t.worker.envLine,
            tag: null,
            classes: [className],
            ...unknownClass(
              name,
              className,
              t.worker,
              live.objects?.get(className) ?? null,
              exportedBy(t.worker, evidence.codeExports),
            ),
          }),
        );
      }
    }
  }

  // Findings about Workers this change removes (an env, a config): are they deployed at all, in
  // the account they were deployed to?
  const removed = new Map((evidence.removed ?? []).map((r) => [targetKey(r.file, r.env), r]));
  findings = findings.map((f) => {
    const r = removed.get(targetKey(f.file, f.env));
    if (
      !r ||
      targeted.has(targetKey(f.file, f.env)) ||
      f.worker !== r.name ||
      !concernsDeployedWorker(f) ||
      f.severity === "info"
    )
      return f;
    if (existsIn(evidence.live, r.name, r.accountId) !== false) return f;
    return {
      ...f,
      severity: "info",
      message: `${q(r.name)} is not deployed in ${accountLabel(r.accountId)}, so nothing is left behind. ${f.message}`,
    };
  });

  const rebuilt = buildReport([...findings, ...added]);
  const notes = [
    ...(report.notes ?? []),
    ...liveNotes(evidence.plans),
    ...scanNotes([...evidence.live.accounts.values()]),
    ...skippedNote(evidence.plans, report),
  ];
  return {
    ...rebuilt,
    ...(notes.length > 0 ? { notes } : {}),
    workers: evidence.plans.map(plannedWorker),
  };
}

/**
 * One line per problem that kept Workers from their live plan (the same problem once, with every
 * Worker it hit), for the report's notes and the run's warnings.
 */
export function liveNotes(plans: readonly WorkerPlan[]): string[] {
  const byProblem = new Map<string, string[]>();
  for (const p of plans) {
    if (p.status !== "failed") continue;
    const key = p.problem?.message ?? "unknown";
    byProblem.set(key, [
      ...(byProblem.get(key) ?? []),
      p.target.name ?? `${p.target.file}${p.target.env === null ? "" : ` env ${p.target.env}`}`,
    ]);
  }
  return [...byProblem].map(([problem, workers]) => {
    const who = workers.length === 1 ? `Worker ${q(workers[0])}` : `Workers ${workers.map(q).join(", ")}`;
    return `The live state of ${who} could not be read (${problem}): ${workers.length === 1 ? "it is" : "they are"} judged from the config alone.`;
  });
}

function make(
  kind: FindingKind,
  fields: Omit<Finding, "code" | "kind" | "severity" | "dataLoss"> & {
    severity?: Severity;
    dataLoss?: boolean;
  },
): Finding {
  const { worker, file, introduced, dataLoss, ...draft } = fields;
  // The live plan's own findings: placed like every other (the line is given; none is located).
  return placeDraft(
    { kind, ...draft, dataLoss: dataLoss ?? false },
    { file, worker, introduced, locate: () => null },
  );
}

function destroysNothing(f: Finding, name: string, deployed: boolean, account: string): Finding {
  const entry = CATALOGUE["delete-destroys-nothing"];
  const className = f.classes[0] ?? "";
  return {
    ...f,
    code: entry.code,
    kind: "delete-destroys-nothing",
    severity: entry.severity,
    dataLoss: false,
    message: `${q(className)} has no Durable Object namespace in ${q(name)}${deployed ? "" : `, which is not deployed in ${account}`}: deleting it${f.tag ? ` (migration ${q(f.tag)})` : ""} destroys nothing, so no acknowledgement is needed.`,
    fix:
      f.tag === null
        ? "Nothing to do for the data: the `deleted` tombstone is a no-op here (the server reports it as `stale_tombstone` and lists it in `removable_entries`), and it may be dropped from `exports` later; keep the class out of the code."
        : "Nothing to do for the data. Keep the delete only if the class is gone from the code for good.",
  };
}

/** A delete-still-bound finding against the live bindings: the binding the change removes may be gone already. */
function settleStillBound(f: Finding, p: WorkerPlan): Finding {
  const className = f.classes[0] ?? "";
  const name = p.target.name ?? "";
  // The API matches a delete against bindings by class name, `script_name` or not (DO103).
  const configBinds = p.target.worker.bindings.some((b) => b.className === className);
  if (configBinds || !p.live) return f;
  const liveRef = p.live.bindingsToThisWorker.find((r) => r.worker === name && r.className === className);
  if (liveRef) {
    return {
      ...f,
      message: `${f.message} Live: ${q(name)} binds ${q(className)} right now (binding ${q(liveRef.binding)}).`,
    };
  }
  return {
    ...f,
    severity: "info",
    message: p.plan?.deployed
      ? `The live ${q(name)} no longer binds ${q(className)} (a deploy without the binding has landed: phase 1), so nothing live references it from ${q(name)} and the delete can apply.`
      : `${q(name)} is not deployed in ${accountLabel(p.accountId)}, so it has no live binding to ${q(className)} that could block the delete.`,
    fix: "Nothing to do for the bindings.",
  };
}

/**
 * An edited or removed step against the live tag: a step the Worker already ran ignores the edit
 * (or the removal) for good; one it has not reached yet applies as the head says it.
 */
function settleHistory(f: Finding, p: WorkerPlan): Finding {
  const name = p.target.name ?? "";
  const steps = p.target.base?.lifecycle.model === "migrations" ? p.target.base.lifecycle.steps : [];
  const stepAt = steps.findIndex((s) => s.tag === f.tag);
  const liveTag = p.plan?.liveTag ?? null;
  const liveAt = liveTag === null ? -1 : steps.findIndex((s) => s.tag === liveTag);
  // A live tag the base does not have: whether the step ran cannot be told from here (see DO801).
  if (stepAt < 0 || (liveTag !== null && liveAt < 0)) return f;
  if (liveAt >= stepAt) {
    return {
      ...f,
      message: `${f.message} Live: ${q(name)} is at ${q(liveTag)}, so it has run ${q(f.tag)} already.`,
    };
  }
  return {
    ...f,
    severity: "info",
    message: `${q(name)} has not run ${q(f.tag)} yet (live tag ${q(liveTag ?? "none")}): ${f.kind === "history-edited" ? `its next deploy sends ${q(f.tag)} as edited, so the edit takes effect there` : `its next deploy does not send ${q(f.tag)}, so the step never runs there`}. ${f.message}`,
  };
}

/** A new config's history that deletes a class: the live plan says which of its two outcomes holds. */
function settleNewConfigDeletes(f: Finding, p: WorkerPlan): Finding {
  const plan = p.plan;
  if (!plan) return f;
  return {
    ...f,
    severity: "info",
    message: plan.deployed
      ? `Live: ${q(p.target.name)} is deployed (live tag ${q(plan.liveTag ?? "none")}): what its next deploy sends and destroys is in the live plan. ${f.message}`
      : `Live: ${q(p.target.name)} is not deployed in this account${plan.rejected?.reason === "delete-first-deploy" ? ", and its first deploy is rejected (DO807)" : ""}. ${f.message}`,
  };
}

/** "Live: `chat` has 12,408 objects of `Legacy` (9,876 with stored data) right now." */
export function blastRadius(d: PlannedDestruction, worker: string): string {
  const of =
    d.origin === d.className ? q(d.className) : `${q(d.origin)} (renamed to ${q(d.className)} on the way)`;
  const c = d.objects;
  if (c === null) return `Live: ${q(worker)} has a ${of} namespace; its objects were not counted.`;
  if (c.objects === 0 && !c.capped) {
    return `Live: the ${of} namespace of ${q(worker)} has no objects right now; any written before the deploy are destroyed with it.`;
  }
  return `Live: the next deploy destroys ${countText(c)} of ${of} in ${q(worker)}.`;
}

function countText(c: ObjectCount | null): string {
  return objectsText(c === null ? { objects: null, withData: null, capped: false } : c);
}

function stepSeverity(step: LifecycleStep): Severity {
  if (step.ops.some((op) => op.type === "rename" || op.type === "transfer-in" || op.type === "transfer-out"))
    return "warning";
  return "info";
}

function describeOps(
  ops: readonly LifecycleOp[],
  namespaces: ReadonlyMap<string, LiveNamespace> | null,
): string {
  const parts = ops.map((op) => {
    switch (op.type) {
      case "create":
        return `creates ${q(op.className)}`;
      case "delete":
        return namespaces && !namespaces.has(op.className)
          ? `deletes ${q(op.className)}, which has no live namespace`
          : `deletes ${q(op.className)}`;
      case "rename":
        return `renames ${q(op.from)} to ${q(op.to)}`;
      case "transfer-in":
        return `transfers ${q(op.className)} in from ${q(op.fromScript)}`;
      default:
        return `transfers ${q(op.className)} out`;
    }
  });
  return parts.length > 0 ? parts.join(", ") : "no Durable Object operation";
}

function classesOf(ops: readonly LifecycleOp[]): string[] {
  return [...new Set(ops.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className])))];
}

/** A tag inside a shell command suggestion: only characters that need no quoting. */
function safeTag(tag: string | null): string {
  return (tag ?? "").replace(/[^\w.-]/g, "");
}

/**
 * A Worker renamed in this change, against the live state: a new name the account already has is
 * no new Worker, the deploy replaces that one; an old name the account does not have leaves
 * nothing behind.
 */
function settleRename(f: Finding, p: WorkerPlan, evidence: LiveEvidence): Finding {
  const t = p.target;
  const name = t.name as string;
  const old = t.base?.name as string;
  const oldAccount = accountOf(t.base as Worker, evidence.live.defaultAccount);
  const oldExists = existsIn(evidence.live, old, oldAccount);
  if (p.plan?.deployed) {
    const live = [...(p.namespaces?.keys() ?? [])];
    const known = replayLifecycle(t.worker.lifecycle).classes;
    const unknown = live.filter((c) => !known.has(c));
    const tag = p.plan.liveTag === null ? "no live migration tag" : `live tag ${q(p.plan.liveTag)}`;
    const after =
      oldExists === true
        ? ` ${q(old)} keeps all its objects, and no config manages it any more.`
        : oldExists === false
          ? ` ${q(old)} is not deployed in ${accountLabel(oldAccount)}, so the rename leaves no objects behind.`
          : "";
    const exists = `${q(name)} already exists in ${accountLabel(p.accountId)} (${tag}${live.length > 0 ? `; live classes ${live.map(q).join(", ")}` : ""})`;
    // Live classes this config does not know, or a live tag its history lacks: another Worker.
    if (unknown.length > 0 || p.plan.sendKind === "replay") {
      return {
        ...f,
        severity: "error",
        message: `The Worker is renamed from ${q(old)} to ${q(name)}, and ${exists}: the next deploy does not create a new Worker, it replaces the code and configuration of the existing ${q(name)}${unknown.length > 0 ? `, whose ${unknown.map(q).join(", ")} this config does not know (see DO805)` : ", whose live tag this history does not have (see DO801)"}.${after}`,
        fix: `If ${q(name)} is not the Worker to replace, choose a name the account does not have (or keep ${q(old)}); if it is, bring its history into this config first.`,
      };
    }
    return {
      ...f,
      severity: oldExists === false ? "info" : f.severity,
      message: `The Worker is renamed from ${q(old)} to ${q(name)}, and ${exists}, which matches this config's history: the next deploy updates that Worker, it does not create a new one.${after}`,
    };
  }
  if (oldExists === false) {
    return {
      ...f,
      severity: "info",
      message: `${q(old)} is not deployed in ${accountLabel(oldAccount)}, so the rename leaves no objects behind. ${f.message}`,
    };
  }
  return f;
}

/** The base revision's step with this tag, if any. */
function baseStep(base: Worker | null, tag: string | null): LifecycleStep | null {
  if (tag === null || base?.lifecycle.model !== "migrations") return null;
  return base.lifecycle.steps.find((s) => s.tag === tag) ?? null;
}

/** Whether a destruction the plan found is the base revision's already (not this change's). */
function destroyedAtBase(base: Worker | null, d: PlannedDestruction, fromBase: readonly string[]): boolean {
  if (d.tag === null) {
    return (
      base?.lifecycle.model === "exports" &&
      base.lifecycle.entries.some((e) => e.className === d.className && e.state === "deleted")
    );
  }
  if (fromBase.includes(d.tag)) return true;
  // An edited step: the delete of this class was in the base's version of it already.
  return (
    baseStep(base, d.tag)?.ops.some((op) => op.type === "delete" && op.className === d.className) ?? false
  );
}

/** The export names of a Worker's entry module, when they were read and are known. */
function exportedBy(
  worker: Worker,
  codeExports: ReadonlyMap<string, WorkerExports> | undefined,
): { entry: string; names: ReadonlySet<string> } | null {
  const entry = workerEntryPath(worker);
  const exports = entry ? codeExports?.get(entry) : undefined;
  return entry && exports?.status === "known" ? { entry, names: exports.names } : null;
}

/**
 * DO805, a live namespace the config does not know: what the deploy does with it depends on its
 * objects (counted) and, for `migrations`, on whether the code still exports the class.
 */
function unknownClass(
  name: string,
  className: string,
  worker: Worker,
  count: ObjectCount | null,
  exported: { entry: string; names: ReadonlySet<string> } | null,
): Pick<Finding, "severity" | "message" | "fix"> {
  const hasObjects = count !== null && (count.objects > 0 || count.capped);
  const counted =
    count === null
      ? "its objects were not counted"
      : hasObjects
        ? `it holds ${countText(count)}`
        : "it has no objects right now";
  if (worker.lifecycle.model === "exports") {
    return {
      severity: hasObjects ? "error" : "warning",
      message: hasObjects
        ? `${q(name)} has a live namespace for ${q(className)}, which its \`exports\` map does not declare, and ${counted}: the server refuses a map that leaves out a class with objects (code 100402).`
        : `${q(name)} has a live namespace for ${q(className)}, which its \`exports\` map does not declare (${counted}): if it has objects when the deploy runs, the server refuses the map (code 100402).`,
      fix: `Declare ${q(className)} in \`exports\` with its storage, or mark it \`"state": "deleted"\` if its data must go.`,
    };
  }
  const fix = `Find where ${q(className)} came from; if this Worker owns it, add its step to this history, and keep exporting it while it has objects.`;
  const notExported = exported !== null && !exported.names.has(className);
  const lead = `${q(name)} has a live namespace for ${q(className)}, which this config's migrations never mention (created by another branch, a preview, another Worker of that name or by hand), and ${counted}`;
  if (hasObjects && notExported) {
    return {
      severity: "error",
      message: `${lead}: ${q(exported.entry)} does not export ${q(className)}, so the deploy is rejected (code 10064, "does not export class ... depended on by existing Durable Objects").`,
      fix,
    };
  }
  if (hasObjects && exported === null) {
    return {
      severity: "warning",
      message: `${lead}: the deploy keeps it if the code still exports ${q(className)}; if it does not, the deploy is rejected (code 10064).`,
      fix,
    };
  }
  return {
    severity: "info",
    message: `${lead}: ${exported && !notExported ? `the code exports it, so ` : ""}a deploy of this config leaves it alone${notExported && !hasObjects ? ` (if it has objects by then, the deploy is rejected, code 10064, since ${q(exported.entry)} does not export it)` : ""}, and a fresh Worker replaying this history would not have it.`,
    fix,
  };
}

/** Notes on the other Workers read for live bindings that block a delete: those past the cap, those that failed. */
function scanNotes(accounts: readonly LiveAccount[]): string[] {
  const out: string[] = [];
  for (const a of accounts) {
    const { repository, outside, skipped } = a.scanned;
    if (skipped > 0) {
      out.push(
        `${skipped} more Workers of the account were not checked for live bindings to the classes the next deploy deletes (${repository.length + outside.length} were: ${repository.length} of this repository, ${outside.length} outside it): Cloudflare refuses a delete while any Worker binds the class (code 10061).`,
      );
    }
    const unread = [...repository, ...outside].filter((n) => a.settings.get(n)?.ok === false);
    if (unread.length > 0) {
      const first = a.settings.get(unread[0] as string);
      const why = first && !first.ok ? ` (${first.problem.message})` : "";
      out.push(
        `The live bindings of ${unread.length === 1 ? `Worker ${q(unread[0])}` : `${unread.length} Workers (${unread.slice(0, 3).map(q).join(", ")}${unread.length > 3 ? ", …" : ""})`} could not be read${why}: if ${unread.length === 1 ? "it binds" : "any binds"} a class the next deploy deletes, Cloudflare refuses the delete (code 10061).`,
      );
    }
  }
  return out;
}

/**
 * One note for the Workers the live plan leaves out because they are not deployed as written,
 * when they have something to say (a finding above info): their findings are the static check's.
 */
function skippedNote(plans: readonly WorkerPlan[], report: Report): string[] {
  const listed = plans.filter(
    (p) =>
      p.status === "skipped" &&
      report.findings.some(
        (f) => f.file === p.target.file && f.env === p.target.env && f.severity !== "info",
      ),
  );
  if (listed.length === 0) return [];
  const who = (p: WorkerPlan) =>
    `${p.target.name === null ? "the Worker without a `name`" : q(p.target.name)} (${q(p.target.file)}${p.target.env === null ? "" : `, env ${q(p.target.env)}`})`;
  const shown = listed.slice(0, 3).map(who).join(", ");
  return [
    `The live plan leaves out ${shown}${listed.length > 3 ? ` and ${listed.length - 3} more` : ""}: not deployed as written (a placeholder name, or no \`name\`), so the live state of that name says nothing about the Worker it becomes. ${listed.length === 1 ? "Its" : "Their"} findings are the static check's.`,
  ];
}
