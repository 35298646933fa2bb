// What the readers of one part of a config share: the scope they read (the top level or one
// `[env.X]`, with its value and path) and the draft of an invalid value in it.
import { type Draft, envLabel } from "../diagnostics.ts";
import type { ConfigPath } from "../model.ts";
import { worded } from "../rules/rule.ts";

/** The top level (env null) or one environment of a config. */
export type Scope = { env: string | null; value: Record<string, unknown>; path: ConfigPath };

/** `what`: what is invalid, or a function of the env that words it (when it names the env). */
export function invalid(
  env: string | null,
  path: ConfigPath,
  what: string | ((env: string | null) => string),
  fix: string,
): Draft {
  return { kind: "invalid-config", env, path, ...invalidConfig({ env, what, fix }) };
}

const invalidConfig = worded(
  (f: {
    readonly env: string | null;
    readonly what: string | ((env: string | null) => string);
    readonly fix: string;
  }) => ({
    message: `Invalid config in ${envLabel(f.env)}: ${typeof f.what === "string" ? f.what : f.what(f.env)}.`,
    fix: f.fix,
  }),
);
