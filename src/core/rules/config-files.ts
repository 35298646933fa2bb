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
    fix: f.reason.startsWith("the file is a Git LFS pointer")
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
