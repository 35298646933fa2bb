// do-migrate fix [--dry-run] [--base REF] [--accept-deletes] [--accept-renames] [--env NAME] [--policy FILE] [PATH...]
// do-migrate new-class NAME [--storage sqlite|kv] [--binding NAME] [--config PATH] [--env NAME]... [--dry-run]
// do-migrate rename FROM TO [--storage sqlite|kv] [--config PATH] [--env NAME]... [--dry-run]
// do-migrate delete NAME [--config PATH] [--env NAME]... [--dry-run]
// do-migrate to-exports [--config PATH] [--env NAME] [--dry-run]
// Writes config files in the working tree (never with --dry-run) and prints a unified diff of
// what changed. Exit codes: 0 done; 1 with --dry-run when there is something to write; 2 usage.
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../adapters/usage-error.ts";
import { checkAdapters } from "../check/adapters.ts";
import { runFix } from "../check/run-check.ts";
import type { FixResult, LeftFix, SuppressedFix } from "../core/fix/fix.ts";
import { type Generation, generateForEnvs, type OtherConfig } from "../core/fix/generate.ts";
import { unifiedDiff } from "../core/fix/patch.ts";
import { toExports } from "../core/fix/to-exports.ts";
import type { Storage } from "../core/model.ts";
import { displayable } from "../core/text/display.ts";

export const GENERATORS = ["new-class", "rename", "delete"] as const;

/** Today in UTC, YYYY-MM-DD: the date of a new date-scheme migration tag. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Prints text line by line with control characters neutralised (config text reaches a terminal). */
const out = (text: string) =>
  process.stdout.write(
    text
      .split("\n")
      .map((line) => displayable(line.replace(/\r$/, ""), "?"))
      .join("\n"),
  );

/** The options of `fix`: its line of `--help` (src/cli/main.ts) and docs/cli.md show each one. */
export const FIX_OPTIONS: Options = {
  "dry-run": { type: "boolean" },
  base: { type: "string" },
  env: { type: "string", multiple: true },
  // Shown with --env, as for check: `--env ""`.
  "top-level": { type: "boolean" },
  "accept-deletes": { type: "boolean" },
  "accept-renames": { type: "boolean" },
  policy: { type: "string" },
};

const CONFIG_OPTIONS: Options = {
  config: { type: "string", short: "c" },
  // Repeatable: the change in each env named (once per lifecycle they read).
  env: { type: "string", short: "e", multiple: true },
  "dry-run": { type: "boolean" },
};

/** The options of each generator, as its line of `--help` and docs/cli.md show them. */
export const GENERATOR_OPTIONS: Record<(typeof GENERATORS)[number], Options> = {
  "new-class": { storage: { type: "string" }, binding: { type: "string" }, ...CONFIG_OPTIONS },
  rename: { storage: { type: "string" }, ...CONFIG_OPTIONS },
  delete: CONFIG_OPTIONS,
};

export async function runFixCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, FIX_OPTIONS);
  const policyFile = values.policy as string | undefined;
  const envs = values.env ? (values.env as string[]).map((e) => (e === "" ? null : e)) : null;
  const dryRun = Boolean(values["dry-run"]);
  const run = await runFix(
    {
      cwd: process.cwd(),
      base: (values.base as string | undefined) ?? null,
      head: null,
      paths: positionals,
      pathsMustMatch: true,
      analyze: { envs: values["top-level"] ? [...(envs ?? []), null] : envs },
      today: today(),
      acceptDeletes: Boolean(values["accept-deletes"]),
      acceptRenames: Boolean(values["accept-renames"]),
      ...(policyFile
        ? { policy: { from: "file", file: policyFile, text: readPolicyText(policyFile) } as const }
        : {}),
    },
    checkAdapters,
  );
  const { result } = run;
  for (const file of result.files) out(unifiedDiff(file.file, file.before, file.after));
  if (!dryRun) {
    for (const file of result.files) writeChecked(join(run.root, file.file), file.before, file.after);
  }
  out(summary(result, dryRun));
  return dryRun && result.files.length > 0 ? 1 : 0;
}

function readPolicyText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the policy file ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
}

function summary(result: FixResult, dryRun: boolean): string {
  const lines: string[] = [];
  if (result.files.length > 0) lines.push("");
  const n = result.applied.length;
  if (n === 0) lines.push("Nothing to fix mechanically.");
  else {
    const files = result.files.map((f) => f.file).join(", ");
    lines.push(
      `${dryRun ? "Would fix" : "Fixed"} ${n} finding${n === 1 ? "" : "s"} in ${files}${dryRun ? " (dry run: nothing written)" : ""}:`,
    );
    for (const fix of result.applied) lines.push(`  ${codes(fix.targets)} ${fix.title}`);
  }
  const left = dedupe(result.left);
  if (left.length > 0) {
    lines.push(`Left ${left.length}:`);
    for (const item of left) lines.push(`  ${leftLine(item)}`);
  }
  if (result.suppressed.length > 0) {
    lines.push(`Left alone, suppressed (${result.suppressed.length}):`);
    for (const item of result.suppressed) lines.push(`  ${suppressedLine(item)}`);
  }
  const flags = [...new Set(left.flatMap((l) => (l.flag ? [l.flag] : [])))];
  if (flags.length > 0)
    lines.push(
      `Run \`do-migrate fix ${flags.join(" ")}\` to apply what needs ${flags.length === 1 ? "that flag" : "those flags"}.`,
    );
  return `${lines.join("\n")}\n`;
}

function codes(targets: LeftFix["targets"]): string {
  return [...new Set(targets.map((t) => t.code))].join(",");
}

function leftLine(item: LeftFix): string {
  const target = item.targets[0];
  const place = target ? `${target.file}${target.line ? `:${target.line}` : ""}` : item.file;
  const what = item.title ? `${item.title} ` : "";
  const why = item.flag
    ? `Not applied: ${item.reason}; \`${item.flag}\` applies it.`
    : `Not fixed: ${item.reason}.`;
  return `${codes(item.targets)} ${place} ${what}${why}`;
}

function suppressedLine(item: SuppressedFix): string {
  const target = item.targets[0]!;
  const place = `${target.file}${target.line ? `:${target.line}` : ""}`;
  const by = target.suppressed;
  const where = `${by.file}${by.line ? `:${by.line}` : ""}`;
  const what = item.title ? `${item.title} ` : "";
  return `${codes(item.targets)} ${place} ${what}Not applied: suppressed by the ${by.by} at ${where} (${by.reason}).`;
}

function dedupe(left: readonly LeftFix[]): LeftFix[] {
  const seen = new Set<string>();
  return left.filter((l) => {
    const key = `${l.kind}\u0000${l.file}\u0000${l.title}\u0000${l.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Generators

export async function runGenerateCommand(
  command: (typeof GENERATORS)[number],
  argv: readonly string[],
): Promise<number> {
  // Parsed with every generator's options, so an option of another generator gets a clear word.
  const { values, positionals } = parse(argv, Object.assign({}, ...Object.values(GENERATOR_OPTIONS)));
  for (const name of Object.keys(values)) {
    if (name in GENERATOR_OPTIONS[command]) continue;
    const takers = GENERATORS.filter((g) => name in GENERATOR_OPTIONS[g]);
    throw new UsageError(`--${name} is for ${takers.join(" and ")} only`);
  }
  const storage = parseStorage(values.storage as string | undefined);
  const want = command === "rename" ? 2 : 1;
  if (positionals.length !== want) {
    const shape = command === "rename" ? "FROM TO" : "NAME";
    throw new UsageError(
      `${command} takes ${shape} (got ${positionals.length} argument${positionals.length === 1 ? "" : "s"})`,
      true,
    );
  }
  const change: Generation =
    command === "new-class"
      ? {
          command,
          className: positionals[0]!,
          storage: storage ?? "sqlite",
          binding: (values.binding as string | undefined) ?? null,
        }
      : command === "rename"
        ? { command, from: positionals[0]!, to: positionals[1]!, storage }
        : { command, className: positionals[0]! };
  const { path, file, text } = readConfig(values.config as string | undefined);
  const envs = ((values.env as string[] | undefined) ?? []).map((e) => (e === "" ? null : e));
  // A delete: the other Workers of the repository that bind the class are named.
  const others = change.command === "delete" ? await otherConfigs(path) : undefined;
  const result = generateForEnvs({ file, text, today: today(), change, others }, envs);
  if (!result.ok) throw new UsageError(`${command}: ${result.message}`);
  return writeGenerated({ path, file, text }, result, Boolean(values["dry-run"]));
}

/** The options of `to-exports`, as its line of `--help` and docs/cli.md show them. */
export const TO_EXPORTS_OPTIONS: Options = CONFIG_OPTIONS;

export async function runToExportsCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, TO_EXPORTS_OPTIONS);
  if (positionals.length > 0)
    throw new UsageError(
      `to-exports takes no argument (got ${positionals.map((p) => `"${p}"`).join(" ")})`,
      true,
    );
  const { path, file, text } = readConfig(values.config as string | undefined);
  const env = values.env === undefined || values.env === "" ? null : (values.env as string);
  const result = toExports({ file, text, env });
  if (!result.ok) throw new UsageError(`to-exports: ${result.message}`);
  return writeGenerated({ path, file, text }, result, Boolean(values["dry-run"]));
}

/** The config a generator edits (`--config`, else the one found here), read. */
function readConfig(config: string | undefined): { path: string; file: string; text: string } {
  const path = findConfig(config);
  const file = relative(process.cwd(), path) || path;
  try {
    return { path, file, text: readFileSync(path, "utf8") };
  } catch (error) {
    throw new UsageError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** A generator's edit: the diff, written unless a dry run, then what was done and what comes next. */
function writeGenerated(
  config: { path: string; file: string; text: string },
  result: { readonly after: string; readonly done: readonly string[]; readonly next: readonly string[] },
  dryRun: boolean,
): number {
  out(unifiedDiff(config.file, config.text, result.after));
  if (!dryRun) writeChecked(config.path, config.text, result.after);
  const lines = [
    "",
    ...result.done,
    ...(dryRun ? ["(dry run: nothing written)"] : []),
    "Next:",
    ...result.next.map((n) => `  - ${n}`),
  ];
  out(`${lines.join("\n")}\n`);
  return dryRun ? 1 : 0;
}

/** The repository's other wrangler configs, named relative to the current directory. */
async function otherConfigs(path: string): Promise<OtherConfig[] | null> {
  const { readWorkingTreeConfigs } = await import("../adapters/repository.ts");
  const repository = await readWorkingTreeConfigs(dirname(path));
  if (!repository) return null;
  const self = realPath(path);
  return repository.configs.flatMap(({ path: repoPath, text }) => {
    const full = join(repository.root, repoPath);
    return realPath(full) === self ? [] : [{ file: relative(process.cwd(), full) || repoPath, text }];
  });
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function parseStorage(value: string | undefined): Storage | null {
  if (value === undefined) return null;
  if (value === "sqlite" || value === "kv") return value;
  throw new UsageError(`--storage must be sqlite or kv (got "${value}")`);
}

/** --config, else the first of wrangler.json, wrangler.jsonc, wrangler.toml here (wrangler's order). */
function findConfig(config: string | undefined): string {
  if (config !== undefined) return resolve(config);
  for (const name of ["wrangler.json", "wrangler.jsonc", "wrangler.toml"]) {
    const path = resolve(name);
    if (existsSync(path)) return path;
  }
  throw new UsageError("no wrangler.json, wrangler.jsonc or wrangler.toml here: pass --config PATH");
}

/** Writes the fixed text, unless the file changed since it was read (then nothing is written). */
function writeChecked(path: string, before: string, after: string): void {
  let now: string;
  try {
    now = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${path} again before writing: ${(error as NodeJS.ErrnoException).code}`,
    );
  }
  const bom = now.charCodeAt(0) === 0xfeff ? "\ufeff" : "";
  if (now !== before && now !== bom + before)
    throw new UsageError(`${path} changed while it was being fixed; nothing written to it`);
  writeFileSync(path, bom + after);
}

type Options = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

function parse(
  argv: readonly string[],
  options: Options,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options }) as {
      values: Record<string, string | boolean | string[] | undefined>;
      positionals: string[];
    };
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
}
