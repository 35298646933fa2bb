// Rule family DO5xx: the Worker a target deploys to (environments removed, renamed, moved, deployed twice).

import { EXPORTS_MOVE } from "./exports.ts";
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { envLabel, q, targetLabel } from "./words.ts";

export const WORKER_RULES = {
  "env-removed": {
    code: "DO501",
    title: "Environment removed",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "worker-renamed": { code: "DO502", title: "Worker renamed", severity: "warning", deployedWorkerOnly: true },
  "account-changed": {
    code: "DO503",
    title: "Worker moved to another account",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "worker-name-taken": {
    code: "DO504",
    title: "Worker now deployed from another config",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "worker-deployed-twice": { code: "DO505", title: "Two targets deploy one Worker", severity: "warning" },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording: each rule's message and fix, from plain facts (names as written in the config).

/** How a message names the Worker of a target: the top-level one, or the Worker of an env. */
function theWorkerOf(env: string | null): string {
  return env === null ? "The top-level Worker" : `The Worker of ${envLabel(env)}`;
}

/** An account ID as messages show it: the first and last four characters. */
function shortAccount(id: string): string {
  return q(id.length > 12 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id);
}

/** DO503: a Worker with objects or bindings moves to another account. */
export const accountChanged = worded(function accountChanged(f: {
  readonly env: string | null;
  readonly fromAccount: string;
  readonly toAccount: string;
  /** The base and head names, when the Worker is also renamed. */
  readonly renamed: { readonly from: string | null; readonly to: string | null } | null;
  readonly baseName: string | null;
  readonly worker: string | null;
  /** The history deletes a class (a fresh Worker gets that delete rejected). */
  readonly deletes: boolean;
  /** The Worker declares `exports`: a fresh Worker gets its entries, and the move is a transfer. */
  readonly exportsModel: boolean;
}): Wording {
  const [from, to] = [shortAccount(f.fromAccount), shortAccount(f.toAccount)];
  return {
    message: `${theWorkerOf(f.env)} moves from account ${from} to account ${to} (\`account_id\`)${f.renamed ? ` and is renamed from ${q(f.renamed.from ?? "")} to ${q(f.renamed.to ?? "")}` : ""}: the next deploy goes to ${to}, and ${q(f.baseName ?? "the Worker")} in ${from} keeps all its objects and data, with no config managing it any more. Unless ${to} already has a Worker ${q(f.worker ?? "this Worker")}, that deploy creates one that starts with no objects and ${f.exportsModel ? "creates every live `exports` entry empty" : "replays the whole migration history"}${f.deletes ? " (whose delete of a class no earlier version there exported is rejected, code 10074)" : ""}.`,
    fix: `Keep \`account_id = "${f.fromAccount}"\`${f.exportsModel ? EXPORTS_MOVE : `, or plan the move: migrate the data to the new account in code, then retire the Worker in ${from} (delete its classes in two deploys, then \`wrangler delete\`).`}`,
  };
});

/** DO502: a Worker with objects or bindings is renamed. */
export const workerRenamed = worded(
  function workerRenamed(f: {
    readonly env: string | null;
    readonly from: string;
    readonly to: string;
    /** Classes the history deletes (a fresh Worker gets each delete rejected). */
    readonly deletes: readonly string[];
    /** Live classes the old Worker's code bound. */
    readonly served: readonly string[];
    /** The Worker declares `exports` (see `accountChanged`). */
    readonly exportsModel: boolean;
  }): Wording {
    return {
      message: `${theWorkerOf(f.env)} is renamed from ${q(f.from)} to ${q(f.to)}: unless a Worker ${q(f.to)} already exists, the next deploy creates a NEW Worker that starts with no objects and ${f.exportsModel ? "creates every live `exports` entry empty" : "replays the whole migration history"}, while ${q(f.from)} keeps all its objects and data (nothing is destroyed).${f.deletes.length > 0 ? ` That history deletes ${f.deletes.map(q).join(", ")}: on a new Worker the API rejects the delete of a class no earlier version of it exported (code 10074), so its first deploy fails.` : f.served.length > 0 ? ` The code bound ${f.served.map(q).join(", ")} there: after the deploy it reads the new, empty Worker, and none of those objects.` : " If the old name was a template's default, or CI writes the real name at deploy time, this is no rename."}`,
      fix: `Keep the name ${q(f.from)}${f.exportsModel ? EXPORTS_MOVE : ", or plan the move: transfer the classes (`transferred_classes`) or migrate the data, then retire the old Worker."}`,
    };
  },
  { worker: "to" },
);

/** DO501: a Worker that existed at base is gone at head (env removed, or the config file deleted). */
export const envRemoved = worded(function envRemoved(f: {
  readonly why: "env" | "file";
  readonly env: string | null;
  readonly worker: string | null;
}): Wording {
  const what = f.why === "env" ? `Environment ${q(f.env)} was removed` : "The config file was removed";
  return {
    message: `${what}: Worker ${q(f.worker ?? "(unnamed)")} and its Durable Objects live on, no longer managed by this config.`,
    fix: "If the Worker should go, delete its classes in two deploys first and then `wrangler delete` it; otherwise restore the config.",
  };
});

/** Where a target is declared (see `targetLabel`). */
interface Target {
  readonly env: string | null;
  readonly file: string;
}

/** DO505: two targets of the head deploy the same Worker. */
export const workerDeployedTwice = worded(function workerDeployedTwice(f: {
  readonly name: string;
  readonly other: Target;
  readonly first: Target;
}): Wording {
  return {
    message: `${targetLabel(f.other)} deploys to Worker ${q(f.name)}, and so does ${targetLabel(f.first, false)}: each deploy replaces the other's code and bindings, and sends its own migrations against the migration tag the other left. A class one of them deletes, or does not export, is destroyed or rejected there for both.`,
    fix: `Give each target its own \`name\`${f.other.env === null ? "" : ` (e.g. \`${f.name}-${f.other.env}\` for ${envLabel(f.other.env)})`}, or deploy ${q(f.name)} from one config only.`,
  };
});

/** DO504: a target now deploys to a Worker another config deployed at the base revision. */
export const workerNameTaken = worded(function workerNameTaken(f: {
  readonly head: Target;
  readonly name: string | null;
  readonly owner: Target;
  /** The name the target deployed to at the base revision, when it had one. */
  readonly previousName: string | null;
}): Wording {
  const left =
    f.previousName && f.previousName !== f.name
      ? ` Worker ${q(f.previousName)}, deployed from here at the base revision, keeps its objects, no longer managed by this config.`
      : "";
  return {
    message: `${targetLabel(f.head)} now deploys to Worker ${q(f.name)}, which ${targetLabel(f.owner, false)} deployed at the base revision: the next deploy from here sends this config's migrations and bindings to that Worker, so this change is checked against the history declared there.${left}`,
    fix: `If ${q(f.name)} is meant to be deployed from here now, nothing to do: the findings of this Worker compare the two histories. Otherwise restore the name${f.previousName ? ` ${q(f.previousName)}` : ""}.`,
  };
});

/** The report's note on top levels that look local-only (for `wrangler dev`). */
export function localOnlyNote(f: {
  /** Each config, with the signs its top level is local-only. */
  readonly configs: readonly { readonly file: string; readonly signs: readonly string[] }[];
  /** Environments of those configs, for the example. */
  readonly envs: readonly string[];
}): string {
  const listed = f.configs.map((c) => `${q(c.file)} (${c.signs.join(", ")})`);
  const shown = listed.length > 3 ? [...listed.slice(0, 3), `and ${listed.length - 3} more`] : listed;
  const example = f.envs.slice(0, 3).join(", ");
  return `The top level of ${shown.join("; ")} looks local-only (for \`wrangler dev\`); its findings only matter if it is deployed. If it never is, list the environments you deploy in the \`environments\` input (CLI: \`--env NAME\`)${example ? `, e.g. \`${example}\`` : ""}.`;
}

/** A sign that a top level is only used by `wrangler dev`, as localOnlyNote lists it. */
export function localOnlySign(
  f:
    | { readonly sign: "no-bindings" }
    | { readonly sign: "dev-name"; readonly name: string }
    | { readonly sign: "resource-id"; readonly resource: "kv" | "d1" | "hyperdrive"; readonly id: unknown },
): string {
  switch (f.sign) {
    case "no-bindings":
      return "no Durable Object bindings, unlike its environments";
    case "dev-name":
      return `name ${q(f.name)}`;
    case "resource-id": {
      const label = { kv: "KV namespace", d1: "D1 database", hyperdrive: "Hyperdrive config" }[f.resource];
      return `${label} id ${q(f.id)}`;
    }
  }
}
