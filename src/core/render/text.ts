// The report for a terminal. Colour only when the caller says the output is a TTY.
import type { Finding, Report, Severity } from "../model.ts";
import { displayable } from "../text/display.ts";
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
  const losses = report.findings.filter((f) => f.dataLoss).length;
  const lines = [
    `${paint("bold", "do-migrate")}: risk ${paint(riskStyle(report.risk), report.risk.toUpperCase())}` +
      (report.findings.length
        ? `, ${report.findings.length} finding${report.findings.length === 1 ? "" : "s"}`
        : "") +
      (losses ? paint("critical", `, ${losses} destroying data`) : ""),
  ];
  for (const note of report.notes ?? []) lines.push(`${paint("dim", "note:")} ${clean(note)}`);
  if (hasLivePlan(report.workers)) lines.push(...renderPlanText(report.workers ?? []));
  if (report.findings.length === 0) lines.push("No Durable Object lifecycle changes.");
  for (const f of report.findings) {
    lines.push(
      "",
      `${paint(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.code} ${f.kind}  ${clean(where(f))}`,
      `  ${clean(f.message)}`,
      `  ${paint("dim", "fix:")} ${clean(f.fix)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function where(f: Finding): string {
  const place = f.line ? `${f.file}:${f.line}` : f.file;
  const env = f.env === null ? "" : ` [env ${f.env}]`;
  return `${place}${env}${f.worker ? ` (${f.worker})` : ""}`;
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
