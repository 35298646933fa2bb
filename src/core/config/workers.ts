// Resolves a parsed config into the Workers it deploys, one per environment, as wrangler does:
// `migrations` and `exports` are inherited by `[env.X]` unless the env has its own (which
// replaces, never merges); `durable_objects` is not inherited; the Worker name is `env.X.name`,
// else `<top name>-<X>`. Problems wrangler only warns about (or lets through) become drafts.
// The parts are read in read-lifecycle.ts, read-bindings.ts and worker-identity.ts.
import { type Draft, envLabel, q } from "../diagnostics.ts";
import type { ConfigPath, DurableObjectBinding, Lifecycle, ParsedConfig, Worker } from "../model.ts";
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
      drafts.push(invalid(null, ["env"], "`env` is not a table of environments", "Make `env` a table."));
    } else {
      for (const [env, value] of Object.entries(envs)) {
        if (isRecord(value)) scopes.push({ env, value, path: ["env", env] });
        else
          drafts.push(invalid(env, ["env", env], (e) => `${envLabel(e)} is not a table`, "Make it a table."));
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
      message: `${q(config.file)} is written for wrangler v1 (${v1.map((s) => s.text).join(", ")}). wrangler 2 and later do not read that schema (they need \`main\`, and warn about \`type\` and \`[build.upload]\`), and wrangler v1 created Durable Object classes at publish time (\`--new-class\`) as well as through \`migrations\`: the v2 checks of bindings and keys do not apply here, only what both versions read alike (\`migrations\`, bindings).`,
      fix: "Nothing to do if this config is only kept for reference. To deploy it with wrangler 2 or later, set `main`, drop `type` and `[build.upload]`, list the bindings in `durable_objects.bindings` and create every class with a migration.",
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
  if (worker.placeholderName) {
    return `the Worker name ${q(worker.placeholderName)} is a placeholder, so this config is a template`;
  }
  if (worker.name === null) {
    return "this config has no `name`, which `wrangler deploy` needs unless `--name` is given";
  }
  return null;
}

function checkMisspeltScopeKeys(scope: Scope, drafts: Draft[]): void {
  for (const key of Object.keys(scope.value)) {
    if ((LIFECYCLE_KEYS as readonly string[]).includes(key)) continue;
    const guess = closest(key, LIFECYCLE_KEYS);
    if (!guess) continue;
    const ignored = guess === "durable_objects" ? "its bindings are" : "its Durable Object lifecycle is";
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...scope.path, key],
      message: `Unknown key ${q(key)} in ${envLabel(scope.env)}: wrangler only warns, and ${ignored} silently ignored.`,
      fix: `Rename ${q(key)} to ${q(guess)}.`,
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
  const where = path.length === 1 ? "at the top level" : `in \`${pathText(path.slice(0, -1))}\``;
  return {
    kind: "config-proto-key",
    env: path[0] === "env" && typeof path[1] === "string" && path.length >= 3 ? path[1] : null,
    path,
    message: `A \`"__proto__"\` key ${where}: wrangler's JSON parser does not keep it as a field, it makes its value the object's prototype, and wrangler then reads every field inside it (\`migrations\` included) as if it were written beside it. This check reads those fields the same way, but a reviewer reading the diff may take them for an inert key.`,
    fix: 'Move the fields out of the `"__proto__"` object into the object that holds it, and remove the key.',
  };
}

function pathText(path: ConfigPath): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}
