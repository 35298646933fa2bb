// The three report formats on realistic changes, compared with committed expected outputs, and
// the guarantees of each renderer (no markup injection in Markdown, stable JSON contract).
//
// Expected outputs are plain files next to each fixture (expected.txt / .md / .json) rather than
// node:test snapshots: the Markdown file renders on GitHub exactly like the PR comment would, every
// format diffs line by line in review, and nothing is escaped into a JavaScript string.
// Regenerate after a deliberate change of the core:
//   UPDATE_EXPECTED=1 node_modules/.bin/node --test test/core/render.test.ts
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { describe, it } from "node:test";
import { analyzeRepository, buildReport } from "../../src/core/analyze/analyze.ts";
import { CATALOGUE, findingDocsAnchor, fixInFormat } from "../../src/core/catalogue.ts";
import type { ConfigChange, Finding, Report } from "../../src/core/model.ts";
import { renderJson } from "../../src/core/render/json.ts";
import { COMMENT_LIMIT, renderMarkdown } from "../../src/core/render/markdown.ts";
import { renderText } from "../../src/core/render/text.ts";

const FIXTURES = new URL("../fixtures/changes/", import.meta.url).pathname;
const UPDATE = process.env.UPDATE_EXPECTED === "1";

/**
 * A fixture directory holds `base.<ext>` / `head.<ext>` pairs, at its root or in sub-directories;
 * each pair is the config `<dir>/wrangler.<ext>` (a missing side is a file added or deleted).
 */
function loadChanges(fixture: string): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const walk = (dir: string, rel: string) => {
    const names = readdirSync(dir).sort();
    for (const ext of ["toml", "json", "jsonc"]) {
      const base = join(dir, `base.${ext}`);
      const head = join(dir, `head.${ext}`);
      if (!existsSync(base) && !existsSync(head)) continue;
      changes.push({
        file: posix.join(rel, `wrangler.${ext}`),
        baseText: existsSync(base) ? readFileSync(base, "utf8") : null,
        headText: existsSync(head) ? readFileSync(head, "utf8") : null,
      });
    }
    for (const name of names) {
      if (statSync(join(dir, name)).isDirectory()) walk(join(dir, name), posix.join(rel, name));
    }
  };
  walk(join(FIXTURES, fixture), "");
  return changes;
}

function compareWithExpected(fixture: string, name: string, actual: string): void {
  const path = join(FIXTURES, fixture, name);
  if (UPDATE || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!UPDATE) assert.fail(`${path} did not exist: written now, review and commit it`);
    return;
  }
  assert.equal(
    actual,
    readFileSync(path, "utf8"),
    `${fixture}/${name} differs (UPDATE_EXPECTED=1 rewrites it)`,
  );
}

describe("the three formats on realistic changes", () => {
  const fixtures: Array<{ name: string; summary: (report: Report) => unknown; expect: unknown }> = [
    {
      name: "chat-delete",
      // A delete added at the top level reaches both envs that inherit the migrations; each
      // Worker that still binds the class is rejected with 10061.
      summary: (r) => [r.risk, r.findings.map((f) => `${f.code} ${f.env ?? "-"} ${f.line}`)],
      expect: [
        "critical",
        [
          "DO101 - 22",
          "DO101 production 22",
          "DO101 staging 22",
          "DO103 - 9",
          "DO103 production 45",
          "DO103 staging 34",
        ],
      ],
    },
    {
      name: "rename-as-delete",
      summary: (r) => [r.risk, r.findings.map((f) => `${f.code} ${f.env ?? "-"} ${f.line}`)],
      expect: [
        "critical",
        [
          "DO101 - 16",
          "DO102 - 16",
          "DO101 preview 16",
          "DO102 preview 16",
          "DO104 - 16",
          "DO104 preview 16",
          "DO301 - 16",
          "DO301 preview 16",
        ],
      ],
    },
    {
      name: "monorepo-exports",
      summary: (r) => [r.risk, r.findings.map((f) => `${f.code} ${f.file}:${f.line} ${f.env ?? "-"}`)],
      expect: [
        "critical",
        [
          "DO101 apps/api/wrangler.jsonc:10 -",
          "DO101 apps/api/wrangler.jsonc:10 staging",
          "DO103 apps/api/wrangler.jsonc:17 -",
          "DO105 apps/jobs/wrangler.jsonc:8 -",
          "DO401 apps/api/wrangler.jsonc:24 staging",
          "DO301 apps/api/wrangler.jsonc:11 -",
          "DO301 apps/api/wrangler.jsonc:11 staging",
          "DO301 apps/search/wrangler.toml:9 -",
        ],
      ],
    },
  ];
  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      const report = analyzeRepository(loadChanges(fixture.name));
      it("finds what the fixture is about", () => assert.deepEqual(fixture.summary(report), fixture.expect));
      it("text", () => compareWithExpected(fixture.name, "expected.txt", renderText(report)));
      it("markdown", () => compareWithExpected(fixture.name, "expected.md", renderMarkdown(report)));
      it("json", () => compareWithExpected(fixture.name, "expected.json", renderJson(report)));
    });
  }
});

/** Builds findings directly, for renderer properties that do not depend on the analysis. */
function finding(overrides: Partial<Finding> & Pick<Finding, "kind">): Finding {
  const entry = CATALOGUE[overrides.kind];
  return {
    code: entry.code,
    severity: entry.severity,
    dataLoss: overrides.kind === "class-deleted",
    classes: ["Room"],
    worker: "chat",
    env: null,
    file: "wrangler.toml",
    line: 12,
    tag: "v2",
    message: "Something about `Room`.",
    fix: "Do the right thing with `Room`.",
    introduced: true,
    ...overrides,
  };
}

describe("renderText", () => {
  const report = buildReport([
    finding({ kind: "class-created", severity: "info" }),
    finding({ kind: "class-deleted", env: "staging", worker: "chat-staging" }),
  ]);

  it("lists data loss first with place, env and Worker, and no colour unless asked", () => {
    const text = renderText(report);
    assert.ok(!text.includes("\u001b["), "no ANSI codes");
    const lines = text.split("\n");
    assert.equal(lines[0], "do-migrate: risk CRITICAL, 2 findings, 1 destroying data");
    assert.match(
      lines[2]!,
      /^CRITICAL +DO101 class-deleted {2}wrangler\.toml:12 \[env staging\] \(chat-staging\)$/,
    );
    assert.ok(text.indexOf("DO101") < text.indexOf("DO301"));
    assert.ok(text.endsWith("\n"));
  });

  it("colours severities only when the caller says the output is a terminal", () => {
    assert.ok(renderText(report, { color: true }).includes("\u001b[1;31m"));
  });

  it("an empty report says so", () => {
    assert.equal(
      renderText(buildReport([])),
      "do-migrate: risk NONE\nNo Durable Object lifecycle changes.\n",
    );
  });

  it("names from a config cannot send terminal escape sequences", () => {
    const change = {
      file: "wrangler.toml",
      baseText:
        'name = "x"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n[env."\\u001b[2J\\u001b[31mprod"]\n',
      headText:
        'name = "x"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["A"]\n[env."\\u001b[2J\\u001b[31mprod"]\n',
    };
    const text = renderText(analyzeRepository([change]));
    assert.ok(text.includes("prod"));
    assert.ok(!text.includes("\u001b"), "no raw ESC from the config");
  });
});

describe("renderJson: the --format json contract", () => {
  it("has risk, dataLoss and every finding field, in report order", () => {
    const report = buildReport([
      finding({ kind: "class-created", severity: "info" }),
      finding({ kind: "class-deleted" }),
    ]);
    const json = JSON.parse(renderJson(report));
    assert.equal(json.risk, "critical");
    assert.equal(json.dataLoss, true);
    assert.deepEqual(Object.keys(json.findings[0]), [
      "code",
      "kind",
      "severity",
      "dataLoss",
      "classes",
      "worker",
      "env",
      "file",
      "line",
      "tag",
      "introduced",
      "message",
      "fix",
    ]);
    assert.deepEqual(
      json.findings.map((f: { code: string }) => f.code),
      ["DO101", "DO301"],
    );
  });

  it("an empty report", () => {
    assert.equal(
      renderJson(buildReport([])),
      '{\n  "risk": "none",\n  "dataLoss": false,\n  "findings": [],\n  "notes": [],\n  "workers": []\n}\n',
    );
  });
});

describe("renderMarkdown", () => {
  it("an empty report is one reassuring line under the heading", () => {
    const md = renderMarkdown(buildReport([]), { marker: "<!-- do-migrate-action -->", heading: "DO check" });
    assert.equal(
      md,
      "<!-- do-migrate-action -->\n## DO check: ✅ **none risk**\n\nNo Durable Object lifecycle changes. Nothing is created, renamed, transferred or deleted.\n",
    );
  });

  it("puts the data-loss banner first and links every code to its docs section", () => {
    const md = renderMarkdown(
      buildReport([
        finding({ kind: "binding-removed", severity: "warning" }),
        finding({ kind: "class-deleted" }),
      ]),
      { docsBaseUrl: "https://example.invalid/blob/main/" },
    );
    assert.ok(md.indexOf("[!CAUTION]") < md.indexOf("Other findings"));
    assert.ok(md.includes(`[DO101](https://example.invalid/blob/main/${findingDocsAnchor("DO101")})`));
    assert.ok(md.includes("[DO401](https://example.invalid/blob/main/docs/findings.md#do401)"));
  });

  it("caller sections come after the data-loss list, the acknowledgement and the advice", () => {
    const md = renderMarkdown(buildReport([finding({ kind: "class-deleted" })]), {
      acknowledgement: "ACK-BLOCK",
      sections: ["### Deploy plan"],
    });
    const at = (text: string) => {
      assert.ok(md.includes(text), `${text} in\n${md}`);
      return md.indexOf(text);
    };
    const order = [
      at("This change destroys Durable Object data"),
      at("deleted by migration"),
      at("ACK-BLOCK"),
      at("**To delete safely, deploy twice**"),
      at("### Deploy plan"),
    ];
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
  });

  it("the comment form: verdict, data loss, acknowledgement, advice once, the rest in one closed block", () => {
    const report = buildReport([
      finding({ kind: "class-deleted", classes: ["Limiter"], tag: "v2", line: 9 }),
      finding({
        kind: "delete-still-bound",
        severity: "error",
        classes: ["Limiter"],
        line: 20,
        message: "Class `Limiter` is deleted but binding `L` still points at it.",
        fix: "Remove the binding and delete in two deploys: first ...",
      }),
      finding({
        kind: "class-created",
        severity: "info",
        classes: ["Typing"],
        line: 12,
        fix: "Export `Typing`.",
      }),
    ]);
    const md = renderMarkdown(report, { comment: true, acknowledgement: "ACK-BLOCK" });
    const order = [
      md.indexOf("> **This change destroys Durable Object data:** every object of `Limiter`"),
      md.indexOf("- **`Limiter`** deleted by migration `v2`"),
      md.indexOf("ACK-BLOCK"),
      md.indexOf("**To delete safely, deploy twice**"),
      md.indexOf("<details>\n<summary>2 other findings: ❌ 1 error · ℹ️ 1 info</summary>"),
      md.indexOf("- ❌ **DO103**"),
      md.indexOf("- ℹ️ **DO301**"),
      md.indexOf("_The full report"),
    ];
    assert.ok(order.every((i) => i >= 0) && order.join() === [...order].sort((a, b) => a - b).join(), md);
    // The two-deploy advice is given once; a finding whose fix repeats it points at it.
    assert.match(
      md,
      /\n {2}Class `Limiter` is deleted but binding `L` still points at it\.\n {2}_Fix:_ the two deploys above\.\n/,
    );
    assert.doesNotMatch(md, /### Other findings/);
  });

  it("a report too long for a comment degrades to counts, keeping every data-loss finding", () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      finding({ kind: "class-created", severity: "info", classes: [`Class${i}`], line: i + 1 }),
    );
    const losses = [finding({ kind: "class-deleted", classes: ["Precious"] })];
    const full = renderMarkdown(buildReport([...losses, ...many]), { maxLength: 1_000_000 });
    const md = renderMarkdown(buildReport([...losses, ...many]), { maxLength: 20_000 });
    assert.ok(full.length > 20_000);
    assert.ok(md.length <= 20_000);
    assert.ok(md.includes("`Precious`"));
    assert.ok(md.includes("- DO301 `class-created`: 400"));
    assert.ok(md.includes("did not fit in a comment"));
  });

  it("never exceeds the limit, even when the data-loss list alone is too long", () => {
    const losses = Array.from({ length: 300 }, (_, i) =>
      finding({ kind: "class-deleted", classes: [`C${i}`] }),
    );
    const md = renderMarkdown(buildReport(losses), { maxLength: 5_000 });
    assert.ok(md.length <= 5_000, `${md.length} characters`);
    assert.ok(md.includes("report truncated"));
    assert.ok(renderMarkdown(buildReport(losses)).length <= COMMENT_LIMIT);
  });
});

describe("renderMarkdown: a pull request cannot inject markup through names", () => {
  const hostile = [
    "<img src=x onerror=alert(1)>",
    "@octocat",
    "`x`",
    "<!-- do-migrate-action -->",
    "[link](http://evil)",
    "| a | b |",
  ];
  /** Raw forms that must not survive outside a code span. */
  const forbidden = [/<img/i, /@octocat/, /<!--/, /\[link\]/, /\]\(http/, /\| a \|/, /<b>/];

  /** The Markdown with every code span removed (spans never contain a backtick by construction). */
  function outsideCodeSpans(md: string): string {
    return md
      .split("\n")
      .map((line) => {
        const ticks = line.split("`").length - 1;
        assert.equal(ticks % 2, 0, `unbalanced backticks: ${line}`);
        return line.replace(/`[^`]*`/g, "«code»");
      })
      .join("\n");
  }

  function tomlString(s: string) {
    return JSON.stringify(s);
  }

  it("class names and tags appear only escaped or inside code spans", () => {
    const classes = hostile.map(tomlString).join(", ");
    const base = `name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = ${tomlString(hostile[0]!)}
[[durable_objects.bindings]]
name = "TICKS"
class_name = ${tomlString(hostile[2]!)}
[[migrations]]
tag = "v1"
new_sqlite_classes = [${classes}]
`;
    const head = `name = "chat"
[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Fresh"
[[durable_objects.bindings]]
name = "TICKS"
class_name = "Fresh2"
[[durable_objects.bindings]]
name = "OTHER"
class_name = ${tomlString(hostile[4]!)}
[[migrations]]
tag = "v1"
new_sqlite_classes = [${classes}]
[[migrations]]
tag = ${tomlString("v2 <b>@octocat</b> [link](http://evil)")}
deleted_classes = [${classes}]
new_sqlite_classes = ["Fresh", "Fresh2"]
[[migrations]]
tag = "v3"
delete_classes = [${classes}]
`;
    const report = analyzeRepository([{ file: "wrangler.toml", baseText: base, headText: head }]);
    const kinds = new Set(report.findings.map((f) => f.kind));
    const renames = report.findings.filter((f) => f.kind === "probable-rename").map((f) => f.classes[0]);
    assert.deepEqual(
      renames.sort(),
      [hostile[0], hostile[2]].sort(),
      "the fix text quotes a name with backticks",
    );
    for (const kind of [
      "class-deleted",
      "probable-rename",
      "delete-mixed-step",
      "unknown-key",
      "class-created",
    ]) {
      assert.ok(kinds.has(kind as Finding["kind"]), `the scenario produces ${kind}`);
    }
    const md = renderMarkdown(report, { marker: "<!-- do-migrate-action -->" });
    assert.ok(md.startsWith("<!-- do-migrate-action -->\n"), "the caller's marker is the first line");
    const prose = outsideCodeSpans(md.slice("<!-- do-migrate-action -->\n".length));
    for (const pattern of forbidden) assert.doesNotMatch(prose, pattern);
    // Each hostile name is still shown, in a code span.
    for (const name of hostile) {
      // An HTML comment opener is split by an invisible word joiner: no forged marker.
      const shown = name.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/<!--/g, "<!-\u2060-");
      assert.ok(md.includes(`\`${shown}\``), `${name} appears in a code span`);
    }
  });

  it("file, env and Worker names in the collapsible summaries are escaped too", () => {
    const text = `name = "@octocat"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["A"]
[env."<img src=x onerror=alert(1)>"]
`;
    const report = analyzeRepository([
      {
        file: "packages/@acme/wrangler.toml",
        baseText: text,
        headText: `${text}[[env."<img src=x onerror=alert(1)>".migrations]]\ntag = "e1"\nnew_sqlite_classes = ["B"]\n`,
      },
    ]);
    assert.ok(report.findings.length > 0);
    const prose = outsideCodeSpans(renderMarkdown(report));
    for (const pattern of forbidden) assert.doesNotMatch(prose, pattern);
    assert.doesNotMatch(prose, /@acme/);
  });
});

describe("report notes", () => {
  const report = {
    risk: "none" as const,
    findings: [],
    notes: ["The live state was not read: `fork` pull requests get no secrets.", "Second @note"],
  };
  it("Markdown: one quoted line each, under the heading, config strings in code spans", () => {
    const md = renderMarkdown(report);
    assert.match(
      md,
      /^## .*\n\n> ℹ️ The live state was not read: `fork` pull requests get no secrets\.\n>\n> ℹ️ Second @\u2060note\n\n/m,
    );
  });
  it("text: a note line each; JSON: a notes list (empty when there are none)", () => {
    assert.match(renderText(report), /\nnote: Second @note\n/);
    assert.deepEqual(JSON.parse(renderJson(report)).notes, report.notes);
    assert.deepEqual(JSON.parse(renderJson({ risk: "none", findings: [] })).notes, []);
  });
});

describe("conditional data loss in the comment", () => {
  it("the data-loss list shows the condition of a delete that depends on a step not yet deployed", () => {
    const base =
      'name = "chat"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room", "Lobby"]\n\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Lobby"]\n';
    const head = base.replace('deleted_classes = ["Lobby"]', 'deleted_classes = ["Lobby", "Room"]');
    const md = renderMarkdown(analyzeRepository([{ file: "wrangler.toml", baseText: base, headText: head }]));
    const losses = md.slice(md.indexOf("\n- **"), md.indexOf("**To delete safely"));
    assert.match(
      md,
      /\*\*This change may destroy Durable Object data:\*\*.* in 1 Worker that has not run that migration yet/,
    );
    assert.match(
      losses,
      /\*\*`Room`\*\* deleted by migration `v2`.*destroys every object in Worker `chat` \(top level\), unless it has run `v2`\./,
    );
    assert.match(losses, /If `v2` has not reached a Worker yet/);
    assert.match(losses, /a Worker that ran `v2` ignores the edit/);
  });
});

describe("fixes in the config's own syntax", () => {
  it("a JSON or JSONC config's fix quotes its snippets as JSON; a TOML config's as TOML; other code spans stay", () => {
    const fix =
      'Use `renamed_classes = [{ from = "A", to = "B" }]` in `wrangler.jsonc`, or keep `account_id = "x"`.';
    assert.equal(fixInFormat(fix, "toml"), fix);
    assert.equal(
      fixInFormat(fix, "jsonc"),
      'Use `"renamed_classes": [{ "from": "A", "to": "B" }]` in `wrangler.jsonc`, or keep `"account_id": "x"`.',
    );
    // Not a TOML key/value: left as written.
    assert.equal(fixInFormat("Keep `a = = b`.", "jsonc"), "Keep `a = = b`.");
  });

  it("a rename written as delete + create in a JSONC config gets its fix in JSONC", () => {
    const base =
      '{ "name": "w", "durable_objects": { "bindings": [{ "name": "D", "class_name": "Doc" }] },\n  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Doc"] }] }\n';
    const head =
      '{ "name": "w", "durable_objects": { "bindings": [{ "name": "D", "class_name": "Page" }] },\n  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Doc"] }, { "tag": "v2", "deleted_classes": ["Doc"], "new_sqlite_classes": ["Page"] }] }\n';
    const report = analyzeRepository([{ file: "wrangler.jsonc", baseText: base, headText: head }]);
    const rename = report.findings.find((f) => f.kind === "probable-rename");
    assert.equal(
      rename?.fix,
      'To keep the data, replace the delete and create with `"renamed_classes": [{ "from": "Doc", "to": "Page" }]`.',
    );
    const md = renderMarkdown(report, { comment: true });
    assert.match(
      md,
      /\*\*Fix:\*\* To keep the data, replace the delete and create with `"renamed_classes": \[\{ "from": "Doc", "to": "Page" \}\]`/,
    );
    assert.doesNotMatch(md, /If the data|To delete safely/);
  });
});
