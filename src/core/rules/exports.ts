// Rule family DO9xx: the declarative `exports` map (tombstones, renames and transfers the server refuses).
import type { RuleFamily } from "./rule.ts";

export const EXPORTS_RULES = {
  "exports-tombstone-in-code": {
    code: "DO901",
    title: "`deleted` tombstone while the code still exports the class",
    severity: "error",
  },
  "exports-rename-refused": {
    code: "DO902",
    title: "`renamed` tombstone the server refuses",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "exports-transfer-not-expected": {
    code: "DO903",
    title: "Transfer the receiving Worker does not expect",
    severity: "error",
  },
} as const satisfies RuleFamily;
