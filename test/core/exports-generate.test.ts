// The generators on an `exports` config (src/core/fix/exports-generate.ts): a tombstone written
// with only the keys wrangler allows on its state (the live entry's `storage` removed), and the
// next steps in the `exports` order, in TOML and JSONC. And the check that flags a tombstone
// still carrying a forbidden key (DO002), as wrangler rejects it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import { type Generation, generate } from "../../src/core/fix/generate.ts";
import { toExports } from "../../src/core/fix/to-exports.ts";

const TOML = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

[exports.Room]   # the rooms
type = "durable-object"
storage = "sqlite"

[exports.Lobby]
type = "durable-object"
storage = "sqlite"
`;
const JSONC = `{
  "name": "chat",
  "main": "src/index.ts",
  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] },
  "exports": {
    "Room": { "type": "durable-object", "storage": "sqlite" }, // the rooms
    "Lobby": { "type": "durable-object", "storage": "sqlite" },
  },
}
`;
const LEGACY = /runs phase 1|two phases|Keep exporting|stub|renamed_classes|deleted_classes/;

function gen(file: string, text: string, change: Generation) {
  return generate({ file, text, env: null, today: "2026-12-06", change });
}

describe("generators on an exports config", () => {
  it("delete (TOML): the tombstone without `storage`, the binding removed, the exports order next", () => {
    const r = gen("wrangler.toml", TOML, { command: "delete", className: "Room" });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(
      r.after,
      TOML.replace('[[durable_objects.bindings]]\nname = "ROOMS"\nclass_name = "Room"\n\n', "").replace(
        '[exports.Room]   # the rooms\ntype = "durable-object"\nstorage = "sqlite"\n',
        '[exports.Room]   # the rooms\ntype = "durable-object"\nstate = "deleted"\n',
      ),
    );
    const next = r.next.join("\n");
    assert.match(next, /tombstone_delete_class_still_in_code/);
    assert.match(next, /one confirmed deploy.*--confirm-data-loss Room/);
    assert.doesNotMatch(next, LEGACY);
  });

  it("delete (JSONC)", () => {
    const r = gen("wrangler.jsonc", JSONC, { command: "delete", className: "Room" });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.match(r.after, /"Room": \{ "type": "durable-object", "state": "deleted" \}, \/\/ the rooms/);
    assert.doesNotMatch(r.after, /"Room": \{[^}]*storage/);
    assert.doesNotMatch(r.next.join("\n"), LEGACY);
  });

  it("rename (TOML and JSONC): the renamed tombstone without `storage`, the new entry, the three deploys next", () => {
    for (const [file, text] of [
      ["wrangler.toml", TOML],
      ["wrangler.jsonc", JSONC],
    ] as const) {
      const r = gen(file, text, { command: "rename", from: "Room", to: "ChatRoom", storage: null });
      assert.ok(r.ok, r.ok ? "" : r.message);
      const report = analyzeRepository([{ file, baseText: text, headText: r.after }]);
      assert.deepEqual(
        report.findings.map((f) => f.code),
        ["DO302"],
        report.findings.map((f) => f.message).join("\n"),
      );
      assert.match(r.next.join("\n"), /three deploys.*export \{ Room as ChatRoom \}/);
      assert.doesNotMatch(r.next.join("\n"), LEGACY);
    }
  });
});

describe("new-class on an exports config written as sub-tables (TOML)", () => {
  it("adds a table of its own after the last entry", () => {
    const r = gen("wrangler.toml", TOML, {
      command: "new-class",
      className: "Typing",
      storage: "sqlite",
      binding: null,
    });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(r.after, `${TOML}\n[exports.Typing]\ntype = "durable-object"\nstorage = "sqlite"\n`);
  });
});

describe("a tombstone with a key wrangler forbids on its state", () => {
  it("is invalid (DO002), and still reported as the data loss it declares", () => {
    const head = JSONC.replace(
      '"Room": { "type": "durable-object", "storage": "sqlite" }',
      '"Room": { "type": "durable-object", "storage": "sqlite", "state": "deleted" }',
    ).replace(', "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "Room" }] }', "");
    const report = analyzeRepository([{ file: "wrangler.jsonc", baseText: JSONC, headText: head }]);
    const codes = report.findings.map((f) => f.code);
    assert.ok(codes.includes("DO101"), codes.join());
    const invalid = report.findings.find((f) => f.code === "DO002");
    assert.match(invalid?.message ?? "", /`Room` \(state `deleted`\) has `storage`, which wrangler forbids/);
    assert.equal(invalid?.line, 6);
  });
});

describe("to-exports: the one-way move from migrations", () => {
  const HISTORY_TOML = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOMS"
class_name = "Room"

# history
[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Gone"]   # first

[[migrations]]
tag = "v2"
new_classes = ["Old"]

[[migrations]]
tag = "v3"
deleted_classes = ["Gone"]

[[migrations]]
tag = "v4"

[[migrations.renamed_classes]]
from = "Old"
to = "Older"

[env.staging]
name = "chat-staging"
`;
  it("TOML: every live class with its storage, as [exports.X] tables where the list was", () => {
    const r = toExports({ file: "wrangler.toml", text: HISTORY_TOML, env: null });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(
      r.after,
      `${HISTORY_TOML.slice(0, HISTORY_TOML.indexOf("[[migrations]]"))}[exports.Room]
type = "durable-object"
storage = "sqlite"

[exports.Older]
type = "durable-object"
storage = "legacy-kv"

[env.staging]
name = "chat-staging"
`,
    );
    assert.match(r.next.join("\n"), /one-way.*100403/);
    assert.match(r.next.join("\n"), /env `staging` moves too/);
    const report = analyzeRepository([{ file: "wrangler.toml", baseText: HISTORY_TOML, headText: r.after }]);
    assert.deepEqual(
      report.findings.map((f) => `${f.code} ${f.env}`),
      ["DO005 null", "DO005 staging"],
    );
  });

  it("JSONC: an env with its own list, moved with --env; the top level stays", () => {
    const text = `{
  "name": "x",
  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["A"] }],
  "env": { "s": { "migrations": [{ "tag": "s1", "new_classes": ["B"] }] } },
}
`;
    const r = toExports({ file: "wrangler.jsonc", text, env: "s" });
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(
      r.after,
      text.replace(
        '"migrations": [{ "tag": "s1", "new_classes": ["B"] }]',
        '"exports": { "B": { "type": "durable-object", "storage": "legacy-kv" } }',
      ),
    );
    const top = toExports({ file: "wrangler.jsonc", text, env: null });
    assert.ok(top.ok);
    assert.match(top.next.join("\n"), /Env `s` has its own `migrations` and stays on them/);
  });

  it("refuses what it cannot move, writing nothing", () => {
    const refused = (text: string, env: string | null = null) => {
      const r = toExports({ file: "wrangler.jsonc", text, env });
      return r.ok ? "" : r.message;
    };
    assert.match(refused(JSONC), /already uses `exports`/);
    assert.match(refused('{ "name": "x" }'), /has no `migrations` to move from/);
    assert.match(
      refused('{ "name": "x", "migrations": [{ "tag": "v1", "deleted_classes": ["A"] }] }'),
      /do not replay/,
    );
    assert.match(
      refused(
        '{ "name": "x", "migrations": [{ "tag": "v1", "transferred_classes": [{ "from": "A", "from_script": "y", "to": "A" }] }] }',
      ),
      /storage of `A` is not in the history/,
    );
    assert.match(refused('{ "name": "x", "migrations": [] }', "prod"), /has no env `prod`/);
  });
});
