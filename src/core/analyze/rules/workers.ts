// Detection of the DO5xx rules of one Worker (rules/workers.ts words them): what a Worker with
// objects or bindings at base leaves behind when its identity changes (another account, a new
// name), and a Worker the change removes.
import type { Draft } from "../../diagnostics.ts";
import { replayLifecycle } from "../../lifecycle/replay.ts";
import type { Worker } from "../../model.ts";
import { accountChanged, envRemoved, workerRenamed } from "../../rules/workers.ts";
import { type Comparison, liveAtBase } from "../comparison.ts";

/**
 * DO503 and DO502: an `account_id` written at both sides that changes (wrangler deploys to the
 * other account), or a new name. A placeholder is not a Worker identity: `<TBD>` becoming
 * `<WORKER_NAME>` renames nothing. A rename in the same change as an account move is one cause,
 * said once by DO503.
 */
export function identityDrafts(c: Comparison): Draft[] {
  const { env, base, head } = c;
  const live = liveAtBase(c);
  if (!base || (live.length === 0 && base.bindings.length === 0)) return [];
  const renamed = Boolean(
    base.name && head.name && base.name !== head.name && !base.placeholderName && !head.placeholderName,
  );
  if (base.accountId && head.accountId && base.accountId !== head.accountId && !head.placeholderName) {
    const deletes =
      head.lifecycle.model === "migrations" &&
      head.lifecycle.steps.some((step) => step.ops.some((op) => op.type === "delete"));
    return [
      {
        kind: "account-changed",
        env,
        classes: live,
        line: head.accountIdLine ?? head.nameLine ?? head.envLine,
        ...accountChanged({
          env,
          fromAccount: base.accountId,
          toAccount: head.accountId,
          renamed: renamed ? { from: base.name, to: head.name } : null,
          baseName: base.name,
          worker: head.name,
          deletes,
          exportsModel: head.lifecycle.model === "exports",
        }),
      },
    ];
  }
  if (renamed && base.name && head.name) {
    // A rename destroys nothing (the data stays in the old Worker) and its deploy goes through,
    // unless the fresh Worker's history deletes a class: the API rejects the delete of a class
    // no earlier version of that Worker exported (10074), so its first deploy fails.
    // The same goes when the old Worker served objects through its bindings: after the deploy the
    // application reads an empty Worker, and its data stays behind, unmanaged.
    const deletes = freshDeletes(head);
    const served = live.filter((name) => c.baseLocal.some((b) => b.className === name));
    return [
      {
        kind: "worker-renamed",
        env,
        classes: live,
        line: head.nameLine ?? head.envLine,
        ...(deletes.length > 0 || served.length > 0 ? { severity: "error" as const } : {}),
        ...workerRenamed({
          env,
          from: base.name,
          to: head.name,
          deletes,
          served,
          exportsModel: head.lifecycle.model === "exports",
        }),
      },
    ];
  }
  return [];
}

/** DO501: a Worker that existed at base and is gone at head (env removed, or the config file deleted). */
export function removedWorker(base: Worker, why: "env" | "file"): Draft | null {
  const live = [...replayLifecycle(base.lifecycle).classes.values()]
    .filter((s) => s.status === "live")
    .map((s) => s.className);
  if (!base.ownsLifecycle && base.bindings.length === 0 && live.length === 0) return null;
  // An env that only inherits the classes and binds none has namespaces but, most likely, no objects.
  const quiet = why === "env" && !base.ownsLifecycle && base.bindings.length === 0;
  return {
    kind: "env-removed",
    env: base.env,
    classes: live,
    line: null,
    ...(quiet ? { severity: "info" as const } : {}),
    ...envRemoved({ why, env: base.env, worker: base.name }),
  };
}

/** The classes a history deletes: a fresh Worker replaying it gets each delete rejected (10074). */
function freshDeletes(worker: Worker): string[] {
  if (worker.lifecycle.model !== "migrations") return [];
  const names = worker.lifecycle.steps.flatMap((step) =>
    step.ops.flatMap((op) => (op.type === "delete" ? [op.className] : [])),
  );
  return [...new Set(names)];
}
