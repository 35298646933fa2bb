/**
 * The deploy use case against an in-memory repository: every file it reads (the configs, the
 * repository's other Workers, the entry module) and every file it writes (phase 1's derived
 * config and stand-in entry) goes through the DeployFiles port of src/deploy/ports.ts. The
 * repository lives under a root that does not exist on disk, so a read or write that went
 * around the port would find nothing (or fail). Nothing is spawned, nothing is sent.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { wranglerConfigsUnder } from "../../src/core/discover.ts";
import type { LiveAccount } from "../../src/core/live/state.ts";
import type {
  DeployAdapters,
  DeployFiles,
  LiveAccounts,
  LiveReadRequest,
  RunWranglerDeployOptions,
  WranglerDeployResult,
} from "../../src/deploy/ports.ts";
import { runRelease } from "../../src/deploy/release.ts";
import { selectionFor, selectWorkers } from "../../src/deploy/targets.ts";

const ROOT = "/nonexistent-do-migrate-in-memory/repo";
const ACCT = "acct-mem";
const TOKEN = "in-memory-token-7c1e";
const CONFIG_NAME = /(^|\/)wrangler[^/]*\.(toml|json|jsonc)$/;

/** A repository as a map of absolute paths to texts, behind the DeployFiles port. */
class MemoryFiles implements DeployFiles {
  readonly files = new Map<string, string>();
  readonly reads: string[] = [];
  /** Temporary files as they were while they existed (removed ones included). */
  readonly written = new Map<string, string>();

  constructor(files: Record<string, string>) {
    for (const [path, text] of Object.entries(files)) this.files.set(join(ROOT, path), text);
  }
  async listConfigs(_workingDirectory: string): Promise<{ root: string; files: readonly string[] }> {
    return { root: ROOT, files: [...this.files.keys()].filter((f) => CONFIG_NAME.test(f)).sort() };
  }
  async exists(path: string): Promise<boolean> {
    return this.files.has(path) || (await this.isDirectory(path));
  }
  async isDirectory(path: string): Promise<boolean> {
    const dir = path.endsWith(sep) ? path : `${path}${sep}`;
    return [...this.files.keys()].some((f) => f.startsWith(dir));
  }
  async readText(path: string): Promise<string> {
    this.reads.push(path);
    const text = this.files.get(path);
    if (text === undefined) throw Object.assign(new Error(`no file ${path}`), { code: "ENOENT" });
    return text;
  }
  repoPatterns(root: string, cwd: string, path: string): string[] {
    const absolute = resolve(cwd, path);
    const rel = relative(root, absolute).split(sep).join("/");
    const isDir = [...this.files.keys()].some((f) => f.startsWith(`${absolute}${sep}`));
    return isDir ? wranglerConfigsUnder(rel) : [rel];
  }
  async writeTemp(path: string, text: string): Promise<void> {
    if (this.files.has(path)) throw Object.assign(new Error(`exists: ${path}`), { code: "EEXIST" });
    this.files.set(path, text);
    this.written.set(path, text);
  }
  async removeTemp(path: string): Promise<void> {
    this.files.delete(path);
  }
}

const chatConfig = (migrations: object[], bindings: string[]): string =>
  `${JSON.stringify(
    {
      name: "chat",
      main: "src/index.js",
      account_id: ACCT,
      compatibility_date: "2025-01-01",
      durable_objects: { bindings: bindings.map((c) => ({ name: c.toUpperCase(), class_name: c })) },
      migrations,
    },
    null,
    2,
  )}\n`;

const API_TOML = `name = "api"\nmain = "src/index.js"\naccount_id = "${ACCT}"\ncompatibility_date = "2025-01-01"\n`;

/** The live state of the account: `chat` at tag v1 with its Room and Lobby objects. */
function liveAccount(): LiveAccount {
  return {
    accountId: ACCT,
    scripts: { ok: true, value: new Map([["chat", { name: "chat", migrationTag: "v1" }]]) },
    namespaces: {
      ok: true,
      value: [
        { id: "ns-room", script: "chat", className: "Room", storage: "sqlite" },
        { id: "ns-lobby", script: "chat", className: "Lobby", storage: "sqlite" },
      ],
    },
    settings: new Map([
      [
        "chat",
        {
          ok: true,
          value: {
            exists: true,
            bindings: [
              { name: "ROOM", className: "Room", scriptName: null },
              { name: "LOBBY", className: "Lobby", scriptName: null },
            ],
          },
        },
      ],
    ]),
    objects: new Map([["ns-lobby", { ok: true, value: { objects: 3, withData: 3, capped: false } }]]),
    scanned: { repository: [], outside: [], skipped: 0 },
    requests: 0,
  };
}

function adapters(
  files: MemoryFiles,
  deploy: (options: RunWranglerDeployOptions) => Promise<WranglerDeployResult>,
  asked: ReadonlyMap<string, LiveReadRequest>[],
): DeployAdapters {
  const source = (root: string) => (path: string) => files.files.get(join(root, path)) ?? null;
  return {
    listConfigs: (w) => files.listConfigs(w),
    exists: (p) => files.exists(p),
    isDirectory: (p) => files.isDirectory(p),
    readText: (p) => files.readText(p),
    repoPatterns: (r, c, p) => files.repoPatterns(r, c, p),
    writeTemp: (p, t) => files.writeTemp(p, t),
    removeTemp: (p) => files.removeTemp(p),
    log: { info: () => {}, warning: () => {} },
    readLive: async (reads): Promise<LiveAccounts> => {
      asked.push(reads);
      return { accounts: new Map([[ACCT, liveAccount()]]), budget: { limit: 100, refused: 0 } };
    },
    deploy,
    resolveWrangler: async () => "wrangler-that-is-never-run",
    sourceReader: source,
  };
}

const noDeploy = async (): Promise<WranglerDeployResult> => {
  throw new Error("nothing is deployed in this test");
};

describe("the deploy use case reads and writes files only through DeployFiles", () => {
  it("the root is not on disk", () => {
    assert.equal(existsSync(ROOT), false);
  });

  it("selects a Worker from a config given as text, the repository's other configs read through the port", async () => {
    const chat = chatConfig([{ tag: "v1", new_sqlite_classes: ["Room"] }], ["Room"]);
    const files = new MemoryFiles({
      "apps/chat/wrangler.jsonc": chat,
      "apps/chat/src/index.js": "export class Room {}\nexport default {};\n",
      "apps/api/wrangler.toml": API_TOML,
    });
    const selection = await selectionFor(ROOT, ["apps/chat"], false, files);
    assert.deepEqual(selection, { kind: "select", patterns: ["apps/chat"] });
    const single = await selectionFor(ROOT, ["apps/chat/wrangler.jsonc"], false, files);
    assert.deepEqual(single, { kind: "single", config: "apps/chat/wrangler.jsonc" });

    const log = { info: () => {}, warning: () => {} };
    const request = { workingDirectory: ROOT, selection, environment: null, accountId: null };
    const selected = await selectWorkers(request, files, log);
    assert.equal(selected.root, ROOT);
    assert.equal(selected.slots.length, 1);
    const target = selected.slots[0]?.target;
    assert.ok(target);
    assert.equal(target.worker.name, "chat");
    assert.equal(target.accountId, ACCT);
    assert.equal(target.configPath, join(ROOT, "apps/chat/wrangler.jsonc"));
    assert.equal(target.configText, chat);
    assert.equal(target.workingDirectory, join(ROOT, "apps/chat"));

    // The plan of the release: the live read is asked for with every Worker of the repository,
    // the config outside the selection read through the port too.
    const asked: ReadonlyMap<string, LiveReadRequest>[] = [];
    const result = await runRelease(
      {
        workingDirectory: ROOT,
        selection: single,
        environment: null,
        phase: "plan",
        confirmDataLoss: [],
        accountId: null,
        token: TOKEN,
        wranglerVersion: null,
        silent: true,
      },
      adapters(files, noDeploy, asked),
    );
    assert.equal(result.early, null);
    assert.deepEqual(
      result.runs.map((r) => r.name),
      ["chat"],
    );
    assert.deepEqual([...(asked[0]?.get(ACCT)?.repositoryWorkers ?? [])].sort(), ["api", "chat"]);
    assert.ok(files.reads.includes(join(ROOT, "apps/api/wrangler.toml")));
  });

  it("a config that cannot be read: said with its error code, as from disk", async () => {
    const files = new MemoryFiles({ "apps/chat/wrangler.jsonc": "{}" });
    files.readText = async () => {
      throw Object.assign(new Error("denied"), { code: "EACCES" });
    };
    const result = await runRelease(
      {
        workingDirectory: ROOT,
        selection: { kind: "single", config: "apps/chat/wrangler.jsonc" },
        environment: null,
        phase: "plan",
        confirmDataLoss: [],
        accountId: null,
        token: TOKEN,
        wranglerVersion: null,
        silent: true,
      },
      adapters(files, noDeploy, []),
    );
    assert.deepEqual(result.early, {
      message: "apps/chat/wrangler.jsonc cannot be read: EACCES.",
      fix: "Check the config path.",
    });
  });

  it("phase 1 writes its derived config and stand-in entry through the port, and removes them", async () => {
    const files = new MemoryFiles({
      "wrangler.json": chatConfig(
        [
          { tag: "v1", new_sqlite_classes: ["Room", "Lobby"] },
          { tag: "v2", deleted_classes: ["Lobby"] },
        ],
        ["Room"],
      ),
      // The code no longer exports Lobby: phase 1 needs a stand-in export.
      "src/index.js": "export class Room {}\nexport default {};\n",
    });
    const during: string[][] = [];
    const deploy = async (options: RunWranglerDeployOptions): Promise<WranglerDeployResult> => {
      during.push([...files.files.keys()].filter((f) => f.includes(".do-migrate-phase1.")));
      assert.ok(files.files.has(options.configPath), "wrangler is given the derived config, in memory");
      return {
        ok: true,
        exitCode: 0,
        records: [{ type: "deploy", version: 1, version_id: "v-1" }],
        stdout: "",
        stderr: "",
        versionId: "v-1",
      };
    };
    const result = await runRelease(
      {
        workingDirectory: ROOT,
        selection: { kind: "discover" },
        environment: null,
        phase: "1",
        confirmDataLoss: [],
        accountId: null,
        token: TOKEN,
        wranglerVersion: null,
        silent: true,
      },
      adapters(files, deploy, []),
    );
    assert.equal(result.early, null);
    assert.equal(result.runs[0]?.status, "deployed", JSON.stringify(result.runs[0]));
    assert.deepEqual(result.runs[0]?.standIns, ["Lobby"]);
    assert.equal(during.length, 1);
    assert.equal(
      during[0]?.length,
      2,
      "the derived config and the stand-in entry existed while wrangler ran",
    );
    const written = [...files.written.keys()];
    // Beside the originals: the derived config beside the config, the stand-in beside the entry.
    assert.deepEqual(written.map((p) => dirname(p)).sort(), [ROOT, join(ROOT, "src")]);
    const derived = written.find((p) => p.endsWith(".wrangler.json")) as string;
    assert.ok(derived);
    assert.doesNotMatch(files.written.get(derived) as string, /"deleted_classes"/);
    assert.deepEqual(
      [...files.files.keys()].filter((f) => f.includes(".do-migrate-phase1.")),
      [],
      "phase 1's files are removed through the port",
    );
  });
});
