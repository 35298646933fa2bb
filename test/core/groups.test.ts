// One change, one entry (render/groups.ts): findings of one change in several Workers become one
// group whose message is true for each of them; anything that differs keeps them apart. And the
// comment rule of `comment: on-change` (gate.ts startsAComment).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { startsAComment } from "../../src/core/gate.ts";
import type { Finding } from "../../src/core/model.ts";
import { renderShortReport } from "../../src/core/render/check-sections.ts";
import { groupFindings } from "../../src/core/render/groups.ts";
import { renderJson } from "../../src/core/render/json.ts";
import { renderMarkdown } from "../../src/core/render/markdown.ts";
import { renderText } from "../../src/core/render/text.ts";
import { andList } from "../../src/core/text/lists.ts";

const BASE = [
  'name = "chat"',
  "",
  "[[durable_objects.bindings]]",
  'name = "ROOMS"',
  'class_name = "Room"',
  "",
  "[[migrations]]",
  'tag = "v1"',
  'new_sqlite_classes = ["Room", "Limiter"]',
  "",
  "[env.staging]",
  'durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]',
  "",
  "[env.production]",
  'durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]',
  "",
].join("\n");
const HEAD = BASE.replace(
  'new_sqlite_classes = ["Room", "Limiter"]\n',
  'new_sqlite_classes = ["Room", "Limiter"]\n\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Limiter"]\n',
);
const report = analyzeRepository([{ file: "wrangler.toml", baseText: BASE, headText: HEAD }]);

describe("grouping findings by change", () => {
  it("a delete inherited by two environments is one entry naming the three Workers", () => {
    const deletes = report.findings.filter((f) => f.code === "DO101");
    assert.equal(deletes.length, 3, "one finding per Worker");
    const groups = groupFindings(deletes);
    assert.equal(groups.length, 1);
    assert.equal(
      groups[0]!.message,
      "Deleting class `Limiter` in the top-level config, env `production` and env `staging` (migration `v2`) destroys every `Limiter` object of `chat`, `chat-production` and `chat-staging` and all its storage, irreversibly. Env `production` and env `staging` inherit it from the top-level config.",
    );
    // Each Worker's own message is still in the JSON report.
    const json = JSON.parse(renderJson(report));
    assert.equal(json.findings.filter((f: Finding) => f.code === "DO101").length, 3);
  });

  it("the text output and the comment show it once", () => {
    const text = renderText(report);
    assert.equal(text.match(/DO101 class-deleted/g)?.length, 1, text);
    assert.match(
      text,
      /wrangler\.toml:\d+ {2}3 Workers: chat \[top level\], chat-production \[env production\], chat-staging \[env staging\]/,
    );
    const markdown = renderMarkdown(report);
    assert.equal(markdown.match(/\*\*`Limiter`\*\* deleted/g)?.length, 1);
  });

  it("every report counts entries, as the reader sees them, not Workers", () => {
    // One delete and one create at the top level, each reaching the three Workers; a directive
    // suppresses nothing here, so the suppressed entry is made by hand (three Workers, one entry).
    const head = HEAD.replace(
      'deleted_classes = ["Limiter"]\n',
      'deleted_classes = ["Limiter"]\n\n[[migrations]]\ntag = "v3"\nnew_sqlite_classes = ["Typing"]\n',
    );
    const analysed = analyzeRepository([{ file: "wrangler.toml", baseText: BASE, headText: head }]);
    const created = analysed.findings.filter((f) => f.code === "DO301");
    assert.equal(created.length, 3);
    const hidden = created.map((f) => ({
      ...f,
      code: "DO302",
      kind: "class-renamed" as const,
      suppressed: { by: "policy" as const, reason: "r", file: ".do-migrate.jsonc", line: 1 },
    }));
    const both = { ...analysed, findings: [...analysed.findings, ...hidden] };
    assert.equal(both.findings.length, 9, "one finding per Worker");

    const full = renderMarkdown(both);
    assert.match(full, /One change deletes objects/);
    assert.match(full, /### Other findings \(1\)/);
    assert.match(full, /<summary>Suppressed \(1\)/);
    const compact = renderMarkdown(both, { maxLength: full.length - 1 });
    assert.match(compact, /### Other findings \(1\)\n\n- DO301 `class-created`: 1\n/);
    assert.match(compact, /<summary>Suppressed \(1\).*\n\n- DO302 `class-renamed`: 1\n/);
    const short = renderShortReport(both, { marker: "<!-- m -->", acknowledgements: [] });
    assert.match(short, /### 🛑 Data-destroying changes \(1\)/);
    assert.match(short, /### Other findings \(1\)\n\n- DO301 `class-created`: 1\n/);
    assert.match(short, /_1 suppressed finding\(s\), not counted/);
    const text = renderText(both);
    assert.equal(
      text.split("\n")[0],
      "do-migrate: risk CRITICAL, 2 findings, 1 destroying data, 1 suppressed",
    );
    assert.match(text, /^suppressed \(1\), not counted/m);
  });

  it("findings that differ in more than the Worker stay apart", () => {
    const base = report.findings.find((f) => f.code === "DO101")!;
    const other: Finding = { ...base, worker: "chat-staging", env: "staging", line: (base.line ?? 0) + 1 };
    const suppressed: Finding = {
      ...base,
      worker: "chat-production",
      env: "production",
      suppressed: { by: "directive", reason: "r", file: "wrangler.toml", line: 1 },
    };
    assert.equal(groupFindings([base, other, suppressed]).length, 3);
  });

  it("lists read as English", () => {
    assert.equal(andList(["a"]), "a");
    assert.equal(andList(["a", "b"]), "a and b");
    assert.equal(andList(["a", "b", "c"]), "a, b and c");
  });
});

describe("what starts a pull request comment (comment: on-change)", () => {
  const sample = report.findings.find((f) => f.code === "DO101")!;
  const as = (patch: Partial<Finding>): Finding => ({ ...sample, ...patch });
  it("an introduced finding about the lifecycle does", () => {
    assert.equal(startsAComment(sample), true);
  });
  it("what the check could not see does not (DO604), nor a directive's own finding, nor anything old or suppressed", () => {
    assert.equal(startsAComment(as({ code: "DO604", kind: "exports-unknown", dataLoss: false })), false);
    assert.equal(startsAComment(as({ code: "DO702", kind: "directive-unused", dataLoss: false })), false);
    assert.equal(startsAComment(as({ introduced: false })), false);
    assert.equal(
      startsAComment(
        as({
          code: "DO201",
          kind: "history-edited",
          suppressed: { by: "policy", reason: "r", file: "p", line: 1 },
        }),
      ),
      false,
    );
  });
});
