// Rule family DO5xx: the Worker a target deploys to (environments removed, renamed, moved, deployed twice).
import type { RuleFamily } from "./rule.ts";

export const WORKER_RULES = {
  "env-removed": {
    code: "DO501",
    title: "Environment removed",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "worker-renamed": { code: "DO502", title: "Worker renamed", severity: "warning", deployedWorkerOnly: true },
  "account-changed": {
    code: "DO503",
    title: "Worker moved to another account",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "worker-name-taken": {
    code: "DO504",
    title: "Worker now deployed from another config",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "worker-deployed-twice": { code: "DO505", title: "Two targets deploy one Worker", severity: "warning" },
} as const satisfies RuleFamily;
