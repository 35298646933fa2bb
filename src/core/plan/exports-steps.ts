// What comes next after a deploy of a Worker on `exports` (DOMAIN.md section 1): a rename and a
// transfer are sequences of deploys, and a tombstone that has applied may be dropped. Read from
// the config and the live state after the deploy; pure.
import type { Worker } from "../model.ts";
import type { DeployPlan, LiveState } from "./deploy-plan.ts";

export function exportsNextSteps(worker: Worker, after: DeployPlan, live: LiveState): string[] {
  if (worker.lifecycle.model !== "exports" || !live.exists) return [];
  const self = worker.name ?? "this Worker";
  const out: string[] = [];
  const applied = new Set(after.tombstones.filter((t) => t.status === "applied").map((t) => t.className));
  for (const e of worker.lifecycle.entries) {
    if (e.state === "renamed" && applied.has(e.className)) {
      out.push(
        `${e.className} is now ${e.renamedTo}. Next (step 3 of a zero-downtime rename): drop the old name ${e.className} from the code; the "renamed" tombstone may then be removed from \`exports\`.`,
      );
    } else if (e.state === "transferred" && applied.has(e.className)) {
      out.push(
        `${e.className} has moved to ${e.transferredTo}. Next (step 3 of 4): deploy ${e.transferredTo} with its ${e.className} entry turned live ("storage", no "state") and its binding; then (step 4) remove this "transferred" tombstone.`,
      );
    } else if (e.state === "deleted" && applied.has(e.className)) {
      out.push(
        `The "deleted" tombstone of ${e.className} has applied: it may be removed from \`exports\` (cleanup, not a delete).`,
      );
    } else if (e.state === "expecting-transfer" && live.provisioned !== null) {
      out.push(
        live.provisioned.has(e.className)
          ? `${e.className} has arrived from ${e.transferFrom}. Next (step 3 of 4): turn its entry into a live one ("storage", no "state") and bind it; ${e.transferFrom} then removes its tombstone.`
          : `${self} now expects ${e.className} from ${e.transferFrom}. Next (step 2 of 4): deploy ${e.transferFrom} with "${e.className}": { "type": "durable-object", "state": "transferred", "transferred_to": "${self}" }.`,
      );
    }
  }
  return out;
}
