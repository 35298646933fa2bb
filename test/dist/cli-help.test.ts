// The conventional command line of the committed dist/cli.js: --version, `help COMMAND` and
// `COMMAND --help` describing every option the command accepts with an example, lines that fit
// 80 columns in a pipe, colour only where it is wanted (FORCE_COLOR, NO_COLOR), --quiet, and a
// bad option as one line naming the help to read. DO_MIGRATE_CLI points at another build.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { DEPLOY_OPTIONS } from "../../src/cli/deploy.ts";
import { FIX_OPTIONS, GENERATOR_OPTIONS } from "../../src/cli/fix.ts";
import { DIFF_CHECK_OPTIONS } from "../../src/cli/options.ts";
import { colorWanted } from "../../src/cli/terminal.ts";
import { CLI, ROOT, runCli } from "../support/run-cli.ts";

const ESC = "\u001b[";

/** dist/cli.js with exactly this environment on top of a clean one (no NO_COLOR of runCli). */
function runWith(args: string[], env: Record<string, string>, cwd = ROOT) {
  const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...rest, GIT_CEILING_DIRECTORIES: tmpdir(), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("dist/cli.js --version", () => {
  const version = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version as string;
  for (const flag of ["--version", "-V", "version"]) {
    it(`${flag} prints package.json's version`, () => {
      const run = runCli([flag]);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, `${version}\n`);
    });
  }
});

describe("dist/cli.js help: every option described, an example", () => {
  const accepted: Record<string, Record<string, unknown>> = {
    diff: Object.fromEntries(
      Object.entries(DIFF_CHECK_OPTIONS).filter(
        ([name]) => !["base", "head", "live", "account-id"].includes(name),
      ),
    ),
    check: DIFF_CHECK_OPTIONS,
    fix: FIX_OPTIONS,
    ...GENERATOR_OPTIONS,
    deploy: DEPLOY_OPTIONS,
  };
  for (const [command, options] of Object.entries(accepted)) {
    it(`help ${command}`, () => {
      const run = runCli(["help", command]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`^Usage:\\n {2}do-migrate ${command} `));
      const section = run.stdout.split("\nOptions:\n")[1]?.split("\n\n")[0] ?? "";
      for (const name of [...Object.keys(options), "help"]) {
        // The option's flag starts a line of the Options section, followed by its description.
        assert.match(section, new RegExp(`^ {2}(?:-\\w, )?--${name}\\b[^\\n]* {2,}\\w`, "m"), `--${name}`);
      }
      assert.match(run.stdout, /\nExamples?:\n {2}do-migrate /);
      assert.match(run.stdout, /\nExit codes: 0 /);
      assert.deepEqual(runCli([command, "--help"]), run, `${command} --help is help ${command}`);
    });
  }

  it("--help: every command, with a line each", () => {
    const run = runCli(["--help"]);
    assert.equal(run.status, 0);
    for (const command of Object.keys(accepted))
      assert.match(run.stdout, new RegExp(`^ {2}${command} +\\w`, "m"));
    assert.match(run.stdout, /do-migrate help COMMAND/);
    assert.deepEqual(runCli(["help"]), run);
    assert.deepEqual(runCli(["-h"]), run);
  });

  it("fits 80 columns in a pipe (process.stdout.columns unknown)", () => {
    for (const args of [["--help"], ...Object.keys(accepted).map((c) => ["help", c])]) {
      const long = runCli(args)
        .stdout.split("\n")
        .filter((line) => line.length > 80);
      assert.deepEqual(long, [], args.join(" "));
    }
  });

  it("help for an unknown command is a usage error naming the commands", () => {
    const run = runCli(["help", "deploi"]);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /^do-migrate: no command "deploi": one of diff, check, fix, new-class, rename, delete, to-exports, deploy\n$/,
    );
  });
});

describe("dist/cli.js errors: one line, with where to look", () => {
  it("an unknown option names the command's help", () => {
    for (const command of ["check", "deploy", "fix"]) {
      const run = runCli([command, "--bogus"]);
      assert.equal(run.status, 2);
      assert.match(
        run.stderr,
        new RegExp(
          `^do-migrate: Unknown option '--bogus'.*\\(do-migrate help ${command} lists the options\\)\\n$`,
        ),
      );
    }
  });
});

describe("colour: FORCE_COLOR and NO_COLOR", () => {
  it("decides as terminals expect", () => {
    const cases: [boolean, Record<string, string>, boolean][] = [
      [true, {}, true],
      [false, {}, false],
      [true, { NO_COLOR: "1" }, false],
      [true, { NO_COLOR: "" }, true],
      [false, { FORCE_COLOR: "1" }, true],
      [false, { FORCE_COLOR: "" }, true],
      [true, { FORCE_COLOR: "0" }, false],
      [true, { FORCE_COLOR: "false" }, false],
      [false, { FORCE_COLOR: "1", NO_COLOR: "1" }, true],
      [true, { TERM: "dumb" }, false],
    ];
    for (const [tty, env, expected] of cases)
      assert.equal(colorWanted(tty, env), expected, JSON.stringify({ tty, env }));
  });

  const dir = mkdtempSync(join(tmpdir(), "do-migrate-colour-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, "base.toml"),
    'name = "a"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n',
  );
  writeFileSync(
    join(dir, "head.toml"),
    'name = "a"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["Room"]\n',
  );

  it("FORCE_COLOR colours the report and the help in a pipe; NO_COLOR or nothing does not", () => {
    const diff = ["diff", "base.toml", "head.toml"];
    assert.ok(runWith(diff, { FORCE_COLOR: "1" }, dir).stdout.includes(ESC));
    assert.ok(runWith(["help", "check"], { FORCE_COLOR: "1" }).stdout.includes(ESC));
    assert.ok(!runWith(diff, {}, dir).stdout.includes(ESC));
    assert.ok(!runWith(diff, { NO_COLOR: "1" }, dir).stdout.includes(ESC));
    assert.ok(!runWith(["help", "check"], { FORCE_COLOR: "0" }).stdout.includes(ESC));
  });

  it("--quiet: nothing when it passes, the report when it fails", () => {
    const passing = runCli(["diff", "base.toml", "base.toml", "--quiet"], dir);
    assert.equal(passing.status, 0);
    assert.equal(`${passing.stdout}${passing.stderr}`, "");
    const failing = runCli(["diff", "base.toml", "head.toml", "-q"], dir);
    assert.equal(failing.status, 1);
    assert.match(failing.stdout, /DO101/);
  });
});

describe("on a terminal (a pseudo-terminal through script(1))", () => {
  const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
  /** `do-migrate ARGS` on a terminal `columns` wide; the output with CRs removed. */
  const onTerminal = (columns: number, args: string, env: Record<string, string> = {}) => {
    const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
    const result = spawnSync(
      "script",
      ["-qec", `stty cols ${columns}; "${process.execPath}" "${CLI}" ${args}`, "/dev/null"],
      { encoding: "utf8", env: { ...rest, TERM: "xterm", ...env } },
    );
    return result.stdout.replaceAll("\r", "");
  };
  const plain = (text: string) =>
    text
      .split(ESC)
      .map((part, i) => (i === 0 ? part : part.replace(/^\d+m/, "")))
      .join("");

  it("wraps to the terminal's width and colours", { skip: hasScript ? false : "no script(1)" }, () => {
    const narrow = onTerminal(60, "help check");
    assert.ok(narrow.includes(ESC), "colour on a terminal");
    const lines = plain(narrow).split("\n");
    assert.deepEqual(
      lines.filter((l) => l.length > 60),
      [],
    );
    assert.ok(
      lines.some((l) => l.length > 50),
      "the width is used",
    );
    const wide = plain(onTerminal(110, "help check")).split("\n");
    assert.ok(
      wide.some((l) => l.length > 80),
      "a wider terminal, longer lines",
    );
    assert.deepEqual(
      wide.filter((l) => l.length > 110),
      [],
    );
  });

  it("NO_COLOR turns colour off on a terminal", { skip: hasScript ? false : "no script(1)" }, () => {
    assert.ok(!onTerminal(80, "help check", { NO_COLOR: "1" }).includes(ESC));
  });
});
