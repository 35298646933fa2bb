// The words every rule's wording is made of: how a config string is quoted, how a target's
// environment is named, a capitalised label. A leaf module: the rule families, the placement and
// the renderers all read it.
import { displayable } from "../text/display.ts";

/** Quotes a name from a config for a message: backticks, with backticks and line breaks neutralised. */
export function q(name: unknown): string {
  const text = typeof name === "string" ? name : (JSON.stringify(name) ?? String(name));
  return `\`${displayable(text.replace(/`/g, "'")).slice(0, 200)}\``;
}

/**
 * How a message says that an environment's lifecycle comes from the top level. The grouped
 * rendering (render/groups.ts) lifts it out of the message of each environment it lists.
 */
export const INHERITED_REMARK = ", inherited from the top-level config";

export function envLabel(env: string | null): string {
  return env === null ? "the top-level config" : `env ${q(env)}`;
}

/** A message's text with its first letter upper-case (a label that starts a sentence). */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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
