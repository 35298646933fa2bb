// A finding's message as parts (remarks.ts): later stages add remarks around the rule's own
// sentence through `remarked`, never by editing the text, and the own sentence stays findable.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { forUndeployedWorker } from "../../src/core/catalogue.ts";
import { AT_BASE, alreadyAtBase } from "../../src/core/diagnostics.ts";
import type { Finding } from "../../src/core/model.ts";
import { composeMessage, messageParts, remarked, withoutRemarks } from "../../src/core/remarks.ts";

const finding: Finding = {
  code: "DO201",
  kind: "history-edited",
  severity: "error",
  dataLoss: false,
  classes: [],
  worker: "w",
  env: null,
  file: "wrangler.toml",
  line: 3,
  tag: "v1",
  message: "Migration `v1` was edited.",
  fix: "Restore it.",
  introduced: true,
};

describe("remarks around a finding's own sentence", () => {
  it("a finding without remarks is its own sentence", () => {
    assert.deepEqual(messageParts(finding), { before: [], own: finding.message, after: [] });
  });

  it("remarks go before (newest first) and after (newest last), joined by one space", () => {
    const f = remarked(remarked(remarked(finding, { after: "Live: one." }), { before: "B." }), {
      before: "A:",
      after: "Live: two.",
    });
    assert.equal(f.message, "A: B. Migration `v1` was edited. Live: one. Live: two.");
    assert.equal(messageParts(f).own, finding.message);
    assert.equal(composeMessage(messageParts(f)), f.message);
  });

  it("the placement's and the undeployed Worker's leads are remarks, worded as before", () => {
    const old = alreadyAtBase(finding);
    assert.equal(old.message, "Already at the base revision: Migration `v1` was edited.");
    assert.deepEqual(messageParts(old).before, [AT_BASE]);
    const undeployed = forUndeployedWorker(finding, "the name `w` is a placeholder");
    assert.equal(
      undeployed.message,
      "Not deployed as written (the name `w` is a placeholder), and this only matters for a Worker that is already deployed. Migration `v1` was edited.",
    );
    assert.equal(messageParts(undeployed).own, finding.message);
  });

  it("a remark can be taken back out", () => {
    assert.equal(withoutRemarks(alreadyAtBase(finding), (r) => r === AT_BASE).message, finding.message);
  });

  it("a message edited behind the parts' back is taken whole as the own sentence", () => {
    const edited = { ...alreadyAtBase(finding), message: "Something else." };
    assert.deepEqual(messageParts(edited), { before: [], own: "Something else.", after: [] });
    assert.equal(remarked(edited, { after: "Live." }).message, "Something else. Live.");
  });
});
