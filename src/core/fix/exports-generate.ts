// The `exports` side of the generators (generate.ts): a tombstone written the way wrangler accepts
// it (only the keys its state allows: the `storage` of the live entry goes), and the next steps in
// the `exports` order (DOMAIN.md section 1), which is not the legacy two-phase one.
import { q } from "../diagnostics.ts";
import type { ConfigPath } from "../model.ts";
import type { DocumentOp } from "./document-ops.ts";

/** The keys wrangler allows on an entry of each tombstone state. */
const TOMBSTONE_KEYS = {
  deleted: ["type", "state"],
  renamed: ["type", "state", "renamed_to"],
} as const;

/**
 * The edits that turn the live entry at `at` into a tombstone: the state (and `renamed_to`) set,
 * every key the state forbids removed (wrangler rejects the config otherwise).
 */
export function tombstoneOps(
  at: ConfigPath,
  entry: Record<string, unknown>,
  state: keyof typeof TOMBSTONE_KEYS,
  renamedTo?: string,
): DocumentOp[] {
  const set = (key: string, value: unknown): DocumentOp =>
    key in entry ? { op: "set", path: [...at, key], value } : { op: "add-key", path: at, key, value };
  const ops: DocumentOp[] = [set("state", state)];
  if (renamedTo !== undefined) ops.push(set("renamed_to", renamedTo));
  const allowed: readonly string[] = TOMBSTONE_KEYS[state];
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key)) ops.push({ op: "remove", path: [...at, key] });
  }
  return ops;
}

/** What to do after `delete` wrote a `deleted` tombstone. */
export function exportsDeleteNext(className: string, entry: string): string[] {
  return [
    `Remove class ${q(className)} from ${entry} in this same change: with \`exports\` the server applies the tombstone only once the code no longer exports the class (else code 100402, \`tombstone_delete_class_still_in_code\`).`,
    `Deploy it in one confirmed deploy (no phase 1 with \`exports\`; the bindings removed here go with it): \`do-migrate deploy --confirm-data-loss ${className}\` (or the action's \`mode: deploy\`). Once a deploy lists ${q(className)} in \`removable_entries\`, the tombstone may be dropped.`,
  ];
}

/** What to do after `rename` wrote a `renamed` tombstone. */
export function exportsRenameNext(from: string, to: string, entry: string): string[] {
  return [
    `Zero downtime takes three deploys: (1) before this change, deploy code that also exports ${q(to)} as an alias (\`export { ${from} as ${to} }\` in ${entry}); (2) deploy this change, the code still exporting both names; (3) rename the class to ${q(to)} in the code and drop ${q(from)}.`,
    `Other Workers that bind ${q(from)} through \`script_name\` must point at ${q(to)} too. Once a deploy lists ${q(from)} in \`removable_entries\`, the tombstone may be dropped.`,
  ];
}
