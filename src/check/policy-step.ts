// The policy step as the entry points run it (the CLI's `diff`, and `runCheck`): the TOML syntax
// reader the directives of a TOML config are found with (toml-eslint-parser, about 70 KB) is
// loaded only when a TOML config of the change mentions a directive, so a check without
// directives never pays for it.
import { configFormat } from "../core/config/parse.ts";
import type { ConfigChange, Report } from "../core/model.ts";
import { mentionsDirective } from "../core/policy/directives.ts";
import { applyPolicyWith, type PolicyInput } from "../core/policy/policy-step.ts";

export async function applyPolicy(report: Report, input: PolicyInput): Promise<Report> {
  const readToml = input.changes.some(tomlWithDirective)
    ? (await import("../core/config/toml-syntax.ts")).readTomlSyntax
    : null;
  return applyPolicyWith(report, input, readToml);
}

/** Each side in its own file's syntax: the base of a moved config may be TOML where the head is not. */
function tomlWithDirective(change: ConfigChange): boolean {
  const isToml = (file: string) => configFormat(file) === "toml";
  return (
    (isToml(change.file) && mentionsDirective(change.headText)) ||
    (isToml(change.baseFile ?? change.file) && mentionsDirective(change.baseText))
  );
}
