#!/usr/bin/env node
import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  groupFindings,
  renderJson,
  renderMarkdown
} from "./chunks/chunk-7FXNVVTU.js";
import {
  applyPolicy,
  givenPolicy
} from "./chunks/chunk-P57NAYDJ.js";
import "./chunks/chunk-DCUHQF7A.js";
import {
  failingFindings,
  parseFailOn
} from "./chunks/chunk-AFBU7F56.js";
import {
  hasLivePlan,
  renderPlanText
} from "./chunks/chunk-UK3WJHJN.js";
import "./chunks/chunk-SGWWQGAH.js";
import "./chunks/chunk-WBE66BOI.js";
import {
  analyzeRepository
} from "./chunks/chunk-UNJXHFMR.js";
import {
  PolicyFileError,
  UsageError
} from "./chunks/chunk-X7T4KLFK.js";
import "./chunks/chunk-TZV6S3WX.js";
import "./chunks/chunk-NCNBQ3PJ.js";
import "./chunks/chunk-WJ7BQPVD.js";
import {
  displayable
} from "./chunks/chunk-KI4BBWDU.js";
import "./chunks/chunk-K3M7ZXYA.js";
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
  const counted = groupFindings(report.findings.filter((f) => !f.suppressed));
  const suppressed = groupFindings(report.findings.filter((f) => f.suppressed));
  const losses = counted.filter((g) => g.first.dataLoss).length;
  const lines = [
    `${paint("bold", "do-migrate")}: risk ${paint(riskStyle(report.risk), report.risk.toUpperCase())}` + (counted.length ? `, ${counted.length} finding${counted.length === 1 ? "" : "s"}` : "") + (losses ? paint("critical", `, ${losses} destroying data`) : "") + (suppressed.length ? `, ${suppressed.length} suppressed` : "")
  ];
  for (const note of report.notes ?? []) lines.push(`${paint("dim", "note:")} ${clean(note)}`);
  if (hasLivePlan(report.workers)) lines.push(...renderPlanText(report.workers ?? []));
  if (report.findings.length === 0) lines.push("No Durable Object lifecycle changes.");
  for (const group of counted) {
    const f = group.first;
    lines.push(
      "",
      `${paint(f.severity, f.severity.toUpperCase().padEnd(8))} ${f.code} ${f.kind}  ${clean(where(group.findings))}`,
      `  ${clean(group.message)}`,
      `  ${paint("dim", "fix:")} ${clean(f.fix)}`
    );
    if (f.policyLevel) {
      const p = f.policyLevel;
      lines.push(
        `  ${paint("dim", "level:")} ${f.severity} by the policy at ${clean(place(p.file, p.line))} (was ${p.from})`
      );
    }
  }
  if (suppressed.length > 0) {
    lines.push("", paint("dim", `suppressed (${suppressed.length}), not counted in the risk or the gate:`));
    for (const group of suppressed) {
      const f = group.first;
      const by = f.suppressed;
      lines.push(
        `  ${f.code} ${f.kind}  ${clean(where(group.findings))}: ${by.by === "directive" ? "directive" : "policy"} at ${clean(place(by.file, by.line))}: ${clean(by.reason)}`
      );
    }
  }
  return `${lines.join("\n")}
`;
}
function where(findings) {
  const f = findings[0];
  const at = place(f.file, f.line);
  if (findings.length === 1) {
    const env = f.env === null ? "" : ` [env ${f.env}]`;
    return `${at}${env}${f.worker ? ` (${f.worker})` : ""}`;
  }
  const workers = findings.map((w) => {
    const env = w.env === null ? "top level" : `env ${w.env}`;
    return w.worker ? `${w.worker} [${env}]` : `[${env}]`;
  });
  return `${at}  ${findings.length} Workers: ${workers.join(", ")}`;
}
function place(file, line) {
  return line ? `${file}:${line}` : file;
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
                  [--policy FILE]
  do-migrate check [--base REF] [--head REF] [--env NAME] [--format ...] [--fail-on LEVEL]
                   [--live [--account-id ID]] [--policy FILE] [PATH...]
  do-migrate fix [--dry-run] [--base REF] [--accept-deletes] [--accept-renames] [--env NAME]
                 [--policy FILE] [PATH...]
  do-migrate new-class NAME [--storage sqlite|kv] [--binding NAME] [--config PATH] [--env NAME] [--dry-run]
  do-migrate rename FROM TO [--storage sqlite|kv] [--config PATH] [--env NAME] [--dry-run]
  do-migrate delete NAME [--config PATH] [--env NAME] [--dry-run]
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
  deploy  the guarded two-phase deploy of one Worker, or the release of many (several --config,
          a glob or a directory, or --all: every config under the current directory; see
          docs/deploy.md): reads the live state (token from CLOUDFLARE_API_TOKEN; account from
          the config's account_id, else --account-id or CLOUDFLARE_ACCOUNT_ID), preflights
          every Worker, then plans, or runs phase 1, phase 2 or normal deploys in dependency
          order; a release confirms data loss as worker:Class pairs; exit 0 when done or
          planned, 1 when refused or failed
Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could not run.`;
var WRITERS = ["fix", "new-class", "rename", "delete"];
async function main(argv) {
  if (argv[0] === "deploy") return (await import("./chunks/deploy-CJHSLEZX.js")).runDeployCommand(argv.slice(1));
  if (WRITERS.includes(argv[0] ?? "") && argv.some((a) => a === "--help" || a === "-h")) {
    process.stdout.write(`${USAGE}
`);
    return 0;
  }
  if (argv[0] === "fix") return (await import("./chunks/fix-KEMYU6F4.js")).runFixCommand(argv.slice(1));
  if (argv[0] === "new-class" || argv[0] === "rename" || argv[0] === "delete")
    return (await import("./chunks/fix-KEMYU6F4.js")).runGenerateCommand(argv[0], argv.slice(1));
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
  if (command !== "check" && (values.live || values["account-id"] !== void 0)) {
    throw new UsageError("--live and --account-id belong to check");
  }
  let report;
  if (command === "diff") {
    if (paths.length !== 2) throw new UsageError("diff takes exactly two files: BASE_FILE HEAD_FILE");
    const [basePath, headPath] = paths;
    const textOf = (path) => {
      const text = readText(path);
      return text.trim() === "" ? null : text;
    };
    const change = {
      file: headPath,
      // The base is parsed by its own name (`diff wrangler.toml wrangler.jsonc`), unless that name
      // says nothing (`<(git show ...)` is `/dev/fd/N`): then it is read as the head's format.
      .../\.(toml|jsonc?)$/i.test(basePath) && basePath !== headPath ? { baseFile: basePath } : {},
      baseText: textOf(basePath),
      headText: textOf(headPath)
    };
    const policy = values.policy ? readPolicyFile(values.policy) : null;
    const ignored = policy?.ignores(headPath.replace(/^(?:\.\/)+/, "")) ?? false;
    const changes = ignored ? [] : [change];
    report = await applyPolicy(analyzeRepository(changes, options), { policy, changes });
    if (ignored)
      report = {
        ...report,
        notes: [`\`${headPath}\` is not analysed: the policy \`${values.policy}\` ignores it.`]
      };
  } else if (command === "check") {
    const { runCheck } = await import("./chunks/run-check-BQ7K6RNC.js");
    const result = await runCheck({
      cwd: process.cwd(),
      base: values.base ?? null,
      head: values.head ?? null,
      paths,
      pathsMustMatch: true,
      analyze: options,
      live: values.live ? liveRequest(values["account-id"]) : null,
      ...values.policy ? { policy: { from: "file", file: values.policy, text: readText(values.policy) } } : {}
    });
    report = result.report;
    if (result.live) {
      for (const warning of result.live.warnings) process.stderr.write(`warning: ${oneLine(warning)}
`);
      process.stderr.write(
        `live state: ${result.live.planned} Worker(s) planned, ${result.live.failed} judged from the config alone${result.live.skipped > 0 ? ` (and ${result.live.skipped} not deployed as written)` : ""}, ${result.live.requests} Cloudflare API request(s)
`
      );
    }
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
        policy: { type: "string" },
        live: { type: "boolean" },
        "account-id": { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
}
function readPolicyFile(path) {
  const choice = givenPolicy(path, readText(path));
  if (!choice.ok) throw new PolicyFileError(choice.problems);
  return choice.policy;
}
function liveRequest(accountFlag) {
  const token = process.env.CLOUDFLARE_API_TOKEN?.trim() ?? "";
  if (!token) {
    throw new UsageError(
      "--live reads the token from the CLOUDFLARE_API_TOKEN environment variable (never a flag); a read-only token is enough"
    );
  }
  const accountId = accountFlag?.trim() || process.env.CLOUDFLARE_ACCOUNT_ID?.trim() || null;
  const apiBaseUrl = process.env.CLOUDFLARE_API_BASE_URL?.trim() || void 0;
  return { token, accountId, ...apiBaseUrl ? { apiBaseUrl } : {} };
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
    const lines = error instanceof PolicyFileError ? error.problems.slice(0, 50) : [
      error instanceof UsageError ? error.message : `internal error: ${error?.message ?? error}`
    ];
    for (const line of lines) process.stderr.write(`do-migrate: ${oneLine(line)}
`);
    if (error instanceof UsageError && error.showUsage) process.stderr.write(`
${USAGE}
`);
    process.exitCode = 2;
  }
);
