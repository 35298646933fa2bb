// Resolves a parsed config into the Workers it deploys, one per environment, as wrangler does:
// `migrations` and `exports` are inherited by `[env.X]` unless the env has its own (which
// replaces, never merges); `durable_objects` is not inherited; the Worker name is `env.X.name`,
// else `<top name>-<X>`. Problems wrangler only warns about (or lets through) become drafts,
// worded from the facts found by the DO0xx family (src/core/rules/config-files.ts).
// The parts are read in read-lifecycle.ts, read-bindings.ts and worker-identity.ts.
import type { Draft } from "../diagnostics.ts";
import type { ConfigPath, DurableObjectBinding, Lifecycle, ParsedConfig, Worker } from "../model.ts";
import {
  configProtoKey,
  legacyWranglerConfig,
  notDeployedAsWrittenReason,
  unknownKey,
} from "../rules/config-files.ts";
import { closest } from "../text/suggest.ts";
import { readBindings } from "./read-bindings.ts";
import { readLifecycle } from "./read-lifecycle.ts";
import { invalid, type Scope } from "./scope.ts";
import { isRecord } from "./values.ts";
import {
  accountIdOf,
  localOnlySigns,
  workerName,
  wranglerV1Signs,
  writtenPlaceholderName,
} from "./worker-identity.ts";

export { STEP_KEYS } from "./read-lifecycle.ts";
export { canonicalJson, isRecord } from "./values.ts";
export { isAccountId, isPlaceholderName } from "./worker-identity.ts";

const LIFECYCLE_KEYS = ["migrations", "durable_objects", "exports"] as const;

export interface WorkersReading {
  readonly workers: readonly Worker[];
  readonly drafts: readonly Draft[];
}

export function readWorkers(config: ParsedConfig): WorkersReading {
  const drafts: Draft[] = [];
  const top = config.value;
  const scopes: Scope[] = [{ env: null, value: top, path: [] }];
  const envs = top.env;
  if (envs !== undefined) {
    if (!isRecord(envs)) {
      drafts.push(invalid(null, ["env"], { problem: "env-not-table" }));
    } else {
      for (const [env, value] of Object.entries(envs)) {
        if (isRecord(value)) scopes.push({ env, value, path: ["env", env] });
        else drafts.push(invalid(env, ["env", env], { problem: "env-entry-not-table", env }));
      }
    }
  }

  for (const path of config.protoKeys ?? []) drafts.push(protoKeyDraft(path));

  const v1 = wranglerV1Signs(top, scopes);
  if (v1.length > 0) {
    drafts.push({
      kind: "legacy-wrangler-config",
      env: null,
      path: v1[0]!.path,
      ...legacyWranglerConfig({ file: config.file, signs: v1.map((s) => s.sign) }),
    });
  }
  const topLifecycle = readLifecycle(config, scopes[0]!, drafts);
  const workers = scopes.map((scope): Worker => {
    checkMisspeltScopeKeys(scope, drafts);
    const own = scope.env === null ? topLifecycle : readLifecycle(config, scope, drafts);
    const lifecycle: Lifecycle =
      own.model === "none" && scope.env !== null && topLifecycle.model !== "none"
        ? { ...topLifecycle, inherited: true }
        : own;
    return {
      file: config.file,
      env: scope.env,
      name: workerName(top, scope),
      nameLine: config.locate([...scope.path, "name"]),
      envLine: scope.env === null ? null : config.locate(scope.path),
      bindingsLine:
        scope.value.durable_objects === undefined
          ? null
          : config.locate([...scope.path, "durable_objects", "bindings"]),
      main:
        typeof scope.value.main === "string"
          ? scope.value.main
          : typeof top.main === "string"
            ? top.main
            : null,
      lifecycle,
      bindings: readBindings(config, scope, drafts, v1.length > 0),
      ownsLifecycle: own.model !== "none",
      ...(v1.length > 0 ? { wranglerV1: true } : {}),
      placeholderName: writtenPlaceholderName(top, scope),
      ...(scope.env === null && scopes.length > 1
        ? { localOnlySigns: localOnlySigns(scope.value, scopes) }
        : {}),
      ...accountIdOf(config, top, scope, drafts),
    };
  });
  return { workers, drafts };
}

/**
 * Why a Worker is not deployed as written: its name is a placeholder (a template) or it has none
 * (`wrangler deploy` refuses a config without a name unless `--name` is given). Null for a Worker
 * with a real name.
 */
export function notDeployedAsWritten(worker: Worker): string | null {
  if (worker.placeholderName) return notDeployedAsWrittenReason({ placeholderName: worker.placeholderName });
  if (worker.name === null) return notDeployedAsWrittenReason({ placeholderName: null });
  return null;
}

function checkMisspeltScopeKeys(scope: Scope, drafts: Draft[]): void {
  for (const key of Object.keys(scope.value)) {
    if ((LIFECYCLE_KEYS as readonly string[]).includes(key)) continue;
    const guess = closest(key, LIFECYCLE_KEYS);
    if (!guess) continue;
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...scope.path, key],
      ...unknownKey({ key, guess, where: "scope", env: scope.env }),
      replacement: guess,
    });
  }
}

/** Whether a binding points at a class of this Worker (not of another script). */
export function isLocalBinding(binding: DurableObjectBinding, worker: Worker): boolean {
  return binding.scriptName === null || binding.scriptName === worker.name;
}

/** A `"__proto__"` key of a JSON config (see ParsedConfig.protoKeys). */
function protoKeyDraft(path: ConfigPath): Draft {
  return {
    kind: "config-proto-key",
    env: path[0] === "env" && typeof path[1] === "string" && path.length >= 3 ? path[1] : null,
    path,
    ...configProtoKey({ holder: path.length === 1 ? null : pathText(path.slice(0, -1)) }),
  };
}

function pathText(path: ConfigPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}
