// The help of the command line: `do-migrate --help` (every synopsis, one line per command),
// `do-migrate help COMMAND` and `do-migrate COMMAND --help` (the synopsis, what it does, every
// option described, an example), wrapped to the terminal's width. docs/cli.md shows the synopses
// as `--help` prints them at 80 columns (test/ship/readme.test.ts).

export interface OptionHelp {
  /** As written on the command line: `--env NAME`, `-f, --format FORMAT`. */
  readonly flag: string;
  readonly text: string;
}

export interface CommandHelp {
  /** The synopsis after `do-migrate COMMAND`, word groups kept whole when wrapped. */
  readonly synopsis: readonly string[];
  /** One line for the global help. */
  readonly summary: string;
  /** What it does, one paragraph. */
  readonly description: string;
  readonly options: readonly OptionHelp[];
  readonly examples: readonly string[];
}

const ENV: OptionHelp = {
  flag: "--env NAME",
  text: 'only this environment (repeatable; "" or --top-level for the top level); a name no config defines is an error that lists the defined ones',
};
const TOP_LEVEL: OptionHelp = { flag: "--top-level", text: 'the top level, as --env ""' };
const FORMAT: OptionHelp = {
  flag: "-f, --format FORMAT",
  text: "text (the default: colour on a terminal, honouring NO_COLOR and FORCE_COLOR), markdown (the pull request comment body) or json (docs/cli.md#json-format)",
};
const FAIL_ON: OptionHelp = {
  flag: "--fail-on LEVEL",
  text: "critical (the default), error, warning or never: exit 1 when a finding is at or above it",
};
const QUIET: OptionHelp = {
  flag: "-q, --quiet",
  text: "print nothing when the check passes (the exit code says it), and no notes or warnings on stderr; a failing report is printed in full",
};
const POLICY = (what: string): OptionHelp => ({
  flag: "--policy FILE",
  text: `the policy file to apply (docs/policy.md); ${what}`,
});
const CONFIG: OptionHelp = {
  flag: "-c, --config PATH",
  text: "the wrangler config to edit (default: the one in the current directory)",
};
const CONFIG_ENV: OptionHelp = {
  flag: "-e, --env NAME",
  text: "write into this environment's section (an [env.NAME] that has its own migrations)",
};
const DRY_RUN: OptionHelp = {
  flag: "--dry-run",
  text: "print the diff, write nothing (exit 1 when there is something to write)",
};
const STORAGE = (what: string): OptionHelp => ({ flag: "--storage sqlite|kv", text: what });
const HELP: OptionHelp = { flag: "-h, --help", text: "this help" };

export const COMMANDS: Readonly<Record<string, CommandHelp>> = {
  diff: {
    synopsis: [
      "BASE_FILE HEAD_FILE",
      "[--env NAME]",
      "[--format FORMAT]",
      "[--fail-on LEVEL]",
      "[--policy FILE]",
      "[--quiet]",
    ],
    summary: "compares two versions of one wrangler config file",
    description:
      "Compares two versions of one wrangler config (wrangler.toml, wrangler.json, wrangler.jsonc): the first file is the base, the second the head. An empty file is no config, which is what <(git show base:x 2>/dev/null) gives for a new file. No git needed, and no policy unless --policy names one.",
    options: [ENV, TOP_LEVEL, FORMAT, FAIL_ON, POLICY("none applies without it"), QUIET, HELP],
    examples: ["do-migrate diff <(git show main:wrangler.toml) wrangler.toml"],
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
      "[PATH...]",
    ],
    summary: "checks a git repository's wrangler configs between two revisions",
    description:
      "In a git repository: finds the wrangler configs (or takes the PATHs given: files, directories or globs), reads each at --base and at --head and reports every Durable Object lifecycle change, naming the base it compared with. The policy file is the repository's .do-migrate.jsonc (or .do-migrate.json) at --base.",
    options: [
      {
        flag: "--base REF",
        text: "the revision to compare with; default: the merge base with the remote's default branch (origin/HEAD, else origin/main or origin/master, else a local main or master), never the branch's own upstream",
      },
      {
        flag: "--head REF",
        text: "the revision to check (default: the working tree, uncommitted changes included)",
      },
      ENV,
      TOP_LEVEL,
      FORMAT,
      FAIL_ON,
      {
        flag: "--live",
        text: "also read the live state from the Cloudflare API and plan the next deploy of each Worker the change touches; the token from CLOUDFLARE_API_TOKEN only (read-only is enough; docs/live-plan.md)",
      },
      {
        flag: "--account-id ID",
        text: "with --live: the account when the config has no account_id (else CLOUDFLARE_ACCOUNT_ID)",
      },
      POLICY("default: the repository's .do-migrate.jsonc at --base"),
      QUIET,
      HELP,
    ],
    examples: ["do-migrate check", "do-migrate check --base origin/main --env production --fail-on error"],
  },
  fix: {
    synopsis: [
      "[--dry-run]",
      "[--base REF]",
      "[--accept-deletes]",
      "[--accept-renames]",
      "[--env NAME]",
      "[--policy FILE]",
      "[PATH...]",
    ],
    summary: "rewrites the working tree's configs to resolve the findings that have one safe fix",
    description:
      "Rewrites the working tree's configs to resolve every finding (against --base, as check) that has one safe mechanical fix, keeping comments and layout, and prints the diff; each fix is proven by analysing the result again. Example: a class added to the applied step v1 moves to a new step v2.",
    options: [
      DRY_RUN,
      { flag: "--base REF", text: "the revision to compare with (default: as for check)" },
      { flag: "--accept-deletes", text: "allow the fixes that make a delete real (data loss on deploy)" },
      { flag: "--accept-renames", text: "write a rename in place of a delete + create of the same objects" },
      ENV,
      TOP_LEVEL,
      POLICY("default: the repository's, as for check"),
      HELP,
    ],
    examples: ["do-migrate fix --dry-run", "do-migrate fix --accept-renames wrangler.toml"],
  },
  "new-class": {
    synopsis: [
      "NAME",
      "[--storage sqlite|kv]",
      "[--binding NAME]",
      "[--config PATH]",
      "[--env NAME]",
      "[--dry-run]",
    ],
    summary: "appends the migration that creates a Durable Object class",
    description:
      "Appends the step that creates NAME (or its exports entry), and with --binding a binding to it; prints what the code must export.",
    options: [
      STORAGE("the storage of the new class (default: sqlite)"),
      { flag: "--binding NAME", text: "also add a [[durable_objects.bindings]] entry with this name" },
      CONFIG,
      CONFIG_ENV,
      DRY_RUN,
      HELP,
    ],
    examples: ["do-migrate new-class Lobby --binding LOBBY"],
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
      HELP,
    ],
    examples: ["do-migrate rename Room ChatRoom"],
  },
  delete: {
    synopsis: ["NAME", "[--config PATH]", "[--env NAME]", "[--dry-run]"],
    summary: "removes a class's bindings and writes its delete in a step of its own",
    description:
      "Removes the bindings to NAME and writes the delete in a step of its own (the two-phase deploy runs it: phase 1 without the bindings, phase 2 the delete); names the other configs whose script_name bindings to NAME must go first.",
    options: [CONFIG, CONFIG_ENV, DRY_RUN, HELP],
    examples: ["do-migrate delete Lobby --dry-run"],
  },
  "to-exports": {
    synopsis: ["[--config PATH]", "[--env NAME]", "[--dry-run]"],
    summary: "moves a Worker from migrations to exports (one-way)",
    description:
      "Writes the declarative exports map in place of the migrations list: one entry per class the history leaves live, with its storage. One-way: once a deploy with exports lands, the API refuses to go back to migrations (code 100403).",
    options: [CONFIG, CONFIG_ENV, DRY_RUN, HELP],
    examples: ["do-migrate to-exports --dry-run"],
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
      "[--wrangler-version V]",
    ],
    summary: "the guarded two-phase deploy of one Worker, or the release of many",
    description:
      "Reads the live state (token from CLOUDFLARE_API_TOKEN only), preflights every Worker, then plans, or runs phase 1, phase 2 or normal deploys in dependency order (docs/deploy.md). Exit 0 when done or planned, 1 when refused or failed.",
    options: [
      { flag: "-e, --env NAME", text: "the environment to deploy (as wrangler's --env)" },
      {
        flag: "--phase auto|plan|1|2",
        text: "auto (the default: the next phase), plan (change nothing, print the plan), 1 or 2",
      },
      {
        flag: "--confirm-data-loss A,B",
        text: "the classes whose deletion is confirmed (a release: worker:Class pairs)",
      },
      { flag: "-c, --config PATH", text: "a config, glob or directory to deploy (repeatable: a release)" },
      { flag: "--all", text: "every config under the current directory" },
      { flag: "--max-parallel N", text: "Workers deployed at once in a release (1 to 16, default 1)" },
      { flag: "--skip-unchanged", text: "leave out the Workers whose live state already matches" },
      { flag: "--json", text: "print the outputs as JSON" },
      {
        flag: "--account-id ID",
        text: "the account when the config has no account_id (else CLOUDFLARE_ACCOUNT_ID)",
      },
      { flag: "--wrangler-version V", text: "the wrangler to deploy with (default: the pinned one)" },
      HELP,
    ],
    examples: ["do-migrate deploy --env production --phase plan"],
  },
};

export type Paint = (style: "bold" | "cyan" | "dim", text: string) => string;

export interface HelpOptions {
  /** Columns to wrap to. */
  readonly width: number;
  readonly paint: Paint;
}

/** Words of `text` in lines of at most `width` (a longer word stands alone), each after `indent`. */
export function wrap(words: readonly string[], width: number, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
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

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** `do-migrate COMMAND synopsis...`, continuation lines aligned after the command name. */
export function synopsisLines(command: string, width: number, lead = ""): string[] {
  const head = `${lead}do-migrate ${command} `;
  return wrap(COMMANDS[command]?.synopsis ?? [], width, head, " ".repeat(head.length));
}

function optionLines(options: readonly OptionHelp[], width: number, paint: Paint): string[] {
  const column = Math.min(2 + Math.max(...options.map((o) => o.flag.length)) + 2, 28);
  const lines: string[] = [];
  for (const option of options) {
    const flag = `  ${option.flag}`;
    const first = flag.length + 1 < column ? flag.padEnd(column) : null;
    if (first === null) lines.push(paint("cyan", flag));
    const body = wrap(
      words(option.text),
      Math.max(width, column + 20),
      first ?? " ".repeat(column),
      " ".repeat(column),
    );
    if (first !== null) body[0] = paint("cyan", flag) + body[0]!.slice(flag.length);
    lines.push(...body);
  }
  return lines;
}

/** A command line as a shell takes it: too long for the width, continued with ` \\`. */
function exampleLines(example: string, width: number): string[] {
  const lines = wrap(words(example), width - 2, "  ", "    ");
  return lines.map((line, i) => (i < lines.length - 1 ? `${line} \\` : line));
}

/** `do-migrate help COMMAND`. */
export function commandHelp(command: string, { width, paint }: HelpOptions): string {
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
    "",
  ].join("\n");
}

const EXIT_CODES: Readonly<Record<string, string>> = {
  diff: "Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could not run.",
  check: "Exit codes: 0 below --fail-on, 1 at or above it, 2 when it could not run.",
  fix: "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  "new-class":
    "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  rename: "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  delete: "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  "to-exports":
    "Exit codes: 0 done, 1 with --dry-run when there is something to write, 2 when it could not run.",
  deploy: "Exit codes: 0 deployed, planned or nothing to do, 1 refused or failed, 2 when it could not run.",
};

/** `do-migrate --help`: every synopsis, one line per command, the global options. */
export function globalHelp({ width, paint }: HelpOptions): string {
  const names = Object.keys(COMMANDS);
  const column = 2 + Math.max(...names.map((n) => n.length)) + 2;
  return [
    paint("bold", "Usage:"),
    ...names.flatMap((name) => synopsisLines(name, width, "  ")),
    "",
    paint("bold", "Commands:"),
    ...names.flatMap((name) => {
      const lines = wrap(
        words(COMMANDS[name]!.summary),
        width,
        `  ${name}`.padEnd(column),
        " ".repeat(column),
      );
      lines[0] = paint("cyan", `  ${name}`) + lines[0]!.slice(2 + name.length);
      return lines;
    }),
    "",
    paint("bold", "Options:"),
    ...optionLines(
      [
        {
          flag: "-h, --help",
          text: "this help; do-migrate help COMMAND (or COMMAND --help): its options and an example",
        },
        { flag: "-V, --version", text: "the version" },
      ],
      width,
      paint,
    ),
    "",
    ...wrap(
      words(
        "Exit codes: 0 below --fail-on, 1 at or above it (or refused, or something to write), 2 when it could not run. Documentation: docs/cli.md.",
      ),
      width,
      "",
      "",
    ),
    "",
  ].join("\n");
}
