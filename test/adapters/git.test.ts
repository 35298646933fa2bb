import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import {
  fetchCommit,
  GitError,
  hasCommit,
  isGitRepo,
  isSafeRev,
  listFilesAtRev,
  MissingRevisionError,
  mergeBase,
  resolveRev,
} from "../../src/adapters/git.ts";
import { GitFileReader, readFilesAtRevs } from "../../src/adapters/git-blobs.ts";
import { createGitRepo, type GitRepo, shallowClone } from "../support/git-repo.ts";

const workerToml = (name: string, classes: string[]) =>
  `name = "${name}"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ${JSON.stringify(classes)}\n`;

const base: Record<string, string | { symlink: string }> = {};
const head: Record<string, string | { symlink: string } | null> = {};
for (let i = 0; i < 25; i++) {
  base[`services/w${i}/wrangler.toml`] = workerToml(`w${i}`, ["Counter"]);
  if (i % 5 === 0) head[`services/w${i}/wrangler.toml`] = workerToml(`w${i}`, ["Counter", "Room"]);
  if (i === 7) head[`services/w${i}/wrangler.toml`] = null;
}
Object.assign(base, {
  "README.md": "# fixtures\n",
  "odd/with space.toml": "a = 1\n",
  "odd/ünïcödé.jsonc": '{ "name": "u" } // ✓\n',
  "odd/-n.toml": "dash = true\n",
  "odd/empty.toml": "",
  "odd/no-newline.toml": "x = 1",
  // Content that looks like cat-file's own protocol: the reader must go by sizes, not lines.
  "odd/protocol.txt": `${"0".repeat(40)} blob 3\nabc\nHEAD:x missing\n`,
  "odd/binary.bin": "\u0000\u0001\n\u00ff\n",
  "odd/line\nbreak.toml": "newline = true\n",
  "links/inside.toml": { symlink: "../services/w1/wrangler.toml" },
  "links/outside.toml": { symlink: "../../../etc/passwd" },
  "links/dangling.toml": { symlink: "nowhere.toml" },
});

let repo: GitRepo;
let shimDir: string;
let shimLog: string;
let shimGit: string;

before(() => {
  repo = createGitRepo({ base, head });
  // A git that records each invocation, to count processes.
  shimDir = mkdtempSync(join(tmpdir(), "do-migrate-gitshim-"));
  shimLog = join(shimDir, "calls.log");
  shimGit = join(shimDir, "git");
  const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  writeFileSync(shimGit, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${shimLog}'\nexec '${realGit}' "$@"\n`);
  chmodSync(shimGit, 0o755);
});

after(() => {
  repo.cleanup();
  rmSync(shimDir, { recursive: true, force: true });
});

function shimCalls(): string[] {
  try {
    return readFileSync(shimLog, "utf8").trim().split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

function resetShim(): void {
  rmSync(shimLog, { force: true });
}

describe("readFilesAtRevs", () => {
  test("reads many files at two revisions with one git process", async () => {
    const paths = Object.keys(base).filter((p) => p.startsWith("services/"));
    const requests = paths.flatMap((path) => [
      { rev: repo.baseSha, path },
      { rev: repo.headSha, path },
    ]);
    resetShim();
    const files = await readFilesAtRevs(repo.dir, requests, { git: shimGit });
    assert.deepEqual(shimCalls(), ["cat-file --batch --follow-symlinks"]);

    assert.equal(files.length, 50);
    for (const [i, file] of files.entries()) {
      const request = requests[i]!;
      assert.equal(file.rev, request.rev);
      assert.equal(file.path, request.path);
      const expected =
        request.rev === repo.baseSha
          ? base[request.path]
          : request.path in head
            ? head[request.path]
            : base[request.path];
      if (expected === null) {
        assert.deepEqual(file, { rev: request.rev, path: request.path, status: "missing", content: null });
      } else {
        assert.equal(file.status, "file");
        assert.equal(file.content, expected);
      }
    }
    assert.equal(files.filter((f) => f.status === "missing").length, 1);
  });

  test("awkward names and contents come back byte for byte", async () => {
    const names = [
      "odd/with space.toml",
      "odd/ünïcödé.jsonc",
      "odd/-n.toml",
      "odd/empty.toml",
      "odd/no-newline.toml",
      "odd/protocol.txt",
      "odd/binary.bin",
      "odd/line\nbreak.toml",
    ];
    const files = await readFilesAtRevs(
      repo.dir,
      names.map((path) => ({ rev: repo.headSha, path })),
    );
    assert.deepEqual(
      files.map((f) => [f.path, f.status, f.content]),
      names.map((n) => [n, "file", base[n]]),
    );
  });

  test("missing files, directories and symlinks", async () => {
    const rev = repo.headSha;
    const files = await readFilesAtRevs(repo.dir, [
      { rev, path: "nope/wrangler.toml" },
      { rev, path: "services" },
      { rev, path: "links/inside.toml" },
      { rev, path: "links/outside.toml" },
      { rev, path: "links/dangling.toml" },
      { rev, path: "services/w7/wrangler.toml" },
      { rev: repo.baseSha, path: "services/w7/wrangler.toml" },
    ]);
    assert.deepEqual(
      files.map((f) => [f.path, f.status]),
      [
        ["nope/wrangler.toml", "missing"],
        ["services", "not-a-file"],
        ["links/inside.toml", "file"],
        ["links/outside.toml", "not-a-file"],
        ["links/dangling.toml", "missing"],
        ["services/w7/wrangler.toml", "missing"],
        ["services/w7/wrangler.toml", "file"],
      ],
    );
    assert.equal(files[2]!.content, base["services/w1/wrangler.toml"]);
    const [nope, readme] = await readFilesAtRevs(repo.dir, [
      { rev, path: "nope.toml" },
      { rev: "HEAD", path: "README.md" },
    ]);
    assert.equal(nope?.content ?? null, null);
    assert.equal(readme?.content, "# fixtures\n");
  });

  test("files over maxFileBytes are not held", async () => {
    const [big, small] = await readFilesAtRevs(
      repo.dir,
      [
        { rev: "HEAD", path: "odd/protocol.txt" },
        { rev: "HEAD", path: "odd/no-newline.toml" },
      ],
      { maxFileBytes: 10 },
    );
    assert.deepEqual(big, {
      rev: "HEAD",
      path: "odd/protocol.txt",
      status: "too-large",
      content: null,
      size: Buffer.byteLength(base["odd/protocol.txt"] as string),
    });
    assert.equal(small!.content, "x = 1");
  });

  test("a revision that is not there rejects instead of making files look absent", async () => {
    const ghost = "1".repeat(40);
    await assert.rejects(
      readFilesAtRevs(repo.dir, [
        { rev: repo.headSha, path: "README.md" },
        { rev: ghost, path: "README.md" },
      ]),
      (error) => error instanceof MissingRevisionError && error.rev === ghost,
    );
  });

  test("refuses revisions and paths git would read as options or relative paths", async () => {
    for (const rev of ["--output=/tmp/x", "-p", "HEAD:README.md", "a..b", "HEAD README.md", ""]) {
      await assert.rejects(readFilesAtRevs(repo.dir, [{ rev, path: "README.md" }]), TypeError, rev);
    }
    for (const path of ["../README.md", "./README.md", "/etc/passwd", "a//b", "", "a/./b"]) {
      await assert.rejects(readFilesAtRevs(repo.dir, [{ rev: "HEAD", path }]), TypeError, path);
    }
    assert.equal(isSafeRev("origin/feature/x-1"), true);
    assert.equal(isSafeRev("HEAD~2^{tree}"), true);
  });

  test("a reader answers reads one at a time, then closes", async () => {
    resetShim();
    const reader = new GitFileReader(repo.dir, { git: shimGit });
    try {
      for (let i = 0; i < 5; i++) {
        const file = await reader.read(repo.baseSha, `services/w${i}/wrangler.toml`);
        assert.equal(file.content, base[`services/w${i}/wrangler.toml`]);
      }
    } finally {
      await reader.close();
    }
    assert.equal(shimCalls().length, 1);
    await assert.rejects(reader.read("HEAD", "README.md"), GitError);
  });

  test("a git that cannot start rejects with GitError", async () => {
    await assert.rejects(
      readFilesAtRevs(repo.dir, [{ rev: "HEAD", path: "README.md" }], { git: join(shimDir, "no-such-git") }),
      GitError,
    );
  });
});

describe("listFilesAtRev", () => {
  test("one ls-tree process; matcher; paths from the root even in a subdirectory", async () => {
    const isConfig = (p: string) => /(^|\/)wrangler\.(toml|jsonc?)$/.test(p);
    resetShim();
    const atBase = await listFilesAtRev(join(repo.dir, "services"), repo.baseSha, isConfig, { git: shimGit });
    assert.equal(shimCalls().length, 1);
    assert.equal(atBase.length, 25);
    assert.ok(atBase.includes("services/w7/wrangler.toml"));
    const atHead = await listFilesAtRev(repo.dir, "HEAD", isConfig);
    assert.equal(atHead.length, 24);
    assert.ok(!atHead.includes("services/w7/wrangler.toml"));
    const all = await listFilesAtRev(repo.dir, "HEAD", () => true);
    assert.ok(all.includes("odd/line\nbreak.toml"));
    assert.ok(all.includes("links/inside.toml"));
  });

  test("unknown and option-like revisions", async () => {
    await assert.rejects(
      listFilesAtRev(repo.dir, "2".repeat(40), () => true),
      MissingRevisionError,
    );
    await assert.rejects(
      listFilesAtRev(repo.dir, "--output=x", () => true),
      TypeError,
    );
  });
});

describe("revisions", () => {
  test("resolveRev, mergeBase, isGitRepo", async () => {
    assert.equal(await resolveRev(repo.dir, "HEAD"), repo.headSha);
    assert.equal(await resolveRev(repo.dir, "base"), repo.baseSha);
    assert.equal(await resolveRev(repo.dir, "HEAD~1"), repo.baseSha);
    assert.equal(await resolveRev(repo.dir, "no-such-branch"), null);
    assert.equal(await resolveRev(repo.dir, "--all"), null);
    assert.equal(await mergeBase(repo.dir, repo.headSha, "base"), repo.baseSha);
    assert.equal(await mergeBase(repo.dir, repo.headSha, "no-such-branch"), null);
    assert.equal(await isGitRepo(repo.dir), true);
    assert.equal(await isGitRepo(join(repo.dir, "services")), true);
    const plain = mkdtempSync(join(tmpdir(), "do-migrate-plain-"));
    try {
      assert.equal(await isGitRepo(plain), false);
      assert.equal(await isGitRepo(join(plain, "missing")), false);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  test("fixture SHAs are deterministic", () => {
    const again = createGitRepo({ base, head });
    try {
      assert.equal(again.baseSha, repo.baseSha);
      assert.equal(again.headSha, repo.headSha);
    } finally {
      again.cleanup();
    }
  });
});

describe("shallow clone", () => {
  test("lacks the base commit until fetchCommit brings it from origin", async () => {
    const clone = shallowClone(repo.dir);
    try {
      assert.equal(await hasCommit(clone.dir, repo.headSha), true);
      assert.equal(await hasCommit(clone.dir, repo.baseSha), false);
      await assert.rejects(
        readFilesAtRevs(clone.dir, [{ rev: repo.baseSha, path: "services/w0/wrangler.toml" }]),
        MissingRevisionError,
      );

      const fetched = await fetchCommit(clone.dir, "origin", repo.baseSha);
      assert.deepEqual(fetched, { fetched: true });
      assert.equal(await hasCommit(clone.dir, repo.baseSha), true);
      const [atBase, atHead] = await readFilesAtRevs(clone.dir, [
        { rev: repo.baseSha, path: "services/w0/wrangler.toml" },
        { rev: repo.headSha, path: "services/w0/wrangler.toml" },
      ]);
      assert.equal(atBase!.content, base["services/w0/wrangler.toml"]);
      assert.equal(atHead!.content, head["services/w0/wrangler.toml"]);
      // Both ends are shallow: no common history is known here.
      assert.equal(await mergeBase(clone.dir, repo.headSha, repo.baseSha), null);
    } finally {
      clone.cleanup();
    }
  });

  test("a failed fetch is reported, not thrown", async () => {
    const clone = shallowClone(repo.dir);
    try {
      const unknown = "3".repeat(40);
      const result = await fetchCommit(clone.dir, "origin", unknown);
      assert.equal(result.fetched, false);
      assert.ok(!result.fetched && result.message.length > 0);
      const noRemote = await fetchCommit(clone.dir, "no-such-remote", repo.baseSha);
      assert.equal(noRemote.fetched, false);
      await assert.rejects(fetchCommit(clone.dir, "--upload-pack=touch /tmp/x", repo.baseSha), TypeError);
      await assert.rejects(fetchCommit(clone.dir, "origin", "HEAD"), TypeError);
    } finally {
      clone.cleanup();
    }
  });
});

test("fixture: base files, head edits and deletions", () => {
  assert.equal(repo.git("rev-parse", "HEAD^"), repo.baseSha);
  assert.equal(repo.git("show", `${repo.baseSha}:README.md`), "# fixtures");
  assert.equal(repo.git("ls-tree", "--name-only", repo.headSha, "--", "services/w7").length, 0);
});
