// What the readers of one part of a config share: the scope they read (the top level or one
// `[env.X]`, with its value and path) and the draft of an invalid value in it.
import type { Draft } from "../diagnostics.ts";
import type { ConfigPath } from "../model.ts";
import { type InvalidValue, invalidConfig } from "../rules/config-files.ts";

/** The top level (env null) or one environment of a config. */
export type Scope = { env: string | null; value: Record<string, unknown>; path: ConfigPath };

/** DO002: an invalid value at `path`, worded by its family (rules/config-files.ts). */
export function invalid(env: string | null, path: ConfigPath, what: InvalidValue): Draft {
  return { kind: "invalid-config", env, path, ...invalidConfig({ env, value: what }) };
}
