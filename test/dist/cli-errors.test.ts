// The committed CLI bundle (dist/cli.js) when it cannot run: every problem is exit code 2 and ONE
// line on stderr that names it (never a stack trace, never "internal error"), and nothing on
// stdout. Then the untrusted paths of `check`: a path argument outside the repository is refused;
// a config that is a symbolic link leading out of the repository, or too large, is never read and
// fails the check closed (a critical DO001 finding) instead of passing it as "no change".
// DO_MIGRATE_CLI points the test at another build (e.g. a fresh one in a temporary directory).
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";
import { type CliRun, runCli } from "../support/run-cli.ts";

type Run = CliRun;
const run = runCli;

/** Exit 2, nothing on stdout, one clear line on stderr matching `says`. */
function assertUsageError(result: Run, says: RegExp): void {
  assert.equal(result.status, 2, `exit code; stderr: ${result.stderr}; stdout: ${result.stdout}`);
  assert.equal(result.stdout, "");
  assert.match(result.stderr, /^do-migrate: [^\n]+\n$/, `one line: ${JSON.stringify(result.stderr)}`);
  assert.match(result.stderr, says);
  assert.doesNotMatch(result.stderr, /internal error|\bat .+:\d+:\d+|node:internal|Error:/);
}

const TOML = 'name = "chat"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n';
const TOML_DELETE = `${TOML}\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Room"]\n`;

describe("dist/cli.js: problems with the command line", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["no arguments", [], /a command is needed: diff, check/],
    ["an unknown command", ["frobnicate"], /unknown command "frobnicate"/],
    ["an unknown option", ["diff", "--bogus"], /Unknown option '--bogus'/],
    ["an option without its value", ["diff", "a", "b", "--format"], /--format.*argument missing/],
    [
      "a bad --format",
      ["diff", "a", "b", "--format", "xml"],
      /--format must be one of text, markdown, json \(got "xml"\)/,
    ],
    [
      "a bad --fail-on",
      ["diff", "a", "b", "--fail-on", "sometimes"],
      /--fail-on must be one of critical, error, warning, never \(got "sometimes"\)/,
    ],
    ["diff with one file", ["diff", "wrangler.toml"], /diff takes exactly two files/],
    ["a control sequence in an argument is not echoed raw", ["\u001b[2Jx"], /unknown command "\?\[2Jx"/],
    // parseArgs answers this one on three lines: it is joined into one.
    [
      "an option value that looks like an option",
      ["check", "--base", "-x"],
      /--base' argument is ambiguous\. Did you forget/,
    ],
  ];
  for (const [name, args, says] of cases) {
    it(name, () => assertUsageError(run(args), says));
  }
});

describe("dist/cli.js diff: files that cannot be read", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "do-migrate-cli-"));
    writeFileSync(join(dir, "wrangler.toml"), TOML);
    mkdirSync(join(dir, "a-directory"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("a missing file", () => {
    assertUsageError(
      run(["diff", join(dir, "nope.toml"), join(dir, "wrangler.toml")]),
      /cannot read .*nope\.toml: no such file/,
    );
  });

  it("a directory instead of a file", () => {
    assertUsageError(
      run(["diff", join(dir, "wrangler.toml"), join(dir, "a-directory")]),
      /a-directory: it is a directory/,
    );
  });

  it("an unreadable file (mode 000; as root, which reads anything, a symbolic link loop)", () => {
    const path = join(dir, "locked.toml");
    if (process.getuid?.() === 0) {
      symlinkSync("locked.toml", path);
      assertUsageError(run(["diff", path, join(dir, "wrangler.toml")]), /locked\.toml: ELOOP/);
    } else {
      writeFileSync(path, TOML);
      chmodSync(path, 0o000);
      assertUsageError(run(["diff", path, join(dir, "wrangler.toml")]), /locked\.toml: permission denied/);
    }
  });

  it("an endless file (/dev/zero) stops at the read cap", { skip: process.platform === "win32" }, () => {
    assertUsageError(
      run(["diff", "/dev/zero", join(dir, "wrangler.toml")]),
      /\/dev\/zero: more than 16 MiB, not a wrangler config/,
    );
  });

  it("a file that is not a config is a finding, not a crash (binary bytes); unread, it fails closed", () => {
    const path = join(dir, "binary.toml");
    writeFileSync(path, Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x0a]));
    const result = run(["diff", join(dir, "wrangler.toml"), path, "--format", "json"]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, "");
    const report = JSON.parse(result.stdout);
    assert.deepEqual(
      report.findings.map((f: { kind: string; severity: string; line: number }) => [
        f.kind,
        f.severity,
        f.line,
      ]),
      [["parse-error", "critical", 1]],
    );
  });
});

describe("dist/cli.js diff: what each file is", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "do-migrate-cli-"));
    writeFileSync(join(dir, "empty"), "");
    writeFileSync(join(dir, "wrangler.toml"), TOML);
    writeFileSync(
      join(dir, "wrangler.jsonc"),
      '{ "name": "chat", "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room"] }, { "tag": "v2", "deleted_classes": ["Room"] }] }\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const codes = (result: Run) =>
    JSON.parse(result.stdout).findings.map(
      (f: { code: string; severity: string }) => `${f.code} ${f.severity}`,
    );

  it("an empty base file is no config, as `<(git show base:x 2>/dev/null)` gives for a new file", () => {
    const result = run(["diff", join(dir, "empty"), join(dir, "wrangler.jsonc"), "--format", "json"]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(codes(result), ["DO206 warning"]);
  });

  it("each file is parsed by its own name: a TOML base against a JSONC head", () => {
    const result = run(["diff", join(dir, "wrangler.toml"), join(dir, "wrangler.jsonc"), "--format", "json"]);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(codes(result), ["DO101 critical"]);
  });
});

describe("dist/cli.js check: repository problems", () => {
  let repo: GitRepo;
  let outside: string;
  before(() => {
    outside = mkdtempSync(join(tmpdir(), "do-migrate-outside-"));
    writeFileSync(join(outside, "wrangler.toml"), `${TOML_DELETE}# SECRET-OUTSIDE-THE-REPOSITORY\n`);
    repo = createGitRepo({
      base: { "wrangler.toml": TOML, "apps/api/wrangler.toml": TOML, "apps/web/wrangler.toml": TOML },
      head: {
        "wrangler.toml": TOML_DELETE,
        // Committed links: one out of the repository, one to a config inside it.
        "apps/api/wrangler.toml": { symlink: join(outside, "wrangler.toml") },
        "apps/web/wrangler.toml": { symlink: "../../wrangler.toml" },
      },
    });
  });
  after(() => {
    repo.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  it("outside a git repository", () => {
    assertUsageError(
      run(["check"], outside),
      /is not in a git repository \(check needs one; use diff for two files\)/,
    );
  });

  it("--base or --head that is not a revision", () => {
    assertUsageError(
      run(["check", "--base", "nonexistent"], repo.dir),
      /--base "nonexistent" is not a revision in this repository/,
    );
    assertUsageError(
      run(["check", "--head", "nope"], repo.dir),
      /--head "nope" is not a revision in this repository/,
    );
  });

  it("a revision that is an option in disguise reaches git only as data", () => {
    const target = join(outside, "written-by-git");
    assertUsageError(
      run(["check", `--base=--output=${target}`], repo.dir),
      /--base "--output=.*" is not a revision/,
    );
    assert.equal(existsSync(target), false, "git wrote no file");
  });

  it("a path argument outside the repository is refused", () => {
    assertUsageError(
      run(["check", "--base", repo.baseSha, join(outside, "wrangler.toml")], repo.dir),
      /is outside the repository/,
    );
    assertUsageError(
      run(["check", "--base", repo.baseSha, "../x/wrangler.toml"], repo.dir),
      /is outside the repository/,
    );
  });

  it("a path argument that matches no file at either revision", () => {
    assertUsageError(
      run(["check", "--base", repo.baseSha, "nowhere/wrangler.toml"], repo.dir),
      /no file matches nowhere\/wrangler\.toml at either revision/,
    );
  });

  for (const head of [["--head", "HEAD"], []]) {
    it(`a config that is a link out of the repository is not read and fails the check (${head.length ? "at a commit" : "in the working tree"})`, () => {
      const result = run(["check", "--base", repo.baseSha, ...head, "--format", "json"], repo.dir);
      assert.equal(result.status, 1, result.stderr);
      assert.doesNotMatch(result.stdout, /SECRET-OUTSIDE/);
      const report = JSON.parse(result.stdout);
      const byFile = (file: string) =>
        report.findings
          .filter((f: { file: string }) => f.file === file)
          .map((f: { kind: string; severity: string; classes: string[] }) => [f.kind, f.severity, f.classes]);
      assert.deepEqual(byFile("apps/api/wrangler.toml"), [["parse-error", "critical", []]]);
      assert.match(
        report.findings.find((f: { file: string }) => f.file === "apps/api/wrangler.toml").message,
        /was not checked: a symbolic link/,
      );
      // The link that stays inside the repository is followed: its delete is seen.
      assert.deepEqual(
        byFile("apps/web/wrangler.toml").filter(([kind]: [string]) => kind === "class-deleted"),
        [["class-deleted", "critical", ["Room"]]],
      );
      assert.equal(result.stderr, "");
    });
  }

  it("a config in the working tree that is a link loop fails the check, named by its repository path only", () => {
    const loop = join(repo.dir, "loop", "wrangler.toml");
    mkdirSync(join(repo.dir, "loop"));
    symlinkSync("wrangler.toml", loop);
    try {
      const result = run(
        ["check", "--base", repo.baseSha, "loop/wrangler.toml", "--format", "json"],
        repo.dir,
      );
      assert.equal(result.status, 1, result.stderr);
      const [finding] = JSON.parse(result.stdout).findings;
      assert.deepEqual(
        [finding.kind, finding.severity, finding.file],
        ["parse-error", "critical", "loop/wrangler.toml"],
      );
      assert.match(
        finding.message,
        /was not checked: cannot read loop\/wrangler\.toml: a symbolic link in a loop \(or a chain of too many links\), ELOOP\./,
      );
      assert.ok(!result.stdout.includes(repo.dir), "no absolute path of the checkout");
    } finally {
      rmSync(join(repo.dir, "loop"), { recursive: true, force: true });
    }
  });

  it("a config over the size limit in the working tree is refused, critical, without reading it all", () => {
    const big = join(repo.dir, "huge", "wrangler.toml");
    mkdirSync(join(repo.dir, "huge"));
    writeFileSync(big, `${TOML_DELETE}${"# padding padding padding\n".repeat(200_000)}`);
    try {
      const result = run(
        ["check", "--base", repo.baseSha, "huge/wrangler.toml", "--format", "json"],
        repo.dir,
      );
      assert.equal(result.status, 1, result.stderr);
      const report = JSON.parse(result.stdout);
      assert.deepEqual(
        report.findings.map((f: { kind: string; severity: string; file: string }) => [
          f.kind,
          f.severity,
          f.file,
        ]),
        [["parse-error", "critical", "huge/wrangler.toml"]],
      );
      assert.match(report.findings[0].message, /was not checked: \d+ bytes is over the \d+-byte limit/);
      // The same file committed: read from git with the same cap, never as a deleted file.
      repo.git("add", "--", "huge/wrangler.toml");
      repo.git("commit", "--quiet", "-m", "huge");
      const committed = run(
        ["check", "--base", repo.baseSha, "--head", "HEAD", "huge/wrangler.toml", "--format", "json"],
        repo.dir,
      );
      assert.equal(committed.status, 1, committed.stderr);
      const atCommit = JSON.parse(committed.stdout);
      assert.deepEqual(
        atCommit.findings.map((f: { kind: string; severity: string }) => [f.kind, f.severity]),
        [["parse-error", "critical"]],
      );
      assert.match(
        atCommit.findings[0].message,
        /was not checked: \d+ bytes, over the size this check reads/,
      );
    } finally {
      if (repo.git("log", "-1", "--format=%s") === "huge") repo.git("reset", "--quiet", "--hard", "HEAD~1");
      rmSync(join(repo.dir, "huge"), { recursive: true, force: true });
    }
  });
});
