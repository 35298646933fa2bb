#!/usr/bin/env node
import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  renderJson
} from "./chunks/chunk-NVF45DJB.js";
import {
  renderMarkdown
} from "./chunks/chunk-55U4O75G.js";
import {
  failingFindings,
  parseFailOn
} from "./chunks/chunk-PSKTFUSG.js";
import {
  UsageError
} from "./chunks/chunk-IZRSYQJ2.js";
import {
  analyzeRepository
} from "./chunks/chunk-4CWTNBZQ.js";
import "./chunks/chunk-KA2AOPGM.js";
import {
  displayable
} from "./chunks/chunk-KI4BBWDU.js";
import "./chunks/chunk-NCYYF5OR.js";
import "./chunks/chunk-FDGYIFXX.js";

// src/cli/main.ts
import { createRequire } from "node:module";

// src/core/render/text.ts
var COLOR = {
  critical: "\x1B[1;31m",
  error: "\x1B[31m",
  warning: "\x1B[33m",
  info: "\x1B[36m",
  dim: "\x1B[2m",
  bold: "\x1B[1m"
};
function renderText(report, options = {}) {
  const paint = (style, text) => options.color ? `${COLOR[style]}${text}\x1B[0m` : text;
  const losses = report.findings.filter((f) => f.dataLoss).length;
  const lines = [
    `${paint("bold", "do-migrate")}: risk ${paint(riskStyle(report.risk), report.risk.toUpperCase())}` + (report.findings.length ? `, ${report.findings.length} finding${report.findings.length === 1 ? "" : "s"}` : "") + (losses ? paint("critical", `, ${losses} destroying data`) : "")
  ];
  for (const note of report.notes ?? []) lines.push(`${paint("dim", "note:")} ${clean(note)}`);
  if (report.findings.length === 0) lines.push("No Durable Object lifecycle changes.");
  for (const f of report.findings) {
    lines.push(
      "",
      `${paint(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.code} ${f.kind}  ${clean(where(f))}`,
      `  ${clean(f.message)}`,
      `  ${paint("dim", "fix:")} ${clean(f.fix)}`
    );
  }
  return `${lines.join("\n")}
`;
}
function where(f) {
  const place = f.line ? `${f.file}:${f.line}` : f.file;
  const env = f.env === null ? "" : ` [env ${f.env}]`;
  return `${place}${env}${f.worker ? ` (${f.worker})` : ""}`;
}
function clean(text) {
  return displayable(text, "?");
}
function riskStyle(risk) {
  return risk === "critical" ? "critical" : risk === "high" ? "error" : risk === "medium" ? "warning" : "info";
}

// src/cli/main.ts
var builtin = createRequire(import.meta.url);
var { closeSync, fstatSync, openSync, readSync } = builtin("node:fs");
var { parseArgs } = builtin("node:util");
var USAGE = `Usage:
  do-migrate diff BASE_FILE HEAD_FILE [--env NAME] [--format text|markdown|json] [--fail-on LEVEL]
  do-migrate check [--base REF] [--head REF] [--env NAME] [--format ...] [--fail-on LEVEL] [PATH...]
  do-migrate fix [--dry-run] [--base REF] [--accept-deletes] [--accept-renames] [--env NAME] [PATH...]
  do-migrate new-class NAME [--storage sqlite|kv] [--binding NAME] [--config PATH] [--env NAME] [--dry-run]
  do-migrate rename FROM TO [--config PATH] [--env NAME] [--dry-run]
  do-migrate delete NAME [--config PATH] [--env NAME] [--dry-run]
  do-migrate deploy [--env NAME] [--phase auto|plan|1|2] [--confirm-data-loss A,B]
                    [--config PATH] [--account-id ID] [--wrangler-version V]

  diff    compares two wrangler config files (wrangler.toml, wrangler.json, wrangler.jsonc)
  check   in a git repository: finds the wrangler configs (or takes PATHs), reads each at
          --base (default: the merge base with origin/main, else HEAD~1... see README) and
          --head (default: the working tree) and reports every Durable Object lifecycle change
  --env NAME     only this environment (repeatable; "" or --top-level for the top level)
  --format       text (default), markdown (the PR comment body) or json
  --fail-on      critical (default), error, warning or never: exit 1 at or above it
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
  rename  appends a renamed_classes step (objects kept) and points every binding at TO
            after:  + [[migrations]] tag = "v3"  renamed_classes = [{ from = "Room", to = "ChatRoom" }]
                    class_name = "Room" -> class_name = "ChatRoom"
  delete  removes the bindings to NAME and writes the delete in a step of its own (the
          two-phase deploy then runs it: phase 1 without the bindings, phase 2 the delete)
            after:  - [[durable_objects.bindings]] name = "LOBBY" ...
                    + [[migrations]] tag = "v4"  deleted_classes = ["Lobby"]
  deploy  the guarded two-phase deploy of one Worker (see README "Two-phase deploy"): reads the
          live state (token from CLOUDFLARE_API_TOKEN, account from --account-id or
          CLOUDFLARE_ACCOUNT_ID), then plans, or runs phase 1, phase 2 or a normal deploy;
          exit 0 when done or planned, 1 when refused or failed
Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could not run.`;
var WRITERS = ["fix", "new-class", "rename", "delete"];
async function main(argv) {
  if (argv[0] === "deploy") return (await import("./chunks/deploy-HPIWO75R.js")).runDeployCommand(argv.slice(1));
  if (WRITERS.includes(argv[0] ?? "") && argv.some((a) => a === "--help" || a === "-h")) {
    process.stdout.write(`${USAGE}
`);
    return 0;
  }
  if (argv[0] === "fix") return (await import("./chunks/fix-X3V54VFF.js")).runFixCommand(argv.slice(1));
  if (argv[0] === "new-class" || argv[0] === "rename" || argv[0] === "delete")
    return (await import("./chunks/fix-X3V54VFF.js")).runGenerateCommand(argv[0], argv.slice(1));
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    process.stdout.write(`${USAGE}
`);
    return 0;
  }
  const [command, ...paths] = positionals;
  const failOn = parseFailOn(values["fail-on"] ?? "critical");
  if (!failOn)
    throw new UsageError(
      `--fail-on must be one of critical, error, warning, never (got "${values["fail-on"]}")`
    );
  const format = values.format ?? "text";
  if (!["text", "markdown", "json"].includes(format)) {
    throw new UsageError(`--format must be one of text, markdown, json (got "${format}")`);
  }
  const envs = values.env ? values.env.map((e) => e === "" ? null : e) : null;
  const options = { envs: values["top-level"] ? [...envs ?? [], null] : envs };
  let report;
  if (command === "diff") {
    if (paths.length !== 2) throw new UsageError("diff takes exactly two files: BASE_FILE HEAD_FILE");
    const [basePath, headPath] = paths;
    const change = {
      file: headPath,
      baseText: readText(basePath),
      headText: readText(headPath)
    };
    report = analyzeRepository([change], options);
  } else if (command === "check") {
    const { runCheck } = await import("./chunks/run-check-HZNBUWRW.js");
    ({ report } = await runCheck({
      cwd: process.cwd(),
      base: values.base ?? null,
      head: values.head ?? null,
      paths,
      pathsMustMatch: true,
      analyze: options
    }));
  } else {
    throw new UsageError(
      command ? `unknown command "${command}"` : "a command is needed: diff, check, fix, new-class, rename, delete or deploy"
    );
  }
  const output = format === "json" ? renderJson(report) : format === "markdown" ? renderMarkdown(report) : renderText(report, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  process.stdout.write(output);
  return failingFindings(report, failOn).length > 0 ? 1 : 0;
}
function parseCommandLine(argv) {
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
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
}
var MAX_READ_BYTES = 16 * 1024 * 1024;
function readText(path) {
  let fd;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${describeErrno(error)}`);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new UsageError(`cannot read ${path}: it is a directory`);
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const chunk = Buffer.alloc(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_READ_BYTES) {
        throw new UsageError(
          `cannot read ${path}: more than ${MAX_READ_BYTES / 1024 / 1024} MiB, not a wrangler config`
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
function describeErrno(error) {
  const code = error.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return code ?? error.message ?? "unreadable";
}
function oneLine(message) {
  return displayable(message.replace(/\s*\n\s*/g, " ").trim(), "?");
}
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const message = error instanceof UsageError ? error.message : `internal error: ${error?.message ?? error}`;
    process.stderr.write(`do-migrate: ${oneLine(message)}
`);
    if (error instanceof UsageError && error.showUsage) process.stderr.write(`
${USAGE}
`);
    process.exitCode = 2;
  }
);
