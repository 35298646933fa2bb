// `do-migrate to-exports`: the one-way move of one Worker's lifecycle from the legacy `migrations`
// list to the declarative `exports` map (DOMAIN.md section 1). The list is replaced by one live
// entry per class the history leaves live, with its storage; classes deleted, renamed away or
// transferred out need no entry (they have no namespace). Pure: text in, text out; the result is
// analysed like any change before it is returned, and bad input writes nothing.
import { analyzeRepository } from "../analyze/analyze.ts";
import { configFormat } from "../config/parse.ts";
import { readEditableToml } from "../config/toml-syntax.ts";
import { q } from "../diagnostics.ts";
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { ConfigPath } from "../model.ts";
import { applyOps } from "./document.ts";
import { eolOf } from "./document-ops.ts";
import { editedWorker, type GenerateResult, placeOf } from "./generate.ts";
import { proveFix } from "./proof.ts";
import { lifecycleScope, valueAt } from "./scope.ts";
import { tomlKey } from "./toml-document.ts";

export interface ToExportsRequest {
  readonly file: string;
  readonly text: string;
  /** null: the top level. */
  readonly env: string | null;
}

export function toExports(request: ToExportsRequest): GenerateResult {
  const { file, text, env } = request;
  const target = editedWorker(file, text, env);
  if (!target.ok) return target;
  const { parsed, workers, worker } = target;
  const where = placeOf(file, env);
  if (worker.lifecycle.model === "exports") return fail(`${where} already uses \`exports\``);
  if (worker.lifecycle.model === "none")
    return fail(`${where} has no \`migrations\` to move from (a new class: \`do-migrate new-class\`)`);
  const replay = replayLifecycle(worker.lifecycle);
  if (replay.problems.length > 0) {
    const p = replay.problems[0]!;
    return fail(
      `the migrations of ${where} do not replay (${p.kind} of ${q(p.className)}${p.tag ? ` in ${q(p.tag)}` : ""}): fix the history first, then move`,
    );
  }
  const live = [...replay.classes.values()].filter((c) => c.status === "live");
  const unknown = live.filter((c) => c.storage === null);
  if (unknown.length > 0) {
    return fail(
      `the storage of ${unknown.map((c) => q(c.className)).join(", ")} is not in the history (transferred in from another Worker): read it from the live Worker and write the entries by hand`,
    );
  }
  const entries = Object.fromEntries(
    live.map((c) => [
      c.className,
      { type: "durable-object", storage: c.storage === "kv" ? "legacy-kv" : "sqlite" },
    ]),
  );
  const scope = lifecycleScope(worker);
  const format = configFormat(file);
  const after =
    format === "toml" ? tomlMove(text, scope, entries) : jsoncMove(text, parsed.value, scope, entries);
  if (after === null)
    return fail(`${file} is laid out in a way this command cannot edit in place; make the change by hand`);

  const before = analyzeRepository([{ file, baseText: text, headText: text }]);
  const result = analyzeRepository([{ file, baseText: text, headText: after }]);
  const proof = proveFix(before, result, [], ["lifecycle-model-changed"]);
  if (proof.added.length > 0) {
    const what = [...new Set(proof.added.map((f) => `${f.code} ${f.kind}: ${f.message}`))].join(" ");
    return fail(`the move would not deploy cleanly, so nothing was written: ${what}`);
  }

  const sharedBy = workers.filter(
    (w) => w !== worker && !w.ownsLifecycle && scope.length === 0 && w.lifecycle.model !== "none",
  );
  const ownLists = workers.filter(
    (w) => w !== worker && w.ownsLifecycle && w.lifecycle.model === "migrations",
  );
  const listed = live.map((c) => `${q(c.className)} (${c.storage === "kv" ? "legacy-kv" : "sqlite"})`);
  const done = [
    `Replaced the \`migrations\` of ${where} with \`exports\`: ${listed.length ? listed.join(", ") : "no live class"}.`,
  ];
  const next = [
    "This is one-way: once a deploy with `exports` lands, the API refuses `migrations` for that Worker again (code 100403). Deploy with wrangler 4.107 or later.",
    "The entries come from the config's history. Compare them with the live Worker before deploying (`do-migrate check --live`): a namespace the map does not list makes the deploy fail (code 100402, `provisioned_class_missing_from_config` or `orphaned_provisioned_namespace`).",
    "Classes the history deleted, renamed away or transferred out need no entry: they have no namespace.",
  ];
  if (sharedBy.length > 0) {
    next.push(
      `The top-level lifecycle is inherited, so ${sharedBy.map((w) => (w.env === null ? "the top level" : `env ${q(w.env)}`)).join(", ")} moves too.`,
    );
  }
  if (ownLists.length > 0) {
    next.push(
      `${ownLists.map((w) => (w.env === null ? "The top level" : `Env ${q(w.env)}`)).join(", ")} ${ownLists.length === 1 ? "has its own `migrations` and stays" : "have their own `migrations` and stay"} on them: move ${ownLists.length === 1 ? "it" : "each"} with \`--env\`.`,
    );
  }
  return { ok: true, after, done, next };
}

function fail(message: string): GenerateResult {
  return { ok: false, message };
}

type Entries = Record<string, { type: string; storage: string }>;

function jsoncMove(
  text: string,
  value: Record<string, unknown>,
  scope: ConfigPath,
  entries: Entries,
): string | null {
  const existing = valueAt(value, [...scope, "exports"]);
  const add =
    existing && typeof existing === "object"
      ? Object.entries(entries).map(([key, entry]) => ({
          op: "add-key" as const,
          path: [...scope, "exports"],
          key,
          value: entry,
        }))
      : [{ op: "add-key" as const, path: scope, key: "exports", value: entries }];
  return applyOps("jsonc", text, [{ op: "remove", path: [...scope, "migrations"] }, ...add]);
}

/**
 * TOML: the `migrations` of the scope (an inline array, or `[[migrations]]` tables with their
 * sub-tables) replaced by one `[exports.X]` table per class, where the list was.
 */
function tomlMove(text: string, scope: ConfigPath, entries: Entries): string | null {
  const reading = readEditableToml(text);
  if (!reading.ok) return null;
  const { syntax } = reading;
  const list = [...scope, "migrations"];
  const eol = eolOf(text);
  const under = (path: readonly (string | number)[]) =>
    path.length > list.length && list.every((k, i) => path[i] === k);
  const blocks = syntax.headers.filter((h) => under(h.path));
  if (blocks.length === 0) {
    // An inline array: the generic edits place it.
    return applyOps("toml", text, [
      { op: "remove", path: list },
      { op: "add-key", path: scope, key: "exports", value: entries },
    ]);
  }
  if (
    syntax.headers.some(
      (h) => !under(h.path) && h.path.length > scope.length + 1 && h.path[scope.length] === "exports",
    )
  )
    return null; // an `exports` of `[exports.X]` tables already there (worker entries): by hand
  const prefix = [...scope, "exports"].map((k) => tomlKey(String(k))).join(".");
  const tables = Object.entries(entries)
    .map(([name, e]) =>
      [`[${prefix}.${tomlKey(name)}]`, `type = "${e.type}"`, `storage = "${e.storage}"`].join(eol),
    )
    .join(`${eol}${eol}`);
  // Each block runs from its header to the end of its last key line; later blocks go first. The
  // first one becomes the tables; a later one goes with the blank lines after it.
  let out = text;
  for (const [i, block] of [...blocks.entries()].reverse()) {
    let end = block.bodyEnd;
    if (i > 0) while (out[end] === "\r" || out[end] === "\n") end++;
    out = out.slice(0, block.lineStart) + (i === 0 ? tables : "") + out.slice(end);
  }
  return out;
}
