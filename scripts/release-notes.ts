// Prints the CHANGELOG.md section of one version (Keep a Changelog: "## [X.Y.Z] - date"), for the
// GitHub Release body. Exits 1 when the section is missing or empty.
//
// Usage: node scripts/release-notes.ts X.Y.Z [CHANGELOG.md]
import { readFileSync } from "node:fs";

/** The body of the `## [version]` section, without its heading; null when absent or empty. */
export function releaseNotes(changelog: string, version: string): string | null {
  const lines = changelog.split(/\r?\n/);
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const heading = new RegExp(`^##\\s+\\[?v?${escaped}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return null;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    // The next version, or the link definitions ("[1.0.0]: https://...") that close the file.
    if (/^##\s/.test(line) || /^\[[^\]]+\]:\s*\S/.test(line)) break;
    body.push(line);
  }
  const text = body.join("\n").trim();
  return text ? `${text}\n` : null;
}

if (import.meta.main) {
  const [version, path = "CHANGELOG.md"] = process.argv.slice(2);
  if (!version) {
    console.error("usage: node scripts/release-notes.ts X.Y.Z [CHANGELOG.md]");
    process.exit(2);
  }
  const notes = releaseNotes(readFileSync(path, "utf8"), version);
  if (!notes) {
    console.error(
      `${path} has no "## [${version}]" section with content: move the Unreleased notes there first.`,
    );
    process.exit(1);
  }
  process.stdout.write(notes);
}
