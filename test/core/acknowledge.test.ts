// Acknowledging data loss (acknowledge.ts, gate.ts): one line per destroyed class, naming only what
// is destroyed, never two lines for one destruction; lines written as earlier versions printed
// them (several classes joined with commas) still count.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { acknowledgements } from "../../src/core/acknowledge.ts";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { gateFor } from "../../src/core/gate.ts";
import type { Report } from "../../src/core/model.ts";
import { withLiveState } from "../support/live-cases.ts";

const lines = (report: Report, description = "") =>
  acknowledgements(report, description).map((a) => `${a.line} <- ${a.findings.map((f) => f.code).join(" ")}`);
const passes = (report: Report, description: string) =>
  !gateFor(report, acknowledgements(report, description), "critical").failed;

describe("a rename written as delete + create (DO101 and DO102)", () => {
  const base = [
    'name = "chat"',
    "",
    "[[durable_objects.bindings]]",
    'name = "ROOMS"',
    'class_name = "Room"',
    "",
    "[[migrations]]",
    'tag = "v1"',
    'new_sqlite_classes = ["Room"]',
    "",
  ].join("\n");
  const head = `${base.replace('class_name = "Room"', 'class_name = "ChatRoom"')}[[migrations]]\ntag = "v2"\ndeleted_classes = ["Room"]\nnew_sqlite_classes = ["ChatRoom"]\n`;
  const report = analyzeRepository([{ file: "wrangler.toml", baseText: base, headText: head }]);

  it("asks for one line, naming the class it destroys and not the one it creates", () => {
    assert.deepEqual(
      report.findings.filter((f) => f.dataLoss).map((f) => `${f.code} ${f.classes.join(",")}`),
      ["DO101 Room", "DO102 Room,ChatRoom"],
    );
    assert.deepEqual(lines(report), ["do-migrate: destroy Room in chat at v2 <- DO101 DO102"]);
  });

  it("that line passes both findings; the line earlier versions asked for DO102 still counts", () => {
    assert.equal(passes(report, "do-migrate: destroy Room in chat at v2"), true);
    assert.equal(passes(report, "- `do-migrate: destroy Room,ChatRoom in chat at v2`"), true);
    assert.equal(
      passes(report, "do-migrate: destroy ChatRoom in chat at v2"),
      false,
      "not the created class",
    );
    assert.equal(passes(report, "do-migrate: destroy Room in chat at v3"), false, "not another tag");
  });
});

describe("a replay of the whole history (DO801) that destroys two classes", () => {
  // The live Worker is at a tag this branch lacks: wrangler replays every step. The replay renames
  // Old (live) to Room, deletes Lobby (live) at v2, and this change deletes Room at v3 (DO101).
  const base = [
    'name = "chat"',
    "",
    "[[migrations]]",
    'tag = "v1"',
    'renamed_classes = [{ from = "Old", to = "Room" }]',
    "",
    "[[migrations]]",
    'tag = "v2"',
    'deleted_classes = ["Lobby"]',
    "",
  ].join("\n");
  const head = `${base}\n[[migrations]]\ntag = "v3"\ndeleted_classes = ["Room"]\n`;
  const report = withLiveState([{ file: "wrangler.toml", baseText: base, headText: head }], {
    scripts: { chat: "preview-3" },
    namespaces: { "chat/Lobby": 5, "chat/Old": 7 },
  });

  it("asks for one line per class, and the class DO101 names keeps DO101's line", () => {
    assert.deepEqual(
      report.findings.filter((f) => f.dataLoss).map((f) => `${f.code} ${f.classes.join(",")} ${f.tag}`),
      ["DO801 Lobby,Room preview-3", "DO101 Room v3"],
    );
    assert.deepEqual(lines(report), [
      "do-migrate: destroy Lobby in chat at preview-3 <- DO801",
      "do-migrate: destroy Room in chat at v3 <- DO101 DO801",
    ]);
  });

  it("passes only when every destroyed class is acknowledged; the joined line of earlier versions counts", () => {
    assert.equal(
      passes(
        report,
        "do-migrate: destroy Lobby in chat at preview-3\ndo-migrate: destroy Room in chat at v3",
      ),
      true,
    );
    assert.equal(
      passes(
        report,
        "do-migrate: destroy Lobby,Room in chat at preview-3\ndo-migrate: destroy Room in chat at v3",
      ),
      true,
    );
    const partial = acknowledgements(report, "do-migrate: destroy Room in chat at v3");
    assert.deepEqual(
      partial.filter((a) => !a.acknowledged).map((a) => a.line),
      ["do-migrate: destroy Lobby in chat at preview-3"],
    );
    assert.equal(gateFor(report, partial, "critical").failed, true);
  });
});
