// Rule family DO9xx: the declarative `exports` map (tombstones, renames and transfers the server refuses).
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { envLabel, q } from "./words.ts";

export const EXPORTS_RULES = {
  "exports-tombstone-in-code": {
    code: "DO901",
    title: "`deleted` tombstone while the code still exports the class",
    severity: "error",
  },
  "exports-rename-refused": {
    code: "DO902",
    title: "`renamed` tombstone the server refuses",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "exports-transfer-not-expected": {
    code: "DO903",
    title: "Transfer the receiving Worker does not expect",
    severity: "error",
  },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording in the `exports` model's own terms: its DO9xx rules, and the other families' rules said
// for a Worker on `exports` (analyze/exports-rules.ts picks which).

type Storage = "sqlite" | "kv";

/** What the server answers a refused `exports` upload with (wrangler prints the scenario). */
export function refused(scenario: string): string {
  return `the server refuses the deploy (code 100402, \`${scenario}\`) and nothing changes`;
}

export function storageWord(storage: Storage | null): string {
  return storage === "kv" ? "legacy-kv" : "sqlite";
}

/** An `exports` entry as a user writes it (JSONC shape; the docs show the TOML form beside it). */
export function liveEntryText(className: string, storage: Storage | null): string {
  return `\`"${className}": { "type": "durable-object", "storage": "${storageWord(storage)}" }\``;
}

function tombstoneText(className: string): string {
  return `\`"${className}": { "type": "durable-object", "state": "deleted" }\``;
}

/** How a `deleted` tombstone applies: the one-deploy order of the `exports` model. */
function tombstoneOrder(className: string): string {
  return `The server applies a \`deleted\` tombstone in one deploy of this Worker, and only when the code no longer exports ${q(className)} (else \`tombstone_delete_class_still_in_code\`) and no other Worker binds it (else \`tombstone_delete_blocked_by_external_bindings\`): deploy the other Workers without their bindings to it first, then this one with the tombstone, ${q(className)} removed from the code and its bindings removed.`;
}

/** The end of a DO502/DO503 fix for a Worker on `exports`: how to move its classes. */
export const EXPORTS_MOVE =
  ', or plan the move: transfer the classes (an `expecting-transfer` entry in the new Worker, then `"state": "transferred"` in the old one; same account only) or migrate the data in code, then retire the old Worker (tombstones with the classes removed from the code, then `wrangler delete`).';

/** DO902: a `renamed` tombstone onto a class with a namespace, or onto a name with no live entry. */
export const exportsRenameRefused = worded(function exportsRenameRefused(f: {
  readonly className: string;
  readonly to: string;
  readonly env: string | null;
  readonly occupied: boolean;
  readonly worker: string | null;
  readonly storage: Storage | null;
}): Wording {
  const where = envLabel(f.env);
  return f.occupied
    ? {
        message: `${q(f.className)} is renamed to ${q(f.to)} in ${where}, but ${q(f.to)} already has a namespace (it is live at the base revision): ${refused("tombstone_renamed_to_occupied")}. The objects of ${q(f.to)} are not merged with those of ${q(f.className)}.`,
        fix: `Rename to a name that has never had a namespace in ${q(f.worker ?? "this Worker")}, e.g. \`"renamed_to": "${f.to}V2"\` with a live entry for it. If ${q(f.to)} is really to go first, tombstone it in a deploy of its own (data loss), then rename.`,
      }
    : {
        message: `${q(f.className)} is renamed to ${q(f.to)} in ${where}, but \`exports\` has no live entry for ${q(f.to)}: ${refused("config_references_nonexistent_class")}.`,
        fix: `Add ${liveEntryText(f.to, f.storage)} beside the tombstone, and export ${q(f.to)} from the code.`,
      };
});

/** DO101's fix on `exports`: the tombstone's one-deploy order. */
export function exportsDeleteFix(f: {
  readonly className: string;
  readonly storage: Storage | null;
}): string {
  return `${tombstoneOrder(f.className)} If the data must stay, put back ${liveEntryText(f.className, f.storage)}. To rename the class instead, write \`"state": "renamed", "renamed_to": "<NewName>"\` with a live entry for the new name.`;
}

/** DO102 on `exports`. */
export const exportsProbableRename = worded(function exportsProbableRename(f: {
  readonly name: string;
  readonly to: string;
  readonly env: string | null;
}): Wording {
  const { name, to } = f;
  return {
    message: `A binding moves from ${q(name)} to ${q(to)} while ${q(name)} gets a \`deleted\` tombstone and ${q(to)} a new entry in ${envLabel(f.env)}: this looks like a rename, but as written every ${q(name)} object is destroyed and ${q(to)} starts empty.`,
    fix: `To keep the data, write \`"${name}": { "type": "durable-object", "state": "renamed", "renamed_to": "${to}" }\` instead of the tombstone (keep the live entry of ${q(to)}), and export ${q(to)} from the code.`,
  };
});

/** DO103 on `exports`. */
export const exportsDeleteStillBound = worded(function exportsDeleteStillBound(f: {
  readonly name: string;
  readonly binding: string;
  readonly env: string | null;
}): Wording {
  return {
    message: `${q(f.name)} gets a \`deleted\` tombstone in ${envLabel(f.env)}, but binding ${q(f.binding)} still points at it: once the tombstone applies the class has no namespace, so the deploy is rejected (code 10061).`,
    fix: `Remove the binding in this same deploy. ${tombstoneOrder(f.name)}`,
  };
});

/** DO302 on `exports`: a `renamed` tombstone. */
export const exportsClassRenamed = worded(function exportsClassRenamed(f: {
  readonly name: string;
  readonly to: string;
  readonly env: string | null;
}): Wording {
  const { name, to } = f;
  return {
    message: `${q(name)} gets a \`renamed\` tombstone to ${q(to)} in ${envLabel(f.env)}: its namespace, objects and storage move to the new name.`,
    fix: `Zero downtime takes three deploys: (1) the code exports ${q(to)} as an alias (\`export { ${name} as ${to} }\`), no config change; (2) this change: the \`renamed\` tombstone, the live entry of ${q(to)}, bindings pointing at ${q(to)}; (3) drop the alias ${q(name)} from the code. The tombstone may be dropped once a deploy reports it in \`removable_entries\`.`,
  };
});

/** DO303 on `exports`: a `transferred` tombstone (out), or an `expecting-transfer` entry (in). */
export const exportsClassTransferred = worded(function exportsClassTransferred(f: {
  readonly name: string;
  readonly env: string | null;
  readonly worker: string | null;
  readonly storage: Storage | null;
  /** Out: the receiving Worker; in: null. */
  readonly to: string | null;
  /** In: the source Worker. */
  readonly from: string | null;
  readonly direction: "out" | "in";
}): Wording {
  const { name } = f;
  const where = envLabel(f.env);
  const self = q(f.worker ?? "this Worker");
  const storage = storageWord(f.storage);
  if (f.direction === "out") {
    const to = q(f.to ?? "the target Worker");
    return {
      message: `${q(name)} gets a \`transferred\` tombstone to ${to} in ${where}: its namespace and objects move to ${to} (same account only).`,
      fix: `A transfer takes four deploys over two Workers: (1) ${to} declares \`"${name}": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "${f.worker ?? "<this Worker>"}", "storage": "${storage}" }\` and exports the class; (2) ${self} deploys this tombstone (refused before step 1: \`transfer_target_not_expecting\`); (3) ${to} changes its entry to \`"storage": "${storage}"\` (state \`created\`) and binds it; (4) ${self} drops the tombstone.`,
    };
  }
  const from = q(f.from ?? "the source Worker");
  return {
    message: `${q(name)} is expecting a transfer from ${from} in ${where}: the namespace and its objects arrive when ${from} deploys its \`transferred\` tombstone.`,
    fix: `This is step 1 of 4: deploy ${self} first; then ${from} deploys \`"state": "transferred", "transferred_to": "${f.worker ?? "<this Worker>"}"\`; then change this entry to \`"storage": "${storage}"\` (state \`created\`) and bind the class; ${from} drops its tombstone last.`,
  };
});

/** DO304 on `exports`. */
export const exportsClassRecreated = worded(function exportsClassRecreated(f: {
  readonly name: string;
  readonly env: string | null;
}): Wording {
  return {
    message: `${q(f.name)} had a \`deleted\` tombstone and gets a live entry again in ${envLabel(f.env)}: if the tombstone applied, the new ${q(f.name)} starts empty and none of the old objects come back; if it never applied, the class simply stays.`,
    fix: "Make sure nobody expects the old data; prefer a new class name so the map reads clearly.",
  };
});

/** DO305 on `exports`. */
export const exportsStorageChanged = worded(function exportsStorageChanged(f: {
  readonly name: string;
  readonly env: string | null;
  readonly was: Storage | null;
  readonly now: Storage | null;
}): Wording {
  return {
    message: `${q(f.name)} changes \`storage\` from \`${storageWord(f.was)}\` to \`${storageWord(f.now)}\` in ${envLabel(f.env)}: storage is immutable, so for a Worker that has the class ${refused("storage_type_mismatch")}. A fresh Worker would get the new backend.`,
    fix: `Put back \`"storage": "${storageWord(f.was)}"\`. To move to SQLite, add a new class with \`"storage": "sqlite"\` and migrate the data in code.`,
  };
});

/** DO306 on `exports`. */
export const exportsEntryRemoved = worded(function exportsEntryRemoved(f: {
  readonly name: string;
  readonly env: string | null;
  readonly was: Storage | null;
}): Wording {
  return {
    message: `${q(f.name)} has a namespace (live at the base revision) but no entry in the \`exports\` of ${envLabel(f.env)} any more: ${refused("orphaned_provisioned_namespace")} when the code no longer exports it either (\`provisioned_class_missing_from_config\` when it still does). Removing an entry deletes nothing.`,
    fix: `Put back ${liveEntryText(f.name, f.was)}. If its data must go, write ${tombstoneText(f.name)} instead (data loss). ${tombstoneOrder(f.name)}`,
  };
});

/** DO401 on `exports`. */
export const exportsBindingRemoved = worded(function exportsBindingRemoved(f: {
  readonly binding: string;
  readonly name: string;
  readonly env: string | null;
}): Wording {
  return {
    message: `Binding ${q(f.binding)} to ${q(f.name)} was removed from ${envLabel(f.env)}, and ${q(f.name)} keeps its live \`exports\` entry: the objects and their storage stay.`,
    fix: `Nothing to do if ${q(f.name)} stays: keep the class in the code while its entry is live (the server refuses a live entry the code does not export: code 100402, \`config_export_not_in_code\`). If its data should go, write ${tombstoneText(f.name)} and remove the class from the code in one deploy.`,
  };
});

/** DO402 on `exports`. */
export const exportsBindingUnknownClass = worded(function exportsBindingUnknownClass(f: {
  readonly name: string;
  readonly env: string | null;
  /** The state of the class's entry, when it has a tombstone. */
  readonly state: string | null;
}): Wording {
  return {
    message: `Binding to ${q(f.name)} in ${envLabel(f.env)}, but \`exports\` has no live entry for ${q(f.name)}${f.state ? ` (it is \`${f.state}\`)` : ""}: the API rejects the deploy (code 10061).`,
    fix: `Add ${liveEntryText(f.name, "sqlite")} to \`exports\` and export the class from the code, or fix the class name.`,
  };
});

/** DO403's fix on `exports`. */
export function exportsBindingRetargetedFix(f: { readonly name: string }): string {
  return `If the objects should move there, transfer the class (an \`expecting-transfer\` entry in the other Worker's config first, then \`"state": "transferred"\` here). Otherwise ${q(f.name)} keeps its entry and namespace here: keep it in the code while its entry is live.`;
}

/** DO501's fix on `exports`. */
export const EXPORTS_ENV_REMOVED_FIX =
  'If the Worker should go, tombstone its classes (`"state": "deleted"`, the classes removed from the code) in one deploy, then `wrangler delete` it; otherwise restore the config.';

/** DO601/DO602 on `exports`: a live entry the code does not export. */
export const exportsClassNotExported = worded(function exportsClassNotExported(f: {
  readonly name: string;
  readonly entry: string;
  readonly env: string | null;
  /** Created by this change (or not deployed as written, or expecting a transfer). */
  readonly created: boolean;
}): Wording {
  return {
    message: `${q(f.name)} has a live \`exports\` entry in ${envLabel(f.env)}, but ${q(f.entry)} does not export it: ${refused("config_export_not_in_code")}.`,
    fix: f.created
      ? `Export ${q(f.name)} from ${q(f.entry)} (\`export class ${f.name} ...\` or re-export it).`
      : `Export ${q(f.name)} from ${q(f.entry)} again. If its data should go, write ${tombstoneText(f.name)} instead and keep the class out of the code (data loss).`,
  };
});

/** DO901: `deleted` tombstones while the code still exports the classes. */
export const exportsTombstoneInCode = worded(function exportsTombstoneInCode(f: {
  readonly still: readonly string[];
  readonly entry: string;
  readonly env: string | null;
}): Wording {
  const { still } = f;
  const them = still.length === 1 ? "it" : "them";
  return {
    message: `${still.map(q).join(", ")} ${still.length === 1 ? "gets a" : "get"} \`deleted\` tombstone${still.length === 1 ? "" : "s"} in ${envLabel(f.env)}, but ${q(f.entry)} still exports ${them}: ${refused("tombstone_delete_class_still_in_code")}.`,
    fix: `Remove ${still.map((c) => `class ${c}`).join(", ")} (and ${still.length === 1 ? "its" : "their"} re-exports) from the code in the same deploy as the tombstone: with \`exports\` the class leaves the code when it is deleted, not after.`,
  };
});

/** DO903: a `transferred` tombstone the receiving Worker (in the repository) does not expect. */
export const exportsTransferNotExpected = worded(function exportsTransferNotExpected(f: {
  readonly className: string;
  readonly env: string | null;
  readonly worker: string | null;
  readonly target: { readonly name: string | null; readonly file: string };
  /** The receiving entry, when there is one. */
  readonly expecting: {
    readonly state: string;
    readonly transferFrom: string | null;
    readonly storage: Storage | null;
  } | null;
  /** The receiving entry expects it, with another storage. */
  readonly mismatch: boolean;
  readonly storage: Storage | null;
}): Wording {
  const { className, target, expecting } = f;
  return {
    message:
      f.mismatch && expecting
        ? `${q(className)} is transferred to ${q(target.name)} in ${envLabel(f.env)}, whose \`expecting-transfer\` entry (${q(target.file)}) declares \`${storageWord(expecting.storage)}\` storage where the namespace has \`${storageWord(f.storage)}\`: ${refused("storage_type_mismatch")}.`
        : `${q(className)} is transferred to ${q(target.name)} in ${envLabel(f.env)}, but ${q(target.file)} does not declare it \`expecting-transfer\` from ${q(f.worker)}${expecting ? ` (its entry is \`${expecting.state}\`${expecting.transferFrom ? ` from ${q(expecting.transferFrom)}` : ""})` : ""}: ${refused("transfer_target_not_expecting")}.`,
    fix: `First deploy ${q(target.name)} with \`"${className}": { "type": "durable-object", "state": "expecting-transfer", "transfer_from": "${f.worker ?? ""}", "storage": "${storageWord(f.storage)}" }\` (and the class in its code), then this tombstone.`,
  };
});

/** DO105 on `exports`: another Worker's binding blocks the `deleted` tombstone. */
export const exportsCrossWorkerBinding = worded(function exportsCrossWorkerBinding(f: {
  /** The binding Worker's name, else its config file. */
  readonly who: string;
  readonly binding: string;
  readonly className: string;
  readonly owner: string | null;
  readonly ownerFile: string;
  readonly dropped: boolean;
}): Wording {
  const who = q(f.who);
  const owner = q(f.owner);
  return {
    message: f.dropped
      ? `Worker ${who} drops its binding ${q(f.binding)} to ${q(f.className)} of ${owner} in the same change that tombstones the class in ${q(f.ownerFile)}, but the live binding stays until ${who} has deployed without it: if ${owner} deploys first, ${refused("tombstone_delete_blocked_by_external_bindings")}, naming ${who} in \`referencing_scripts\`.`
      : `Worker ${who} still binds ${q(f.className)} of ${owner} through \`script_name\` (binding ${q(f.binding)}): while it does, the \`deleted\` tombstone in ${q(f.ownerFile)} is refused (code 100402, \`tombstone_delete_blocked_by_external_bindings\`, naming ${who} in \`referencing_scripts\`).`,
    fix: `Deploy ${who} without binding ${q(f.binding)} first; then deploy ${owner} with the tombstone and ${q(f.className)} removed from its code (a release of the repository orders them so).`,
  };
});
