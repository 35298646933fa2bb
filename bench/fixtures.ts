// Generated inputs for bench/run.ts: one real-sized Worker config (base and head of a pull
// request) and monorepos of many Workers. Written here from scratch, deterministic, no randomness.

/** A module Worker exporting these Durable Object classes (one line each) and a fetch handler. */
export function workerSource(classes: readonly string[]): string {
  return [
    'import { DurableObject } from "cloudflare:workers";',
    "",
    ...classes.map((name) => `export class ${name} extends DurableObject {}`),
    "",
    "export default {",
    "  async fetch(request: Request): Promise<Response> {",
    '    return new Response("ok " + new URL(request.url).pathname);',
    "  },",
    "};",
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// One real-sized config: a storefront with KV, R2, D1, queues, a service binding, cron triggers,
// three environments, eleven Durable Object classes and twenty migrations (creations, renames,
// deletions). The pull request adds a class and renames another.

type Step =
  | { tag: string; kind: "new_sqlite_classes" | "new_classes" | "deleted_classes"; classes: string[] }
  | { tag: string; kind: "renamed_classes"; from: string; to: string };

const STOREFRONT_STEPS: Step[] = [
  { tag: "v1", kind: "new_sqlite_classes", classes: ["Cart"] },
  { tag: "v2", kind: "new_classes", classes: ["Session"] },
  { tag: "v3", kind: "new_sqlite_classes", classes: ["Inventory"] },
  { tag: "v4", kind: "new_sqlite_classes", classes: ["RateLimiter"] },
  { tag: "v5", kind: "renamed_classes", from: "Session", to: "UserSession" },
  { tag: "v6", kind: "new_sqlite_classes", classes: ["OrderQueue"] },
  { tag: "v7", kind: "deleted_classes", classes: ["RateLimiter"] },
  { tag: "v8", kind: "new_sqlite_classes", classes: ["Checkout"] },
  { tag: "v9", kind: "new_sqlite_classes", classes: ["PriceCache"] },
  { tag: "v10", kind: "renamed_classes", from: "PriceCache", to: "Pricing" },
  { tag: "v11", kind: "new_sqlite_classes", classes: ["Notifications"] },
  { tag: "v12", kind: "new_sqlite_classes", classes: ["Webhooks"] },
  { tag: "v13", kind: "deleted_classes", classes: ["Webhooks"] },
  { tag: "v14", kind: "new_sqlite_classes", classes: ["SearchIndex"] },
  { tag: "v15", kind: "new_sqlite_classes", classes: ["Recommendations"] },
  { tag: "v16", kind: "renamed_classes", from: "OrderQueue", to: "Orders" },
  { tag: "v17", kind: "new_sqlite_classes", classes: ["AuditLog"] },
  { tag: "v18", kind: "new_sqlite_classes", classes: ["Presence"] },
  { tag: "v19", kind: "deleted_classes", classes: ["Presence"] },
  { tag: "v20", kind: "new_sqlite_classes", classes: ["Wishlist"] },
];

const STOREFRONT_HEAD_STEPS: Step[] = [
  { tag: "v21", kind: "new_sqlite_classes", classes: ["Loyalty"] },
  { tag: "v22", kind: "renamed_classes", from: "Recommendations", to: "Suggestions" },
];

/** Classes alive after the steps, in creation order. */
export function liveClasses(steps: readonly Step[]): string[] {
  const live: string[] = [];
  for (const step of steps) {
    if (step.kind === "renamed_classes") live[live.indexOf(step.from)] = step.to;
    else if (step.kind === "deleted_classes") {
      for (const c of step.classes) live.splice(live.indexOf(c), 1);
    } else live.push(...step.classes);
  }
  return live;
}

const bindingName = (className: string) => className.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();

function tomlSteps(steps: readonly Step[], table = "migrations"): string[] {
  const lines: string[] = [];
  for (const step of steps) {
    lines.push(`[[${table}]]`, `tag = "${step.tag}"`);
    if (step.kind === "renamed_classes") {
      lines.push(`renamed_classes = [{ from = "${step.from}", to = "${step.to}" }]`);
    } else {
      lines.push(`${step.kind} = [${step.classes.map((c) => `"${c}"`).join(", ")}]`);
    }
    lines.push("");
  }
  return lines;
}

/** The storefront's wrangler.toml before (`base`) or after (`head`) the pull request (~230 lines). */
export function storefrontConfig(side: "base" | "head"): string {
  const steps = side === "base" ? STOREFRONT_STEPS : [...STOREFRONT_STEPS, ...STOREFRONT_HEAD_STEPS];
  const classes = liveClasses(steps);
  const envs = [
    { name: "staging", route: "staging.shop.example.com/*", kv: "2c4e6f80a1b3c5d7e9f0a2b4c6d8e0f1" },
    { name: "production", route: "shop.example.com/*", kv: "9a8b7c6d5e4f30211a2b3c4d5e6f7081" },
    { name: "preview", route: "preview.shop.example.com/*", kv: "0f1e2d3c4b5a69788796a5b4c3d2e1f0" },
  ];
  const lines = [
    "# Storefront: the shop's edge Worker. Durable Objects hold carts, sessions, inventory and",
    "# orders; every environment binds its own namespaces (durable_objects is not inherited).",
    'name = "storefront"',
    'main = "src/index.ts"',
    'compatibility_date = "2026-03-01"',
    'compatibility_flags = ["nodejs_compat"]',
    "workers_dev = false",
    "upload_source_maps = true",
    "",
    "[observability]",
    "enabled = true",
    "head_sampling_rate = 0.2",
    "",
    "[vars]",
    'CURRENCY = "EUR"',
    'CHECKOUT_TIMEOUT_SECONDS = "900"',
    'SEARCH_BACKEND = "durable-object"',
    "",
    "[triggers]",
    'crons = ["*/15 * * * *", "0 3 * * *"]',
    "",
    "[[kv_namespaces]]",
    'binding = "CATALOG"',
    'id = "5f2a9c1e7b3d4a6f8e0c2b4d6f8a0c1e"',
    "",
    "[[r2_buckets]]",
    'binding = "ASSETS"',
    'bucket_name = "storefront-assets"',
    "",
    "[[d1_databases]]",
    'binding = "DB"',
    'database_name = "storefront"',
    'database_id = "8c1d3e5f-7a9b-4c2d-8e0f-1a3b5c7d9e0f"',
    "",
    "[[queues.producers]]",
    'binding = "ORDER_EVENTS"',
    'queue = "order-events"',
    "",
    "[[queues.consumers]]",
    'queue = "order-events"',
    "max_batch_size = 25",
    "max_batch_timeout = 5",
    "",
    "[[services]]",
    'binding = "PAYMENTS"',
    'service = "payments"',
    "",
  ];
  for (const c of classes) {
    lines.push("[[durable_objects.bindings]]", `name = "${bindingName(c)}"`, `class_name = "${c}"`, "");
  }
  lines.push(...tomlSteps(steps));
  for (const env of envs) {
    lines.push(
      `[env.${env.name}]`,
      `routes = [{ pattern = "${env.route}", zone_name = "example.com" }]`,
      `vars = { CURRENCY = "EUR", CHECKOUT_TIMEOUT_SECONDS = "900", SEARCH_BACKEND = "durable-object", ENVIRONMENT = "${env.name}" }`,
      `kv_namespaces = [{ binding = "CATALOG", id = "${env.kv}" }]`,
      `r2_buckets = [{ binding = "ASSETS", bucket_name = "storefront-assets-${env.name}" }]`,
      `queues.producers = [{ binding = "ORDER_EVENTS", queue = "order-events-${env.name}" }]`,
      `services = [{ binding = "PAYMENTS", service = "payments-${env.name}" }]`,
      "durable_objects.bindings = [",
      ...classes.map((c) => `  { name = "${bindingName(c)}", class_name = "${c}" },`),
      "]",
      "",
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The storefront's entry module at one side of the pull request. */
export function storefrontSource(side: "base" | "head"): string {
  const steps = side === "base" ? STOREFRONT_STEPS : [...STOREFRONT_STEPS, ...STOREFRONT_HEAD_STEPS];
  return workerSource(liveClasses(steps));
}

// ---------------------------------------------------------------------------------------------
// Monorepo Workers: each has three environments and 50 migrations (a creation most of the time,
// a rename every tenth step from the 5th, a deletion every tenth), bindings for its first
// classes, and an entry module exporting every live class. Half are TOML, half JSONC.

export const MONOREPO_MIGRATIONS = 50;
export const ENV_NAMES = ["staging", "production", "canary"];

/** The deployed Workers of monorepo Worker `index` (top level and every env) and their live classes. */
export function monorepoDeployed(index: number): { names: string[]; classes: string[]; tag: string } {
  const name = `svc-${String(index).padStart(4, "0")}`;
  return {
    names: [name, ...ENV_NAMES.map((env) => `${name}-${env}`)],
    classes: liveClasses(monorepoSteps(MONOREPO_MIGRATIONS)),
    tag: `v${MONOREPO_MIGRATIONS}`,
  };
}

function monorepoSteps(count: number): Step[] {
  const steps: Step[] = [];
  for (let k = 1; k <= count; k++) {
    const tag = `v${k}`;
    if (k % 10 === 5)
      steps.push({ tag, kind: "renamed_classes", from: `Obj${k - 1}`, to: `Renamed${k - 1}` });
    else if (k % 10 === 0) steps.push({ tag, kind: "deleted_classes", classes: [`Obj${k - 2}`] });
    else steps.push({ tag, kind: "new_sqlite_classes", classes: [`Obj${k}`] });
  }
  return steps;
}

/** What the pull request does to a changed Worker. */
export type WorkerChange = "none" | "add-class" | "delete-class" | "code-only";

function workerSteps(change: WorkerChange): Step[] {
  const steps = monorepoSteps(MONOREPO_MIGRATIONS);
  if (change === "add-class") steps.push({ tag: "v51", kind: "new_sqlite_classes", classes: ["Added51"] });
  if (change === "delete-class") steps.push({ tag: "v51", kind: "deleted_classes", classes: ["Obj49"] });
  return steps;
}

function monorepoConfig(index: number, change: WorkerChange, format: "toml" | "jsonc"): string {
  const name = `svc-${String(index).padStart(4, "0")}`;
  const steps = workerSteps(change);
  const bound = liveClasses(monorepoSteps(MONOREPO_MIGRATIONS)).slice(0, 3);
  if (format === "toml") {
    const lines = [
      `name = "${name}"`,
      'main = "src/index.ts"',
      'compatibility_date = "2026-03-01"',
      "",
      "[vars]",
      `SERVICE = "${name}"`,
      "",
    ];
    for (const c of bound) {
      lines.push("[[durable_objects.bindings]]", `name = "${bindingName(c)}"`, `class_name = "${c}"`, "");
    }
    lines.push(...tomlSteps(steps));
    for (const env of ENV_NAMES) {
      lines.push(
        `[env.${env}]`,
        `vars = { SERVICE = "${name}", ENVIRONMENT = "${env}" }`,
        `durable_objects.bindings = [${bound.map((c) => `{ name = "${bindingName(c)}", class_name = "${c}" }`).join(", ")}]`,
        "",
      );
    }
    return `${lines.join("\n").trimEnd()}\n`;
  }
  const bindings = bound.map((c) => ({ name: bindingName(c), class_name: c }));
  const migrations = steps.map((s) =>
    s.kind === "renamed_classes"
      ? { tag: s.tag, renamed_classes: [{ from: s.from, to: s.to }] }
      : { tag: s.tag, [s.kind]: s.classes },
  );
  const config = {
    name,
    main: "src/index.ts",
    compatibility_date: "2026-03-01",
    vars: { SERVICE: name },
    durable_objects: { bindings },
    migrations,
    env: Object.fromEntries(
      ENV_NAMES.map((env) => [
        env,
        { vars: { SERVICE: name, ENVIRONMENT: env }, durable_objects: { bindings } },
      ]),
    ),
  };
  return `// ${name}: generated for the benchmark\n${JSON.stringify(config, null, 2)}\n`;
}

/** The files of one monorepo Worker under `workers/svc-NNNN/`. */
export function monorepoWorker(index: number, change: WorkerChange): Record<string, string> {
  const dir = `workers/svc-${String(index).padStart(4, "0")}`;
  const format = index % 2 === 0 ? "toml" : "jsonc";
  const classes = liveClasses(workerSteps(change === "code-only" ? "none" : change));
  const source = workerSource(change === "code-only" ? [...classes, "Helper"] : classes);
  return {
    [`${dir}/wrangler.${format}`]: monorepoConfig(index, change, format),
    [`${dir}/src/index.ts`]: source,
  };
}

/**
 * A monorepo of `workers` Workers; `changed` of them (spread evenly) change in the pull request,
 * cycling through adding a class, editing only code and deleting a class.
 */
export function monorepo(
  workers: number,
  changed: number,
): {
  base: Record<string, string>;
  head: Record<string, string>;
} {
  const base: Record<string, string> = { "README.md": "# generated monorepo\n", "package.json": "{}\n" };
  const head: Record<string, string> = {};
  const kinds: WorkerChange[] = ["add-class", "code-only", "delete-class"];
  const step = workers / changed;
  const changedAt = new Map<number, WorkerChange>();
  for (let i = 0; i < changed; i++) changedAt.set(Math.floor(i * step), kinds[i % kinds.length]!);
  for (let i = 0; i < workers; i++) {
    Object.assign(base, monorepoWorker(i, "none"));
    const change = changedAt.get(i);
    if (change) Object.assign(head, monorepoWorker(i, change));
  }
  return { base, head };
}

/**
 * A pull request in which each of `workers` Workers (3 environments each) adds a class to its
 * applied first migration: one DO201, with one proven fix, per config (the action's suggestions
 * on a large pull request).
 */
export function historyEdits(workers: number): {
  base: Record<string, string>;
  head: Record<string, string>;
} {
  const base: Record<string, string> = {};
  const head: Record<string, string> = {};
  const envs = ENV_NAMES.map(
    (env) => `\n[env.${env}]\n[[env.${env}.durable_objects.bindings]]\nname = "ROOM"\nclass_name = "Room"\n`,
  ).join("");
  for (let i = 0; i < workers; i++) {
    const dir = `apps/w${i}`;
    const config = `name = "w${i}"\nmain = "src/index.js"\n\n[[durable_objects.bindings]]\nname = "ROOM"\nclass_name = "Room"\n\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["Room"]\n${envs}`;
    base[`${dir}/wrangler.toml`] = config;
    base[`${dir}/src/index.js`] = "export class Room {}\nexport class Extra {}\nexport default {};\n";
    head[`${dir}/wrangler.toml`] = config.replace('["Room"]', '["Room", "Extra"]');
  }
  return { base, head };
}
