// Where a Worker's lifecycle and bindings live in its config document.
import { isLocalBinding, isRecord } from "../config/workers.ts";
import type { ConfigPath, Worker } from "../model.ts";

export function scopePath(env: string | null): ConfigPath {
  return env === null ? [] : ["env", env];
}

/** The scope whose list (or map) the Worker's lifecycle is: its own, or the top level it inherits. */
export function lifecycleScope(worker: Worker): ConfigPath {
  if (worker.ownsLifecycle) return scopePath(worker.env);
  return worker.lifecycle.model !== "none" && worker.lifecycle.inherited ? [] : scopePath(worker.env);
}

export function valueAt(value: unknown, path: ConfigPath): unknown {
  let at: unknown = value;
  for (const part of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[part];
  }
  return at;
}

/** Paths of the Worker's own bindings to `className` (not those to another script's class). */
export function bindingPaths(
  config: Record<string, unknown>,
  worker: Worker,
  className: string,
): ConfigPath[] {
  const list = [...scopePath(worker.env), "durable_objects", "bindings"];
  const items = valueAt(config, list);
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index): ConfigPath[] => {
    if (!isRecord(item) || item.class_name !== className) return [];
    const scriptName = typeof item.script_name === "string" ? item.script_name : null;
    const binding = {
      name: String(item.name),
      className,
      scriptName,
      environment: null,
      line: null,
    };
    return isLocalBinding(binding, worker) ? [[...list, index]] : [];
  });
}
