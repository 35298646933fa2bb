// do-migrate: the analysis engine on a laptop or in any CI. The commands, their options and
// examples: src/cli/help.ts (`do-migrate help COMMAND`); `fix` and the generators: src/cli/fix.ts;
// `deploy`: src/cli/deploy.ts. Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could
// not run (one line on stderr, with the fix).
import { createRequire } from "node:module";
import { PolicyFileError, UsageError } from "../adapters/usage-error.ts";
import { unknownEnvProblem } from "../check/envs.ts";
import { applyPolicy } from "../check/policy-step.ts";
import { analyzeFiles, reportFor } from "../core/analyze/analyze.ts";
import { pairConfigs } from "../core/analyze/config-files.ts";
import { failingFindings, parseFailOn } from "../core/gate.ts";
import type { ConfigChange, Report } from "../core/model.ts";
import { givenPolicy } from "../core/policy/source.ts";
import { renderJson } from "../core/render/json.ts";
import { renderMarkdown } from "../core/render/markdown.ts";
import { renderText } from "../core/render/text.ts";
import { displayable } from "../core/text/display.ts";
import type { ChosenBase } from "./base.ts";
import { COMMANDS, commandHelp, globalHelp, type HelpOptions } from "./help.ts";
import { DIFF_CHECK_OPTIONS } from "./options.ts";
import { ansi, colorWanted } from "./terminal.ts";

// Node's fs and util through require, not import: an import makes Node build the module's whole
// ES namespace, which loads the lazy parts of both (streams, fs/promises, TextDecoder, util.diff):
// 6 to 8 ms of a `diff` that takes about 120 (bench/run.ts).
const builtin = createRequire(import.meta.url);
const { closeSync, fstatSync, openSync, readSync } = builtin("node:fs") as typeof import("node:fs");
const { parseArgs } = builtin("node:util") as typeof import("node:util");

const COMMAND_NAMES = Object.keys(COMMANDS);

/** How help is laid out here: the terminal's width (80 in a pipe), colour as for the report. */
function helpOptions(): HelpOptions {
  const columns = process.stdout.columns;
  const width = columns && columns > 0 ? Math.max(40, Math.min(columns, 120)) : 80;
  const color = colorWanted(Boolean(process.stdout.isTTY), process.env);
  return { width, paint: color ? ansi : (_style, text) => text };
}

/** `--help`, `-h`, `help [COMMAND]`, `--version`, `-V`: answered before anything is parsed. */
function answeredAtOnce(argv: readonly string[]): string | null {
  const before = argv.indexOf("--") < 0 ? argv : argv.slice(0, argv.indexOf("--"));
  const [first, second] = before;
  if (first === "version" || before.some((a) => a === "--version" || a === "-V")) return `${version()}\n`;
  if (first === "help") {
    if (second === undefined) return globalHelp(helpOptions());
    if (!COMMANDS[second]) throw new UsageError(`no command "${second}": one of ${COMMAND_NAMES.join(", ")}`);
    return commandHelp(second, helpOptions());
  }
  if (!before.some((a) => a === "--help" || a === "-h")) return null;
  return first && COMMANDS[first] ? commandHelp(first, helpOptions()) : globalHelp(helpOptions());
}

/** The version of the package this bundle ships in (its package.json, one directory up). */
function version(): string {
  try {
    const file = new URL("../package.json", import.meta.url);
    const text = new TextDecoder().decode(builtin("node:fs").readFileSync(file) as Uint8Array);
    return String((JSON.parse(text) as { version?: unknown }).version ?? "unknown");
  } catch {
    return "unknown";
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const answer = answeredAtOnce(argv);
  if (answer !== null) {
    process.stdout.write(answer);
    return 0;
  }
  if (argv[0] === "deploy") return (await import("./deploy.ts")).runDeployCommand(argv.slice(1));
  // The commands that write configs: their code is loaded only when one of them runs.
  if (argv[0] === "fix") return (await import("./fix.ts")).runFixCommand(argv.slice(1));
  if (argv[0] === "to-exports") return (await import("./fix.ts")).runToExportsCommand(argv.slice(1));
  if (argv[0] === "new-class" || argv[0] === "rename" || argv[0] === "delete")
    return (await import("./fix.ts")).runGenerateCommand(argv[0], argv.slice(1));
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...paths] = positionals;
  const failOn = parseFailOn(values["fail-on"] ?? "critical");
  if (!failOn)
    throw new UsageError(
      `--fail-on must be one of critical, error, warning, never (got "${values["fail-on"]}")`,
    );
  const format = values.format ?? "text";
  if (!["text", "markdown", "json"].includes(format)) {
    throw new UsageError(`--format must be one of text, markdown, json (got "${format}")`);
  }
  const envs = values.env ? values.env.map((e) => (e === "" ? null : e)) : null;
  const options = { envs: values["top-level"] ? [...(envs ?? []), null] : envs };
  const quiet = values.quiet === true;
  const warn = (line: string) => {
    if (!quiet) process.stderr.write(`warning: ${oneLine(line)}\n`);
  };

  if (command !== "check" && (values.live || values["account-id"] !== undefined)) {
    throw new UsageError("--live and --account-id belong to check (do-migrate help check)");
  }
  if (command !== "check" && (values.base !== undefined || values.head !== undefined)) {
    throw new UsageError("--base and --head belong to check: diff compares the two files it is given");
  }
  let report: Report;
  if (command === "diff") {
    if (paths.length !== 2)
      throw new UsageError("diff takes exactly two files: BASE_FILE HEAD_FILE (do-migrate help diff)");
    const [basePath, headPath] = paths as [string, string];
    // An empty file is no config: what `<(git show base:x 2>/dev/null)` gives for a new file.
    const textOf = (path: string) => {
      const text = readText(path);
      return text.trim() === "" ? null : text;
    };
    const change: ConfigChange = {
      file: headPath,
      // The base is parsed by its own name (`diff wrangler.toml wrangler.jsonc`), unless that name
      // says nothing (`<(git show ...)` is `/dev/fd/N`): then it is read as the head's format.
      ...(/\.(toml|jsonc?)$/i.test(basePath) && basePath !== headPath ? { baseFile: basePath } : {}),
      baseText: textOf(basePath),
      headText: textOf(headPath),
    };
    const policy = values.policy ? readPolicyFile(values.policy) : null;
    const ignored = policy?.ignores(headPath.replace(/^(?:\.\/)+/, "")) ?? false;
    const changes = ignored ? [] : [change];
    const paired = pairConfigs(changes);
    const analyses = analyzeFiles(paired.changes, options);
    const envProblem = unknownEnvProblem(options.envs, analyses);
    if (envProblem) throw new UsageError(envProblem);
    report = await applyPolicy(reportFor(analyses, paired.findings, options), { policy, changes });
    if (ignored)
      report = {
        ...report,
        notes: [`\`${headPath}\` is not analysed: the policy \`${values.policy}\` ignores it.`],
      };
  } else if (command === "check") {
    // Loaded on demand: `diff` never pays for git, the code parser or their start-up.
    const [{ runCheck }, { checkAdapters }, { chooseBase, baseNote, sameAsHeadWarning }] = await Promise.all([
      import("../check/run-check.ts"),
      import("../check/adapters.ts"),
      import("./base.ts"),
    ]);
    const base = await chooseBase(process.cwd(), values.base ?? null, values.head ?? null);
    const result = await runCheck(
      {
        cwd: process.cwd(),
        base: base?.sha ?? values.base ?? null,
        head: values.head ?? null,
        paths,
        pathsMustMatch: true,
        analyze: options,
        live: values.live ? liveRequest(values["account-id"]) : null,
        ...(values.policy
          ? { policy: { from: "file", file: values.policy, text: readText(values.policy) } as const }
          : {}),
      },
      checkAdapters,
    );
    report = result.report;
    if (base) {
      report = { ...report, base: baseJson(base), notes: [baseNote(base), ...(report.notes ?? [])] };
      if (base.sameAsHead) warn(sameAsHeadWarning(base));
    }
    if (result.live) {
      for (const warning of result.live.warnings) warn(warning);
      if (!quiet)
        process.stderr.write(
          `live state: ${result.live.planned} Worker(s) planned, ${result.live.failed} judged from the config alone${result.live.skipped > 0 ? ` (and ${result.live.skipped} not deployed as written)` : ""}, ${result.live.requests} Cloudflare API request(s)\n`,
        );
    }
  } else {
    throw new UsageError(
      command
        ? `unknown command "${command}": one of ${COMMAND_NAMES.join(", ")} (do-migrate --help)`
        : `a command is needed: ${COMMAND_NAMES.join(", ")} (do-migrate --help)`,
    );
  }
  const failing = failingFindings(report, failOn).length > 0;
  if (quiet && !failing) return 0;
  const output =
    format === "json"
      ? renderJson(report)
      : format === "markdown"
        ? renderMarkdown(report)
        : renderText(report, { color: colorWanted(Boolean(process.stdout.isTTY), process.env) });
  process.stdout.write(output);
  return failing ? 1 : 0;
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: DIFF_CHECK_OPTIONS,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
}

/** Where a command's options are listed, for an error about them. */
function helpHint(command: string | undefined): string {
  return command && COMMANDS[command]
    ? ` (do-migrate help ${command} lists the options)`
    : " (do-migrate --help)";
}

/** The base as the JSON report says it (`base`). */
function baseJson(base: ChosenBase) {
  return { ref: base.ref, sha: base.sha, how: base.how, sameAsHead: base.sameAsHead };
}

/** A `--policy FILE` for `diff`: parsed and validated, or every problem with its line. */
function readPolicyFile(path: string) {
  const choice = givenPolicy(path, readText(path));
  if (!choice.ok) throw new PolicyFileError(choice.problems);
  return choice.policy;
}

/**
 * `check --live`: the token from CLOUDFLARE_API_TOKEN only (a flag would show it to every process
 * on the machine), the account from --account-id or CLOUDFLARE_ACCOUNT_ID (a config's own
 * `account_id` wins for its Workers, as it does for wrangler), the API at CLOUDFLARE_API_BASE_URL
 * when set, as wrangler does.
 */
function liveRequest(accountFlag: string | undefined) {
  const token = process.env.CLOUDFLARE_API_TOKEN?.trim() ?? "";
  if (!token) {
    throw new UsageError(
      "--live reads the token from the CLOUDFLARE_API_TOKEN environment variable (never a flag); a read-only token is enough",
    );
  }
  const accountId = accountFlag?.trim() || process.env.CLOUDFLARE_ACCOUNT_ID?.trim() || null;
  const apiBaseUrl = process.env.CLOUDFLARE_API_BASE_URL?.trim() || undefined;
  return { token, accountId, ...(apiBaseUrl ? { apiBaseUrl } : {}) };
}

/** Most read from one `diff` file: far above any real config (the core refuses over 1 MiB). */
const MAX_READ_BYTES = 16 * 1024 * 1024;

/**
 * Reads a `diff` argument: a file, or a pipe such as `<(git show HEAD~1:wrangler.toml)`. Reading
 * stops past MAX_READ_BYTES, so `/dev/zero` or a huge file cannot exhaust memory.
 */
function readText(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${describeErrno(error)}`);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new UsageError(`cannot read ${path}: it is a directory`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_READ_BYTES) {
        throw new UsageError(
          `cannot read ${path}: more than ${MAX_READ_BYTES / 1024 / 1024} MiB, not a wrangler config`,
        );
      }
    }
    return new TextDecoder().decode(Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${describeErrno(error)}`);
  } finally {
    closeSync(fd);
  }
}

function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return code ?? (error as Error).message ?? "unreadable";
}

/** An error as one line of plain text: no line breaks, no terminal control sequences. */
function oneLine(message: string): string {
  return displayable(message.replace(/\s*\n\s*/g, " ").trim(), "?");
}

// `do-migrate ... | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A policy file's problems: one line each, so every one of them can be fixed in one go.
    const lines =
      error instanceof PolicyFileError
        ? error.problems.slice(0, 50)
        : [
            error instanceof UsageError
              ? error.message + (error.showUsage ? helpHint(process.argv[2]) : "")
              : `internal error: ${(error as Error)?.message ?? error}`,
          ];
    for (const line of lines) process.stderr.write(`do-migrate: ${oneLine(line)}\n`);
    process.exitCode = 2;
  },
);
