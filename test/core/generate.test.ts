// Table tests of the generators (new-class, rename, delete) in TOML and JSONC: the exact text
// written (everything else byte for byte), and the clear error that writes nothing.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { type Generation, generate, generateForEnvs } from "../../src/core/fix/generate.ts";

const TOML = `name = "chat"   # the Worker
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = [ "Room" ]   # first

[env.staging]
name = "chat-staging"
[[env.staging.durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"
`;
const JSONC = `{
  // the Worker
  "name": "chat",
  "durable_objects": {
    "bindings": [
      { "name": "ROOMS", "class_name": "Room" },
    ],
  },
  "migrations": [
    { "tag": "v1", "new_classes": ["Room"] },
  ],
}
`;

function gen(file: string, text: string, change: Generation, env: string | null = null) {
  return generate({ file, text, env, today: "2026-11-20", change });
}

describe("generators", () => {
  it("new-class with a binding (TOML): bound in every Worker that reads the step and has bindings of its own", () => {
    const r = gen("wrangler.toml", TOML, {
      command: "new-class",
      className: "Lobby",
      storage: "sqlite",
      binding: "LOBBY",
    });
    assert.ok(r.ok);
    assert.equal(
      r.after,
      `${TOML.replace(
        'class_name = "Room"\n\n[[migrations]]',
        'class_name = "Room"\n\n[[durable_objects.bindings]]\nname = "LOBBY"\nclass_name = "Lobby"\n\n[[migrations]]',
      ).replace(
        "   # first\n",
        '   # first\n\n[[migrations]]\ntag = "v2"\nnew_sqlite_classes = ["Lobby"]\n',
      )}[[env.staging.durable_objects.bindings]]\nname = "LOBBY"\nclass_name = "Lobby"\n`,
    );
    assert.deepEqual(r.done, [
      "Created `Lobby` with SQLite storage in migration `v2`.",
      "Bound it as `LOBBY` in the top level and env `staging`.",
    ]);
    assert.match(r.next.join("\n"), /export class Lobby extends DurableObject/);
  });
  it("new-class (JSONC, trailing commas kept)", () => {
    const r = gen("wrangler.jsonc", JSONC, {
      command: "new-class",
      className: "Lobby",
      storage: "kv",
      binding: null,
    });
    assert.ok(r.ok);
    assert.equal(
      r.after,
      JSONC.replace(
        '    { "tag": "v1", "new_classes": ["Room"] },\n',
        '    { "tag": "v1", "new_classes": ["Room"] },\n    { "tag": "v2", "new_classes": ["Lobby"] },\n',
      ),
    );
  });
  it("rename points every binding of the inheriting Workers at the new name (TOML)", () => {
    const r = gen("wrangler.toml", TOML, { command: "rename", from: "Room", to: "ChatRoom", storage: null });
    assert.ok(r.ok);
    assert.equal(
      r.after,
      TOML.replaceAll('class_name = "Room"', 'class_name = "ChatRoom"').replace(
        "   # first\n",
        '   # first\n\n[[migrations]]\ntag = "v2"\nrenamed_classes = [{ from = "Room", to = "ChatRoom" }]\n',
      ),
    );
  });
  it("delete removes the bindings and writes the delete in a step of its own (JSONC)", () => {
    const r = gen("wrangler.jsonc", JSONC, { command: "delete", className: "Room" });
    assert.ok(r.ok);
    assert.equal(
      r.after,
      JSONC.replace('      { "name": "ROOMS", "class_name": "Room" },\n', "").replace(
        '    { "tag": "v1", "new_classes": ["Room"] },\n',
        '    { "tag": "v1", "new_classes": ["Room"] },\n    { "tag": "v2", "deleted_classes": ["Room"] },\n',
      ),
    );
    const report = analyzeRepository([{ file: "wrangler.jsonc", baseText: JSONC, headText: r.after }]);
    assert.ok(report.findings.some((f) => f.kind === "class-deleted" && f.dataLoss));
  });
  it("new-class --binding in envs with inline bindings of their own; an env without any is left unbound", () => {
    const text = `name = "chat"
main = "src/index.ts"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room"]

[env.staging]
durable_objects.bindings = [
  { name = "ROOMS", class_name = "Room" },
]

[env.production]
durable_objects.bindings = [{ name = "ROOMS", class_name = "Room" }]

[env.docs]
`;
    const r = generateForEnvs(
      {
        file: "wrangler.toml",
        text,
        today: "2026-11-20",
        change: { command: "new-class", className: "Lobby", storage: "sqlite", binding: "LOBBY" },
      },
      ["staging"],
    );
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(
      r.after,
      text
        .replace(
          'new_sqlite_classes = ["Room"]\n',
          'new_sqlite_classes = ["Room"]\n\n[[migrations]]\ntag = "v2"\nnew_sqlite_classes = ["Lobby"]\n',
        )
        .replace(
          '  { name = "ROOMS", class_name = "Room" },\n]',
          '  { name = "ROOMS", class_name = "Room" },\n  { name = "LOBBY", class_name = "Lobby" },\n]',
        )
        .replace(
          '[{ name = "ROOMS", class_name = "Room" }]',
          '[{ name = "ROOMS", class_name = "Room" }, { name = "LOBBY", class_name = "Lobby" }]',
        ),
    );
    assert.deepEqual(r.done.at(-1), "Bound it as `LOBBY` in env `staging` and env `production`.");
    // Named explicitly, an env without bindings of its own gets one too; the step is written once.
    const named = generateForEnvs(
      {
        file: "wrangler.toml",
        text,
        today: "2026-11-20",
        change: { command: "new-class", className: "Lobby", storage: "sqlite", binding: "LOBBY" },
      },
      ["staging", "docs"],
    );
    assert.ok(named.ok);
    assert.equal(named.after.match(/new_sqlite_classes = \["Lobby"\]/g)?.length, 1);
    assert.ok(
      named.after.endsWith(
        '[env.docs]\n\n[[env.docs.durable_objects.bindings]]\nname = "LOBBY"\nclass_name = "Lobby"\n',
      ),
      named.after,
    );
  });

  it("repeated --env: the change in each env that has a lifecycle of its own, in order", () => {
    const text = `{
  "name": "chat",
  "env": {
    "a": { "durable_objects": { "bindings": [] }, "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }] },
    "b": { "durable_objects": { "bindings": [] }, "migrations": [{ "tag": "0001", "new_sqlite_classes": ["Room"] }] }
  }
}
`;
    const r = generateForEnvs(
      {
        file: "wrangler.jsonc",
        text,
        today: "2026-11-20",
        change: { command: "new-class", className: "Lobby", storage: "sqlite", binding: "LOBBY" },
      },
      ["a", "b", "a"],
    );
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.match(r.after, /"tag": "v2", "new_sqlite_classes": \["Lobby"\]/);
    assert.match(r.after, /"tag": "0002", "new_sqlite_classes": \["Lobby"\]/);
    assert.equal(r.after.match(/"LOBBY"/g)?.length, 2);
    const report = analyzeRepository([{ file: "wrangler.jsonc", baseText: text, headText: r.after }]);
    assert.deepEqual(
      report.findings.filter((f) => f.severity !== "info").map((f) => f.code),
      [],
    );
    // An env that does not exist: the clear error of one env, nothing written.
    const bad = generateForEnvs(
      { file: "wrangler.jsonc", text, today: "2026-11-20", change: { command: "delete", className: "Room" } },
      ["a", "nope"],
    );
    assert.ok(!bad.ok);
    assert.match(bad.message, /has no env `nope` \(it defines `a`, `b`\)/);
  });

  it("bad input: a clear error, nothing written", () => {
    const cases: [Generation, RegExp][] = [
      [{ command: "new-class", className: "Room", storage: "sqlite", binding: null }, /already a live class/],
      [{ command: "new-class", className: "9x", storage: "sqlite", binding: null }, /not a class name/],
      [
        { command: "new-class", className: "Lobby", storage: "sqlite", binding: "ROOMS" },
        /already has a Durable Object binding named `ROOMS`/,
      ],
      [{ command: "rename", from: "Nope", to: "X", storage: null }, /no live class `Nope`/],
      [{ command: "rename", from: "Room", to: "Room", storage: null }, /already a live class/],
      [{ command: "delete", className: "Nope" }, /no live class `Nope`/],
    ];
    for (const [change, message] of cases) {
      const r = gen("wrangler.toml", TOML, change);
      assert.ok(!r.ok && message.test(r.message), `${JSON.stringify(change)}: ${r.ok ? "ok" : r.message}`);
    }
    const kv = gen("wrangler.jsonc", JSONC, {
      command: "rename",
      from: "Room",
      to: "RoomSql",
      storage: "sqlite",
    });
    assert.ok(!kv.ok && /a class can never switch storage/.test(kv.message));
    const env = gen("wrangler.toml", TOML, { command: "delete", className: "Room" }, "prod");
    assert.ok(!env.ok && /no env `prod`/.test(env.message));
  });
  it("delete names the other Workers that bind the class through script_name (it does not edit them)", () => {
    const consumer = `name = "consumer"\n\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\nscript_name = "chat"\n`;
    const staging = `{ "name": "reports", "durable_objects": { "bindings": [{ "name": "R", "class_name": "Room", "script_name": "chat-staging" }] } }\n`;
    const unrelated = `name = "other"\n\n[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\nscript_name = "elsewhere"\n`;
    const others = [
      { file: "consumer/wrangler.toml", text: consumer },
      { file: "reports/wrangler.jsonc", text: staging },
      { file: "other/wrangler.toml", text: unrelated },
    ];
    const r = generate({
      file: "chat/wrangler.toml",
      text: TOML,
      env: null,
      today: "2026-11-20",
      change: { command: "delete", className: "Room" },
      others,
    });
    assert.ok(r.ok);
    assert.match(
      r.next[0]!,
      /^Remove first: `consumer\/wrangler\.toml:3` \(Worker `consumer`\), `reports\/wrangler\.jsonc:1` \(Worker `reports`\) bind `Room` through `script_name`\. .*rejected \(code 10061\)/,
    );
    // The same config as without the others: they are only listed.
    const alone = generate({
      file: "chat/wrangler.toml",
      text: TOML,
      env: null,
      today: "2026-11-20",
      change: { command: "delete", className: "Room" },
      others: [others[2]!],
    });
    assert.ok(alone.ok);
    assert.equal(alone.after, r.after);
    assert.doesNotMatch(alone.next.join("\n"), /Remove first/);
    const unknown = generate({
      file: "chat/wrangler.toml",
      text: TOML,
      env: null,
      today: "2026-11-20",
      change: { command: "delete", className: "Room" },
      others: null,
    });
    assert.ok(unknown.ok);
    assert.match(unknown.next[0]!, /were not looked for \(not in a git repository\)/);
  });
});
