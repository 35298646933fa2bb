// Rule family DO4xx: Durable Object bindings (removed, pointing nowhere, moved to another Worker).
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { envLabel, q } from "./words.ts";

export const BINDING_RULES = {
  "binding-removed": {
    code: "DO401",
    title: "Binding removed, class kept",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "binding-unknown-class": {
    code: "DO402",
    title: "Binding to a class no migration creates",
    severity: "error",
  },
  "binding-retargeted": {
    code: "DO403",
    title: "Binding moved to another Worker's class",
    severity: "warning",
  },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording: each rule's message and fix, from plain facts (names as written in the config).

/** DO401: a binding removed without a delete. */
export const bindingRemoved = worded(function bindingRemoved(f: {
  readonly binding: string;
  readonly className: string;
  readonly env: string | null;
}): Wording {
  return {
    message: `Binding ${q(f.binding)} to class ${q(f.className)} was removed from ${envLabel(f.env)} without a delete migration: the objects and their storage stay. If the class also leaves the code, the deploy fails with code 10064.`,
    fix: `Keep exporting ${q(f.className)} from the code. If its data should go, follow with a delete (phase 2 of a two-phase deploy); if the removal is a mistake, restore the binding.`,
  };
});

/** DO402: a binding to a class no migration creates (or, with no lifecycle, that may exist elsewhere). */
export const bindingUnknownClass = worded(function bindingUnknownClass(f: {
  readonly binding: string;
  readonly className: string;
  readonly env: string | null;
  readonly noLifecycle: boolean;
}): Wording {
  const where = envLabel(f.env);
  return {
    message: f.noLifecycle
      ? `Binding ${q(f.binding)} points at class ${q(f.className)}, but ${where} declares no Durable Object lifecycle (\`migrations\` or \`exports\`): unless the class was created elsewhere, the API rejects it (code 10061).`
      : `Binding ${q(f.binding)} points at class ${q(f.className)}, which no migration in ${where} creates: the API rejects the deploy (code 10061).`,
    fix: `Add a migration that creates ${q(f.className)} (\`new_sqlite_classes\`), or fix the class name.`,
  };
});

/** DO403: a binding that pointed at this Worker's class now points at another Worker's. */
export const bindingRetargeted = worded(function bindingRetargeted(f: {
  readonly binding: string;
  readonly env: string | null;
  readonly ownClass: string;
  readonly otherClass: string;
  readonly otherWorker: string | null;
  readonly worker: string | null;
  /** The Worker declares `exports` (the other Worker's class is then declared in its `exports`). */
  readonly exportsModel: boolean;
}): Wording {
  const own = q(f.ownClass);
  const declared = f.exportsModel
    ? "declared live in its own `exports` and exported by its code"
    : "created by its own migration and exported by its code";
  const other = q(f.otherWorker);
  return {
    message: `Binding ${q(f.binding)} in ${envLabel(f.env)} now points at class ${q(f.otherClass)} of Worker ${other} (\`script_name\`) instead of this Worker's own ${own}. The objects of ${q(f.worker ?? "this Worker")}'s ${own} stay where they are and nothing here binds them any more: they do not move to ${other}, whose ${q(f.otherClass)} is a separate namespace. The deploy needs Worker ${other} to exist and to have ${q(f.otherClass)} ${declared}, or it fails (code 10061).`,
    fix: `If the objects should move to ${other}, transfer the class (\`transferred_classes\` in ${other}'s config, from this Worker) instead of re-binding. Either way keep exporting ${own} here until it is deleted (two deploys), or the deploy fails with code 10064.`,
  };
});

/** DO403, once the other Worker's config is read: whether it creates the class (a remark after). */
export function retargetTarget(f: {
  readonly worker: string | null;
  readonly file: string;
  readonly className: string;
  readonly creates: boolean;
}): string {
  return f.creates
    ? `${q(f.worker)} (${q(f.file)}) does create ${q(f.className)}.`
    : `${q(f.worker)} is configured in ${q(f.file)}, and no migration there creates ${q(f.className)}: the deploy is rejected (code 10061).`;
}
