// One change, one entry (render/groups.ts): findings of one change in several Workers become one
// group whose message is true for each of them; anything that differs keeps them apart. And the
// comment rule of `comment: on-change` (gate.ts startsAComment).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { placeDraft } from "../../src/core/diagnostics.ts";
import { startsAComment } from "../../src/core/gate.ts";
import type { Finding, Report } from "../../src/core/model.ts";
import { renderShortReport } from "../../src/core/render/check-sections.ts";
import { groupFindings } from "../../src/core/render/groups.ts";
import { renderJson } from "../../src/core/render/json.ts";
import { renderMarkdown } from "../../src/core/render/markdown.ts";
import { renderText } from "../../src/core/render/text.ts";
import { worded } from "../../src/core/rules/rule.ts";
import { capitalised, envLabel, q, SLOT } from "../../src/core/rules/words.ts";
import { andList } from "../../src/core/text/lists.ts";
import { withLiveState } from "../support/live-cases.ts";

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
    assert.match(
      full,
      /every object of `Limiter` and all its storage, irreversibly, in 3 Workers\. Also ℹ️ 1 info\./,
    );
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

// Grouped messages in English. A message is written for one Worker; the group puts a list where
// the Worker or its environment was, so each kind whose message can group is checked here where
// the list takes a subject's place, a noun's ("Worker `x`") or a relative clause's. Where it
// follows a preposition ("in env `x`", "of `chat`") nothing changes (DO101 above, DO301 below).
describe("grouped messages read as English", () => {
  const grouped = (report: Report) => groupFindings(report.findings).filter((g) => g.findings.length > 1);
  const messages = (report: Report) =>
    Object.fromEntries(grouped(report).map((g) => [g.first.code, g.message]));
  const json = (text: string) =>
    analyzeRepository([{ file: "wrangler.json", baseText: null, headText: text }]);
  const bound = '{ "durable_objects": { "bindings": [{ "name": "R", "class_name": "Room" }] } }';
  const both =
    '{ "exports": { "A": { "type": "durable-object", "storage": "sqlite" } }, "migrations": [{ "tag": "v1", "new_sqlite_classes": ["A"] }] }';

  // Each case: a report, and the grouped message of each code in it.
  const cases: Array<[string, () => Report, Record<string, string>]> = [
    [
      "DO002: the environment is the subject",
      () => json('{ "name": "w", "env": { "a": 1, "b": 2 } }'),
      { DO002: "Invalid config in env `a` and env `b`: each of env `a` and env `b` is not a table." },
    ],
    [
      "DO004: the environment starts the sentence",
      () => json(`{ "name": "w", "env": { "a": ${both}, "b": ${both} } }`),
      {
        DO004:
          "Each of env `a` and env `b` declares both `migrations` and Durable Object `exports`: wrangler refuses the config.",
        DO301: "Class `A` is created in env `a` and env `b` with SQLite storage.",
      },
    ],
    [
      "DO402: the environment is the subject of a clause",
      () => json(`{ "name": "w", "env": { "a": ${bound}, "b": ${bound} } }`),
      {
        DO402:
          "Binding `R` points at class `Room`, but each of env `a` and env `b` declares no Durable Object lifecycle (`migrations` or `exports`): unless the class was created elsewhere, the API rejects it (code 10061).",
      },
    ],
    [
      "DO501: Worker `x` and its Durable Objects",
      () =>
        analyzeRepository([
          {
            file: "wrangler.toml",
            baseText:
              'name = "w"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n\n[env.a]\n\n[env.b]\n',
            headText: null,
          },
        ]),
      {
        DO501:
          "The config file was removed: Workers `w`, `w-a` and `w-b` and their Durable Objects live on, no longer managed by this config.",
      },
    ],
    [
      "DO304 and DO806 with the live state: the Worker is the subject, and a relative clause",
      () => notDeployed(),
      {
        DO304:
          "Not deployed (each of `chat`, `chat-a` and `chat-b` is not in account `acct`: its first deploy creates it and replays the whole history), and this only matters for a Worker that is already deployed. Class `Lobby` is created again in the top-level config, env `a` and env `b` after an earlier migration deleted it: it starts empty, none of the old objects come back.",
        DO806:
          "`Room` has no Durable Object namespace in `chat`, `chat-a` and `chat-b`, which are not deployed in account `acct`: deleting it (migration `v3`) destroys nothing, so no acknowledgement is needed.",
        DO104:
          "Migration `v3` in the top-level config, env `a` and env `b` deletes classes and also does other operations: the delete cannot be phased apart from them under one tag.",
      },
    ],
  ];
  for (const [name, report, expected] of cases) {
    it(name, () => assert.deepEqual(messages(report()), expected));
  }

  it("the data-loss list shows a live finding's grouped message, naming every Worker (DO802)", () => {
    // `v2` (on the base branch) deletes Lobby; no Worker has deployed it yet.
    const base =
      'name = "chat"\nmain = "src/index.ts"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Lobby", "Room"]\n\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Lobby"]\n\n[env.a]\n\n[env.b]\n';
    const head = `${base.replace("\n[env.a]", '\n[[migrations]]\ntag = "v3"\nnew_sqlite_classes = ["Extra"]\n\n[env.a]')}`;
    const live = withLiveState([{ file: "wrangler.toml", baseText: base, headText: head }], {
      scripts: { chat: "v1", "chat-a": "v1", "chat-b": "v1" },
      namespaces: { "chat/Lobby": 4, "chat-a/Lobby": 4, "chat-b/Lobby": 4 },
    });
    assert.equal(live.findings.filter((f) => f.code === "DO802").length, 3);
    const markdown = renderMarkdown(live);
    const list = markdown.slice(markdown.indexOf("\n- **"), markdown.indexOf("**To delete safely"));
    assert.match(
      list,
      /but each of `chat`, `chat-a` and `chat-b` has not deployed it \\\(live tag `v1`\\\)/,
      list,
    );
  });

  it("the Worker of an environment, and Worker `x`, as nouns", () => {
    // Each member as placement leaves it: its message, and the template (Finding.template) its
    // rule's wording gives with the Worker and its env as slots.
    type Words = (worker: string, env: string) => string;
    const member = (env: string, words: Words): Finding => ({
      ...report.findings[0]!,
      code: "DO502",
      kind: "worker-renamed",
      dataLoss: false,
      worker: `chat-${env}`,
      env,
      message: words(`\`chat-${env}\``, `env \`${env}\``),
      template: { before: [], own: words(SLOT.worker, SLOT.env), after: [], inherited: false },
    });
    const renamed: Words = (worker, env) =>
      `The Worker of ${env} is renamed from \`old\` to ${worker}: the next deploy creates a NEW Worker.`;
    assert.equal(
      groupFindings([member("a", renamed), member("b", renamed)])[0]!.message,
      "The Workers of env `a` and env `b` are renamed from `old` to `chat-a` and `chat-b`: the next deploy creates a NEW Worker.",
    );
    const reached: Words = (worker) =>
      `If that history reached Worker ${worker}, its \`Room\` namespace still exists.`;
    assert.equal(
      groupFindings([member("a", reached), member("b", reached)])[0]!.message,
      "If that history reached Workers `chat-a` and `chat-b`, their `Room` namespace still exists.",
    );
  });

  it("no list of two or more is followed by a verb in the singular, unless `each of` stands before it", () => {
    const all = [report, ...cases.map(([, r]) => r())].flatMap(grouped);
    const list = /(?:(?:env )?`[^`]+`|the top-level config)(?:, (?:env )?`[^`]+`)* and (?:env )?`[^`]+`/gi;
    for (const group of all) {
      for (const m of group.message.matchAll(list)) {
        const before = group.message.slice(0, m.index);
        const after = group.message.slice(m.index + m[0].length);
        const subject = !/\b(?:in|of|from|to|into|for|by|with|at|on|reached)\s$/.test(before);
        if (subject && !/(?:each of|Workers(?: of)?)\s$/i.test(before)) {
          assert.doesNotMatch(after, /^ (?:is|was|has|does|[a-z]+[^s]s)\b/, group.message);
        }
        assert.doesNotMatch(after, /^,? which (?:is|was|has)\b/, group.message);
        assert.doesNotMatch(before, /\bWorker $/, group.message);
      }
    }
  });
});

/** A top-level change in three Workers that are not deployed: the live evidence rewrites it. */
function notDeployed(): Report {
  const base =
    'name = "chat"\nmain = "src/index.ts"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Lobby", "Room"]\n\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Lobby"]\n\n[env.a]\n\n[env.b]\n';
  const head = base.replace(
    'deleted_classes = ["Lobby"]\n',
    'deleted_classes = ["Lobby"]\n\n[[migrations]]\ntag = "v3"\nnew_sqlite_classes = ["Lobby"]\ndeleted_classes = ["Room"]\n',
  );
  // No Worker is deployed in the account.
  return withLiveState([{ file: "wrangler.toml", baseText: base, headText: head }], {});
}

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

// Grouping works from facts (Finding.template): each rule's wording is worded once more with the
// Worker, its env and the inheritance as slots (rules/rule.ts `worded`), and the group fills the
// slots; no message text is cut. A finding without a template that fills back to its message
// groups only with identical findings.
describe("grouping from facts", () => {
  const ENVS = "\n[env.a]\n\n[env.b]\n";
  const config = (migrations: string, name = "chat") =>
    `name = "${name}"\nmain = "src/index.ts"\n\n${migrations}${ENVS}`;
  const V1 = '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room", "Lobby"]\n';
  const step = (body: string, tag = "v2") => `\n[[migrations]]\ntag = "${tag}"\n${body}`;
  const analyse = (base: string, head: string, name?: string) =>
    analyzeRepository([
      { file: "wrangler.toml", baseText: config(base, name), headText: config(head, name) },
    ]);

  // Top-level changes the two environments inherit: each reaches the three Workers.
  const changes: Array<[string, () => Report, readonly string[]]> = [
    ["a delete", () => analyse(V1, V1 + step('deleted_classes = ["Lobby"]\n')), ["class-deleted"]],
    [
      "a rename",
      () => analyse(V1, V1 + step('renamed_classes = [{ from = "Lobby", to = "Hall" }]\n')),
      ["class-renamed"],
    ],
    [
      "a delete mixed with a create that looks like a rename",
      () => analyse(V1, V1 + step('deleted_classes = ["Lobby"]\nnew_sqlite_classes = ["Lobby2"]\n')),
      ["class-deleted", "delete-mixed-step", "class-created"],
    ],
    [
      "a transfer in",
      () =>
        analyse(
          V1,
          V1 + step('transferred_classes = [{ from = "Lobby", from_script = "other", to = "Lobby2" }]\n'),
        ),
      ["class-transferred"],
    ],
    [
      "a class created again after its delete",
      () =>
        analyse(
          V1 + step('deleted_classes = ["Lobby"]\n'),
          V1 + step('deleted_classes = ["Lobby"]\n') + step('new_sqlite_classes = ["Lobby"]\n', "v3"),
        ),
      ["class-recreated"],
    ],
    [
      "a storage switch (a history edit the replay rejects)",
      () => analyse(V1, V1 + step('new_classes = ["Lobby"]\n')),
      ["replay-rejected", "storage-changed"],
    ],
    [
      "a duplicate tag",
      () => analyse(V1, V1 + step('new_sqlite_classes = ["X"]\n', "v1")),
      ["class-created"],
    ],
  ];
  for (const [name, report, kinds] of changes) {
    it(`${name}: one entry per change, filled from its template`, () => {
      const findings = report().findings;
      // Every finding of the change is placed with its template: none is left to the fallback.
      assert.deepEqual(
        findings.filter((f) => f.template === undefined).map((f) => f.kind),
        [],
      );
      const groups = groupFindings(findings);
      for (const kind of kinds) {
        const group = groups.find((g) => g.first.kind === kind);
        assert.ok(group, kind);
        assert.equal(group.findings.length, 3, kind);
        assert.ok(
          group.findings.every((f) => f.template !== undefined),
          kind,
        );
        // Each Worker's message names it, so no identical-message fallback could group them.
        assert.equal(new Set(group.findings.map((f) => f.message)).size, 3, kind);
        assert.match(group.message, /the top-level config, env `a` and env `b`/, kind);
      }
    });
  }

  it("a live remark on the change names every Worker from its own template (the blast radius)", () => {
    const base = config(V1);
    const head = config(V1 + step('deleted_classes = ["Lobby"]\n'));
    const live = withLiveState([{ file: "wrangler.toml", baseText: base, headText: head }], {
      scripts: { chat: "v1", "chat-a": "v1", "chat-b": "v1" },
      namespaces: { "chat/Lobby": 4, "chat-a/Lobby": 4, "chat-b/Lobby": 4 },
    });
    const groups = groupFindings(live.findings.filter((f) => f.code === "DO101"));
    assert.equal(groups.length, 1);
    assert.equal(new Set(groups[0]!.findings.map((f) => f.message)).size, 3);
    assert.match(
      groups[0]!.message,
      / Live: the next deploy destroys 4 objects \(4 with stored data\) of `Lobby` in `chat`, `chat-a` and `chat-b`\. Env `a` and env `b` inherit it/,
    );
  });

  it("a class named like its Worker stays a class: only the Worker fact is a slot", () => {
    // Cutting `chat` out of the text took the class for the Worker and split the top level from
    // its environments; the facts know which `chat` is the Worker.
    const base = '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["chat", "Room"]\n';
    const report = analyse(base, base + step('deleted_classes = ["chat"]\n'));
    const groups = groupFindings(report.findings.filter((f) => f.code === "DO101"));
    assert.equal(groups.length, 1);
    assert.equal(
      groups[0]!.message,
      "Deleting class `chat` in the top-level config, env `a` and env `b` (migration `v2`) destroys every `chat` object of `chat`, `chat-a` and `chat-b` and all its storage, irreversibly. Env `a` and env `b` inherit it from the top-level config.",
    );
  });

  it("a message rewritten after placement groups only with identical messages, never by cutting", () => {
    const deletes = report.findings.filter((f) => f.code === "DO101");
    assert.equal(deletes.length, 3);
    const rewritten = deletes.map((f) => ({ ...f, message: `${f.message} (rewritten)` }));
    assert.equal(groupFindings(rewritten).length, 3, "the stale template is not trusted");
    const same = deletes.map((f) => ({ ...f, message: "The same words for every Worker." }));
    const groups = groupFindings(same);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]!.message, "The same words for every Worker.");
  });

  it("a new wording groups without any change to the grouping", () => {
    const say = worded((f: { readonly env: string | null; readonly worker: string | null }) => ({
      message: `${capitalised(envLabel(f.env))} deploys ${q(f.worker)}, whose name is new.`,
      fix: "Nothing.",
    }));
    const place = (worker: string, env: string | null) =>
      placeDraft(
        { kind: "class-created", env, ...say({ env, worker }) },
        { file: "wrangler.toml", worker, introduced: true, locate: () => 1 },
      );
    const groups = groupFindings([place("w", null), place("w-a", "a"), place("w-b", "b")]);
    assert.equal(groups.length, 1);
    assert.equal(
      groups[0]!.message,
      "Each of the top-level config, env `a` and env `b` deploys `w`, `w-a` and `w-b`, whose name is new.",
    );
    // Not in the JSON report: the template is internal.
    assert.equal(
      JSON.stringify(JSON.parse(renderJson({ ...report, findings: groups[0]!.findings }))).includes(
        "\\u0000",
      ),
      false,
    );
  });
});
