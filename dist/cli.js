#!/usr/bin/env node
import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  groupFindings,
  renderJson,
  renderMarkdown
} from "./chunks/chunk-OEUL2ZUH.js";
import {
  applyPolicy,
  givenPolicy,
  unknownEnvProblem
} from "./chunks/chunk-SHIGFTFB.js";
import "./chunks/chunk-KPNBBZA7.js";
import {
  analyzeFiles,
  reportFor
} from "./chunks/chunk-Y3VKEW2Y.js";
import {
  pairConfigs
} from "./chunks/chunk-ZXZLHMUF.js";
import {
  failingFindings,
  parseFailOn
} from "./chunks/chunk-ZPOH2JMV.js";
import {
  hasLivePlan,
  renderPlanText
} from "./chunks/chunk-TW7EIWBP.js";
import "./chunks/chunk-ZKWNJPXZ.js";
import {
  PolicyFileError,
  UsageError
} from "./chunks/chunk-MENN5CMZ.js";
import "./chunks/chunk-TZV6S3WX.js";
import "./chunks/chunk-5OSWRORD.js";
import "./chunks/chunk-PIRUEGYP.js";
import "./chunks/chunk-CYCF2PHT.js";
import "./chunks/chunk-7ZJZNNLB.js";
import {
  displayable
} from "./chunks/chunk-57KHF4P2.js";
import "./chunks/chunk-BKDYTUFB.js";
import "./chunks/chunk-LHHAANFG.js";
import "./chunks/chunk-Y72PUWW2.js";
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

// src/cli/help.ts
var ENV = {
  flag: "--env NAME",
  text: 'only this environment (repeatable; "" or --top-level for the top level); a name no config defines is an error that lists the defined ones'
};
var TOP_LEVEL = { flag: "--top-level", text: 'the top level, as --env ""' };
var FORMAT = {
  flag: "-f, --format FORMAT",
  text: "text (the default: colour on a terminal, honouring NO_COLOR and FORCE_COLOR), markdown (the pull request comment body) or json (docs/cli.md#json-format)"
};
var FAIL_ON = {
  flag: "--fail-on LEVEL",
  text: "critical (the default), error, warning or never: exit 1 when a finding is at or above it"
};
var QUIET = {
  flag: "-q, --quiet",
  text: "print nothing when the check passes (the exit code says it), and no notes or warnings on stderr; a failing report is printed in full"
};
var POLICY = (what) => ({
  flag: "--policy FILE",
  text: `the policy file to apply (docs/policy.md); ${what}`
});
var CONFIG = {
  flag: "-c, --config PATH",
  text: "the wrangler config to edit (default: the one in the current directory)"
};
var CONFIG_ENV = {
  flag: "-e, --env NAME",
  text: "write into this environment's section (an [env.NAME] that has its own migrations)"
};
var DRY_RUN = {
  flag: "--dry-run",
  text: "print the diff, write nothing (exit 1 when there is something to write)"
};
var STORAGE = (what) => ({ flag: "--storage sqlite|kv", text: what });
var HELP = { flag: "-h, --help", text: "this help" };
var COMMANDS = {
  diff: {
    synopsis: [
      "BASE_FILE HEAD_FILE",
      "[--env NAME]",
      "[--format FORMAT]",
      "[--fail-on LEVEL]",
      "[--policy FILE]",
      "[--quiet]"
    ],
    summary: "compares two versions of one wrangler config file",
    description: "Compares two versions of one wrangler config (wrangler.toml, wrangler.json, wrangler.jsonc): the first file is the base, the second the head. An empty file is no config, which is what <(git show base:x 2>/dev/null) gives for a new file. No git needed, and no policy unless --policy names one.",
    options: [ENV, TOP_LEVEL, FORMAT, FAIL_ON, POLICY("none applies without it"), QUIET, HELP],
    examples: ["do-migrate diff <(git show main:wrangler.toml) wrangler.toml"]
  },
  check: {
    synopsis: [
      "[--base REF]",
      "[--head REF]",
      "[--env NAME]",
      "[--format FORMAT]",
      "[--fail-on LEVEL]",
      "[--live [--account-id ID]]",
      "[--policy FILE]",
      "[--quiet]",
      "[PATH...]"
    ],
    summary: "checks a git repository's wrangler configs between two revisions",
    description: "In a git repository: finds the wrangler configs (or takes the PATHs given: files, directories or globs), reads each at --base and at --head and reports every Durable Object lifecycle change, naming the base it compared with. The policy file is the repository's .do-migrate.jsonc (or .do-migrate.json) at --base.",
    options: [
      {
        flag: "--base REF",
        text: "the revision to compare with; default: the merge base with the remote's default branch (origin/HEAD, else origin/main or origin/master, else a local main or master), never the branch's own upstream"
      },
      {
        flag: "--head REF",
        text: "the revision to check (default: the working tree, uncommitted changes included)"
      },
      ENV,
      TOP_LEVEL,
      FORMAT,
      FAIL_ON,
      {
        flag: "--live",
        text: "also read the live state from the Cloudflare API and plan the next deploy of each Worker the change touches; the token from CLOUDFLARE_API_TOKEN only (read-only is enough; docs/live-plan.md)"
      },
      {
        flag: "--account-id ID",
        text: "with --live: the account when the config has no account_id (else CLOUDFLARE_ACCOUNT_ID)"
      },
      POLICY("default: the repository's .do-migrate.jsonc at --base"),
      QUIET,
      HELP
    ],
    examples: ["do-migrate check", "do-migrate check --base origin/main --env production --fail-on error"]
  },
  fix: {
    synopsis: [
      "[--dry-run]",
      "[--base REF]",
      "[--accept-deletes]",
      "[--accept-renames]",
      "[--env NAME]",
      "[--policy FILE]",
      "[PATH...]"
    ],
    summary: "rewrites the working tree's configs to resolve the findings that have one safe fix",
    description: "Rewrites the working tree's configs to resolve every finding (against --base, as check) that has one safe mechanical fix, keeping comments and layout, and prints the diff; each fix is proven by analysing the result again. Example: a class added to the applied step v1 moves to a new step v2.",
    options: [
      DRY_RUN,
      { flag: "--base REF", text: "the revision to compare with (default: as for check)" },
      { flag: "--accept-deletes", text: "allow the fixes that make a delete real (data loss on deploy)" },
      { flag: "--accept-renames", text: "write a rename in place of a delete + create of the same objects" },
      ENV,
      TOP_LEVEL,
      POLICY("default: the repository's, as for check"),
      HELP
    ],
    examples: ["do-migrate fix --dry-run", "do-migrate fix --accept-renames wrangler.toml"]
  },
  "new-class": {
    synopsis: [
      "NAME",
      "[--storage sqlite|kv]",
      "[--binding NAME]",
      "[--config PATH]",
      "[--env NAME]",
      "[--dry-run]"
    ],
    summary: "appends the migration that creates a Durable Object class",
    description: "Appends the step that creates NAME (or its exports entry), and with --binding a binding to it; prints what the code must export.",
    options: [
      STORAGE("the storage of the new class (default: sqlite)"),
      { flag: "--binding NAME", text: "also add a [[durable_objects.bindings]] entry with this name" },
      CONFIG,
      CONFIG_ENV,
      DRY_RUN,
      HELP
    ],
    examples: ["do-migrate new-class Lobby --binding LOBBY"]
  },
  rename: {
    synopsis: ["FROM TO", "[--storage sqlite|kv]", "[--config PATH]", "[--env NAME]", "[--dry-run]"],
    summary: "appends a renamed_classes step and points every binding at the new name",
    description: "Appends a renamed_classes step (the objects are kept) and points every binding at TO.",
    options: [
      STORAGE("the storage FROM has (a rename keeps it: another one is an error)"),
      CONFIG,
      CONFIG_ENV,
      DRY_RUN,
      HELP
    ],
    examples: ["do-migrate rename Room ChatRoom"]
  },
  delete: {
    synopsis: ["NAME", "[--config PATH]", "[--env NAME]", "[--dry-run]"],
    summary: "removes a class's bindings and writes its delete in a step of its own",
    description: "Removes the bindings to NAME and writes the delete in a step of its own (the two-phase deploy runs it: phase 1 without the bindings, phase 2 the delete); names the other configs whose script_name bindings to NAME must go first.",
    options: [CONFIG, CONFIG_ENV, DRY_RUN, HELP],
    examples: ["do-migrate delete Lobby --dry-run"]
  },
  "to-exports": {
    synopsis: ["[--config PATH]", "[--env NAME]", "[--dry-run]"],
    summary: "moves a Worker from migrations to exports (one-way)",
    description: "Writes the declarative exports map in place of the migrations list: one entry per class the history leaves live, with its storage. One-way: once a deploy with exports lands, the API refuses to go back to migrations (code 100403).",
    options: [CONFIG, CONFIG_ENV, DRY_RUN, HELP],
    examples: ["do-migrate to-exports --dry-run"]
  },
  deploy: {
    synopsis: [
      "[--env NAME]",
      "[--phase auto|plan|1|2]",
      "[--confirm-data-loss A,B]",
      "[--config PATH]...",
      "[--all]",
      "[--max-parallel N]",
      "[--skip-unchanged]",
      "[--json]",
      "[--account-id ID]",
      "[--wrangler-version V]"
    ],
    summary: "the guarded two-phase deploy of one Worker, or the release of many",
    description: "Reads the live state (token from CLOUDFLARE_API_TOKEN only), preflights every Worker, then plans, or runs phase 1, phase 2 or normal deploys in dependency order (docs/deploy.md). Exit 0 when done or planned, 1 when refused or failed.",
    options: [
      { flag: "-e, --env NAME", text: "the environment to deploy (as wrangler's --env)" },
      {
        flag: "--phase auto|plan|1|2",
        text: "auto (the default: the next phase), plan (change nothing, print the plan), 1 or 2"
      },
      {
        flag: "--confirm-data-loss A,B",
        text: "the classes whose deletion is confirmed (a release: worker:Class pairs)"
      },
      { flag: "-c, --config PATH", text: "a config, glob or directory to deploy (repeatable: a release)" },
      { flag: "--all", text: "every config under the current directory" },
      { flag: "--max-parallel N", text: "Workers deployed at once in a release (1 to 16, default 1)" },
      { flag: "--skip-unchanged", text: "leave out the Workers whose live state already matches" },
      { flag: "--json", text: "print the outputs as JSON" },
      {
        flag: "--account-id ID",
        text: "the account when the config has no account_id (else CLOUDFLARE_ACCOUNT_ID)"
      },
      { flag: "--wrangler-version V", text: "the wrangler to deploy with (default: the pinned one)" },
      HELP
    ],
    examples: ["do-migrate deploy --env production --phase plan"]
  }
};
function wrap(words2, width, first, indent) {
  const lines = [];
  let line = first;
  let empty = true;
  for (const word of words2) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line += (empty ? "" : " ") + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
var words = (text) => text.split(/\s+/).filter(Boolean);
function synopsisLines(command, width, lead = "") {
  const head = `${lead}do-migrate ${command} `;
  return wrap(COMMANDS[command]?.synopsis ?? [], width, head, " ".repeat(head.length));
}
function optionLines(options, width, paint) {
  const column = Math.min(2 + Math.max(...options.map((o) => o.flag.length)) + 2, 28);
  const lines = [];
  for (const option of options) {
    const flag = `  ${option.flag}`;
    const first = flag.length + 1 < column ? flag.padEnd(column) : null;
    if (first === null) lines.push(paint("cyan", flag));
    const body = wrap(
      words(option.text),
      Math.max(width, column + 20),
      first ?? " ".repeat(column),
      " ".repeat(column)
    );
    if (first !== null) body[0] = paint("cyan", flag) + body[0].slice(flag.length);
    lines.push(...body);
  }
  return lines;
}
function exampleLines(example, width) {
  const lines = wrap(words(example), width - 2, "  ", "    ");
  return lines.map((line, i) => i < lines.length - 1 ? `${line} \\` : line);
}
function commandHelp(command, { width, paint }) {
  const help = COMMANDS[command];
  if (!help) return "";
  return [
    paint("bold", "Usage:"),
    ...synopsisLines(command, width, "  "),
    "",
    ...wrap(words(help.description), width, "", ""),
    "",
    paint("bold", "Options:"),
    ...optionLines(help.options, width, paint),
    "",
    paint("bold", help.examples.length > 1 ? "Examples:" : "Example:"),
    ...help.examples.flatMap((example) => exampleLines(example, width)),
    "",
    ...wrap(words(EXIT_CODES[command] ?? ""), width, "", ""),
    ""
  ].join("\n");
}
var EXIT_CODES = {
  diff: "Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could not run.",
  check: "Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could not run.",
  fix: "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  "new-class": "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  rename: "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  delete: "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  "to-exports": "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  deploy: "Exit codes: 0 deployed, planned or nothing to do, 1 refused or failed, 2 when it could not run."
};
function globalHelp({ width, paint }) {
  const names = Object.keys(COMMANDS);
  const column = 2 + Math.max(...names.map((n) => n.length)) + 2;
  return [
    paint("bold", "Usage:"),
    ...names.flatMap((name) => synopsisLines(name, width, "  ")),
    "",
    paint("bold", "Commands:"),
    ...names.flatMap((name) => {
      const lines = wrap(
        words(COMMANDS[name].summary),
        width,
        `  ${name}`.padEnd(column),
        " ".repeat(column)
      );
      lines[0] = paint("cyan", `  ${name}`) + lines[0].slice(2 + name.length);
      return lines;
    }),
    "",
    paint("bold", "Options:"),
    ...optionLines(
      [
        {
          flag: "-h, --help",
          text: "this help; do-migrate help COMMAND (or COMMAND --help): its options and an example"
        },
        { flag: "-V, --version", text: "the version" }
      ],
      width,
      paint
    ),
    "",
    ...wrap(
      words(
        "Exit codes: 0 below --fail-on, 1 at or above it (or refused, or something to write), 2 when it could not run. Documentation: docs/cli.md."
      ),
      width,
      "",
      ""
    ),
    ""
  ].join("\n");
}

// src/cli/options.ts
var DIFF_CHECK_OPTIONS = {
  env: { type: "string", multiple: true },
  "top-level": { type: "boolean" },
  format: { type: "string", short: "f" },
  "fail-on": { type: "string" },
  base: { type: "string" },
  head: { type: "string" },
  policy: { type: "string" },
  live: { type: "boolean" },
  "account-id": { type: "string" },
  quiet: { type: "boolean", short: "q" }
};

// src/cli/terminal.ts
function colorWanted(isTTY, env) {
  const force = env.FORCE_COLOR;
  if (force !== void 0) return !["0", "false"].includes(force.trim().toLowerCase());
  if (env.NO_COLOR) return false;
  if (env.NODE_DISABLE_COLORS) return false;
  return isTTY && env.TERM !== "dumb";
}
var CODES = { bold: [1, 22], cyan: [36, 39], dim: [2, 22], yellow: [33, 39] };
function ansi(style, text) {
  const [on, off] = CODES[style];
  return `\x1B[${on}m${text}\x1B[${off}m`;
}

// src/cli/main.ts
var builtin = createRequire(import.meta.url);
var { closeSync, fstatSync, openSync, readSync } = builtin("node:fs");
var { parseArgs } = builtin("node:util");
var COMMAND_NAMES = Object.keys(COMMANDS);
function helpOptions() {
  const columns = process.stdout.columns;
  const width = columns && columns > 0 ? Math.max(40, Math.min(columns, 120)) : 80;
  const color = colorWanted(Boolean(process.stdout.isTTY), process.env);
  return { width, paint: color ? ansi : (_style, text) => text };
}
function answeredAtOnce(argv) {
  const before = argv.indexOf("--") < 0 ? argv : argv.slice(0, argv.indexOf("--"));
  const [first, second] = before;
  if (first === "version" || before.some((a) => a === "--version" || a === "-V")) return `${version()}
`;
  if (first === "help") {
    if (second === void 0) return globalHelp(helpOptions());
    if (!COMMANDS[second]) throw new UsageError(`no command "${second}": one of ${COMMAND_NAMES.join(", ")}`);
    return commandHelp(second, helpOptions());
  }
  if (!before.some((a) => a === "--help" || a === "-h")) return null;
  return first && COMMANDS[first] ? commandHelp(first, helpOptions()) : globalHelp(helpOptions());
}
function version() {
  try {
    const file = new URL("../package.json", import.meta.url);
    const text = new TextDecoder().decode(builtin("node:fs").readFileSync(file));
    return String(JSON.parse(text).version ?? "unknown");
  } catch {
    return "unknown";
  }
}
async function main(argv) {
  const answer = answeredAtOnce(argv);
  if (answer !== null) {
    process.stdout.write(answer);
    return 0;
  }
  if (argv[0] === "deploy") return (await import("./chunks/deploy-3M3QOYE6.js")).runDeployCommand(argv.slice(1));
  if (argv[0] === "fix") return (await import("./chunks/fix-K7S7ICTU.js")).runFixCommand(argv.slice(1));
  if (argv[0] === "to-exports") return (await import("./chunks/fix-K7S7ICTU.js")).runToExportsCommand(argv.slice(1));
  if (argv[0] === "new-class" || argv[0] === "rename" || argv[0] === "delete")
    return (await import("./chunks/fix-K7S7ICTU.js")).runGenerateCommand(argv[0], argv.slice(1));
  const { values, positionals } = parseCommandLine(argv);
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
  const quiet = values.quiet === true;
  const warn = (line) => {
    if (!quiet) process.stderr.write(`warning: ${oneLine(line)}
`);
  };
  if (command !== "check" && (values.live || values["account-id"] !== void 0)) {
    throw new UsageError("--live and --account-id belong to check (do-migrate help check)");
  }
  if (command !== "check" && (values.base !== void 0 || values.head !== void 0)) {
    throw new UsageError("--base and --head belong to check: diff compares the two files it is given");
  }
  let report;
  if (command === "diff") {
    if (paths.length !== 2)
      throw new UsageError("diff takes exactly two files: BASE_FILE HEAD_FILE (do-migrate help diff)");
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
    const paired = pairConfigs(changes);
    const analyses = analyzeFiles(paired.changes, options);
    const envProblem = unknownEnvProblem(options.envs, analyses);
    if (envProblem) throw new UsageError(envProblem);
    report = await applyPolicy(reportFor(analyses, paired.findings, options), { policy, changes });
    if (ignored)
      report = {
        ...report,
        notes: [`\`${headPath}\` is not analysed: the policy \`${values.policy}\` ignores it.`]
      };
  } else if (command === "check") {
    const [{ runCheck }, { checkAdapters }, { chooseBase, baseNote, sameAsHeadWarning }] = await Promise.all([
      import("./chunks/run-check-TBNBYX2T.js"),
      import("./chunks/adapters-OLGDWGQZ.js"),
      import("./chunks/base-CSBIWNU6.js")
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
        ...values.policy ? { policy: { from: "file", file: values.policy, text: readText(values.policy) } } : {}
      },
      checkAdapters
    );
    report = result.report;
    if (base) {
      report = { ...report, base: baseJson(base), notes: [baseNote(base), ...report.notes ?? []] };
      if (base.sameAsHead) warn(sameAsHeadWarning(base));
    }
    if (result.live) {
      for (const warning of result.live.warnings) warn(warning);
      if (!quiet)
        process.stderr.write(
          `live state: ${result.live.planned} Worker(s) planned, ${result.live.failed} judged from the config alone${result.live.skipped > 0 ? ` (and ${result.live.skipped} not deployed as written)` : ""}, ${result.live.requests} Cloudflare API request(s)
`
        );
    }
  } else {
    throw new UsageError(
      command ? `unknown command "${command}": one of ${COMMAND_NAMES.join(", ")} (do-migrate --help)` : `a command is needed: ${COMMAND_NAMES.join(", ")} (do-migrate --help)`
    );
  }
  const failing = failingFindings(report, failOn).length > 0;
  if (quiet && !failing) return 0;
  const output = format === "json" ? renderJson(report) : format === "markdown" ? renderMarkdown(report) : renderText(report, { color: colorWanted(Boolean(process.stdout.isTTY), process.env) });
  process.stdout.write(output);
  return failing ? 1 : 0;
}
function parseCommandLine(argv) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: DIFF_CHECK_OPTIONS
    });
  } catch (error) {
    throw new UsageError(error.message, true);
  }
}
function helpHint(command) {
  return command && COMMANDS[command] ? ` (do-migrate help ${command} lists the options)` : " (do-migrate --help)";
}
function baseJson(base) {
  return { ref: base.ref, sha: base.sha, how: base.how, sameAsHead: base.sameAsHead };
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
      error instanceof UsageError ? error.message + (error.showUsage ? helpHint(process.argv[2]) : "") : `internal error: ${error?.message ?? error}`
    ];
    for (const line of lines) process.stderr.write(`do-migrate: ${oneLine(line)}
`);
    process.exitCode = 2;
  }
);
