// Markdown blocks of the PR check around the report: the acknowledgement instructions and the
// body that replaces a sticky comment when the changes are gone.
import type { Acknowledgement } from "../acknowledge.ts";

export function renderAcknowledgementSection(acks: readonly Acknowledgement[]): string | null {
  if (acks.length === 0) return null;
  const missing = acks.filter((a) => !a.acknowledged);
  return [
    missing.length === 0
      ? "**✅ Acknowledged.** The pull request description names every class this change destroys:"
      : `**To merge anyway**, acknowledge the loss: add ${missing.length === acks.length ? "these lines" : `the ${missing.length} missing line(s) of these`} to the pull request description, exactly as written (a new or changed delete needs its own line):`,
    "",
    "```text",
    ...acks.map((a) => a.line),
    "```",
  ].join("\n");
}

export function renderNoChangesBody(marker: string): string {
  return `${marker}\n## Durable Object migration check: ✅ **none**\n\nThis pull request no longer has any Durable Object lifecycle changes.\n`;
}
