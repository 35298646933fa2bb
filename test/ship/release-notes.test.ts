// The GitHub Release body: one version's section of CHANGELOG.md.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { releaseNotes } from "../../scripts/release-notes.ts";

const changelog = [
  "# Changelog",
  "",
  "## [Unreleased]",
  "",
  "## [1.2.0] - 2026-08-01",
  "",
  "### Added",
  "",
  "- Deploy mode.",
  "",
  "## [1.1.10] - 2026-07-01",
  "",
  "### Fixed",
  "",
  "- A typo.",
  "",
  "[Unreleased]: https://github.com/<owner>/do-migrate-action/compare/v1.2.0...HEAD",
  "[1.2.0]: https://github.com/<owner>/do-migrate-action/compare/v1.1.10...v1.2.0",
  "",
].join("\n");

describe("releaseNotes", () => {
  it("returns the version's section without its heading, up to the next version", () => {
    assert.equal(releaseNotes(changelog, "1.2.0"), "### Added\n\n- Deploy mode.\n");
  });

  it("stops at the link definitions that end the file", () => {
    assert.equal(releaseNotes(changelog, "1.1.10"), "### Fixed\n\n- A typo.\n");
  });

  it("matches the version exactly (1.1.1 is not 1.1.10), and an empty section is none", () => {
    assert.equal(releaseNotes(changelog, "1.1.1"), null);
    assert.equal(releaseNotes(changelog, "1.2"), null);
    assert.equal(releaseNotes(changelog, "Unreleased"), null);
  });

  it("reads the repository's CHANGELOG.md (Keep a Changelog, with an Unreleased section)", () => {
    const text = readFileSync(new URL("../../CHANGELOG.md", import.meta.url), "utf8");
    assert.match(text, /^## \[Unreleased\]$/m);
    assert.match(releaseNotes(text, "Unreleased") ?? "", /^### Added$/m);
  });

  it("exits 1 with a message when the version has no section", () => {
    const script = fileURLToPath(new URL("../../scripts/release-notes.ts", import.meta.url));
    const changelogPath = fileURLToPath(new URL("../../CHANGELOG.md", import.meta.url));
    const result = spawnSync(process.execPath, [script, "9.9.9", changelogPath], { encoding: "utf8" });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /has no "## \[9\.9\.9\]" section/);
  });
});
