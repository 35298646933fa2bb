// Rule family DO0xx: reading the config files (parse errors, unknown keys, the config wrangler reads in a directory).
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { capitalised, envLabel, q } from "./words.ts";

export const CONFIG_FILE_RULES = {
  "parse-error": { code: "DO001", title: "Config file does not parse", severity: "critical" },
  "invalid-config": { code: "DO002", title: "Invalid Durable Object config", severity: "error" },
  "unknown-key": { code: "DO003", title: "Misspelt or misplaced key", severity: "error" },
  "lifecycle-conflict": { code: "DO004", title: "`migrations` and `exports` together", severity: "error" },
  "lifecycle-model-changed": {
    code: "DO005",
    title: "Lifecycle model switched",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "legacy-wrangler-config": { code: "DO006", title: "wrangler v1 config", severity: "info" },
  "config-shadowed": {
    code: "DO007",
    title: "Config shadowed by another in the same directory",
    severity: "warning",
  },
  "config-redirected": {
    code: "DO008",
    title: "Deploy redirected to another config",
    severity: "warning",
  },
  "config-replaced": {
    code: "DO009",
    title: "Config compared with the one it replaces",
    severity: "info",
    aboutTheCheck: true,
  },
  "config-proto-key": {
    code: "DO010",
    title: "`__proto__` key in a JSON config",
    severity: "error",
  },
  "config-name-case": {
    code: "DO011",
    title: "Config names that differ only in case",
    severity: "error",
  },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording: each rule's message and fix, from plain facts (names as written in the config).

/** DO005: a target switches between `migrations` and `exports`. */
export const lifecycleModelChanged = worded(function lifecycleModelChanged(f: {
  readonly env: string | null;
  readonly toExports: boolean;
}): Wording {
  const where = capitalised(envLabel(f.env));
  return f.toExports
    ? {
        message: `${where} moves from \`migrations\` to declarative \`exports\`. This is one-way: once a deploy with \`exports\` lands, the API refuses to go back to \`migrations\` (code 100403). Every class that has objects must be declared in \`exports\` with its storage.`,
        // `do-migrate to-exports` is the tool for exactly this switch.
        fix: "Check that every live class is listed with the right `storage`, and that no tombstone (`deleted`) is there by accident. `do-migrate to-exports` writes the map from the history: one entry per live class with its storage.",
      }
    : {
        message: `${where} goes back from \`exports\` to \`migrations\`: the API refuses this for a Worker that has deployed with \`exports\` (code 100403).`,
        fix: "Keep the `exports` map; express the change as an `exports` entry.",
      };
});

/** DO001: a config the check cannot read (does not parse, over a limit, or a base it cannot compare). */
export const parseError = worded(function parseError(f: {
  readonly file: string;
  /** Why the parser (or the reader) refused it. */
  readonly reason: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly format: "toml" | "jsonc";
  /** Not read because it exceeds a limit of this tool, or could not be read safely. */
  readonly overLimit: boolean;
  /** The base revision's text (the head was checked on its own). */
  readonly isBase: boolean;
}): Wording {
  const where = f.line && f.column ? ` at line ${f.line}, column ${f.column}` : "";
  if (f.overLimit && !f.isBase) {
    return {
      message: `${q(f.file)} was not checked: ${f.reason}${where}. wrangler may still deploy it, so this check cannot vouch for what it does to Durable Objects.`,
      fix: "Keep the config a plain file inside the repository, under 1 MiB and without deep nesting (real wrangler configs are a few KB).",
    };
  }
  return {
    message: f.isBase
      ? `The base revision of ${q(f.file)} does not parse (${f.reason}${where}), so what changed cannot be told; the head revision was checked on its own.`
      : // Fail closed: wrangler's parser may read what this one cannot (config/parse.ts).
        `${q(f.file)} cannot be read by this check: it does not parse as ${f.format === "toml" ? "TOML" : "JSON/JSONC"} (${f.reason}${where}). If wrangler refuses it too, nothing deploys; if wrangler reads it, this check cannot vouch for what the deploy does to Durable Objects.`,
    fix:
      f.reason === PARSE_REASONS.lfsPointer
        ? "Keep wrangler configs out of Git LFS (remove their pattern from `.gitattributes` and commit the real file)."
        : "Fix the syntax at that position (wrangler reads TOML with smol-toml and JSON/JSONC with comments and trailing commas allowed).",
  };
});

/**
 * DO001 of a base that does not parse, when the head's history deletes classes: what it adds to
 * the message and to the fix (the live tag settles it).
 */
export const unreadBaseDeletes = worded(function unreadBaseDeletes(f: {
  readonly deletes: readonly { readonly className: string; readonly tag: string | null }[];
}): Wording {
  const list = [...new Set(f.deletes.map((d) => `${q(d.className)} (${q(d.tag)})`))].join(", ");
  return {
    message: `The head's history deletes ${list}: on a Worker that has not run that step yet, the next deploy destroys the class's objects and all its storage, irreversibly, and which steps deployed Workers have run cannot be told from a base that does not parse.`,
    fix: `The live plan (\`--live\`, a read-only token) reads each Worker's migration tag and settles it.`,
  };
});

/** How these rules name a directory of the repository. */
function directoryLabel(dir: string): string {
  return dir === "" ? "the repository's top directory" : `directory ${q(dir)}`;
}

/** DO009: a config compared with the one it replaces (moved, renamed). */
export const configReplaced = worded(function configReplaced(f: {
  readonly file: string;
  readonly from: string;
  readonly why: string;
}): Wording {
  return {
    message: `${q(f.file)} replaces ${q(f.from)} (${f.why}): wrangler deploys it in its place, so what it changes for the Workers of ${q(f.from)} is reported against that file at the base revision, not as a new config.`,
    fix: `Nothing to do if ${q(f.file)} is meant to replace ${q(f.from)}: the findings above say what its deploy changes.`,
  };
});

/** DO008: a redirect file (`.wrangler/deploy/config.json`) decides which config deploys. */
export const configRedirected = worded(function configRedirected(f: {
  readonly redirect: string;
  readonly dir: string;
  /** `read`: the target is in the repository; `unread`: a build writes it. */
  readonly outcome: "read" | "unread";
  readonly target: string;
  readonly via: string | null;
  /** The directory's own config it deploys in place of. */
  readonly instead: string | null;
}): Wording {
  const redirect = q(f.redirect);
  const where = directoryLabel(f.dir);
  const insteadText = f.instead ? ` instead of ${q(f.instead)}` : "";
  const viaText = f.via ? ` (through ${f.via})` : "";
  return f.outcome === "read"
    ? {
        message: `${redirect} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) deploys ${q(f.target)}${viaText}${insteadText}. This check reads ${q(f.target)} as the config of ${where}${f.instead ? `, against what the base revision deployed there` : ""}.`,
        fix: `Build output does not belong in the repository: if ${redirect} was committed by mistake, remove it (and add \`.wrangler/\` to \`.gitignore\`), so that ${f.instead ? q(f.instead) : "the directory's own config"} is what deploys.`,
      }
    : {
        message: `${redirect} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) deploys ${q(f.target)}${viaText}${insteadText}, which is not in the repository (a build step writes it): this check cannot read it, so it cannot vouch for what that deploy does to Durable Objects.`,
        fix: `Remove ${redirect} from the repository (it is build output; add \`.wrangler/\` to \`.gitignore\`), or check the config it points at after the build.`,
      };
});

/** DO008: a redirect whose target cannot be read (`unreadable`) or that wrangler refuses (`refused`). */
export const configRedirectBroken = worded(function configRedirectBroken(f: {
  readonly redirect: string;
  readonly dir: string;
  readonly outcome: "unreadable" | "refused";
  readonly problem: string;
  readonly redirectDir: string;
}): Wording {
  const redirect = q(f.redirect);
  const where = directoryLabel(f.dir);
  return f.outcome === "unreadable"
    ? {
        message: `${redirect} redirects wrangler: \`wrangler deploy\` in ${where} (without \`--config\`) follows it, but ${f.problem}: this check cannot read the config that deploys, so it cannot vouch for what that deploy does to Durable Objects.`,
        fix: `Give \`configPath\` as a path relative to ${q(f.redirectDir)} that stays inside the repository, or remove ${redirect} (it is build output; add \`.wrangler/\` to \`.gitignore\`).`,
      }
    : {
        message: `${redirect} would redirect \`wrangler deploy\` in ${where}, but ${f.problem}: wrangler refuses to deploy there without \`--config\`.`,
        fix: `Remove ${redirect} (it is build output; add \`.wrangler/\` to \`.gitignore\`).`,
      };
});

/** DO007: configs of one directory that `wrangler deploy` does not read (another comes first). */
export const configShadowed = worded(function configShadowed(
  f: {
    readonly dir: string;
    /** The config `wrangler deploy` reads there, and the others (names as files of the repository). */
    readonly read: string;
    readonly shadowed: readonly string[];
  } & (
    | { readonly why: "introduced"; readonly readBefore: string | null }
    | { readonly why: "new" | "changed"; readonly file: string }
  ),
): Wording {
  const { read, shadowed } = f;
  const list = shadowed.map(q).join(" and ");
  const message = `${capitalised(directoryLabel(f.dir))} holds ${[read, ...shadowed].map((file) => q(basename(file))).join(", ")}: \`wrangler deploy\` there reads ${q(read)} (wrangler looks for \`wrangler.json\`, then \`wrangler.jsonc\`, then \`wrangler.toml\`), and ${list} ${shadowed.length === 1 ? "is" : "are"} only read with \`--config\`.`;
  const fix = `Keep one config per directory: remove ${list}, or move what ${shadowed.length === 1 ? "it holds" : "they hold"} into ${q(read)}.`;
  return f.why === "introduced"
    ? {
        message: `${message} ${q(read)} is new, so from now on it is what deploys in place of ${q(f.readBefore)}: this check compares it with ${q(f.readBefore)} at the base revision.`,
        fix,
      }
    : {
        message: `${message} So ${f.why === "new" ? `the new ${q(f.file)}` : `the change to ${q(f.file)}`} does not deploy with \`wrangler deploy\` alone.`,
        fix,
      };
});

/** DO011: config names in one directory that differ only in case. */
export const configNameCase = worded(function configNameCase(f: {
  readonly dir: string;
  /** The file names present there. */
  readonly names: readonly string[];
  /** What Linux reads (null: none, it looks for lower-case names only). */
  readonly onLinux: string | null;
  /** What macOS and Windows read (null: whichever the checkout kept). */
  readonly insensitive: string | null;
  readonly variants: readonly string[];
  /** The case variant judged against what the base revision deployed there, and that config. */
  readonly paired: { readonly file: string; readonly from: string } | null;
}): Wording {
  const linuxText = f.onLinux
    ? `reads ${q(f.onLinux)}`
    : "finds no config (it looks for lower-case names only)";
  const otherText = f.insensitive
    ? `reads ${q(f.insensitive)}`
    : "reads whichever of the files that share a name the checkout kept (one overwrites the other)";
  return {
    message: `${capitalised(directoryLabel(f.dir))} holds ${f.names.map(q).join(", ")}: names that differ only in case are one file on macOS and Windows. \`wrangler deploy\` there ${linuxText} on Linux, but ${otherText} on macOS or Windows. This check judges each of these files as a config that deploys${f.paired ? `, ${q(f.paired.file)} against what the base revision deployed there (${q(f.paired.from)})` : ""}.`,
    fix: `Keep one config per directory, spelt \`wrangler.json\`, \`wrangler.jsonc\` or \`wrangler.toml\` in lower case: rename or remove ${f.variants.map(q).join(" and ")}.`,
  };
});

/** The last part of a repository path. */
function basename(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

// ---------------------------------------------------------------------------------------------
// Reading one config (src/core/config/*.ts): what the readers find, as facts; the words here.

/** DO002: a value wrangler refuses (or a shape this check cannot read), by what is wrong. */
export type InvalidValue =
  | { readonly problem: "env-not-table" }
  | { readonly problem: "env-entry-not-table"; readonly env: string }
  | { readonly problem: "account-id"; readonly id: string }
  | { readonly problem: "migrations-not-list" }
  | { readonly problem: "step-not-table"; readonly index: number }
  | { readonly problem: "step-without-tag"; readonly index: number }
  | { readonly problem: "not-class-list"; readonly key: string }
  | { readonly problem: "rename-incomplete" }
  | { readonly problem: "transfer-incomplete" }
  | { readonly problem: "not-table-list"; readonly key: string | number | undefined }
  | {
      readonly problem: "export-state";
      readonly className: string;
      readonly state: unknown;
      readonly guess: string | null;
      readonly states: readonly string[];
    }
  | {
      readonly problem: "export-needs";
      readonly className: string;
      readonly state: string;
      readonly key: string;
    }
  | {
      readonly problem: "export-forbids";
      readonly className: string;
      readonly state: string;
      readonly key: string;
      readonly allowed: readonly string[];
    }
  | { readonly problem: "durable-objects-not-table" }
  | { readonly problem: "bindings-not-list" }
  | { readonly problem: "binding-not-table" }
  | { readonly problem: "binding-incomplete" };

/** DO002: an invalid value in one scope (the top level or an environment) of a config. */
export const invalidConfig = worded(function invalidConfig(f: {
  readonly env: string | null;
  readonly value: InvalidValue;
}): Wording {
  const [what, fix] = invalidValueWords(f.value, f.env);
  return { message: `Invalid config in ${envLabel(f.env)}: ${what}.`, fix };
});

/** What is invalid and its fix; `env`: the scope's environment (an entry of `env` is its own scope). */
function invalidValueWords(f: InvalidValue, env: string | null): [what: string, fix: string] {
  switch (f.problem) {
    case "env-not-table":
      return ["`env` is not a table of environments", "Make `env` a table."];
    case "env-entry-not-table":
      return [`${envLabel(env)} is not a table`, "Make it a table."];
    case "account-id":
      return [
        `\`account_id\` ${q(f.id)} is not a Cloudflare account ID (32 hexadecimal characters): wrangler's requests to the API fail with it`,
        "Set `account_id` to the account's ID, as shown in the Cloudflare dashboard.",
      ];
    case "migrations-not-list":
      return ["`migrations` is not a list", "Make it a list of steps."];
    case "step-not-table":
      return [`migration #${f.index + 1} is not a table`, "Make each step a table."];
    case "step-without-tag":
      return [
        `migration #${f.index + 1} has no string \`tag\`: wrangler rejects the config`,
        "Add a unique `tag`.",
      ];
    case "not-class-list":
      return [`${q(f.key)} is not a list of class names`, "Use a list of strings."];
    case "rename-incomplete":
      return ["a rename needs string `from` and `to`", "Add both."];
    case "transfer-incomplete":
      return ["a transfer needs `from`, `from_script` and `to`", "Add them."];
    case "not-table-list":
      return [`${q(f.key)} is not a list`, "Use a list of tables."];
    case "export-state":
      return [
        `exports entry ${q(f.className)} has state ${q(f.state)}`,
        f.guess ? `Did you mean ${q(f.guess)}?` : `Use one of ${f.states.join(", ")}.`,
      ];
    case "export-needs":
      return [
        `exports entry ${q(f.className)} (state ${q(f.state)}) needs ${q(f.key)}${f.key === "storage" ? ' ("sqlite" or "legacy-kv")' : ""}: wrangler rejects it`,
        `Add ${q(f.key)}.`,
      ];
    case "export-forbids":
      return [
        `exports entry ${q(f.className)} (state ${q(f.state)}) has ${q(f.key)}, which wrangler forbids on that state and rejects the config`,
        `Remove ${q(f.key)} (allowed: ${f.allowed.join(", ")}).`,
      ];
    case "durable-objects-not-table":
      return ["`durable_objects` is not a table", "Use `durable_objects.bindings`."];
    case "bindings-not-list":
      return ["`durable_objects.bindings` is not a list", "Make it a list."];
    case "binding-not-table":
      return ["a Durable Object binding is not a table", "Use `{ name, class_name }`."];
    case "binding-incomplete":
      return ["a Durable Object binding needs string `name` and `class_name`", "Add them."];
  }
}

/** DO003: a key wrangler only warns about, by where it is written. */
export const unknownKey = worded(function unknownKey(
  f: { readonly key: string; readonly guess: string | null } & (
    | { readonly where: "scope"; readonly env: string | null }
    | {
        readonly where: "step";
        readonly tag: string | null;
        readonly index: number;
        readonly stepKeys: readonly string[];
      }
    | { readonly where: "durable-objects" }
    | { readonly where: "binding"; readonly bindingKeys: readonly string[] }
  ),
): Wording {
  const { key, guess } = f;
  switch (f.where) {
    case "scope": {
      const ignored = guess === "durable_objects" ? "its bindings are" : "its Durable Object lifecycle is";
      return {
        message: `Unknown key ${q(key)} in ${envLabel(f.env)}: wrangler only warns, and ${ignored} silently ignored.`,
        fix: `Rename ${q(key)} to ${q(guess)}.`,
      };
    }
    case "step":
      return {
        message: `Unknown key ${q(key)} in migration ${q(f.tag ?? f.index + 1)}: wrangler only warns and sends it to the API as is, so the step does not do what it says.`,
        fix: guess ? `Did you mean ${q(guess)}?` : `Remove ${q(key)}; a step takes ${f.stepKeys.join(", ")}.`,
      };
    case "durable-objects":
      return {
        message: `Unknown key ${q(key)} in \`durable_objects\`: wrangler only warns and ignores it.`,
        fix: guess ? "Did you mean `bindings`?" : "Bindings go in `durable_objects.bindings`.",
      };
    case "binding":
      return {
        message: `Unknown key ${q(key)} in a Durable Object binding: wrangler only warns and ignores it.`,
        fix: guess ? `Did you mean ${q(guess)}?` : `A binding takes ${f.bindingKeys.join(", ")}.`,
      };
  }
});

/** DO004: a scope declares both `migrations` and Durable Object `exports`. */
export const lifecycleConflict = worded(function lifecycleConflict(f: {
  readonly env: string | null;
}): Wording {
  return {
    message: `${envLabel(f.env)} declares both \`migrations\` and Durable Object \`exports\`: wrangler refuses the config.`,
    fix: "Keep one lifecycle model. Moving to `exports` is one-way (the API refuses to go back, code 100403).",
  };
});

/** A sign of a wrangler v1 config, as DO006 names it. */
export type WranglerV1Sign =
  | { readonly sign: "type"; readonly type: string }
  | { readonly sign: "build-upload" }
  | { readonly sign: "build-upload-format" }
  | { readonly sign: "durable-objects-classes" };

function wranglerV1SignText(s: WranglerV1Sign): string {
  switch (s.sign) {
    case "type":
      return `\`type = ${JSON.stringify(s.type)}\``;
    case "build-upload":
      return "`[build.upload]`";
    case "build-upload-format":
      return "`[build] upload_format`";
    case "durable-objects-classes":
      return "`[durable_objects] classes`";
  }
}

/** DO006: a config written for wrangler v1. */
export function legacyWranglerConfig(f: {
  readonly file: string;
  readonly signs: readonly WranglerV1Sign[];
}): Wording {
  return {
    message: `${q(f.file)} is written for wrangler v1 (${f.signs.map(wranglerV1SignText).join(", ")}). wrangler 2 and later do not read that schema (they need \`main\`, and warn about \`type\` and \`[build.upload]\`), and wrangler v1 created Durable Object classes at publish time (\`--new-class\`) as well as through \`migrations\`: the v2 checks of bindings and keys do not apply here, only what both versions read alike (\`migrations\`, bindings).`,
    fix: "Nothing to do if this config is only kept for reference. To deploy it with wrangler 2 or later, set `main`, drop `type` and `[build.upload]`, list the bindings in `durable_objects.bindings` and create every class with a migration.",
  };
}

/** DO010: a `"__proto__"` key of a JSON config. `holder`: the path of the object that holds it, as written (null: the top level). */
export function configProtoKey(f: { readonly holder: string | null }): Wording {
  const where = f.holder === null ? "at the top level" : `in \`${f.holder}\``;
  return {
    message: `A \`"__proto__"\` key ${where}: wrangler's JSON parser does not keep it as a field, it makes its value the object's prototype, and wrangler then reads every field inside it (\`migrations\` included) as if it were written beside it. This check reads those fields the same way, but a reviewer reading the diff may take them for an inert key.`,
    fix: 'Move the fields out of the `"__proto__"` object into the object that holds it, and remove the key.',
  };
}

/**
 * Why a Worker is not deployed as written (the rules that say so quote this phrase): its name is a
 * placeholder (a template) or it has none.
 */
export function notDeployedAsWrittenReason(f: { readonly placeholderName: string | null }): string {
  return f.placeholderName
    ? `the Worker name ${q(f.placeholderName)} is a placeholder, so this config is a template`
    : "this config has no `name`, which `wrangler deploy` needs unless `--name` is given";
}

/**
 * DO001: why a config text could not be read (the config reader, config/parse.ts, gives one of
 * these or the parser's own first line). The reason is quoted by DO001, by the redirect words
 * (DO008) and by the policy's and the directives' words.
 */
export const PARSE_REASONS = {
  tooLarge: (size: string, limit: string) =>
    `the file is ${size}, over the ${limit} this check reads (real wrangler configs are a few KB)`,
  lfsPointer:
    "the file is a Git LFS pointer, not the config: a checkout with Git LFS (a deploy's) holds the real file, which this check does not see",
  nulBytes: "the file contains NUL bytes: it is not a text config",
  tooDeep: "the file is too deeply nested to read",
  nestedBeyond: (depth: number) =>
    `arrays and objects are nested more than ${depth} levels deep, more than this check reads`,
  invalidToml: "invalid TOML",
  jsoncSyntax: "syntax error",
  emptyFile: "empty file",
  topNotObject: "the top level is not an object",
  unreadable: "the file could not be read",
} as const;

/** jsonc-parser's error codes, as DO001 names them. */
export const JSONC_ERRORS: Readonly<Record<number, string>> = {
  1: "invalid symbol",
  2: "invalid number format",
  3: "property name expected",
  4: "value expected",
  5: "colon expected",
  6: "comma expected",
  7: "closing brace expected",
  8: "closing bracket expected",
  9: "end of file expected",
  10: "invalid comment token",
  11: "unexpected end of comment",
  12: "unexpected end of string",
  13: "unexpected end of number",
  14: "invalid unicode",
  15: "invalid escape character",
  16: "invalid character",
};

/** DO008: why a redirect (`.wrangler/deploy/config.json`) cannot be followed, as its words quote it. */
export function redirectProblem(
  f:
    | { readonly problem: "does-not-parse"; readonly reason: string }
    | { readonly problem: "no-config-path" }
    | { readonly problem: "outside"; readonly configPath: string; readonly absolute: boolean },
): string {
  switch (f.problem) {
    case "does-not-parse":
      return `it does not parse (${f.reason})`;
    case "no-config-path":
      return "it has no `configPath`";
    case "outside":
      return `it points at ${q(f.configPath)}, ${f.absolute ? "an absolute path" : "a path outside the repository's folder"} that this check cannot map to a file of the repository`;
  }
}

/** DO008: how a redirect's unusual `configPath` was mapped to a file of the repository. */
export function redirectVia(f: { readonly configPath: string; readonly absolute: boolean }): string {
  return f.absolute
    ? `the absolute path ${q(f.configPath)}, in this checkout`
    : `${q(f.configPath)}, which leaves the repository's folder and comes back in`;
}

/** DO009: why a new config is read against a removed one (the `why` of configReplaced). */
export function replacedBecause(
  f: { readonly how: "same-directory" } | { readonly how: "same-name"; readonly name: string },
): string {
  return f.how === "same-directory"
    ? "in the same directory, removed by this change"
    : `with the same Worker name ${q(f.name)}, removed by this change`;
}

/** DO001's fix, and what a later sentence adds to it (unreadBaseDeletes). */
export function fixWithAddition(fix: string, added: Wording): string {
  return `${fix} ${added.fix}`;
}
