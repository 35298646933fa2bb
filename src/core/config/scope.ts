// What the readers of one part of a config share: the scope they read (the top level or one
// `[env.X]`, with its value and path) and the draft of an invalid value in it.
import { type Draft, envLabel } from "../diagnostics.ts";
import type { ConfigPath } from "../model.ts";

/** The top level (env null) or one environment of a config. */
export type Scope = { env: string | null; value: Record<string, unknown>; path: ConfigPath };

export function invalid(env: string | null, path: ConfigPath, what: string, fix: string): Draft {
  return { kind: "invalid-config", env, path, message: `Invalid config in ${envLabel(env)}: ${what}.`, fix };
}
