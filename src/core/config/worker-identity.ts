// What a config says about a Worker besides its classes: its name (`env.X.name`, else
// `<top name>-<X>`), a placeholder written for one (a template), its `account_id`, and the signs
// that the config is written for wrangler v1 or that its top level is only used by `wrangler dev`.
import type { Draft } from "../diagnostics.ts";
import type { ConfigPath, ParsedConfig } from "../model.ts";
import type { WranglerV1Sign } from "../rules/config-files.ts";
import { localOnlySign } from "../rules/workers.ts";
import { invalid, type Scope } from "./scope.ts";
import { isRecord } from "./values.ts";

// Placeholders people leave in a Worker name: {{NAME}}, \${NAME}, <NAME>, << todo >>, __NAME__,
// %NAME%, and the usual words. None of them is a name Cloudflare accepts for a Worker, or one
// anybody deploys as is.
const PLACEHOLDER_MARKS = [
  /\{\{.*\}\}/,
  /\$\{.*\}/,
  /<[^>]*>/,
  // `__NAME__` as a whole segment (`__NAME__-staging`); `api__v2__prod` is a real name.
  /(?:^|[-.])__[A-Za-z0-9_-]+?__(?:$|[-.])/,
  /%[A-Za-z0-9_]+%/,
  /\s/,
];
const PLACEHOLDER_WORDS =
  /^(?:replace[-_]?me|change[-_]?me|todo|tbd|fixme|placeholder|worker[-_]?name|your[-_ ]?(?:worker|app|project|service)[-_ ]?name|YOUR_[A-Z0-9_]+|x{3,})$/i;

/** Whether a Worker name as written is a placeholder rather than a name (see PLACEHOLDER_MARKS). */
export function isPlaceholderName(name: string): boolean {
  return name === "" || PLACEHOLDER_WORDS.test(name) || PLACEHOLDER_MARKS.some((mark) => mark.test(name));
}

export function writtenPlaceholderName(top: Record<string, unknown>, scope: Scope): string | null {
  const written = typeof scope.value.name === "string" ? scope.value.name : top.name;
  return typeof written === "string" && isPlaceholderName(written) ? written : null;
}

/** The keys that mark a wrangler v1 config, with where they are. */
export function wranglerV1Signs(
  top: Record<string, unknown>,
  scopes: readonly Scope[],
): { sign: WranglerV1Sign; path: ConfigPath }[] {
  const signs: { sign: WranglerV1Sign; path: ConfigPath }[] = [];
  if (typeof top.type === "string" && ["javascript", "webpack", "rust"].includes(top.type)) {
    signs.push({ sign: { sign: "type", type: top.type }, path: ["type"] });
  }
  const build = top.build;
  if (isRecord(build) && (isRecord(build.upload) || "upload_format" in build || "upload_dir" in build)) {
    signs.push({
      sign: { sign: isRecord(build.upload) ? "build-upload" : "build-upload-format" },
      path: ["build"],
    });
  }
  for (const scope of scopes) {
    const durableObjects = scope.value.durable_objects;
    if (isRecord(durableObjects) && "classes" in durableObjects) {
      signs.push({
        sign: { sign: "durable-objects-classes" },
        path: [...scope.path, "durable_objects", "classes"],
      });
      break;
    }
  }
  return signs;
}

/**
 * Signs that a top level is only used by `wrangler dev`: a `-dev` name, placeholder resource ids,
 * no Durable Object binding while its environments have some.
 */
export function localOnlySigns(value: Record<string, unknown>, scopes: readonly Scope[]): string[] {
  const signs: string[] = [];
  const hasBindings = (v: Record<string, unknown>) =>
    isRecord(v.durable_objects) &&
    Array.isArray(v.durable_objects.bindings) &&
    v.durable_objects.bindings.length > 0;
  if (!hasBindings(value) && scopes.some((s) => s.env !== null && hasBindings(s.value))) {
    signs.push(localOnlySign({ sign: "no-bindings" }));
  }
  if (typeof value.name === "string" && /[-_](?:dev|local)$/i.test(value.name)) {
    signs.push(localOnlySign({ sign: "dev-name", name: value.name }));
  }
  const resources: [key: string, idKey: string, resource: "kv" | "d1" | "hyperdrive", shape: RegExp][] = [
    ["kv_namespaces", "id", "kv", /^[0-9a-f]{32}$/i],
    ["d1_databases", "database_id", "d1", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
    ["hyperdrive", "id", "hyperdrive", /^[0-9a-f]{32}$/i],
  ];
  for (const [key, idKey, resource, shape] of resources) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isRecord(item) || typeof item[idKey] !== "string" || shape.test(item[idKey] as string)) continue;
      signs.push(localOnlySign({ sign: "resource-id", resource, id: item[idKey] }));
      break;
    }
  }
  return signs;
}

/**
 * Whether a value can be a Cloudflare account ID (32 hexadecimal characters; a short word is let
 * through for stand-ins), before it goes into a request path: the check of the action's
 * `cloudflare-account-id` input, and of a config's `account_id`.
 */
export function isAccountId(value: string): boolean {
  return /^[0-9a-f]{32}$/i.test(value) || /^[\w-]{1,64}$/.test(value);
}

/**
 * `account_id` is inheritable: an env's own, else the top level's (wrangler's rule). A value that
 * is not an account ID is not used; unless it is a placeholder, it is reported once, where it is
 * written.
 */
export function accountIdOf(
  config: ParsedConfig,
  top: Record<string, unknown>,
  scope: Scope,
  drafts: Draft[],
): { accountId?: string; accountIdLine?: number | null } {
  const own: ConfigPath = [...scope.path, "account_id"];
  for (const [value, path] of [
    [scope.value.account_id, own],
    [top.account_id, ["account_id"]],
  ] as const) {
    if (typeof value !== "string" || value.trim() === "") continue;
    const id = value.trim();
    if (!isAccountId(id)) {
      // A template's placeholder (`<< todo >>`, `${ACCOUNT_ID}`) is filled in before a deploy.
      if (path === own && !isPlaceholderName(id)) {
        drafts.push(invalid(scope.env, path, { problem: "account-id", id }));
      }
      return {};
    }
    return { accountId: id, accountIdLine: config.locate(path) };
  }
  return {};
}

export function workerName(top: Record<string, unknown>, scope: Scope): string | null {
  // An empty name is no name: wrangler refuses to deploy it (a template's `name = ""`).
  if (typeof scope.value.name === "string") return scope.value.name === "" ? null : scope.value.name;
  if (scope.env === null || typeof top.name !== "string" || top.name === "") return null;
  return `${top.name}-${scope.env}`;
}
