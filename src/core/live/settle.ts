// The static findings against the live state: each rule here reads one finding of a planned
// Worker and its plan, and decides what the live state settles (a loss made certain, a delete
// that does not apply or destroys nothing, a binding already gone, a step run already or not
// reached yet, a rename onto an existing Worker, a removed Worker never deployed). The words are
// src/core/rules/live-remarks.ts's; `remarked` and `restated` (compose.ts) apply them.
import { CATALOGUE, concernsDeployedWorker, forUndeployedWorker, isConfigDelete } from "../catalogue.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { Finding, FindingKind, Worker } from "../model.ts";
import type { PlannedDestruction } from "../plan/deploy-plan.ts";
import { accountLabel, accountOf, existsIn, type LiveInput, type RemovedWorker } from "../plan/live-plan.ts";
import { deleteDestroysNothing, destroysLive } from "../rules/live.ts";
import {
  bindsRightNow,
  historyNotReached,
  historyRan,
  NOT_DEPLOYED_LEAD,
  newConfigLive,
  noLiveBinding,
  notDeployedWhy,
  ownerlessNamespace,
  type RenameOntoFacts,
  ranAlready,
  rejectedBeforeDelete,
  removedNotDeployed,
  renamedFromNothing,
  renameReplaces,
  renameUpdates,
} from "../rules/live-remarks.ts";
import { remarked, restated } from "./compose.ts";
import { isMine, type ReadPlan } from "./read-plan.ts";

/** The one-shot delete's findings, settled by the live bindings (DO108's remote binding is not among them). */
const STILL_BOUND: ReadonlySet<FindingKind> = new Set([
  "delete-still-bound",
  "delete-binding-removed",
  "delete-binding-repointed",
]);

/**
 * The findings with those of one planned Worker settled by its live state, and the destructions
 * of its plan that a finding states (the others are reported as DO802).
 */
export function settleWorker(
  findings: readonly Finding[],
  r: ReadPlan,
  live: LiveInput,
): { findings: Finding[]; covered: Set<PlannedDestruction> } {
  const covered = new Set<PlannedDestruction>();
  const settled = findings.map((f) => {
    if (!isMine(r, f)) return f;
    const { finding, covers } = settleFinding(f, r, live);
    if (covers) covered.add(covers);
    return finding;
  });
  return { findings: settled, covered };
}

function settleFinding(
  f: Finding,
  r: ReadPlan,
  live: LiveInput,
): { finding: Finding; covers?: PlannedDestruction } {
  const { plan } = r;
  // A Worker that is not deployed: its first deploy replays the whole history.
  if (!plan.deployed && f.kind !== "worker-renamed" && concernsDeployedWorker(f) && f.severity !== "info") {
    return {
      finding: forUndeployedWorker(
        f,
        notDeployedWhy({ worker: r.name, account: r.account }),
        NOT_DEPLOYED_LEAD,
      ),
    };
  }
  if (f.kind === "worker-renamed" && r.renamed) return { finding: settleRename(f, r, live) };
  if (isConfigDelete(f.kind) && f.dataLoss) return settleDelete(f, r);
  if (!r.renamed && STILL_BOUND.has(f.kind)) return { finding: settleStillBound(f, r) };
  if (f.kind === "new-config-deletes") return { finding: settleNewConfigDeletes(f, r) };
  if ((f.kind === "history-edited" || f.kind === "history-removed") && plan.deployed && f.tag !== null) {
    return { finding: settleHistory(f, r) };
  }
  return { finding: f };
}

/** A delete read from the configs, against what the next deploy destroys. */
function settleDelete(f: Finding, r: ReadPlan): { finding: Finding; covers?: PlannedDestruction } {
  const { plan, p, name } = r;
  const className = f.classes[0] ?? "";
  const d = plan.destroys.find((x) => x.className === className && (x.tag === f.tag || x.tag === null));
  if (d) {
    // The live plan sends the step: a loss that depended on it is certain now.
    const { unlessRan: _settled, ifRan: _ran, ...certain } = f;
    return { finding: remarked(certain, destroysLive({ destruction: d, worker: name })), covers: d };
  }
  if (hasRunAlready(f, r)) {
    const remark = ranAlready({ worker: name, liveTag: plan.liveTag, tag: f.tag as string, className });
    return { finding: remarked(f, remark, { severity: "info", dataLoss: false }) };
  }
  // A namespace the API names no owner for may be this Worker's: then nothing is proven.
  const ownerless = p.ownerless.has(className);
  const noNamespace = !plan.deployed || (p.namespaces !== null && !p.namespaces.has(className) && !ownerless);
  if (noNamespace) return { finding: destroysNothing(f, r) };
  if (ownerless && p.namespaces !== null && !p.namespaces.has(className)) {
    return { finding: remarked(f, ownerlessNamespace({ worker: name, account: r.account, className })) };
  }
  if (plan.rejected) {
    return { finding: remarked(f, rejectedBeforeDelete({ worker: name, deployed: plan.deployed })) };
  }
  return { finding: f };
}

/** A step the live Worker has run already is never sent again: its delete does not apply. */
function hasRunAlready(f: Finding, r: ReadPlan): boolean {
  const { plan } = r;
  return (
    plan.deployed &&
    f.tag !== null &&
    (plan.sendKind === "after" || plan.sendKind === "nothing") &&
    r.steps.some((s) => s.tag === f.tag) &&
    !plan.sends.includes(f.tag)
  );
}

/** DO806: the delete of a class with no live namespace, in place of the data-loss finding. */
function destroysNothing(f: Finding, r: ReadPlan): Finding {
  const entry = CATALOGUE["delete-destroys-nothing"];
  const words = deleteDestroysNothing({
    worker: r.name,
    className: f.classes[0] ?? "",
    deployed: r.plan.deployed,
    account: r.account,
    tag: f.tag,
  });
  return restated(f, words, {
    code: entry.code,
    kind: "delete-destroys-nothing",
    severity: entry.severity,
    dataLoss: false,
  });
}

/** A delete-still-bound finding against the live bindings: the binding the change removes may be gone already. */
function settleStillBound(f: Finding, r: ReadPlan): Finding {
  const className = f.classes[0] ?? "";
  const { name, p } = r;
  // The API matches a delete against bindings by class name, `script_name` or not (DO103).
  if (p.target.worker.bindings.some((b) => b.className === className)) return f;
  const liveRef = r.live.bindingsToThisWorker.find((x) => x.worker === name && x.className === className);
  if (liveRef) return remarked(f, bindsRightNow({ worker: name, className, binding: liveRef.binding }));
  const words = noLiveBinding({
    worker: name,
    className,
    deployed: r.plan.deployed,
    account: accountLabel(p.accountId),
  });
  return restated(f, words, { severity: "info" });
}

/**
 * An edited or removed step against the live tag: a step the Worker already ran ignores the edit
 * (or the removal) for good; one it has not reached yet applies as the head says it.
 */
function settleHistory(f: Finding, r: ReadPlan): Finding {
  const base = r.p.target.base;
  const steps = base?.lifecycle.model === "migrations" ? base.lifecycle.steps : [];
  const stepAt = steps.findIndex((s) => s.tag === f.tag);
  const liveTag = r.plan.liveTag;
  const liveAt = liveTag === null ? -1 : steps.findIndex((s) => s.tag === liveTag);
  // A live tag the base does not have: whether the step ran cannot be told from here (see DO801).
  if (stepAt < 0 || (liveTag !== null && liveAt < 0)) return f;
  if (liveAt >= stepAt) return remarked(f, historyRan({ worker: r.name, liveTag, tag: f.tag }));
  return remarked(f, historyNotReached({ worker: r.name, liveTag, tag: f.tag, kind: f.kind }), {
    severity: "info",
  });
}

/** A new config's history that deletes a class: the live plan says which of its two outcomes holds. */
function settleNewConfigDeletes(f: Finding, r: ReadPlan): Finding {
  const { plan } = r;
  const remark = newConfigLive({
    worker: r.p.target.name,
    deployed: plan.deployed,
    liveTag: plan.liveTag,
    firstDeployRejected: plan.rejected?.reason === "delete-first-deploy",
  });
  return remarked(f, remark, { severity: "info" });
}

/**
 * A Worker renamed in this change, against the live state: a new name the account already has is
 * no new Worker, the deploy replaces that one; an old name the account does not have leaves
 * nothing behind.
 */
function settleRename(f: Finding, r: ReadPlan, live: LiveInput): Finding {
  const { p, plan, name } = r;
  const t = p.target;
  const old = t.base?.name as string;
  const oldAccount = accountOf(t.base as Worker, live.defaultAccount);
  const oldExists = existsIn(live, old, oldAccount);
  if (plan.deployed) {
    const liveClasses = [...(p.namespaces?.keys() ?? [])];
    const known = replayLifecycle(t.worker.lifecycle).classes;
    const facts: RenameOntoFacts = {
      old,
      worker: name,
      account: accountLabel(p.accountId),
      oldAccount: accountLabel(oldAccount),
      liveTag: plan.liveTag,
      liveClasses,
      unknown: liveClasses.filter((c) => !known.has(c)),
      oldExists,
    };
    // Live classes this config does not know, or a live tag its history lacks: another Worker.
    if (facts.unknown.length > 0 || plan.sendKind === "replay") {
      return restated(f, renameReplaces(facts), { severity: "error" });
    }
    return restated(f, renameUpdates(facts), { severity: oldExists === false ? "info" : f.severity });
  }
  if (oldExists === false) {
    return remarked(f, renamedFromNothing({ old, account: accountLabel(oldAccount) }), { severity: "info" });
  }
  return f;
}

/**
 * Findings about Workers this change removes (an env, a config): a Worker the account it was
 * deployed to does not have leaves nothing behind. `targeted`: the (file, env) keys planned.
 */
export function settleRemoved(
  findings: readonly Finding[],
  removed: readonly RemovedWorker[],
  live: LiveInput,
  targeted: ReadonlySet<string>,
): Finding[] {
  const byTarget = new Map(removed.map((w) => [targetKey(w.file, w.env), w]));
  return findings.map((f) => {
    const w = byTarget.get(targetKey(f.file, f.env));
    if (
      !w ||
      targeted.has(targetKey(f.file, f.env)) ||
      f.worker !== w.name ||
      !concernsDeployedWorker(f) ||
      f.severity === "info"
    )
      return f;
    if (existsIn(live, w.name, w.accountId) !== false) return f;
    return remarked(f, removedNotDeployed({ worker: w.name, account: accountLabel(w.accountId) }), {
      severity: "info",
    });
  });
}

/** A (config file, environment) as one key. */
export function targetKey(file: string, env: string | null): string {
  return `${file}\u0000${env ?? ""}`;
}
