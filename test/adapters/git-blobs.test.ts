// Reading files by blob id: what `check` does for every regular file of a revision, so that a
// monorepo of many Workers is read without git walking the trees again for each file.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isRegularFile, listFilesAtRev, listTreeFilesAtRev } from "../../src/adapters/git.ts";
import { GitFileReader } from "../../src/adapters/git-blobs.ts";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";

let repo: GitRepo;
before(() => {
  repo = createGitRepo({
    base: {
      "a/wrangler.toml": 'name = "a"\n',
      "b/wrangler.jsonc": '{ "name": "b" }\n',
      "linked.toml": { symlink: "a/wrangler.toml" },
    },
    head: { "a/wrangler.toml": 'name = "a2"\n' },
  });
});
after(() => repo.cleanup());

describe("listTreeFilesAtRev", () => {
  test("lists each file with its mode and blob id, in the order and selection of listFilesAtRev", async () => {
    const files = await listTreeFilesAtRev(repo.dir, repo.baseSha, () => true);
    assert.deepEqual(
      files.map((f) => f.path),
      await listFilesAtRev(repo.dir, repo.baseSha, () => true),
    );
    const byPath = new Map(files.map((f) => [f.path, f]));
    assert.equal(byPath.get("a/wrangler.toml")?.mode, "100644");
    assert.equal(byPath.get("linked.toml")?.mode, "120000");
    assert.equal(
      byPath.get("a/wrangler.toml")?.oid,
      repo.git("rev-parse", `${repo.baseSha}:a/wrangler.toml`),
    );
    assert.deepEqual(
      files.filter(isRegularFile).map((f) => f.path),
      ["a/wrangler.toml", "b/wrangler.jsonc"],
    );
  });
});

describe("GitFileReader.read by blob id", () => {
  test("gives what reading the path gives; an unchanged file has the same id at both revisions", async () => {
    const reader = new GitFileReader(repo.dir);
    try {
      const [base, head] = await Promise.all([
        listTreeFilesAtRev(repo.dir, repo.baseSha, () => true),
        listTreeFilesAtRev(repo.dir, repo.headSha, () => true),
      ]);
      for (const [rev, files] of [
        [repo.baseSha, base],
        [repo.headSha, head],
      ] as const) {
        for (const file of files.filter(isRegularFile)) {
          assert.deepEqual(await reader.read(rev, file.path, file.oid), await reader.read(rev, file.path));
        }
      }
      const oid = (files: typeof base, path: string) => files.find((f) => f.path === path)?.oid;
      assert.equal(oid(base, "b/wrangler.jsonc"), oid(head, "b/wrangler.jsonc"));
      assert.notEqual(oid(base, "a/wrangler.toml"), oid(head, "a/wrangler.toml"));
      assert.equal(
        (await reader.read(repo.headSha, "a/wrangler.toml", oid(head, "a/wrangler.toml"))).content,
        'name = "a2"\n',
      );
    } finally {
      await reader.close();
    }
  });

  test("an id that is not in the repository reads as missing; a malformed id is refused", async () => {
    const reader = new GitFileReader(repo.dir);
    try {
      const file = await reader.read(repo.baseSha, "a/wrangler.toml", "0".repeat(40));
      assert.equal(file.status, "missing");
      assert.throws(() => reader.read(repo.baseSha, "a/wrangler.toml", "HEAD"), TypeError);
      assert.throws(() => reader.read(repo.baseSha, "a/wrangler.toml", "--batch"), TypeError);
    } finally {
      await reader.close();
    }
  });
});
