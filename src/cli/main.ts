// do-migrate: the analysis engine on a laptop or in any CI.
//   do-migrate diff BASE_FILE HEAD_FILE [--env NAME] [--format text|markdown|json] [--fail-on LEVEL] [--policy FILE]
//   do-migrate check [--base REF] [--head REF] [--env NAME] [--format ...] [--fail-on LEVEL] [--policy FILE] [PATH...]
//   do-migrate fix | new-class | rename | delete ...: rewrite configs (src/cli/fix.ts)
// Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could not run.
import { createRequire } from "node:module";
import { PolicyFileError, UsageError } from "../adapters/usage-error.ts";
import { applyPolicy } from "../check/policy-step.ts";
import { analyzeRepository } from "../core/analyze/analyze.ts";
import { failingFindings, parseFailOn } from "../core/gate.ts";
import type { ConfigChange, Report } from "../core/model.ts";
import { givenPolicy } from "../core/policy/source.ts";
import { renderJson } from "../core/render/json.ts";
import { renderMarkdown } from "../core/render/markdown.ts";
import { renderText } from "../core/render/text.ts";
import { displayable } from "../core/text/display.ts";

// Node's fs and util through require, not import: an import makes Node build the module's whole
// ES namespace, which loads the lazy parts of both (streams, fs/promises, TextDecoder, util.diff):
// 6 to 8 ms of a `diff` that takes about 120 (bench/run.ts).
const builtin = createRequire(import.meta.url);
const { closeSync, fstatSync, openSync, readSync } = builtin("node:fs") as typeof import("node:fs");
const { parseArgs } = builtin("node:util") as typeof import("node:util");

const USAGE = `Usage:
  do-migrate diff BASE_FILE HEAD_FILE [--env NAME] [--format text|markdown|json] [--fail-on LEVEL]
                  [--policy FILE]
  do-migrate check [--base REF] [--head REF] [--env NAME] [--format ...] [--fail-on LEVEL]
                   [--live [--account-id ID]] [--policy FILE] [PATH...]
  do-migrate fix [--dry-run] [--base REF] [--accept-deletes] [--accept-renames] [--env NAME]
                 [--policy FILE] [PATH...]
  do-migrate new-class NAME [--storage sqlite|kv] [--binding NAME] [--config PATH] [--env NAME] [--dry-run]
  do-migrate rename FROM TO [--storage sqlite|kv] [--config PATH] [--env NAME] [--dry-run]
  do-migrate delete NAME [--config PATH] [--env NAME] [--dry-run]
  do-migrate to-exports [--config PATH] [--env NAME] [--dry-run]
  do-migrate deploy [--env NAME] [--phase auto|plan|1|2] [--confirm-data-loss A,B]
                    [--config PATH]... [--all] [--max-parallel N] [--skip-unchanged] [--json]
                    [--account-id ID] [--wrangler-version V]

  diff    compares two wrangler config files (wrangler.toml, wrangler.json, wrangler.jsonc)
  check   in a git repository: finds the wrangler configs (or takes PATHs), reads each at
          --base (default: the merge base with the upstream branch, else HEAD~1; see docs/cli.md) and
          --head (default: the working tree) and reports every Durable Object lifecycle change
  --env NAME     only this environment (repeatable; "" or --top-level for the top level)
  --format       text (default), markdown (the PR comment body) or json
  --fail-on      critical (default), error, warning or never: exit 1 at or above it
  --policy FILE  the policy file to apply (see docs/policy.md). Default for check: the
                 repository's .do-migrate.jsonc (or .do-migrate.json) at --base; for diff: none
  --live         check: also read the live state from the Cloudflare API and plan the next deploy
                 of each Worker the change touches (token from CLOUDFLARE_API_TOKEN only, read-only
                 is enough; account from the config's account_id, else --account-id or
                 CLOUDFLARE_ACCOUNT_ID; see docs/live-plan.md)
  fix     rewrites the working tree's configs to resolve every finding (against --base, as
          check) that has one safe mechanical fix, keeping comments and layout, and prints the
          diff; each fix is proven by analysing the result again. --dry-run writes nothing
          (exit 1 when there is something to fix). A fix that makes a delete real needs
          --accept-deletes; a rename in place of delete + create needs --accept-renames.
            before: [[migrations]] tag = "v1"  new_sqlite_classes = ["Room", "Lobby"]  (v1 applied)
            after:  v1 back to ["Room"], and [[migrations]] tag = "v2"  new_sqlite_classes = ["Lobby"]
  new-class  appends the step that creates NAME (SQLite unless --storage kv), or its exports
          entry, and with --binding a binding to it; prints what the code must export
            before: [[migrations]] tag = "v1" ...
            after:  + [[migrations]] tag = "v2"  new_sqlite_classes = ["Lobby"]
                    + [[durable_objects.bindings]] name = "LOBBY"  class_name = "Lobby"
  rename  appends a renamed_classes step (objects kept) and points every binding at TO;
          --storage is the storage FROM has (a rename keeps it: another one is an error)
            after:  + [[migrations]] tag = "v3"  renamed_classes = [{ from = "Room", to = "ChatRoom" }]
                    class_name = "Room" -> class_name = "ChatRoom"
  delete  removes the bindings to NAME and writes the delete in a step of its own (the
          two-phase deploy then runs it: phase 1 without the bindings, phase 2 the delete);
          names the other configs whose script_name bindings to NAME must go first
            after:  - [[durable_objects.bindings]] name = "LOBBY" ...
                    + [[migrations]] tag = "v4"  deleted_classes = ["Lobby"]
  to-exports  moves a Worker from \`migrations\` to the declarative \`exports\` (one-way: the API
          then refuses \`migrations\`, code 100403): one entry per live class with its storage
            before: [[migrations]] tag = "v1"  new_sqlite_classes = ["Room"] ...
            after:  [exports.Room] type = "durable-object"  storage = "sqlite"
  deploy  the guarded two-phase deploy of one Worker, or the release of many (several --config,
          a glob or a directory, or --all: every config under the current directory; see
          docs/deploy.md): reads the live state (token from CLOUDFLARE_API_TOKEN; account from
          the config's account_id, else --account-id or CLOUDFLARE_ACCOUNT_ID), preflights
          every Worker, then plans, or runs phase 1, phase 2 or normal deploys in dependency
          order; a release confirms data loss as worker:Class pairs; exit 0 when done or
          planned, 1 when refused or failed
Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could not run.`;

const WRITERS = ["fix", "new-class", "rename", "delete", "to-exports"];

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === "deploy") return (await import("./deploy.ts")).runDeployCommand(argv.slice(1));
  // The commands that write configs: their code is loaded only when one of them runs.
  if (WRITERS.includes(argv[0] ?? "") && argv.some((a) => a === "--help" || a === "-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv[0] === "fix") return (await import("./fix.ts")).runFixCommand(argv.slice(1));
  if (argv[0] === "to-exports") return (await import("./fix.ts")).runToExportsCommand(argv.slice(1));
  if (argv[0] === "new-class" || argv[0] === "rename" || argv[0] === "delete")
    return (await import("./fix.ts")).runGenerateCommand(argv[0], argv.slice(1));
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
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

  if (command !== "check" && (values.live || values["account-id"] !== undefined)) {
    throw new UsageError("--live and --account-id belong to check");
  }
  let report: Report;
  if (command === "diff") {
    if (paths.length !== 2) throw new UsageError("diff takes exactly two files: BASE_FILE HEAD_FILE");
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
    report = await applyPolicy(analyzeRepository(changes, options), { policy, changes });
    if (ignored)
      report = {
        ...report,
        notes: [`\`${headPath}\` is not analysed: the policy \`${values.policy}\` ignores it.`],
      };
  } else if (command === "check") {
    // Loaded on demand: `diff` never pays for git, the code parser or their start-up.
    const { runCheck } = await import("../check/run-check.ts");
    const result = await runCheck({
      cwd: process.cwd(),
      base: values.base ?? null,
      head: values.head ?? null,
      paths,
      pathsMustMatch: true,
      analyze: options,
      live: values.live ? liveRequest(values["account-id"]) : null,
      ...(values.policy
        ? { policy: { from: "file", file: values.policy, text: readText(values.policy) } as const }
        : {}),
    });
    report = result.report;
    if (result.live) {
      for (const warning of result.live.warnings) process.stderr.write(`warning: ${oneLine(warning)}\n`);
      process.stderr.write(
        `live state: ${result.live.planned} Worker(s) planned, ${result.live.failed} judged from the config alone${result.live.skipped > 0 ? ` (and ${result.live.skipped} not deployed as written)` : ""}, ${result.live.requests} Cloudflare API request(s)\n`,
      );
    }
  } else {
    throw new UsageError(
      command
        ? `unknown command "${command}"`
        : "a command is needed: diff, check, fix, new-class, rename, delete or deploy",
    );
  }
  const output =
    format === "json"
      ? renderJson(report)
      : format === "markdown"
        ? renderMarkdown(report)
        : renderText(report, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  process.stdout.write(output);
  return failingFindings(report, failOn).length > 0 ? 1 : 0;
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        env: { type: "string", multiple: true },
        "top-level": { type: "boolean" },
        format: { type: "string", short: "f" },
        "fail-on": { type: "string" },
        base: { type: "string" },
        head: { type: "string" },
        policy: { type: "string" },
        live: { type: "boolean" },
        "account-id": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
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
              ? error.message
              : `internal error: ${(error as Error)?.message ?? error}`,
          ];
    for (const line of lines) process.stderr.write(`do-migrate: ${oneLine(line)}\n`);
    if (error instanceof UsageError && error.showUsage) process.stderr.write(`\n${USAGE}\n`);
    process.exitCode = 2;
  },
);
