// Replays a Worker's lifecycle into the state of each class name, the way the server applies it
// to a fresh Worker: the `migrations` steps in order, or the `exports` map as declared. Steps the
// server (and wrangler >= 4.131's local replay) would reject are recorded as problems.
import type { ClassState, Lifecycle, LifecycleStep, Storage } from "../model.ts";

export interface ReplayProblem {
  readonly kind: "delete-unknown" | "rename-unknown" | "create-existing" | "rename-onto-existing";
  readonly className: string;
  readonly tag: string | null;
  readonly line: number | null;
}

export interface Replay {
  readonly classes: ReadonlyMap<string, ClassState>;
  readonly problems: readonly ReplayProblem[];
}

// Replays of a migrations list, by the list: the environments that inherit the top-level
// migrations share it, and base and head of an unchanged file are the same reading.
const replayed = new WeakMap<readonly LifecycleStep[], Replay>();

export function replayLifecycle(lifecycle: Lifecycle): Replay {
  if (lifecycle.model === "migrations") {
    let replay = replayed.get(lifecycle.steps);
    if (!replay) {
      replay = replaySteps(lifecycle.steps);
      replayed.set(lifecycle.steps, replay);
    }
    return replay;
  }
  const classes = new Map<string, ClassState>();
  if (lifecycle.model === "exports") {
    const renameTargets = new Set(
      lifecycle.entries.flatMap((e) => (e.state === "renamed" && e.renamedTo ? [e.renamedTo] : [])),
    );
    for (const entry of lifecycle.entries) {
      const live = entry.state === "created" || entry.state === "expecting-transfer";
      classes.set(entry.className, {
        className: entry.className,
        status: live
          ? "live"
          : entry.state === "deleted"
            ? "deleted"
            : entry.state === "renamed"
              ? "renamed"
              : "transferred-out",
        storage: entry.storage,
        tag: null,
        line: entry.line,
        renamedTo: entry.renamedTo,
        deletedBefore: false,
        via:
          entry.state === "expecting-transfer"
            ? "transfer"
            : renameTargets.has(entry.className)
              ? "rename"
              : "create",
      });
    }
  }
  return { classes, problems: [] };
}

export function replaySteps(steps: readonly LifecycleStep[]): Replay {
  const classes = new Map<string, ClassState>();
  const problems: ReplayProblem[] = [];
  const isLive = (name: string) => classes.get(name)?.status === "live";

  for (const step of steps) {
    const at = { tag: step.tag, line: step.line };
    const begin = (className: string, storage: Storage | null, via: ClassState["via"]) => {
      if (isLive(className)) problems.push({ kind: "create-existing", className, ...at });
      const before = classes.get(className);
      classes.set(className, {
        className,
        status: "live",
        storage,
        // Written out, not spread from `at` (once per operation of every replay): the same keys
        // in the same order.
        tag: at.tag,
        line: at.line,
        renamedTo: null,
        deletedBefore: before !== undefined && before.status !== "live",
        via,
      });
    };
    const end = (className: string, status: ClassState["status"], renamedTo: string | null) => {
      const before = classes.get(className);
      classes.set(className, {
        className,
        status,
        storage: before?.storage ?? null,
        tag: at.tag,
        line: at.line,
        renamedTo,
        deletedBefore: before?.deletedBefore ?? false,
        via: before?.via ?? "create",
      });
    };
    for (const op of step.ops) {
      switch (op.type) {
        case "create":
          begin(op.className, op.storage, "create");
          break;
        case "transfer-in":
          begin(op.className, null, "transfer");
          break;
        case "delete":
          if (!isLive(op.className))
            problems.push({ kind: "delete-unknown", className: op.className, ...at });
          end(op.className, "deleted", null);
          break;
        case "transfer-out":
          end(op.className, "transferred-out", null);
          break;
        case "rename": {
          const source = classes.get(op.from);
          if (!isLive(op.from)) problems.push({ kind: "rename-unknown", className: op.from, ...at });
          if (isLive(op.to)) problems.push({ kind: "rename-onto-existing", className: op.to, ...at });
          end(op.from, "renamed", op.to);
          classes.set(op.to, {
            className: op.to,
            status: "live",
            storage: source?.storage ?? null,
            tag: at.tag,
            line: at.line,
            renamedTo: null,
            deletedBefore: false,
            via: "rename",
          });
          break;
        }
      }
    }
  }
  return { classes, problems };
}

/** The class names a state map has live. */
export function liveClasses(classes: ReadonlyMap<string, ClassState>): Set<string> {
  return new Set(liveClassNames(classes));
}

/**
 * The live classes of a replay's states, in the map's order. Once per map: a replay is shared by
 * the environments that inherit a history and by both sides of an unchanged file (see
 * `replayed`), and several rules ask for every target of every config. No one edits the map.
 */
export function liveClassNames(classes: ReadonlyMap<string, ClassState>): readonly string[] {
  let names = liveNamesOf.get(classes);
  if (!names) {
    names = Object.freeze([...classes.values()].filter((c) => c.status === "live").map((c) => c.className));
    liveNamesOf.set(classes, names);
  }
  return names;
}
const liveNamesOf = new WeakMap<ReadonlyMap<string, ClassState>, readonly string[]>();

/** `liveClasses` shared, for readers that only ask `has` (once per map, as `liveClassNames`). */
export function liveClassSet(classes: ReadonlyMap<string, ClassState>): ReadonlySet<string> {
  let set = liveSetOf.get(classes);
  if (!set) {
    set = liveClasses(classes);
    liveSetOf.set(classes, set);
  }
  return set;
}
const liveSetOf = new WeakMap<ReadonlyMap<string, ClassState>, ReadonlySet<string>>();
