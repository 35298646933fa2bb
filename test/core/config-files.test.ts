// Which config file wrangler deploys: its search order in a directory (`wrangler.json`, then
// `wrangler.jsonc`, then `wrangler.toml`), a `.wrangler/deploy/config.json` redirect, and a
// config moved elsewhere under the same Worker name. A new config that wrangler reads in place
// of another is compared with that one, so the delete it brings is not hidden as "new".
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pairConfigs, redirectTarget } from "../../src/core/analyze/config-files.ts";
import type { ConfigChange } from "../../src/core/model.ts";
import { runAnalysisCases } from "../support/core-cases.ts";

const deleted = { code: "DO101", kind: "class-deleted", severity: "critical", dataLoss: true } as const;
const plain = { code: "DO107", kind: "delete-binding-removed", severity: "warning" } as const;
const shadowed = { code: "DO007", kind: "config-shadowed", severity: "warning" } as const;
const redirected = { code: "DO008", kind: "config-redirected", severity: "warning" } as const;
const replaced = { code: "DO009", kind: "config-replaced", severity: "info" } as const;
const removed = { code: "DO501", kind: "env-removed", severity: "warning" } as const;
const newDeletes = { code: "DO206", kind: "new-config-deletes", severity: "warning" } as const;
const created = { code: "DO301", kind: "class-created", severity: "info" } as const;

// `chat` binds Room and Lobby at the base; the new config drops the Lobby binding and deletes it.
const TOML = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"

[[durable_objects.bindings]]
name = "LOBBY"
class_name = "Lobby"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]
`;
const TOML_DELETE = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]

[[migrations]] # @@v2
tag = "v2"
deleted_classes = ["Lobby"]
`;
const JSONC_DELETE = `{
  // converted from wrangler.toml
  "name": "chat",
  "main": "src/index.ts",
  "durable_objects": { "bindings": [{ "name": "ROOM", "class_name": "Room" }] },
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] },
    { "tag": "v2", "deleted_classes": ["Lobby"] }, // @@v2
  ],
}
`;
const JSONC = JSONC_DELETE.replace(/\n {4}\{ "tag": "v2".*\n/, "\n").replace(
  '"bindings": [{ "name": "ROOM", "class_name": "Room" }]',
  '"bindings": [{ "name": "ROOM", "class_name": "Room" }, { "name": "LOBBY", "class_name": "Lobby" }]',
);

const change = (file: string, baseText: string | null, headText: string | null): ConfigChange => ({
  file,
  baseText,
  headText,
});
const lobbyGone = (file: string) => [
  { ...deleted, file, classes: ["Lobby"], worker: "chat", line: "@@v2" as const, tag: "v2" },
  { ...plain, file, classes: ["Lobby"], worker: "chat", line: "@@v2" as const, tag: "v2" },
];

describe("a new config beside the old one: wrangler reads json, then jsonc, then toml", () => {
  runAnalysisCases([
    {
      name: "wrangler.json added beside an unchanged wrangler.toml: it deploys instead, and its delete is data loss",
      changes: [change("wrangler.json", null, JSONC_DELETE), change("wrangler.toml", TOML, TOML)],
      expect: [
        ...lobbyGone("wrangler.json").slice(0, 1),
        {
          ...shadowed,
          file: "wrangler.json",
          classes: [],
          worker: "chat",
          line: null,
          says: [
            "`wrangler deploy` there reads `wrangler.json`",
            "`wrangler.toml` is only read with `--config`",
            "compares it with `wrangler.toml` at the base revision",
          ],
        },
        lobbyGone("wrangler.json")[1]!,
      ],
    },
    {
      name: "wrangler.jsonc added beside an unchanged wrangler.toml in a subdirectory",
      changes: [
        change("apps/chat/wrangler.jsonc", null, JSONC_DELETE),
        change("apps/chat/wrangler.toml", TOML, TOML),
      ],
      expect: [
        ...lobbyGone("apps/chat/wrangler.jsonc").slice(0, 1),
        {
          ...shadowed,
          file: "apps/chat/wrangler.jsonc",
          classes: [],
          worker: "chat",
          line: null,
          says: ["Directory `apps/chat` holds `wrangler.jsonc`, `wrangler.toml`"],
        },
        lobbyGone("apps/chat/wrangler.jsonc")[1]!,
      ],
    },
    {
      name: "a wrangler.toml added beside a wrangler.jsonc is never read without --config: said, and judged against the Worker it deploys to with --config",
      changes: [change("wrangler.jsonc", JSONC, JSONC), change("wrangler.toml", null, TOML_DELETE)],
      expect: [
        { ...deleted, file: "wrangler.toml", classes: ["Lobby"], worker: "chat", line: "@@v2", tag: "v2" },
        {
          ...shadowed,
          file: "wrangler.toml",
          classes: [],
          worker: "chat",
          line: null,
          says: [
            "reads `wrangler.jsonc`",
            "So the new `wrangler.toml` does not deploy with `wrangler deploy` alone",
          ],
        },
        {
          code: "DO504",
          kind: "worker-name-taken",
          severity: "warning",
          file: "wrangler.toml",
          classes: [],
          worker: "chat",
          line: 1,
          says: ["which the top level of `wrangler.jsonc` deployed"],
        },
        { ...plain, file: "wrangler.toml", classes: ["Lobby"], worker: "chat", line: "@@v2", tag: "v2" },
      ],
    },
  ]);
});

describe("a config moved: to another format in its directory, or to another directory", () => {
  runAnalysisCases([
    {
      name: "wrangler.toml replaced by wrangler.jsonc with a delete slipped in: data loss, not 'no longer managed'",
      changes: [change("wrangler.jsonc", null, JSONC_DELETE), change("wrangler.toml", TOML, null)],
      expect: [
        ...lobbyGone("wrangler.jsonc"),
        {
          ...replaced,
          file: "wrangler.jsonc",
          classes: [],
          worker: "chat",
          line: null,
          says: ["`wrangler.jsonc` replaces `wrangler.toml` (in the same directory, removed by this change)"],
        },
      ],
    },
    {
      name: "wrangler.jsonc replaced by wrangler.toml (the other way round)",
      changes: [change("wrangler.jsonc", JSONC, null), change("wrangler.toml", null, TOML_DELETE)],
      expect: [
        ...lobbyGone("wrangler.toml"),
        { ...replaced, file: "wrangler.toml", classes: [], worker: "chat", line: null },
      ],
    },
    {
      name: "a config moved to another directory under the same Worker name is compared with the old one",
      changes: [
        change("apps/chat/wrangler.toml", TOML, null),
        change("services/chat/wrangler.jsonc", null, JSONC_DELETE),
      ],
      expect: [
        ...lobbyGone("services/chat/wrangler.jsonc"),
        {
          ...replaced,
          file: "services/chat/wrangler.jsonc",
          classes: [],
          worker: "chat",
          line: null,
          says: ["with the same Worker name `chat`, removed by this change"],
        },
      ],
    },
    {
      name: "a move that changes nothing is only said",
      changes: [change("a/wrangler.toml", TOML, null), change("b/wrangler.toml", null, TOML)],
      expect: [{ ...replaced, file: "b/wrangler.toml", classes: [], worker: "chat", line: null }],
    },
    {
      name: "a config removed with nothing in its place: its Workers live on, unmanaged",
      changes: [change("wrangler.toml", TOML, null), change("other/wrangler.toml", null, 'name = "other"\n')],
      expect: [{ ...removed, file: "wrangler.toml", classes: ["Room", "Lobby"], worker: "chat", line: null }],
    },
  ]);
});

describe("a new config that takes over from none, with deletes in its history", () => {
  runAnalysisCases([
    {
      name: "TOML: a fresh Worker's first deploy is rejected (10074); a deployed one loses the class",
      changes: [change("apps/new/wrangler.toml", null, TOML_DELETE)],
      expect: [
        {
          ...newDeletes,
          file: "apps/new/wrangler.toml",
          classes: ["Lobby"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
          says: ["is not deployed yet", "(code 10074)", "unless it has run `v2` already"],
        },
        { ...created, file: "apps/new/wrangler.toml", classes: ["Room"], worker: "chat", line: 8, tag: "v1" },
      ],
    },
    {
      name: "JSONC: the same, once per Worker that inherits the history",
      changes: [
        change(
          "apps/new/wrangler.jsonc",
          null,
          JSONC_DELETE.replace(
            '"main": "src/index.ts",',
            '"main": "src/index.ts",\n  "env": { "staging": {} },',
          ),
        ),
      ],
      expect: [
        {
          ...newDeletes,
          file: "apps/new/wrangler.jsonc",
          classes: ["Lobby"],
          worker: "chat",
          line: "@@v2",
          tag: "v2",
        },
        {
          ...newDeletes,
          file: "apps/new/wrangler.jsonc",
          classes: ["Lobby"],
          env: "staging",
          worker: "chat-staging",
          line: "@@v2",
          tag: "v2",
          says: ["inherited from the top-level config"],
        },
        {
          ...created,
          file: "apps/new/wrangler.jsonc",
          classes: ["Room"],
          worker: "chat",
          line: 8,
          tag: "v1",
        },
        {
          ...created,
          file: "apps/new/wrangler.jsonc",
          classes: ["Room"],
          env: "staging",
          worker: "chat-staging",
          line: 8,
          tag: "v1",
        },
      ],
    },
  ]);
});

describe("a committed .wrangler/deploy/config.json redirects the deploy", () => {
  const redirect = (target: string) => JSON.stringify({ configPath: target });
  const DIST = JSONC_DELETE.replace('"main": "src/index.ts"', '"main": "../src/index.ts"');
  runAnalysisCases([
    {
      name: "to a config in the repository: reported, and that config is read as the directory's",
      changes: [
        change(".wrangler/deploy/config.json", null, redirect("../../dist/wrangler.json")),
        change("dist/wrangler.json", null, DIST),
        change("wrangler.toml", TOML, TOML),
      ],
      expect: [
        ...lobbyGone("dist/wrangler.json").slice(0, 1),
        {
          ...redirected,
          file: ".wrangler/deploy/config.json",
          classes: [],
          line: null,
          says: ["deploys `dist/wrangler.json` instead of `wrangler.toml`"],
        },
        lobbyGone("dist/wrangler.json")[1]!,
      ],
    },
    {
      name: "to a config the repository does not hold: this check cannot see what deploys",
      changes: [
        change("apps/chat/.wrangler/deploy/config.json", null, redirect("../../dist/chat/wrangler.json")),
        change("apps/chat/wrangler.toml", TOML, TOML),
      ],
      expect: [
        {
          ...redirected,
          file: "apps/chat/.wrangler/deploy/config.json",
          classes: [],
          line: null,
          says: [
            "deploys `apps/chat/dist/chat/wrangler.json` instead of `apps/chat/wrangler.toml`, which is not in the repository",
            "cannot vouch",
          ],
          severity: "critical",
        },
      ],
    },
    {
      name: "without a configPath: wrangler refuses to deploy there",
      changes: [change(".wrangler/deploy/config.json", null, "{}"), change("wrangler.toml", TOML, TOML)],
      expect: [
        {
          ...redirected,
          file: ".wrangler/deploy/config.json",
          classes: [],
          line: null,
          says: ["it has no `configPath`", "wrangler refuses to deploy there"],
        },
      ],
    },
    {
      name: "a redirect already at the base, with nothing changed under it, says nothing",
      changes: [
        change(
          ".wrangler/deploy/config.json",
          redirect("../../dist/wrangler.json"),
          redirect("../../dist/wrangler.json"),
        ),
        change("dist/wrangler.json", DIST, DIST),
        change("wrangler.toml", TOML, TOML),
      ],
      expect: [],
    },
  ]);

  it("maps an absolute path, or one that leaves the repository's folder and comes back in, through the checkout's path", () => {
    const root = "/home/runner/work/repo/repo";
    assert.deepEqual(
      redirectTarget(".wrangler/deploy/config.json", redirect(`${root}/x/wrangler.json`), root),
      {
        ok: true,
        target: "x/wrangler.json",
        via: `the absolute path \`${root}/x/wrangler.json\`, in this checkout`,
      },
    );
    const outAndIn = redirectTarget(
      "app/.wrangler/deploy/config.json",
      redirect("../../../../repo/x/w.json"),
      root,
    );
    assert.equal(outAndIn.ok && outAndIn.target, "x/w.json");
    // Not into the checkout: wrangler follows it, this check cannot read it (fail closed).
    for (const path of ["/tmp/elsewhere/wrangler.json", "../../../../other/x/w.json", `${root}-2/x.json`]) {
      const target = redirectTarget("app/.wrangler/deploy/config.json", redirect(path), root);
      assert.equal(target.ok, false, path);
      assert.equal(!target.ok && target.unreadable, true, path);
    }
    // Without the checkout's path nothing out of the repository maps.
    const unmapped = redirectTarget(".wrangler/deploy/config.json", redirect(`${root}/x/wrangler.json`));
    assert.equal(!unmapped.ok && unmapped.unreadable, true);
  });

  it("a redirect mapped through the checkout's path is read; one that cannot be mapped is critical", () => {
    const root = "/home/runner/work/repo/repo";
    const mapped = pairConfigs(
      [
        change(".wrangler/deploy/config.json", null, redirect(`${root}/dist/wrangler.json`)),
        change("dist/wrangler.json", null, JSONC_DELETE),
        change("wrangler.toml", TOML, TOML),
      ],
      root,
    );
    assert.equal(mapped.changes.find((c) => c.file === "dist/wrangler.json")?.baseFile, "wrangler.toml");
    assert.deepEqual(
      mapped.findings.map((f) => [f.code, f.severity]),
      [["DO008", "warning"]],
    );
    assert.match(mapped.findings[0]!.message, /through the absolute path/);
    const unmapped = pairConfigs(
      [
        change(".wrangler/deploy/config.json", null, redirect("/opt/build/wrangler.json")),
        change("wrangler.toml", TOML, TOML),
      ],
      root,
    );
    assert.deepEqual(
      unmapped.findings.map((f) => [f.code, f.severity]),
      [["DO008", "critical"]],
    );
    assert.match(unmapped.findings[0]!.message, /cannot vouch/);
  });

  it("resolves configPath relative to the redirect's directory, and refuses paths out of the repository", () => {
    assert.deepEqual(redirectTarget("app/.wrangler/deploy/config.json", redirect("../../dist/w.json")), {
      ok: true,
      target: "app/dist/w.json",
    });
    assert.equal(redirectTarget(".wrangler/deploy/config.json", redirect("../../../x.json")).ok, false);
    assert.equal(redirectTarget(".wrangler/deploy/config.json", redirect("/etc/x.json")).ok, false);
    assert.equal(redirectTarget(".wrangler/deploy/config.json", "{ not json").ok, false);
  });
});

describe("config names that differ only in case (one file on macOS and Windows)", () => {
  const clash = { code: "DO011", kind: "config-name-case", severity: "error" } as const;
  runAnalysisCases([
    {
      name: "WRANGLER.JSON added beside wrangler.toml: reported, and judged against what deployed there",
      changes: [change("WRANGLER.JSON", null, JSONC_DELETE), change("wrangler.toml", TOML, TOML)],
      expect: [
        ...lobbyGone("WRANGLER.JSON").slice(0, 1),
        {
          ...clash,
          file: "WRANGLER.JSON",
          classes: [],
          worker: "chat",
          line: null,
          says: [
            "reads `wrangler.toml` on Linux",
            "reads `WRANGLER.JSON` on macOS or Windows",
            "against what the base revision deployed there (`wrangler.toml`)",
          ],
        },
        lobbyGone("WRANGLER.JSON")[1]!,
      ],
    },
    {
      name: "wrangler.toml and Wrangler.toml: whichever the checkout kept",
      changes: [change("Wrangler.toml", null, TOML_DELETE), change("wrangler.toml", TOML, TOML)],
      expect: [
        ...lobbyGone("Wrangler.toml").slice(0, 1),
        {
          ...clash,
          file: "Wrangler.toml",
          classes: [],
          worker: "chat",
          line: null,
          says: ["reads whichever of the files that share a name the checkout kept"],
        },
        lobbyGone("Wrangler.toml")[1]!,
      ],
    },
    {
      name: "an unchanged case clash says nothing",
      changes: [change("WRANGLER.TOML", TOML, TOML), change("wrangler.jsonc", JSONC_DELETE, JSONC_DELETE)],
      expect: [],
    },
  ]);
});

describe("pairConfigs", () => {
  it("is idempotent: a paired change is not paired again", () => {
    const input = [change("wrangler.jsonc", null, JSONC_DELETE), change("wrangler.toml", TOML, null)];
    const once = pairConfigs(input);
    const twice = pairConfigs(once.changes);
    assert.deepEqual(twice.changes, once.changes);
    assert.equal(once.changes.length, 1);
    assert.equal(once.changes[0]!.baseFile, "wrangler.toml");
  });
});
