// The committed CLI (dist/cli.js) with a policy, in real git repositories: `check` reads the
// policy file at --base, so a change that edits the policy is judged by the old one; `--policy
// FILE` overrides it; an invalid policy is exit 2 with one `file:line: ...` line per problem;
// inline directives work in TOML and JSONC, never on data loss.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { createGitRepo, type GitRepo } from "../support/git-repo.ts";
import { runCli } from "../support/run-cli.ts";

const run = runCli;

interface JsonFinding {
  code: string;
  file: string;
  line: number | null;
  message: string;
  severity: string;
  dataLoss: boolean;
  suppressed?: { by: string; reason: string; file: string; line: number | null };
  policyLevel?: { from: string; file: string; line: number | null };
}
interface JsonReport {
  risk: string;
  findings: JsonFinding[];
  notes: string[];
}

const BASE_POLICY = `{
  "$schema": "./schema/policy.schema.json",
  // test fixtures and playgrounds are never deployed as written
  "ignore": ["fixtures/", "**/playground/**"],
  "rules": { "DO604": "off" },
  "overrides": [{ "files": ["examples/**"], "rules": { "DO201": "info" } }]
}
`;
/** What a pull request would like the policy to be: everything ignored, history edits off. */
const LOOSE_POLICY = '{ "ignore": ["**"], "rules": { "DO201": "off" } }\n';

const chat = (extra = "") =>
  `name = "chat"\nmain = "src/index.ts"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room", "Limiter"]\n${extra}`;
const fixture = (classes: string) =>
  `{\n  "name": "fixture",\n  "migrations": [{ "tag": "v1", "new_sqlite_classes": [${classes}] }]\n}\n`;
const example = (classes: string, directive = "") =>
  `{\n  "name": "demo",\n  "migrations": [\n    ${directive}{ "tag": "v1", "new_sqlite_classes": [${classes}] }\n  ]\n}\n`;

const BASE = {
  ".do-migrate.jsonc": BASE_POLICY,
  "apps/chat/wrangler.toml": chat(),
  "apps/chat/src/index.ts": "export class Room {}\nexport class Limiter {}\nexport default {};\n",
  "fixtures/wrangler.jsonc": fixture('"A"'),
  "examples/demo/wrangler.jsonc": example('"A"'),
};

const repos: GitRepo[] = [];
const dirs: string[] = [];
after(() => {
  for (const repo of repos) repo.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function repoWith(head: Record<string, string | null>): GitRepo {
  const repo = createGitRepo({ base: BASE, head });
  repos.push(repo);
  return repo;
}

function check(repo: GitRepo, ...extra: string[]) {
  const result = run(
    ["check", "--base", repo.baseSha, "--head", repo.headSha, "--format", "json", ...extra],
    repo.dir,
  );
  const report = result.stdout ? (JSON.parse(result.stdout) as JsonReport) : null;
  // The first note names the base compared (test/dist/cli-base.test.ts): the policy's come after.
  if (report) assert.match(report.notes.shift() ?? "", /^Base: /);
  return { ...result, report };
}

describe("dist/cli.js check: the policy at the base revision", () => {
  // The pull request: edits the fixture's and the example's applied history, deletes a class in
  // the real Worker and tries to silence that delete in the config and in the policy.
  const hostile = () =>
    repoWith({
      ".do-migrate.jsonc": LOOSE_POLICY,
      "apps/chat/wrangler.toml": chat(
        '\n# do-migrate-ignore DO101 -- the limiter moved to KV\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Limiter"]\n',
      ),
      "fixtures/wrangler.jsonc": fixture('"A", "B"'),
      "examples/demo/wrangler.jsonc": example('"A", "B"'),
    });

  it("judges the change by the old policy: the new one applies after merge", () => {
    const { status, report, stderr } = check(hostile());
    assert.equal(status, 1, stderr);
    assert.ok(report);
    const codes = report.findings.map(
      (f) => `${f.code} ${f.file} ${f.severity}${f.suppressed ? " suppressed" : ""}`,
    );
    assert.deepEqual(codes, [
      "DO101 apps/chat/wrangler.toml critical",
      // What the edited policy would check less after merge: reported, never applied here.
      "DO705 .do-migrate.jsonc warning",
      "DO703 apps/chat/wrangler.toml warning",
      "DO201 examples/demo/wrangler.jsonc info",
      "DO301 examples/demo/wrangler.jsonc info",
      // The example has no `main`: what the check could not see is off in the policy.
      "DO604 examples/demo/wrangler.jsonc info suppressed",
    ]);
    // `ignore: ["**"]` of the change did not apply, the base's `fixtures/` did.
    assert.ok(!report.findings.some((f) => f.file.startsWith("fixtures/")));
    assert.equal(report.findings[3]!.policyLevel?.from, "error");
    assert.equal(report.findings[3]!.policyLevel?.line, 6);
    assert.deepEqual(report.notes, [
      "This change edits the policy `.do-migrate.jsonc`: this check uses the policy of the base revision; the new one applies after merge.",
      "1 config(s) not analysed: the policy `.do-migrate.jsonc` ignores them; changed here: `fixtures/wrangler.jsonc`.",
    ]);
    assert.equal(report.risk, "critical");
  });

  it("a policy edit that loosens the check is a finding of its own (DO705), listing the configs and codes", () => {
    // Only the policy changes: it newly ignores the real Worker and turns two codes off.
    const repo = repoWith({
      ".do-migrate.jsonc":
        '{\n  "ignore": ["fixtures/", "**/playground/**", "apps/**"],\n  "rules": { "DO604": "off", "DO201": "off", "DO103": "off" },\n  "overrides": [{ "files": ["examples/**"], "rules": { "DO201": "info" } }]\n}\n',
    });
    const { status, report, stderr } = check(repo);
    assert.equal(status, 0, `a warning, below the default fail-on: ${stderr}`);
    assert.equal(report!.risk, "medium");
    assert.deepEqual(
      report!.findings.filter((f) => !f.suppressed).map((f) => `${f.code} ${f.file}:${f.line} ${f.severity}`),
      ["DO705 .do-migrate.jsonc:2 warning"],
    );
    const message = report!.findings[0]!.message;
    assert.match(message, /it ignores `apps\/chat\/wrangler\.toml`, which the current policy checks/);
    assert.match(
      message,
      /it sets DO103 off \(was error\) in `rules`, line 3: `examples\/demo\/wrangler\.jsonc` and every config added later/,
    );
    assert.match(
      message,
      /it sets DO201 off \(was error\) in `rules`, line 3: every config added later/,
      "examples/ keeps its own DO201 level, so no config here is lowered by it",
    );
    const text = run(["check", "--base", repo.baseSha, "--head", repo.headSha], repo.dir).stdout;
    assert.match(text, /^WARNING {2}DO705 policy-loosened {2}\.do-migrate\.jsonc:2$/m);
  });

  it("the text output says so too, and shows what the policy changed", () => {
    const { stdout } = run(["check", "--base", hostile().baseSha, "--head", "HEAD"], repos.at(-1)!.dir);
    assert.match(stdout, /^note: This change edits the policy `\.do-migrate\.jsonc`/m);
    assert.match(stdout, /level: info by the policy at \.do-migrate\.jsonc:6 \(was error\)/);
  });

  it("--policy FILE replaces the repository's policy (the user's own choice, on their machine)", () => {
    const dir = mkdtempSync(join(tmpdir(), "do-migrate-policy-"));
    dirs.push(dir);
    const file = join(dir, "everything.jsonc");
    writeFileSync(file, '{ "ignore": ["**", "!apps/**"], "rules": { "DO703": "off" } }');
    const { status, report } = check(hostile(), "--policy", file);
    assert.equal(status, 1, "the delete still fails the check");
    assert.deepEqual(
      report!.findings.map((f) => `${f.code}${f.suppressed ? ` suppressed by ${f.suppressed.by}` : ""}`),
      ["DO101", "DO703 suppressed by policy"],
    );
    assert.deepEqual(report!.notes, [
      `2 config(s) not analysed: the policy \`${file}\` ignores them; changed here: \`examples/demo/wrangler.jsonc\`, \`fixtures/wrangler.jsonc\`.`,
    ]);
  });

  it("a directive suppresses what it names, with its reason, in TOML and in JSONC", () => {
    const repo = repoWith({
      "apps/chat/wrangler.toml": chat()
        .replace(
          "[[migrations]]",
          "# do-migrate-ignore DO201 -- preview Worker, recreated on every deploy\n[[migrations]]",
        )
        .replace('["Room", "Limiter"]', '["Room", "Limiter", "Typing"]'),
      "apps/chat/src/index.ts":
        "export class Room {}\nexport class Limiter {}\nexport class Typing {}\nexport default {};\n",
      "fixtures/wrangler.jsonc": fixture('"A", "B"'),
    });
    const { status, report } = check(repo, "--fail-on", "error");
    assert.equal(status, 0, "the only error is suppressed");
    const edited = report!.findings.find((f) => f.code === "DO201")!;
    assert.deepEqual(edited.suppressed, {
      by: "directive",
      reason: "preview Worker, recreated on every deploy",
      file: "apps/chat/wrangler.toml",
      line: 4,
    });
    const json = repoWith({
      "examples/demo/wrangler.jsonc": example(
        '"A", "B"',
        "// do-migrate-ignore DO201, DO301 -- demo only\n    ",
      ),
    });
    const demo = check(json, "--fail-on", "warning");
    assert.equal(demo.status, 0, demo.stdout);
    assert.deepEqual(
      demo.report!.findings.map((f) => `${f.code} ${f.suppressed?.reason}`),
      ["DO201 demo only", 'DO604 "DO604": "off" in the policy', "DO301 demo only"],
    );
  });

  it("an invalid policy at the base revision is exit 2, one line per problem naming file and line", () => {
    const repo = createGitRepo({
      base: {
        ...BASE,
        ".do-migrate.jsonc":
          '{\n  "ignore": ["fixtures/"],\n  "rules": { "DO201": "warn", "DO101": "off" },\n  "overide": []\n}\n',
      },
      head: { "apps/chat/wrangler.toml": chat("# edit\n") },
    });
    repos.push(repo);
    const { status, stdout, stderr } = check(repo);
    assert.equal(status, 2);
    assert.equal(stdout, "");
    assert.deepEqual(stderr.trimEnd().split("\n"), [
      'do-migrate: .do-migrate.jsonc:3: `DO201`: unknown level "warn" (did you mean "warning"?); the levels are off, info, warning, error (the policy at the base revision)',
      "do-migrate: .do-migrate.jsonc:3: `DO101` (class-deleted) reports data loss, which no rule, override or directive can lower or hide: the acknowledgement in the pull request description is the only way to pass it (the policy at the base revision)",
      "do-migrate: .do-migrate.jsonc:4: unknown key `overide` (did you mean `overrides`?); the keys are `$schema`, `ignore`, `rules`, `overrides` (the policy at the base revision)",
    ]);
  });

  it("a change that breaks the policy fails too, so a broken policy is never merged through the check", () => {
    const { status, stderr } = check(
      repoWith({ ".do-migrate.jsonc": '{ "rules": { "DO201": "critical" } }' }),
    );
    assert.equal(status, 2);
    assert.match(
      stderr,
      /^do-migrate: \.do-migrate\.jsonc:1: `DO201`: level "critical" is reserved for data loss.*\(the policy in this change\)\n$/,
    );
  });
});

describe("dist/cli.js diff --policy", () => {
  const dir = mkdtempSync(join(tmpdir(), "do-migrate-diff-policy-"));
  dirs.push(dir);
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const base = write("base.toml", chat());
  const head = write(
    "head.toml",
    chat('\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Limiter"]\n').replace(
      '"Limiter"]\n',
      '"Limiter", "Typing"]\n',
    ),
  );

  it("applies the rules; data loss stays and still fails", () => {
    const policy = write("policy.jsonc", '{ "rules": { "DO201": "off", "DO301": "off" } }');
    const result = run(["diff", base, head, "--policy", policy, "--format", "json"], dir);
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.deepEqual(
      report.findings.map((f) => `${f.code}${f.suppressed ? " suppressed" : ""}`),
      ["DO101", "DO201 suppressed", "DO301 suppressed"],
    );
    const text = run(["diff", base, head, "--policy", policy], dir).stdout;
    assert.match(text, /^do-migrate: risk CRITICAL, 1 finding, 1 destroying data, 2 suppressed$/m);
    assert.match(
      text,
      /^ {2}DO201 history-edited {2}.*: policy at .*policy\.jsonc:1: "DO201": "off" in the policy$/m,
    );
  });

  it("an invalid --policy is exit 2 with its problems", () => {
    const policy = write("bad.jsonc", '{ "rules": { "DO101": "off" } }');
    const result = run(["diff", base, head, "--policy", policy], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^do-migrate: .*bad\.jsonc:1: `DO101` \(class-deleted\) reports data loss/);
  });

  it("a TOML base compared with a JSONC head, each with a directive: each side read in its own syntax", () => {
    const tomlBase = write(
      "moved.toml",
      'name = "chat"\n[[migrations]] # do-migrate-ignore DO201 -- fixture\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n',
    );
    const jsoncHead = write(
      "moved.jsonc",
      '{\n  "name": "chat",\n  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Room", "Lobby"] }] // do-migrate-ignore DO201 -- fixture\n}\n',
    );
    const result = run(["diff", tomlBase, jsoncHead, "--format", "json"], dir);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.ok(
      report.findings.some((f) => f.code === "DO201" && f.suppressed),
      result.stdout,
    );
  });

  it("a --policy that does not exist is exit 2", () => {
    const result = run(["diff", base, head, "--policy", join(dir, "nope.jsonc")], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /cannot read .*nope\.jsonc: no such file/);
  });
});

describe("dist/cli.js fix: the policy applies as for check", () => {
  it("never rewrites a config the policy at the base revision ignores", () => {
    const typo = '\n[[migrations]]\ntag = "v2"\nnew_sqlite_class = ["Lobby"]\n';
    const repo = repoWith({
      "apps/chat/wrangler.toml": chat(typo),
      "apps/chat/src/index.ts":
        "export class Room {}\nexport class Limiter {}\nexport class Lobby {}\nexport default {};\n",
      "fixtures/wrangler.toml": `name = "fixture"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n${typo}`,
    });
    const { status, stdout, stderr } = run(["fix", "--dry-run", "--base", repo.baseSha], repo.dir);
    assert.equal(status, 1, stderr);
    assert.match(stdout, /^\+\+\+ b\/apps\/chat\/wrangler\.toml$/m);
    assert.doesNotMatch(stdout, /fixtures\/wrangler\.toml/);
  });

  // v1 is applied at the base; the change adds `Lobby` to it on purpose (DO201).
  const edited = (directive: string) =>
    chat()
      .replace("[[migrations]]", `${directive}[[migrations]]`)
      .replace('"Limiter"]', '"Limiter", "Lobby"]');
  const source = "export class Room {}\nexport class Limiter {}\nexport class Lobby {}\nexport default {};\n";

  it("leaves a finding a directive suppresses alone, says so, and --dry-run exits 0 on it", () => {
    const text = edited("# do-migrate-ignore DO201 -- fixture: v1 is rewritten on purpose\n");
    const repo = repoWith({ "apps/chat/wrangler.toml": text, "apps/chat/src/index.ts": source });
    const dry = run(["fix", "--dry-run", "--base", repo.baseSha], repo.dir);
    assert.equal(dry.status, 0, dry.stdout + dry.stderr);
    assert.doesNotMatch(dry.stdout, /^\+\+\+ /m);
    assert.match(
      dry.stdout,
      /^Left alone, suppressed \(1\):\n {2}DO201 apps\/chat\/wrangler\.toml:5 Restore migration `v1` .* Not applied: suppressed by the directive at apps\/chat\/wrangler\.toml:4 \(fixture: v1 is rewritten on purpose\)\.$/m,
    );
    const real = run(["fix", "--base", repo.baseSha], repo.dir);
    assert.equal(real.status, 0, real.stderr);
    assert.equal(readFileSync(join(repo.dir, "apps/chat/wrangler.toml"), "utf8"), text);
  });

  it("leaves a finding whose rule the policy at the base revision turns off alone", () => {
    const repo = createGitRepo({
      base: { ...BASE, ".do-migrate.jsonc": '{\n  "rules": { "DO201": "off" }\n}\n' },
      head: { "apps/chat/wrangler.toml": edited(""), "apps/chat/src/index.ts": source },
    });
    repos.push(repo);
    const dry = run(["fix", "--dry-run", "--base", repo.baseSha], repo.dir);
    assert.equal(dry.status, 0, dry.stdout + dry.stderr);
    assert.match(
      dry.stdout,
      /^ {2}DO201 apps\/chat\/wrangler\.toml:4 .* suppressed by the policy at \.do-migrate\.jsonc:2 \("DO201": "off" in the policy\)\.$/m,
    );
    // `--policy FILE` in its place decides as for check: without the rule, v1 is restored.
    const other = join(repo.dir, "other-policy.jsonc");
    writeFileSync(other, '{ "rules": { "DO604": "off" } }\n');
    const fixed = run(["fix", "--dry-run", "--base", repo.baseSha, "--policy", other], repo.dir);
    assert.equal(fixed.status, 1, fixed.stderr);
    assert.match(fixed.stdout, /^\+new_sqlite_classes = \["Lobby"\]$/m);
  });
});
