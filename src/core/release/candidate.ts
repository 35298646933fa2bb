// The release's candidates (`ReleaseCandidate`), each planned as the check plans a Worker: the
// check's `planWorker` (plan/live-plan.ts) over the account as read, so the deploy and the check
// make one plan per Worker, the same way. What the release adds: the Worker's own live Durable
// Object bindings, whether it already uses `exports`, and its code's export names.
import type { LiveAccount } from "../live/state.ts";
import type { Worker } from "../model.ts";
import { planWorker } from "../plan/live-plan.ts";
import type { DeployProblem } from "../plan/render-plan.ts";
import type { ReleaseCandidate } from "./preflight.ts";

/** A loaded Worker of the release: its config, as shown, and the account it deploys to. */
export interface CandidateInput {
  readonly key: string;
  /** The config as shown to the user (relative to the working directory). */
  readonly file: string;
  readonly worker: Worker & { readonly name: string };
  readonly accountId: string;
  /** The account as read; undefined when it was not. */
  readonly account: LiveAccount | undefined;
  /** The entry module's export names; null when they could not be determined. */
  readonly codeExports: ReadonlySet<string> | null;
}

/** A loaded Worker, planned against its account (no plan when the account or the Worker was not read). */
export function releaseCandidate(input: CandidateInput): ReleaseCandidate {
  const { worker, account } = input;
  const planned = planWorker(
    { file: input.file, env: worker.env, name: worker.name, worker, base: null, reason: "changed" },
    account ? { accounts: new Map([[input.accountId, account]]), defaultAccount: input.accountId } : null,
  );
  const settings = account?.settings.get(worker.name);
  const problem = planned.status === "failed" ? planned.problem : null;
  return {
    key: input.key,
    file: input.file,
    env: worker.env,
    name: worker.name,
    accountId: input.accountId,
    worker,
    plan: planned.plan,
    live: planned.live,
    liveBindings: settings?.ok && settings.value.exists ? settings.value.bindings : [],
    liveUsesExports: Boolean(settings?.ok && settings.value.exportsState !== undefined),
    codeExports: input.codeExports,
    problems: problem
      ? [
          {
            message: `The live state of ${worker.name} could not be read: ${problem.message}.`,
            fix: "Check the account ID, the token and the network, then re-run: nothing was deployed.",
          },
        ]
      : [],
  };
}

/** A selected Worker whose config could not be loaded: nothing to plan, its problems block the release. */
export function unplannedCandidate(
  key: string,
  file: string,
  worker: { readonly env: string | null; readonly name: string | null },
  problems: readonly DeployProblem[],
): ReleaseCandidate {
  return {
    key,
    file,
    env: worker.env,
    name: worker.name,
    accountId: null,
    worker: null,
    plan: null,
    live: null,
    liveBindings: [],
    liveUsesExports: false,
    codeExports: null,
    problems,
  };
}
