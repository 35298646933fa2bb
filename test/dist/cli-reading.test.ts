// The committed CLI bundle (dist/cli.js) reads each config the way the pinned wrangler reads it,
// and fails closed on what it cannot read (issue 19, routes 2 and 3). Each case is a real git
// repository whose head, deployed with `wrangler deploy`, destroys a class the base deploys (or
// deploys a config this check cannot read): the check must fail under the default gate.
//   - a JSON `"__proto__"` key: wrangler reads the fields inside it (the real wrangler's upload is
//     checked in test/adapters/wrangler-reading.test.ts);
//   - a `.wrangler/deploy/config.json` redirect with an absolute path into the checkout, or one
//     leaving the repository's folder and coming back in, into `dist/` that the policy ignores;
//     one that cannot be mapped;
//   - a symbolic link to a directory under `dist/`;
//   - `WRANGLER.JSON` beside `wrangler.toml` (one name on macOS and Windows);
//   - a TOML number only wrangler's smol-toml reads (`1e+-5`), a Git LFS pointer, a syntax error.
import assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, it } from "node:test";
import { createGitRepo, type FileSpec } from "../support/git-repo.ts";
import { runCli } from "../support/run-cli.ts";

const TOML = `name = "chat"
main = "src/index.ts"

[[durable_objects.bindings]]
name = "ROOM"
class_name = "Room"

[[migrations]]
tag = "v1"
new_sqlite_classes = ["Room", "Lobby"]
`;
const TOML_DELETE = `${TOML}
[[migrations]]
tag = "v2"
deleted_classes = ["Lobby"]
`;
const JSON_BASE = JSON.stringify(
  {
    name: "chat",
    main: "src/index.ts",
    durable_objects: { bindings: [{ name: "ROOM", class_name: "Room" }] },
    migrations: [{ tag: "v1", new_sqlite_classes: ["Room", "Lobby"] }],
  },
  null,
  2,
);
const JSON_DELETE = JSON.stringify(
  {
    name: "chat",
    main: "src/index.ts",
    durable_objects: { bindings: [{ name: "ROOM", class_name: "Room" }] },
    migrations: [
      { tag: "v1", new_sqlite_classes: ["Room", "Lobby"] },
      { tag: "v2", deleted_classes: ["Lobby"] },
    ],
  },
  null,
  2,
);
const SRC =
  "export class Room {}\nexport class Lobby {}\nexport default { fetch() { return new Response(); } };\n";

interface Finding {
  code: string;
  kind: string;
  severity: string;
  file: string;
  classes: string[];
  message: string;
}

/** `check --base <base> --head HEAD --format json` in a repository built from base and head. */
function check(
  base: Record<string, FileSpec>,
  head: (dir: string) => Record<string, FileSpec | null>,
  { workingTree = false } = {},
): { status: number | null; findings: Finding[]; stderr: string } {
  // The repository's path is needed in its own head (an absolute redirect): build it in two steps.
  const repo = createGitRepo({ base, head: {} });
  try {
    const files = head(repo.dir);
    const changed = createGitRepoIn(repo, files);
    const heads = workingTree ? [] : ["--head", changed];
    const result = runCli(["check", "--base", repo.baseSha, ...heads, "--format", "json"], repo.dir);
    const findings = result.stdout ? (JSON.parse(result.stdout).findings as Finding[]) : [];
    return { status: result.status, findings, stderr: result.stderr };
  } finally {
    repo.cleanup();
  }
}

/** Commits `files` on top of the repository's head, returns the new commit. */
function createGitRepoIn(
  repo: ReturnType<typeof createGitRepo>,
  files: Record<string, FileSpec | null>,
): string {
  for (const [path, spec] of Object.entries(files)) {
    const full = join(repo.dir, path);
    rmSync(full, { force: true, recursive: true });
    if (spec === null) continue;
    mkdirSync(dirname(full), { recursive: true });
    if (typeof spec === "string") writeFileSync(full, spec);
    else symlinkSync(spec.symlink, full);
  }
  repo.git("add", "--all", "--", ".");
  repo.git("commit", "--quiet", "--no-verify", "-m", "head");
  return repo.git("rev-parse", "HEAD");
}

const lossOf = (findings: readonly Finding[], file: string) =>
  findings.filter((f) => f.code === "DO101" && f.file === file).map((f) => f.classes);

function assertFails(result: ReturnType<typeof check>): void {
  assert.equal(result.status, 1, `exit code: ${result.stderr} ${JSON.stringify(result.findings, null, 1)}`);
}

describe("dist/cli.js reads what wrangler reads", () => {
  it('a JSON "__proto__" key holding the migrations: the delete inside it is data loss, and the key is reported', () => {
    const hidden = JSON.stringify(
      {
        name: "chat",
        main: "src/index.ts",
        durable_objects: { bindings: [{ name: "ROOM", class_name: "Room" }] },
      },
      null,
      2,
    ).replace(
      /\n}$/,
      ',\n  "__proto__": {\n    "migrations": [\n      { "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] },\n      { "tag": "v2", "deleted_classes": ["Lobby"] }\n    ]\n  }\n}',
    );
    const result = check({ "wrangler.json": JSON_BASE, "src/index.ts": SRC }, () => ({
      "wrangler.json": hidden,
    }));
    assertFails(result);
    assert.deepEqual(lossOf(result.findings, "wrangler.json"), [["Lobby"]]);
    assert.ok(result.findings.some((f) => f.code === "DO010" && f.severity === "error"));
  });

  const POLICY = JSON.stringify({ ignore: ["dist/"] });
  for (const [name, configPath] of [
    ["an absolute path into the checkout", (dir: string) => `${dir}/dist/chat/wrangler.json`],
    [
      "a path that leaves the repository's folder and comes back in",
      (dir: string) => `../../../../../${basename(dir)}/dist/chat/wrangler.json`,
    ],
  ] as const) {
    it(`a redirect through ${name}, into dist/ that the policy ignores: the deployed config is checked`, () => {
      const result = check(
        { "apps/chat/wrangler.toml": TOML, ".do-migrate.json": POLICY, "apps/chat/src/index.ts": SRC },
        (dir) => ({
          "apps/chat/.wrangler/deploy/config.json": JSON.stringify({ configPath: configPath(dir) }),
          "dist/chat/wrangler.json": JSON_DELETE,
        }),
      );
      assertFails(result);
      assert.deepEqual(lossOf(result.findings, "dist/chat/wrangler.json"), [["Lobby"]]);
    });
  }

  it("a redirect to an absolute path outside the checkout: the check cannot read what deploys, critical", () => {
    const result = check({ "apps/chat/wrangler.toml": TOML, "apps/chat/src/index.ts": SRC }, () => ({
      "apps/chat/.wrangler/deploy/config.json": JSON.stringify({
        configPath: "/opt/build/chat/wrangler.json",
      }),
    }));
    assertFails(result);
    const redirect = result.findings.find((f) => f.code === "DO008");
    assert.equal(redirect?.severity, "critical");
    assert.match(redirect?.message ?? "", /cannot vouch/);
  });

  for (const workingTree of [false, true]) {
    it(`a symbolic link to a directory under dist/: the config wrangler reads through it is checked (${workingTree ? "working tree" : "at a commit"})`, () => {
      const result = check(
        { "apps/chat/wrangler.toml": TOML, "apps/chat/src/index.ts": SRC },
        () => ({
          "apps/chat": { symlink: "../dist/chat" },
          "dist/chat/wrangler.toml": TOML_DELETE,
          "dist/chat/src/index.ts": SRC,
        }),
        { workingTree },
      );
      assertFails(result);
      assert.deepEqual(lossOf(result.findings, "apps/chat/wrangler.toml"), [["Lobby"]]);
    });
  }

  it("a link to a directory whose config is checked on its own: one reading, at the real path", () => {
    const result = check(
      { "apps/chat/wrangler.toml": TOML, current: { symlink: "apps/chat" }, "apps/chat/src/index.ts": SRC },
      () => ({
        "apps/chat/wrangler.toml": TOML_DELETE,
      }),
    );
    assertFails(result);
    assert.deepEqual(lossOf(result.findings, "apps/chat/wrangler.toml"), [["Lobby"]]);
    assert.ok(!result.findings.some((f) => f.file.startsWith("current/")), JSON.stringify(result.findings));
  });

  it("a directory replaced by a link to another checked config: compared with what it was", () => {
    const result = check(
      { "apps/chat/wrangler.toml": TOML, "services/chat/wrangler.toml": TOML, "apps/chat/src/index.ts": SRC },
      () => ({
        "apps/chat": { symlink: "../services/chat" },
        "services/chat/wrangler.toml": TOML_DELETE,
      }),
    );
    assertFails(result);
    assert.deepEqual(lossOf(result.findings, "apps/chat/wrangler.toml"), [["Lobby"]]);
  });

  it("a config that is a symbolic link into dist/, which the policy ignores: checked at the link's path", () => {
    const result = check(
      { "apps/chat/wrangler.toml": TOML, "apps/chat/src/index.ts": SRC, ".do-migrate.json": POLICY },
      () => ({
        "apps/chat/wrangler.toml": { symlink: "../../dist/chat/wrangler.toml" },
        "dist/chat/wrangler.toml": TOML_DELETE,
      }),
    );
    assertFails(result);
    assert.deepEqual(lossOf(result.findings, "apps/chat/wrangler.toml"), [["Lobby"]]);
  });

  it("WRANGLER.JSON beside wrangler.toml: reported, and its delete judged against what deployed there", () => {
    const result = check({ "wrangler.toml": TOML, "src/index.ts": SRC }, () => ({
      "WRANGLER.JSON": JSON_DELETE,
    }));
    assertFails(result);
    assert.deepEqual(lossOf(result.findings, "WRANGLER.JSON"), [["Lobby"]]);
    assert.ok(result.findings.some((f) => f.code === "DO011"));
  });
});

describe("dist/cli.js fails closed on what it cannot read", () => {
  it("a TOML number only wrangler's smol-toml reads (1e+-5): read as wrangler does, the delete is seen", () => {
    const result = check({ "wrangler.toml": TOML, "src/index.ts": SRC }, () => ({
      "wrangler.toml": TOML_DELETE.replace(
        'main = "src/index.ts"',
        'main = "src/index.ts"\nlimits = { cpu_ms = 1e+-5 }',
      ),
    }));
    assertFails(result);
    assert.deepEqual(lossOf(result.findings, "wrangler.toml"), [["Lobby"]]);
  });

  for (const [name, text] of [
    [
      "a Git LFS pointer",
      "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 312\n",
    ],
    ["a syntax error", `${TOML_DELETE}\n[[migrations]\n`],
  ] as const) {
    it(`${name} at head is critical, whatever the policy says`, () => {
      const policy = JSON.stringify({ rules: { DO001: "off" } });
      const result = check(
        { "wrangler.toml": TOML, "src/index.ts": SRC, ".do-migrate.json": policy },
        () => ({
          "wrangler.toml": text,
        }),
      );
      assertFails(result);
      const finding = result.findings.find((f) => f.code === "DO001");
      assert.equal(finding?.severity, "critical");
      assert.match(finding?.message ?? "", /cannot vouch/);
    });
  }
});
