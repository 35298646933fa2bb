// Rule family DO3xx: what happens to a class (created, renamed, transferred, re-created, storage, `exports`).
import { type RuleFamily, type Wording, worded } from "./rule.ts";
import { envLabel, q, storageName } from "./words.ts";

export const CLASS_RULES = {
  "class-created": { code: "DO301", title: "Class created", severity: "info" },
  "class-renamed": { code: "DO302", title: "Class renamed", severity: "warning" },
  "class-transferred": { code: "DO303", title: "Class transferred", severity: "warning" },
  "class-recreated": {
    code: "DO304",
    title: "Deleted class name created again",
    severity: "warning",
    deployedWorkerOnly: true,
  },
  "storage-changed": {
    code: "DO305",
    title: "Storage backend changed",
    severity: "error",
    deployedWorkerOnly: true,
  },
  "export-removed": {
    code: "DO306",
    title: "Live class dropped from `exports`",
    severity: "error",
    deployedWorkerOnly: true,
  },
} as const satisfies RuleFamily;

// ---------------------------------------------------------------------------------------------
// Wording: each rule's message and fix, from plain facts (names as written in the config).

/** DO302: a class renamed. */
export const classRenamed = worded(function classRenamed(f: {
  readonly className: string;
  readonly renamedTo: string | null;
  readonly env: string | null;
}): Wording {
  return {
    message: `Class ${q(f.className)} is renamed to ${q(f.renamedTo)} in ${envLabel(f.env)}: objects and storage move to the new name.`,
    fix: `Export ${q(f.renamedTo)} from the Worker's code and point bindings at it in the same deploy.`,
  };
});

/** DO303: a class transferred out of this Worker, or into it. */
export const classTransferred = worded(function classTransferred(f: {
  readonly className: string;
  readonly worker: string | null;
  readonly env: string | null;
  readonly direction: "out" | "in";
}): Wording {
  const worker = q(f.worker ?? "this Worker");
  return f.direction === "out"
    ? {
        message: `Class ${q(f.className)} is transferred out of ${worker} in ${envLabel(f.env)}: its objects move to another Worker.`,
        fix: "Deploy the receiving Worker's `expecting-transfer` entry first, then this one.",
      }
    : {
        message: `Class ${q(f.className)} is transferred into ${worker} in ${envLabel(f.env)}, with its objects.`,
        fix: "Deploy this Worker before the source Worker drops the class; keep the source's binding until then.",
      };
});

/** DO304: a live class deleted and created again in the same change. */
export const classDeletedAndRecreated = worded(function classDeletedAndRecreated(f: {
  readonly className: string;
  readonly env: string | null;
  /** The new storage, when it differs from the old. */
  readonly newStorage: "sqlite" | "kv" | null;
}): Wording {
  return {
    message: `Class ${q(f.className)} is deleted and created again in ${envLabel(f.env)}: the delete destroys every existing object and its storage, and the new ${q(f.className)} starts empty${f.newStorage ? ` (with ${storageName(f.newStorage)} storage)` : ""}.`,
    fix: "To change a class's storage or start it over, create a class with a new name and migrate the data in code; never delete a class that holds data you need.",
  };
});

/** DO304: a class created again after an earlier migration deleted it. */
export const classRecreated = worded(function classRecreated(f: {
  readonly className: string;
  readonly env: string | null;
  /** The deleting base step most likely never applied (its deploy is rejected at the base). */
  readonly unapplied: {
    readonly tag: string | null;
    readonly code: string | null;
    readonly reason: string;
  } | null;
}): Wording {
  const name = q(f.className);
  const u = f.unapplied;
  return {
    message: u
      ? `Class ${name} is created again in ${envLabel(f.env)} after migration ${q(u.tag)} deletes it. ${q(u.tag)} most likely never applied (at the base revision its deploy is rejected${u.code ? ` with code ${u.code}` : ""}: ${u.reason}), so deployed Workers most likely still have ${name} and its objects: the new ${name} starts empty only where that delete applies.`
      : `Class ${name} is created again in ${envLabel(f.env)} after an earlier migration deleted it: it starts empty, none of the old objects come back.`,
    fix: "Make sure nobody expects the old data; prefer a new class name so the history reads clearly.",
  };
});

/** DO305: a class switches storage backend. */
export const storageChanged = worded(function storageChanged(f: {
  readonly className: string;
  readonly env: string | null;
  readonly from: "sqlite" | "kv";
  readonly to: "sqlite" | "kv";
}): Wording {
  return {
    message: `Class ${q(f.className)} switches storage from ${storageName(f.from)} to ${storageName(f.to)} in ${envLabel(f.env)}. A class can never change its storage backend in place: deployed Workers ignore this, and fresh Workers get a different backend.`,
    fix: `Keep the original storage. To move to SQLite, create a new class with \`new_sqlite_classes\` and migrate the data in code.`,
  };
});

/** DO301: classes created (one finding per step and backend). */
export const classCreated = worded(function classCreated(f: {
  readonly classNames: readonly string[];
  readonly env: string | null;
  readonly tag: string | null;
  readonly storage: "sqlite" | "kv" | null;
}): Wording {
  const names = f.classNames;
  return {
    message: `${names.length === 1 ? "Class" : "Classes"} ${names.map(q).join(", ")} ${names.length === 1 ? "is" : "are"} created in ${envLabel(f.env)}${f.tag ? ` (migration ${q(f.tag)})` : ""} with ${storageName(f.storage)} storage.`,
    fix: `Export ${names.map(q).join(", ")} from the Worker's entry module.`,
  };
});

/** DO306: a live class no longer declared in `exports`. */
export const exportRemoved = worded(function exportRemoved(f: {
  readonly className: string;
  readonly env: string | null;
}): Wording {
  return {
    message: `Class ${q(f.className)} has live objects but is no longer declared in \`exports\` in ${envLabel(f.env)}: the server's reconciliation decides what happens to its namespace.`,
    fix: `Keep ${q(f.className)} in \`exports\`, or mark it \`"state": "deleted"\` if its data must go (two deploys).`,
  };
});
