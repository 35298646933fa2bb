// Rule family DO4xx: Durable Object bindings (removed, pointing nowhere, moved to another Worker).
import type { RuleFamily } from "./rule.ts";

export const BINDING_RULES = {
  "binding-removed": {
    code: "DO401",
    title: "Binding removed, class kept",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "binding-unknown-class": {
    code: "DO402",
    title: "Binding to a class no migration creates",
    severity: "error",
  },
  "binding-retargeted": {
    code: "DO403",
    title: "Binding moved to another Worker's class",
    severity: "warning",
  },
} as const satisfies RuleFamily;
