// Which config file wrangler reads, and which one a new config takes over from. Without
// `--config`, `wrangler deploy` reads `wrangler.json`, else `wrangler.jsonc`, else `wrangler.toml`
// (DOMAIN.md section 2), unless a `.wrangler/deploy/config.json` next to it redirects the deploy
// to another file. So a config added beside the old one, a config moved (to another format or
// another directory) and a committed redirect each change what deploys, and the change must be
// read against the config wrangler read at the base revision, not against nothing.
// Pure: plain changes in, paired changes and findings out.
import { posix } from "node:path";
import { parseConfigText } from "../config/parse.ts";
import { isPlaceholderName } from "../config/workers.ts";
import { alreadyAtBase, placeDraft } from "../diagnostics.ts";
import type { ConfigChange, Finding, FindingKind, Severity } from "../model.ts";
import {
  configNameCase,
  configRedirectBroken,
  configRedirected,
  configReplaced,
  configShadowed,
  redirectProblem,
  redirectVia,
  replacedBecause,
} from "../rules/config-files.ts";
import type { Wording } from "../rules/rule.ts";

/** The names wrangler looks for in a directory, in its order: the first one present is read. */
const SEARCH_ORDER: readonly string[] = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];

/** Where build tools (the Cloudflare Vite plugin, ...) write the redirect, below a config's directory. */
const REDIRECT_FILE = ".wrangler/deploy/config.json";

const REDIRECT = /(^|\/)\.wrangler\/deploy\/config\.json$/;
const DEPENDENCY = /(^|\/)(node_modules|\.git)\//;

/** Whether a repository path is a deploy redirect (`<dir>/.wrangler/deploy/config.json`). */
export function isRedirectFile(path: string): boolean {
  return REDIRECT.test(path) && !DEPENDENCY.test(path);
}

/** The directory whose deploys a redirect redirects (`""` for the repository's top). */
export function redirectedDir(redirect: string): string {
  return redirect === REDIRECT_FILE ? "" : redirect.slice(0, -REDIRECT_FILE.length - 1);
}

/**
 * A redirect read: the repository path it points at, or why not: wrangler refuses it (it does not
 * parse, no `configPath`), or wrangler follows it to a file this check cannot read (`unreadable`:
 * an absolute path or one outside the repository's folder that does not map into the checkout).
 */
export type RedirectTarget =
  | { readonly ok: true; readonly target: string; readonly via?: string }
  | { readonly ok: false; readonly problem: string; readonly unreadable?: boolean };

/**
 * The config a redirect points at, as a repository path: its `configPath`, resolved against the
 * redirect's own directory (wrangler resolves it so, with the real path: it may be absolute, or
 * leave the repository's folder and come back in). `root` is the checkout's absolute path, when
 * known: a path that leads into it is mapped to the repository path; any other absolute or
 * outside path cannot be read here. `via` says how an unusual path was mapped.
 */
export function redirectTarget(redirect: string, text: string, root?: string): RedirectTarget {
  const parsed = parseConfigText(redirect, text); // `.json`: read as JSONC, as wrangler does
  if (!parsed.ok)
    return { ok: false, problem: redirectProblem({ problem: "does-not-parse", reason: parsed.message }) };
  const configPath = parsed.value.configPath;
  if (typeof configPath !== "string" || configPath === "") {
    return { ok: false, problem: redirectProblem({ problem: "no-config-path" }) };
  }
  const relative = posix.normalize(posix.join(posix.dirname(redirect), configPath));
  if (!posix.isAbsolute(configPath) && relative !== ".." && !relative.startsWith("../")) {
    return { ok: true, target: relative };
  }
  const top = root === undefined ? "" : posix.normalize(root).replace(/\/+$/, "");
  const real = top === "" ? "" : posix.resolve(top, posix.dirname(redirect), configPath);
  if (top !== "" && real.startsWith(`${top}/`)) {
    return {
      ok: true,
      target: real.slice(top.length + 1),
      via: redirectVia({ configPath, absolute: posix.isAbsolute(configPath) }),
    };
  }
  return {
    ok: false,
    unreadable: true,
    problem: redirectProblem({ problem: "outside", configPath, absolute: posix.isAbsolute(configPath) }),
  };
}

export interface PairedConfigs {
  /** The config changes, the redirects left out, each new config read against the one it replaces. */
  readonly changes: ConfigChange[];
  /** What the selection found: shadowed configs, redirects, configs compared with another file. */
  readonly findings: Finding[];
}

type Side = "base" | "head";

/**
 * Pairs each config wrangler reads at head in place of another with the config it read at base:
 * in the same directory by wrangler's search order (or a redirect), else a new config with a
 * removed one of the same Worker name (a config moved to another directory). The new config's
 * change gets the other's base text (`baseFile`); a removed config taken over this way is left
 * out, since its Workers are now managed by the new one. Redirect files (`isRedirectFile`) among
 * the changes are read and left out. Idempotent: a paired change is not paired again.
 */
export function pairConfigs(input: readonly ConfigChange[], root?: string): PairedConfigs {
  const redirects = input.filter((c) => isRedirectFile(c.file));
  const configs = input.filter((c) => !isRedirectFile(c.file));
  const byFile = new Map(configs.map((c) => [c.file, c]));
  const exists = (c: ConfigChange | undefined, side: Side) =>
    c !== undefined &&
    (side === "base"
      ? c.baseText !== null || Boolean(c.baseUnreadable)
      : c.headText !== null || Boolean(c.headUnreadable));
  const isNew = (c: ConfigChange) => c.baseFile === undefined && !exists(c, "base") && exists(c, "head");
  const isRemoved = (c: ConfigChange) => exists(c, "base") && !exists(c, "head");
  const findings: Finding[] = [];
  const replaced = new Map<string, { from: ConfigChange; why: string }>();
  const taken = new Set<string>();

  const redirectOf = new Map<
    string,
    { base: RedirectTarget | null; head: RedirectTarget | null; file: string }
  >();
  for (const r of redirects) {
    const read = (text: string | null) => (text === null ? null : redirectTarget(r.file, text, root));
    redirectOf.set(redirectedDir(r.file), { base: read(r.baseText), head: read(r.headText), file: r.file });
  }
  const searched = (dir: string, side: Side): ConfigChange | undefined =>
    SEARCH_ORDER.map((name) => byFile.get(dir === "" ? name : `${dir}/${name}`)).find((c) => exists(c, side));
  /** The config `wrangler deploy` reads in `dir` at one revision, and whether a redirect says so. */
  const readIn = (dir: string, side: Side): { change: ConfigChange; redirected: boolean } | null => {
    const target = redirectOf.get(dir)?.[side];
    if (target?.ok) {
      const change = byFile.get(target.target);
      if (exists(change, side)) return { change: change!, redirected: true };
    }
    const change = searched(dir, side);
    return change ? { change, redirected: false } : null;
  };

  const dirs = new Set([...configs.map((c) => posix.dirname(c.file)), ...redirectOf.keys()].map(topAsEmpty));
  for (const dir of [...dirs].sort()) {
    const [before, after] = [readIn(dir, "base"), readIn(dir, "head")];
    if (!before || !after || before.change === after.change) continue;
    if (!isNew(after.change) && !after.redirected) continue;
    if (after.change.baseFile !== undefined || taken.has(before.change.file)) continue;
    const gone = isRemoved(before.change);
    replaced.set(after.change.file, {
      from: before.change,
      why: after.redirected ? "redirected" : gone ? replacedBecause({ how: "same-directory" }) : "shadowed",
    });
    if (gone) taken.add(before.change.file);
  }

  // A new spelling of a config name in another case (`WRANGLER.JSON`): on a case-insensitive file
  // system (macOS, Windows) wrangler finds it as `wrangler.json`, and deploys it in place of the
  // config it read there at base, so it is read against that one.
  for (const c of configs) {
    if (!isCaseVariant(c.file) || !isNew(c) || replaced.has(c.file)) continue;
    const before = readIn(topAsEmpty(posix.dirname(c.file)), "base");
    if (!before || before.change === c || taken.has(before.change.file)) continue;
    replaced.set(c.file, { from: before.change, why: CASE_VARIANT });
  }

  // A new config with the Worker name of a removed one: the config moved to another directory.
  const nameAt = (c: ConfigChange, side: Side) => topName(c.file, side === "base" ? c.baseText : c.headText);
  const removedByName = new Map<string, ConfigChange>();
  for (const c of configs) {
    if (!isRemoved(c) || taken.has(c.file)) continue;
    const name = nameAt(c, "base");
    if (name !== null && !removedByName.has(name)) removedByName.set(name, c);
  }
  for (const c of configs) {
    if (!isNew(c) || replaced.has(c.file) || removedByName.size === 0) continue;
    const name = nameAt(c, "head");
    const from = name === null ? undefined : removedByName.get(name);
    if (!from || taken.has(from.file)) continue;
    replaced.set(c.file, { from, why: replacedBecause({ how: "same-name", name: name! }) });
    taken.add(from.file);
  }

  const changes: ConfigChange[] = [];
  for (const c of configs) {
    if (taken.has(c.file)) continue;
    const pair = replaced.get(c.file);
    if (!pair) {
      changes.push(c);
      continue;
    }
    changes.push({
      ...c,
      baseFile: pair.from.file,
      baseText: pair.from.baseText,
      baseUnreadable: pair.from.baseUnreadable ?? null,
    });
    if (pair.why !== "shadowed" && pair.why !== "redirected" && pair.why !== CASE_VARIANT) {
      findings.push(
        make(
          "config-replaced",
          c.file,
          nameAt(c, "head"),
          configReplaced({ file: c.file, from: pair.from.file, why: pair.why }),
        ),
      );
    }
  }

  // The configs of each directory named like one wrangler looks for, in any case.
  const namedConfigsIn = new Map<string, ConfigChange[]>();
  for (const c of configs) {
    if (!SEARCH_ORDER.includes(posix.basename(c.file).toLowerCase())) continue;
    const dir = topAsEmpty(posix.dirname(c.file));
    const list = namedConfigsIn.get(dir);
    if (list) list.push(c);
    else namedConfigsIn.set(dir, [c]);
  }
  for (const dir of [...dirs].sort()) findings.push(...directoryFindings(dir));
  // The configs `wrangler deploy` does not read in their directory without `--config`: after the
  // first in the search order, or all of them where a redirect points elsewhere.
  const unread = new Set<string>();
  for (const dir of dirs) {
    const present = SEARCH_ORDER.map((name) => (dir === "" ? name : `${dir}/${name}`)).filter((f) =>
      exists(byFile.get(f), "head"),
    );
    const redirect = redirectOf.get(dir)?.head;
    for (const file of redirect?.ok && redirect.target !== present[0] ? present : present.slice(1)) {
      unread.add(file);
    }
  }
  return {
    changes: changes.map((c) =>
      unread.has(c.file) && !c.onlyWithConfig ? { ...c, onlyWithConfig: true } : c,
    ),
    findings,
  };

  /** Several configs in one directory, and a redirect: which one `wrangler deploy` reads. */
  function directoryFindings(dir: string): Finding[] {
    const out: Finding[] = caseFindings(dir);
    const redirect = redirectOf.get(dir);
    const at = (name: string) => (dir === "" ? name : `${dir}/${name}`);
    const present = (side: Side) => SEARCH_ORDER.map(at).filter((f) => exists(byFile.get(f), side));
    const [headFiles, baseFiles] = [present("head"), present("base")];
    const changed = (file: string) => {
      const c = byFile.get(file);
      return c !== undefined && (c.baseText !== c.headText || c.baseFile !== undefined);
    };
    if (redirect?.head) {
      const target = redirect.head;
      const instead = searched(dir, "head")?.file ?? null;
      const same = JSON.stringify(redirect.base) === JSON.stringify(target);
      const concerned = !same || headFiles.some(changed) || (target.ok && changed(target.target));
      if (!concerned) return out;
      const finding = target.ok
        ? exists(byFile.get(target.target), "head")
          ? make(
              "config-redirected",
              redirect.file,
              null,
              configRedirected({
                redirect: redirect.file,
                dir,
                outcome: "read",
                target: target.target,
                via: target.via ?? null,
                instead,
              }),
            )
          : make("config-redirected", redirect.file, null, {
              ...configRedirected({
                redirect: redirect.file,
                dir,
                outcome: "unread",
                target: target.target,
                via: target.via ?? null,
                instead,
              }),
              severity: "critical",
            })
        : target.unreadable
          ? make("config-redirected", redirect.file, null, {
              ...configRedirectBroken({
                redirect: redirect.file,
                dir,
                outcome: "unreadable",
                problem: target.problem,
                redirectDir: posix.dirname(redirect.file),
              }),
              severity: "critical",
            })
          : make(
              "config-redirected",
              redirect.file,
              null,
              configRedirectBroken({
                redirect: redirect.file,
                dir,
                outcome: "refused",
                problem: target.problem,
                redirectDir: posix.dirname(redirect.file),
              }),
            );
      // What the check cannot read stays critical: the build or the checkout decides what deploys.
      out.push(same && finding.severity !== "critical" ? alreadyAtBase(finding) : finding);
      return out;
    }
    if (headFiles.length < 2) return out;
    const [read, ...shadowed] = headFiles as [string, ...string[]];
    const readBefore = baseFiles[0] ?? null;
    const introduced = readBefore !== null && readBefore !== read && shadowed.includes(readBefore);
    const newlyShadowed = shadowed.filter((f) => !exists(byFile.get(f), "base"));
    const edited = shadowed.filter(changed);
    if (!introduced && newlyShadowed.length === 0 && edited.length === 0) return out;
    if (introduced) {
      out.push(
        make(
          "config-shadowed",
          read,
          topName(read, byFile.get(read)?.headText ?? null),
          configShadowed({ dir, read, shadowed, why: "introduced", readBefore }),
        ),
      );
    } else {
      for (const file of new Set([...newlyShadowed, ...edited])) {
        const finding = make(
          "config-shadowed",
          file,
          topName(file, byFile.get(file)?.headText ?? null),
          configShadowed({
            dir,
            read,
            shadowed,
            why: newlyShadowed.includes(file) ? "new" : "changed",
            file,
          }),
        );
        out.push(newlyShadowed.includes(file) ? finding : { ...finding, severity: "info" });
      }
    }
    return out;
  }

  /**
   * Config names in `dir` that differ only in case from wrangler's (`WRANGLER.JSON`), or from
   * each other: a case-insensitive file system (macOS, Windows) reads another config there than
   * Linux does. Reported when one of those files is new or changed.
   */
  function caseFindings(dir: string): Finding[] {
    const present = (namedConfigsIn.get(dir) ?? []).filter((c) => exists(c, "head"));
    const variants = present.filter((c) => isCaseVariant(c.file));
    if (variants.length === 0) return [];
    const touched = present.some((c) => c.baseText !== c.headText || c.baseFile !== undefined || isNew(c));
    if (!touched) return [];
    const onLinux = searched(dir, "head")?.file ?? null;
    // Case-insensitively, the first name of wrangler's order present; unknown when two files share it.
    let insensitive: string | null = null;
    for (const name of SEARCH_ORDER) {
      const same = present.filter((c) => posix.basename(c.file).toLowerCase() === name);
      if (same.length === 0) continue;
      insensitive = same.length === 1 ? same[0]!.file : null;
      break;
    }
    const variant = variants[0]!;
    const pairing = replaced.get(variant.file);
    return [
      make(
        "config-name-case",
        variant.file,
        topName(variant.file, variant.headText),
        configNameCase({
          dir,
          names: present.map((c) => posix.basename(c.file)),
          onLinux,
          insensitive,
          variants: variants.map((c) => c.file),
          paired: pairing?.why === CASE_VARIANT ? { file: variant.file, from: pairing.from.file } : null,
        }),
      ),
    ];
  }
}

/** The pairing reason of a case variant of a config name (see pairConfigs). */
const CASE_VARIANT = "case";

/** `WRANGLER.JSON`, `Wrangler.toml`: one of wrangler's config names in another case. */
function isCaseVariant(file: string): boolean {
  const name = posix.basename(file);
  return !SEARCH_ORDER.includes(name) && SEARCH_ORDER.includes(name.toLowerCase());
}

function topAsEmpty(dir: string): string {
  return dir === "." ? "" : dir;
}

/** The top-level Worker name of a config text, when it has a real one. */
function topName(file: string, text: string | null): string | null {
  if (text === null) return null;
  const parsed = parseConfigText(file, text);
  if (!parsed.ok) return null;
  const name = parsed.value.name;
  return typeof name === "string" && !isPlaceholderName(name) ? name : null;
}

/** A finding about a config file as a whole (no line, no environment). */
function make(
  kind: FindingKind,
  file: string,
  worker: string | null,
  text: Wording & { readonly severity?: Severity },
): Finding {
  return placeDraft(
    { kind, env: null, line: null, ...text },
    { file, worker, locate: () => null, introduced: true },
  );
}
