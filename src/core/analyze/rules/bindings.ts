// Detection of the DO4xx rules of one Worker (rules/bindings.ts words them): the Worker's own
// base bindings gone at head without a delete (removed, or moved to another Worker's class), and
// head bindings to a class no migration creates.
import { isLocalBinding } from "../../config/workers.ts";
import type { Draft } from "../../diagnostics.ts";
import { liveClassSet } from "../../lifecycle/replay.ts";
import { bindingRemoved, bindingRetargeted, bindingUnknownClass } from "../../rules/bindings.ts";
import { type Comparison, isLiveAtBase } from "../comparison.ts";

/** DO401 and DO403: base bindings whose class stays live but that the head no longer has. */
export function removedBindingDrafts(c: Comparison): Draft[] {
  const { env, head } = c;
  if (!c.base) return [];
  const drafts: Draft[] = [];
  const headBound = new Set(c.localBindings.map((b) => b.className));
  const reported = new Set<string>();
  for (const old of c.baseLocal) {
    if (headBound.has(old.className) || reported.has(old.className)) continue;
    const now = c.after.classes.get(old.className);
    if (now && now.status !== "live") continue; // deleted, renamed or transferred: reported above
    reported.add(old.className);
    const elsewhere = head.bindings.find((b) => b.name === old.name && !isLocalBinding(b, head));
    if (elsewhere) {
      drafts.push({
        kind: "binding-retargeted",
        env,
        classes: [old.className, elsewhere.className],
        line: elsewhere.line,
        ...bindingRetargeted({
          binding: old.name,
          env,
          ownClass: old.className,
          otherClass: elsewhere.className,
          otherWorker: elsewhere.scriptName,
          worker: head.name,
          exportsModel: head.lifecycle.model === "exports",
        }),
      });
      continue;
    }
    drafts.push({
      kind: "binding-removed",
      env,
      classes: [old.className],
      line: head.bindingsLine ?? head.envLine,
      ...bindingRemoved({ binding: old.name, className: old.className, env }),
    });
  }
  return drafts;
}

/** DO402: the head's own bindings to a class its lifecycle does not create. */
export function unknownClassDrafts(c: Comparison): Draft[] {
  const { env, head, base, after } = c;
  const drafts: Draft[] = [];
  // Shared by every target of the history (asked for each, changed or not).
  const headLive = liveClassSet(after.classes);
  const baseHad = (name: string, className: string) =>
    base?.bindings.some((b) => b.name === name && b.className === className && isLocalBinding(b, base)) ??
    false;
  for (const binding of c.localBindings) {
    if (headLive.has(binding.className) || after.classes.get(binding.className)?.status === "deleted")
      continue;
    // wrangler v1 created classes at publish time (`--new-class`), not only through migrations.
    if (head.wranglerV1) continue;
    const noLifecycle = head.lifecycle.model === "none";
    const existed = baseHad(binding.name, binding.className) && !isLiveAtBase(c, binding.className);
    drafts.push({
      kind: "binding-unknown-class",
      env,
      classes: [binding.className],
      line: binding.line,
      severity: noLifecycle ? "warning" : "error",
      preExisting: existed,
      ...bindingUnknownClass({ binding: binding.name, className: binding.className, env, noLifecycle }),
    });
  }
  return drafts;
}
