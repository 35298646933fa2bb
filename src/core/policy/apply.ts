// The policy step (policy-step.ts) with the TOML syntax reader at hand, for callers to whom
// loading toml-eslint-parser costs nothing (the core's tests; a use case already loading it). The
// entry points call check/policy-step.ts instead, which loads the reader only when needed.

import { readTomlSyntax } from "../config/toml-syntax.ts";
import type { Report } from "../model.ts";
import { applyPolicyWith, type PolicyInput } from "./policy-step.ts";

export function applyPolicy(report: Report, input: PolicyInput): Report {
  return applyPolicyWith(report, input, readTomlSyntax);
}
