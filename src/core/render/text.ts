// The report for a terminal. Colour only when the caller says the output is a TTY.
import type { Finding, Report, Severity } from "../model.ts";
import { displayable } from "../text/display.ts";
import { groupFindings } from "./groups.ts";
import { hasLivePlan, renderPlanText } from "./plan-table.ts";

export interface TextOptions {
  readonly color?: boolean;
}

const COLOR: Record<Severity | "dim" | "bold", string> = {
  critical: "\u001b[1;31m",
  error: "\u001b[31m",
  warning: "\u001b[33m",
  info: "\u001b[36m",
  dim: "\u001b[2m",
  bold: "\u001b[1m",
};

export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = (style: keyof typeof COLOR, text: string) =>
    options.color ? `${COLOR[style]}${text}\u001b[0m` : text;
  // Counted as they are shown: one entry per change, however many Workers it reaches.
  const counted = groupFindings(report.findings.filter((f) => !f.suppressed));
  const suppressed = groupFindings(report.findings.filter((f) => f.suppressed));
  const losses = counted.filter((g) => g.first.dataLoss).length;
  const lines = [
    `${paint("bold", "do-migrate")}: risk ${paint(riskStyle(report.risk), report.risk.toUpperCase())}` +
      (counted.length ? `, ${counted.length} finding${counted.length === 1 ? "" : "s"}` : "") +
      (losses ? paint("critical", `, ${losses} destroying data`) : "") +
      (suppressed.length ? `, ${suppressed.length} suppressed` : ""),
  ];
  for (const note of report.notes ?? []) lines.push(`${paint("dim", "note:")} ${clean(note)}`);
  if (hasLivePlan(report.workers)) lines.push(...renderPlanText(report.workers ?? []));
  if (report.findings.length === 0) lines.push("No Durable Object lifecycle changes.");
  for (const group of counted) {
    const f = group.first;
    lines.push(
      "",
      `${paint(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.code} ${f.kind}  ${clean(where(group.findings))}`,
      `  ${clean(group.message)}`,
      `  ${paint("dim", "fix:")} ${clean(f.fix)}`,
    );
    if (f.policyLevel) {
      const p = f.policyLevel;
      lines.push(
        `  ${paint("dim", "level:")} ${f.severity} by the policy at ${clean(place(p.file, p.line))} (was ${p.from})`,
      );
    }
  }
  if (suppressed.length > 0) {
    lines.push("", paint("dim", `suppressed (${suppressed.length}), not counted in the risk or the gate:`));
    for (const group of suppressed) {
      const f = group.first;
      const by = f.suppressed!;
      lines.push(
        `  ${f.code} ${f.kind}  ${clean(where(group.findings))}: ${by.by === "directive" ? "directive" : "policy"} at ${clean(place(by.file, by.line))}: ${clean(by.reason)}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** `file:line [env x] (worker)` for one Worker; the Workers listed for several. */
function where(findings: readonly Finding[]): string {
  const f = findings[0]!;
  const at = place(f.file, f.line);
  if (findings.length === 1) {
    const env = f.env === null ? "" : ` [env ${f.env}]`;
    return `${at}${env}${f.worker ? ` (${f.worker})` : ""}`;
  }
  const workers = findings.map((w) => {
    const env = w.env === null ? "top level" : `env ${w.env}`;
    return w.worker ? `${w.worker} [${env}]` : `[${env}]`;
  });
  return `${at}  ${findings.length} Workers: ${workers.join(", ")}`;
}

function place(file: string, line: number | null): string {
  return line ? `${file}:${line}` : file;
}

/**
 * Control characters from a config (terminal escape sequences, line breaks that would start a
 * line of their own, e.g. a `::command::` read by a CI runner) and bidi controls are shown as
 * `?`, never sent.
 */
function clean(text: string): string {
  return displayable(text, "?");
}

function riskStyle(risk: Report["risk"]): Severity {
  return risk === "critical"
    ? "critical"
    : risk === "high"
      ? "error"
      : risk === "medium"
        ? "warning"
        : "info";
}
