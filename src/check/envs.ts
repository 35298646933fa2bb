// An environment asked for (`--env`, the action's `environments` input) that no config defines
// checks nothing, and a check that checks nothing passes: as wrangler does, it is a usage error
// that lists the environments the configs do define.
import type { FileAnalysis } from "../core/analyze/analyze.ts";

/**
 * The one-line problem with the environments asked for, or null when each is defined by a
 * config at the base or the head (or when a config could not be read: it may define it).
 */
export function unknownEnvProblem(
  wanted: readonly (string | null)[] | null | undefined,
  analyses: readonly FileAnalysis[],
): string | null {
  const named = (wanted ?? []).filter((env): env is string => env !== null);
  if (named.length === 0 || analyses.length === 0) return null;
  if (analyses.some((a) => a.findings.some((f) => f.kind === "parse-error"))) return null;
  const defined = new Set<string>();
  for (const analysis of analyses)
    for (const worker of [...analysis.headWorkers, ...(analysis.baseWorkers ?? [])])
      if (worker.env !== null) defined.add(worker.env);
  const unknown = [...new Set(named)].filter((env) => !defined.has(env));
  if (unknown.length === 0) return null;
  const names = unknown.map((env) => JSON.stringify(env)).join(", ");
  const list = [...defined].sort();
  return list.length > 0
    ? `no environment found in configuration with name ${names}: the configs define ${list.join(", ")} (give one of them, or "" for the top level)`
    : `no environment found in configuration with name ${names}: no config defines an [env.*] section (leave the environment out to check the top level)`;
}
