// Reads one scope's Durable Object bindings (`durable_objects.bindings`, and wrangler v1's
// `durable_objects.classes`): each binding's class and script, and a draft for every key or value
// wrangler would ignore or refuse.
import type { Draft } from "../diagnostics.ts";
import type { DurableObjectBinding, ParsedConfig } from "../model.ts";
import { unknownKey } from "../rules/config-files.ts";
import { closest } from "../text/suggest.ts";
import { invalid, type Scope } from "./scope.ts";
import { isRecord } from "./values.ts";

const BINDING_KEYS = ["name", "class_name", "script_name", "environment"] as const;

export function readBindings(
  config: ParsedConfig,
  scope: Scope,
  drafts: Draft[],
  wranglerV1 = false,
): DurableObjectBinding[] {
  const durableObjects = scope.value.durable_objects;
  if (durableObjects === undefined) return [];
  const path = [...scope.path, "durable_objects"];
  if (!isRecord(durableObjects)) {
    drafts.push(invalid(scope.env, path, { problem: "durable-objects-not-table" }));
    return [];
  }
  for (const key of Object.keys(durableObjects)) {
    if (key === "bindings" || (wranglerV1 && key === "classes")) continue;
    const guess = closest(key, ["bindings"]);
    drafts.push({
      kind: "unknown-key",
      env: scope.env,
      path: [...path, key],
      ...unknownKey({ key, guess, where: "durable-objects" }),
      ...(guess ? { replacement: guess } : {}),
    });
  }
  const bindings: DurableObjectBinding[] = [];
  if (wranglerV1 && Array.isArray(durableObjects.classes)) {
    // wrangler v1: `classes = [{ binding = "COUNTER", class_name = "Counter" }]`.
    durableObjects.classes.forEach((item, index) => {
      const name = isRecord(item) ? (item.binding ?? item.name) : undefined;
      if (!isRecord(item) || typeof name !== "string" || typeof item.class_name !== "string") return;
      bindings.push({
        name,
        className: item.class_name,
        scriptName: typeof item.script_name === "string" ? item.script_name : null,
        environment: null,
        line: config.locate([...path, "classes", index]),
      });
    });
  }
  const list = durableObjects.bindings;
  if (list === undefined) return bindings;
  if (!Array.isArray(list)) {
    drafts.push(invalid(scope.env, [...path, "bindings"], { problem: "bindings-not-list" }));
    return bindings;
  }
  list.forEach((item, index) => {
    const at = [...path, "bindings", index];
    if (!isRecord(item)) {
      drafts.push(invalid(scope.env, at, { problem: "binding-not-table" }));
      return;
    }
    for (const key of Object.keys(item)) {
      if ((BINDING_KEYS as readonly string[]).includes(key)) continue;
      const guess = closest(key, BINDING_KEYS) ?? (key === "class" ? "class_name" : null);
      drafts.push({
        kind: "unknown-key",
        env: scope.env,
        path: [...at, key],
        classes: typeof item[key] === "string" ? [item[key] as string] : [],
        ...unknownKey({ key, guess, where: "binding", bindingKeys: BINDING_KEYS }),
        ...(guess ? { replacement: guess } : {}),
      });
    }
    if (typeof item.name !== "string" || typeof item.class_name !== "string") {
      drafts.push(invalid(scope.env, at, { problem: "binding-incomplete" }));
      return;
    }
    bindings.push({
      name: item.name,
      className: item.class_name,
      scriptName: typeof item.script_name === "string" ? item.script_name : null,
      environment: typeof item.environment === "string" ? item.environment : null,
      line: config.locate(at),
    });
  });
  return bindings;
}
