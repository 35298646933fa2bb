import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createSourceReader, SourceReadError } from "../../src/adapters/source-files.ts";

describe("createSourceReader", () => {
  let base: string;
  let repo: string;
  let outside: string;

  before(() => {
    base = mkdtempSync(join(tmpdir(), "source-files-"));
    repo = join(base, "repo");
    outside = join(base, "outside");
    mkdirSync(join(repo, "src", "nested"), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(repo, "src", "index.ts"), "export class A {}\n");
    writeFileSync(join(repo, "src", "nested", "b.ts"), "export class B {}\n");
    writeFileSync(join(repo, "big.ts"), "x".repeat(2048));
    writeFileSync(join(outside, "secret.ts"), "export const secret = 1;\n");
    symlinkSync(join(repo, "src", "index.ts"), join(repo, "link-inside.ts"));
    symlinkSync(join(outside, "secret.ts"), join(repo, "link-outside.ts"));
    symlinkSync(outside, join(repo, "dir-outside"));
    symlinkSync(join(repo, "src"), join(repo, "dir-inside"));
    symlinkSync(join(repo, "nowhere.ts"), join(repo, "dangling.ts"));
    symlinkSync("loop.ts", join(repo, "loop.ts"));
    execFileSync("mkfifo", [join(repo, "pipe.ts")]);
    // A root reached through a symbolic link still works.
    symlinkSync(repo, join(base, "repo-link"));
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  const read = (path: string, root = repo) => createSourceReader(root, { maxBytes: 1024 })(path);

  const ok: Array<[string, string | null]> = [
    ["src/index.ts", "export class A {}\n"],
    ["./src/nested/../index.ts", "export class A {}\n"],
    ["src/nested/b.ts", "export class B {}\n"],
    ["link-inside.ts", "export class A {}\n"],
    ["dir-inside/nested/b.ts", "export class B {}\n"],
    ["src/missing.ts", null],
    ["src/index.ts/child.ts", null],
    ["src", null],
    ["dangling.ts", null],
    ["pipe.ts", null],
  ];
  for (const [path, expected] of ok) {
    it(`reads ${path}`, () => assert.equal(read(path), expected));
  }

  it("reads an absolute path inside the root, and through a linked root", () => {
    assert.equal(read(join(repo, "src", "index.ts")), "export class A {}\n");
    assert.equal(read("src/index.ts", join(base, "repo-link")), "export class A {}\n");
  });

  const refused: Array<[string, RegExp]> = [
    ["../outside/secret.ts", /outside the repository/],
    ["src/../../outside/secret.ts", /outside the repository/],
    ["link-outside.ts", /symbolic link to outside/],
    ["dir-outside/secret.ts", /symbolic link to outside/],
    ["big.ts", /2048 bytes is over the 1024-byte limit/],
    ["src/\0.ts", /NUL byte/],
  ];
  for (const [path, message] of refused) {
    it(`refuses ${JSON.stringify(path)}`, () => {
      assert.throws(
        () => read(path),
        (error: unknown) => error instanceof SourceReadError && message.test(error.message),
      );
    });
  }

  it("says why a file cannot be read without the absolute path of the checkout (a link loop)", () => {
    assert.throws(
      () => read("loop.ts"),
      (error: unknown) =>
        error instanceof SourceReadError &&
        error.message ===
          "cannot read loop.ts: a symbolic link in a loop (or a chain of too many links), ELOOP",
    );
  });

  it("refuses an absolute path outside the root", () => {
    assert.throws(() => read(join(outside, "secret.ts")), SourceReadError);
  });
});
