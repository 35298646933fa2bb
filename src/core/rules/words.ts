// The words every rule's wording is made of: how a config string is quoted, how a target's
// environment is named, a capitalised label. A leaf module: the rule families, the placement and
// the renderers all read it.
import { displayable } from "../text/display.ts";

/** Quotes a name from a config for a message: backticks, with backticks and line breaks neutralised. */
export function q(name: unknown): string {
  if (name === WORKER_FACT) return SLOT.worker;
  const text = typeof name === "string" ? name : (JSON.stringify(name) ?? String(name));
  return `\`${displayable(text.replace(/`/g, "'")).slice(0, 200)}\``;
}

/**
 * How a message says that an environment's lifecycle comes from the top level. A rule writes it
 * through `inheritedRemark`, so the grouped rendering (render/groups.ts) knows where it stands
 * and says it once for every environment it lists.
 */
export const INHERITED_REMARK = ", inherited from the top-level config";

/** INHERITED_REMARK where the environment's lifecycle is inherited (a slot when worded with slots). */
export function inheritedRemark(inherited: boolean): string {
  if ((inherited as unknown) === INHERITED_FACT) return SLOT.inherited;
  return inherited ? INHERITED_REMARK : "";
}

export function envLabel(env: string | null): string {
  if (env === ENV_FACT) return SLOT.env;
  return env === null ? "the top-level config" : `env ${q(env)}`;
}

/** A message's text with its first letter upper-case (a label that starts a sentence). */
export function capitalised(text: string): string {
  if (text.startsWith(SLOT.env)) return SLOT.envCapital + text.slice(SLOT.env.length);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Slots. The grouped rendering (render/groups.ts) shows one change in several Workers once, with
// a message that names them all. It needs each message as a template: the rule's own words with
// the Worker's name and its environment left open. A rule family's wording is worded once more
// (`worded` in rule.ts) with these facts in place of the finding's own Worker, env and
// inheritance; the words above turn them into slots. No config gives a NUL (`q` neutralises
// control characters), so a slot never comes from a config.

/** The Worker fact of a wording worded with slots. */
export const WORKER_FACT = "\u0000worker-fact";
/** The env fact of a wording worded with slots. */
export const ENV_FACT = "\u0000env-fact";
/** The inherited fact of a wording worded with slots (truthy, and not `true`). */
export const INHERITED_FACT = "\u0000inherited-fact";

/** What the words above give for those facts. */
export const SLOT = {
  worker: "\u0000worker",
  env: "\u0000env",
  envCapital: "\u0000Env",
  inherited: "\u0000inherited",
} as const;

/** A storage backend as messages name it. */
export function storageName(storage: "sqlite" | "kv" | null): string {
  return storage === "sqlite" ? "SQLite" : storage === "kv" ? "key-value (legacy)" : "unknown";
}

/** Where a target is declared: `the top level of x.toml`, `env `a` of x.toml` (capitalised at the start). */
export function targetLabel(
  target: { readonly env: string | null; readonly file: string },
  start = true,
): string {
  const what = target.env === null ? "the top level" : envLabel(target.env);
  return `${start ? capitalised(what) : what} of ${q(target.file)}`;
}
