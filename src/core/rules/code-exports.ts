// Rule family DO6xx: the classes the Worker's code exports, against the classes its config keeps live.
import type { RuleFamily } from "./rule.ts";

export const CODE_EXPORT_RULES = {
  "class-not-exported": { code: "DO601", title: "Class with live objects not exported", severity: "error" },
  "created-class-not-exported": { code: "DO602", title: "Created class not exported", severity: "error" },
  "deleted-class-still-needed": {
    code: "DO603",
    title: "Deleted class already gone from code",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "exports-unknown": {
    code: "DO604",
    title: "Worker's exports could not be determined",
    severity: "info",
    aboutTheCheck: true,
  },
} as const satisfies RuleFamily;
