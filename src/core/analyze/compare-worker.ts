// Compares one deployed Worker at two revisions: replays both lifecycles into class states and
// reads the change off the difference, plus the rules that need both (bindings, names, history).
import { isLocalBinding } from "../config/workers.ts";
import { capitalised, type Draft, envLabel, INHERITED_REMARK, q } from "../diagnostics.ts";
import { destructions, type PossibleDestruction, possibleDestructions } from "../lifecycle/engine.ts";
import { liveClasses, type ReplayProblem, replayLifecycle } from "../lifecycle/replay.ts";
import type { ClassState, DurableObjectBinding, LifecycleStep, Worker } from "../model.ts";
import { exportsDrafts } from "./exports-rules.ts";
import { compareHistories, type PredictedRejection, pendingSteps, predictRejection } from "./history.ts";
import { type ConditionalDestruction, editedStepDestructions, pendingDestructions } from "./lineage.ts";

const TWO_PHASE =
  "delete in two deploys: first remove every binding to the class (keep exporting it), deploy; then add the delete and deploy with an explicit confirmation (`mode: deploy` of this action runs both phases).";

/** Drafts for a Worker that exists at head; `base` is null for a new Worker (new file or env). */
export interface CompareContext {
  /** The export names of the base Worker's entry module at the base revision, when read. */
  readonly baseExports?: ReadonlySet<string> | null;
  /**
   * Bindings of other targets of the repository at the base revision that name a class of the
   * base Worker through `script_name` (by class name): they get a delete of that class rejected.
   */
  readonly boundElsewhere?: ReadonlyMap<string, { readonly binding: string; readonly worker: string }>;
}

export function compareWorker(base: Worker | null, head: Worker, context: CompareContext = {}): Draft[] {
  const env = head.env;
  const drafts: Draft[] = [];
  const baseLocal = base ? base.bindings.filter((b) => isLocalBinding(b, base)) : [];
  // A Worker the change leaves alone (read once for both sides) has no tail to predict.
  const predicted =
    base && base !== head
      ? rejectedTail(base, baseLocal, context.baseExports ?? null, context.boundElsewhere)
      : null;
  // What the history findings say of the steps a deploy from the base cannot apply. Below, the
  // base is read without them only for the tail the config itself predicts: a class missing from
  // the base code since an older step says no deploy from the base succeeds, not that the Worker
  // never ran the later steps from an earlier revision, so their classes stay live for the
  // data-loss checks.
  const rejected =
    predicted &&
    (predicted.cause !== "not-exported" ||
      (base?.lifecycle.model === "migrations" && predicted.index === base.lifecycle.steps.length - 1))
      ? predicted
      : null;
  const touched = base !== null && rejected !== null && touchesTail(base, head, rejected.index);
  // A rejected delete this change lets through: the head keeps the steps and drops every binding
  // that got them rejected, so the next deploy applies them (the fix PR of executor#1191).
  const unblocked = base && rejected && !touched && unblocks(base, head, rejected) ? rejected : null;
  // The base as deployed Workers most likely have it: without the steps whose deploy the base
  // itself gets rejected, when the change touches them (a retried delete, a withdrawn step) or
  // lets them apply.
  const deployedBase = base && rejected && (touched || unblocked) ? withoutTail(base, rejected.index) : base;
  const fullBefore = base ? replayLifecycle(base.lifecycle) : null;
  const before = deployedBase ? replayLifecycle(deployedBase.lifecycle) : null;
  const after = replayLifecycle(head.lifecycle);
  const baseClasses = before?.classes ?? new Map<string, ClassState>();
  const isLiveAtBase = (name: string) => baseClasses.get(name)?.status === "live";
  const where = envLabel(env);
  const localBindings = head.bindings.filter((b) => isLocalBinding(b, head));
  // A base binding that keeps its name at head but points at another live class of this Worker:
  // the old class is being replaced (a rename written as delete + create, or a storage switch).
  const replacedBy = (className: string) => {
    for (const old of baseLocal.filter((b) => b.className === className)) {
      const moved = localBindings.find((b) => b.name === old.name && b.className !== className);
      const target = moved && after.classes.get(moved.className);
      if (moved && target?.status === "live") return { binding: moved, target };
    }
    return null;
  };
  const storageSwitch = (gone: ClassState) => {
    const replacement = replacedBy(gone.className);
    const from = gone.storage ?? baseClasses.get(gone.className)?.storage ?? null;
    const to = replacement?.target.storage ?? null;
    return replacement && from && to && from !== to ? { ...replacement, from, to } : null;
  };

  const deleted: ClassState[] = [];
  const created: ClassState[] = [];
  // Which pending steps destroy objects the deployed Worker has: step by step when the history
  // was appended to, else (null) from the end states below.
  const destroyed = deployedBase
    ? pendingDestructions(
        deployedBase.lifecycle,
        head.lifecycle,
        [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className),
      )
    : null;
  const baseSteps = base?.lifecycle.model === "migrations" ? base.lifecycle.steps : [];
  const unblockedTags = new Set(unblocked ? baseSteps.slice(unblocked.index).map((step) => step.tag) : []);
  const unblockedFrom = unblocked ? (baseSteps[unblocked.index - 1]?.tag ?? null) : null;
  const classDeleted = (gone: ClassState, origin: string): Draft => {
    const switched = storageSwitch(gone);
    const applies =
      unblocked && unblockedTags.has(gone.tag)
        ? ` Migration ${q(gone.tag)} is on the base branch, but its deploy has been rejected so far${unblocked.code ? ` (code ${unblocked.code})` : ""}: ${unblocked.reason}, so Workers are most likely still at ${q(unblockedFrom ?? "no tag")}. This change removes that cause, so the next deploy applies ${q(gone.tag)}.`
        : "";
    return {
      kind: "class-deleted",
      env,
      classes: [gone.className],
      line: gone.line,
      tag: gone.tag,
      ...(applies && gone.tag ? { unlessRan: gone.tag } : {}),
      message: `${applies ? `${applies.trim()} ` : ""}Deleting class ${q(gone.className)} in ${where}${gone.tag ? ` (migration ${q(gone.tag)}${head.lifecycle.model !== "none" && head.lifecycle.inherited ? INHERITED_REMARK : ""})` : ""} destroys every ${q(gone.className)} object of ${q(head.name ?? "this Worker")}${origin === gone.className ? "" : ` (the objects of ${q(origin)}, renamed to ${q(gone.className)} earlier in this change)`} and all its storage, irreversibly.${switched ? ` Binding ${q(switched.binding.name)} now points at ${q(switched.target.className)}, which has ${storageName(switched.to)} storage where ${q(gone.className)} has ${storageName(switched.from)}: this is a storage switch, not a rename (a rename keeps the backend), so none of the data carries over.` : ""}`,
      fix: switched
        ? `To keep the data, migrate it first: create ${q(switched.target.className)} in a deploy of its own while ${q(gone.className)} stays bound and exported, copy each object's data from ${q(gone.className)} to ${q(switched.target.className)} in code, move the binding, and only then delete ${q(gone.className)} (two deploys). If the data may go, ${TWO_PHASE}`
        : `If the data must go, ${TWO_PHASE} If you meant to rename the class, use \`renamed_classes\` instead.`,
    };
  };
  for (const d of destroyed ?? []) {
    const gone: ClassState = {
      className: d.className,
      status: "deleted",
      storage: baseClasses.get(d.origin)?.storage ?? null,
      tag: d.tag,
      line: d.line,
      renamedTo: null,
      deletedBefore: false,
      via: d.origin === d.className ? "create" : "rename",
    };
    deleted.push(gone);
    drafts.push(classDeleted(gone, d.origin));
  }
  // What an edit of a base step destroys where that step has not deployed yet (only the live
  // tag says): conditional data loss, so the acknowledgement binds to it.
  if (deployedBase && !unblocked) {
    const reported = new Set((destroyed ?? []).map((d) => `${d.className}\u0000${d.tag}`));
    for (const d of editedStepDestructions(deployedBase.lifecycle, head.lifecycle)) {
      if (!reported.has(`${d.className}\u0000${d.tag}`))
        drafts.push(editedDelete(env, head, d, localBindings));
    }
  }
  // Deletes that destroy objects only on a Worker at another tag than the likely one: a step the
  // base revision does not have (restored from an earlier revision, deployed from another branch)
  // or an earlier base tag. Conditional data loss: the live migration tag settles it.
  // (A base without a step is a Worker that ran none: a new history's creates and deletes are
  // said by the checks of new classes.)
  if (
    base?.lifecycle.model === "migrations" &&
    base.lifecycle.steps.length > 0 &&
    deployedBase &&
    head.lifecycle.model === "migrations"
  ) {
    const deployedIndex =
      deployedBase.lifecycle.model === "migrations" ? deployedBase.lifecycle.steps.length - 1 : -1;
    const reported = new Set(
      drafts.filter((d) => d.kind === "class-deleted").map((d) => `${d.classes?.[0]}\u0000${d.tag}`),
    );
    for (const d of possibleDestructions(base.lifecycle.steps, head.lifecycle.steps, deployedIndex)) {
      if (reported.has(`${d.className}\u0000${d.tag}`)) continue;
      reported.add(`${d.className}\u0000${d.tag}`);
      drafts.push(
        d.unlessRan
          ? editedDelete(env, head, { ...d, unlessRan: d.unlessRan }, localBindings)
          : ranDelete(env, head, d, localBindings),
      );
    }
  }
  const firstDestruction = (name: string) =>
    head.lifecycle.model === "migrations"
      ? destructions(
          [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className),
          head.lifecycle.steps,
        ).find((d) => d.origin === name && d.className === name)
      : undefined;
  const destroyedAndCreatedAgain = (now: ClassState) =>
    now.status === "live" && (destroyed ?? []).some((d) => d.className === now.className);

  for (const now of after.classes.values()) {
    const name = now.className;
    const was = baseClasses.get(name);
    if (now.status === "renamed" && was?.status !== "renamed") {
      drafts.push({
        kind: "class-renamed",
        env,
        classes: [name, now.renamedTo ?? ""],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is renamed to ${q(now.renamedTo)} in ${where}: objects and storage move to the new name.`,
        fix: `Export ${q(now.renamedTo)} from the Worker's code and point bindings at it in the same deploy.`,
      });
      continue;
    }
    if (now.status === "transferred-out" && was?.status !== "transferred-out") {
      drafts.push({
        kind: "class-transferred",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is transferred out of ${q(head.name ?? "this Worker")} in ${where}: its objects move to another Worker.`,
        fix: "Deploy the receiving Worker's `expecting-transfer` entry first, then this one.",
      });
      continue;
    }
    if (was?.status === "live") {
      if (now.status === "deleted") {
        if (destroyed === null) {
          // The step that destroys the objects is the first delete of them along the head's
          // steps (wrangler sends them all), not the last delete of the name (a later step may
          // delete a re-created class again): the acknowledgement names that step.
          const first = firstDestruction(name);
          const gone = first ? { ...now, tag: first.tag, line: first.line } : now;
          // A conditional report of the same delete is said once, as certain.
          for (let i = drafts.length - 1; i >= 0; i--) {
            const d = drafts[i]!;
            if (
              d.kind === "class-deleted" &&
              (d.unlessRan || d.ifRan) &&
              d.classes?.[0] === name &&
              d.tag === gone.tag
            )
              drafts.splice(i, 1);
          }
          deleted.push(gone);
          drafts.push(classDeleted(gone, name));
        }
      } else if (destroyedAndCreatedAgain(now)) {
        drafts.push({
          kind: "class-recreated",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          message: `Class ${q(name)} is deleted and created again in ${where}: the delete destroys every existing object and its storage, and the new ${q(name)} starts empty${was.storage && now.storage && was.storage !== now.storage ? ` (with ${storageName(now.storage)} storage)` : ""}.`,
          fix: "To change a class's storage or start it over, create a class with a new name and migrate the data in code; never delete a class that holds data you need.",
        });
      } else if (was.storage && now.storage && was.storage !== now.storage) {
        drafts.push({
          kind: "storage-changed",
          env,
          classes: [name],
          line: now.line,
          tag: now.tag,
          message: `Class ${q(name)} switches storage from ${storageName(was.storage)} to ${storageName(now.storage)} in ${where}. A class can never change its storage backend in place: deployed Workers ignore this, and fresh Workers get a different backend.`,
          fix: `Keep the original storage. To move to SQLite, create a new class with \`new_sqlite_classes\` and migrate the data in code.`,
        });
      }
      continue;
    }
    if (now.status !== "live") continue;
    if (now.via === "rename") continue; // reported from the source side
    if (now.via === "transfer") {
      drafts.push({
        kind: "class-transferred",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        message: `Class ${q(name)} is transferred into ${q(head.name ?? "this Worker")} in ${where}, with its objects.`,
        fix: "Deploy this Worker before the source Worker drops the class; keep the source's binding until then.",
      });
      continue;
    }
    created.push(now);
    if (was?.status === "deleted" || now.deletedBefore) {
      // A delete in base steps whose deploy the base gets rejected most likely never applied:
      // the class then most likely still holds its objects, and "starts empty" is not known.
      const unapplied =
        predicted !== null &&
        baseSteps
          .slice(predicted.index)
          .find((step) => step.ops.some((op) => op.type === "delete" && op.className === name));
      drafts.push({
        kind: "class-recreated",
        env,
        classes: [name],
        line: now.line,
        tag: now.tag,
        ...(unapplied ? { severity: "info" as const } : {}),
        message: unapplied
          ? `Class ${q(name)} is created again in ${where} after migration ${q(unapplied.tag)} deletes it. ${q(unapplied.tag)} most likely never applied (at the base revision its deploy is rejected${predicted?.code ? ` with code ${predicted.code}` : ""}: ${predicted?.reason}), so deployed Workers most likely still have ${q(name)} and its objects: the new ${q(name)} starts empty only where that delete applies.`
          : `Class ${q(name)} is created again in ${where} after an earlier migration deleted it: it starts empty, none of the old objects come back.`,
        fix: "Make sure nobody expects the old data; prefer a new class name so the history reads clearly.",
      });
    }
  }
  for (const group of groupByTag(created.filter((c) => !c.deletedBefore && !baseClasses.has(c.className)))) {
    const names = group.map((c) => c.className);
    const first = group[0]!;
    drafts.push({
      kind: "class-created",
      env,
      classes: names,
      line: first.line,
      tag: first.tag,
      message: `${names.length === 1 ? "Class" : "Classes"} ${names.map(q).join(", ")} ${names.length === 1 ? "is" : "are"} created in ${where}${first.tag ? ` (migration ${q(first.tag)})` : ""} with ${storageName(first.storage)} storage.`,
      fix: `Export ${names.map(q).join(", ")} from the Worker's entry module.`,
    });
  }

  if (base) {
    for (const was of baseClasses.values()) {
      if (was.status !== "live" || after.classes.has(was.className)) continue;
      if (head.lifecycle.model !== "exports") continue; // migrations: reported as history-removed
      drafts.push({
        kind: "export-removed",
        env,
        classes: [was.className],
        line: lifecycleLine(head),
        message: `Class ${q(was.className)} has live objects but is no longer declared in \`exports\` in ${where}: the server's reconciliation decides what happens to its namespace.`,
        fix: `Keep ${q(was.className)} in \`exports\`, or mark it \`"state": "deleted"\` if its data must go (two deploys).`,
      });
    }
  }

  const fromModel = base?.lifecycle.model;
  if (
    fromModel &&
    fromModel !== "none" &&
    head.lifecycle.model !== "none" &&
    fromModel !== head.lifecycle.model
  ) {
    const toExports = head.lifecycle.model === "exports";
    drafts.push({
      kind: "lifecycle-model-changed",
      env,
      line: lifecycleLine(head),
      severity: toExports ? "warning" : "error",
      message: toExports
        ? `${capitalised(where)} moves from \`migrations\` to declarative \`exports\`. This is one-way: once a deploy with \`exports\` lands, the API refuses to go back to \`migrations\` (code 100403). Every class that has objects must be declared in \`exports\` with its storage.`
        : `${capitalised(where)} goes back from \`exports\` to \`migrations\`: the API refuses this for a Worker that has deployed with \`exports\` (code 100403).`,
      fix: toExports
        ? "Check that every live class is listed with the right `storage`, and that no tombstone (`deleted`) is there by accident."
        : "Keep the `exports` map; express the change as an `exports` entry.",
    });
  }

  drafts.push(...replayProblems(env, fullBefore?.problems ?? [], after.problems));
  const headSteps = head.lifecycle.model === "migrations" ? head.lifecycle.steps : [];
  const inheritedBoth = base?.lifecycle.model !== "none" && !base?.ownsLifecycle && !head.ownsLifecycle;
  if (base?.lifecycle.model === "migrations" && head.lifecycle.model !== "exports" && !inheritedBoth) {
    drafts.push(
      ...compareHistories(env, base.lifecycle.steps, headSteps, {
        rejected: predicted,
        keptAtHead: new Set([...liveClasses(after.classes), ...localBindings.map((b) => b.className)]),
        boundAtHead: new Set(localBindings.map((b) => b.className)),
        repairs: repairedSteps(fullBefore?.problems ?? [], after.problems, base.lifecycle.steps, headSteps),
      }),
    );
  }
  if (deployedBase?.lifecycle.model === "migrations" && head.lifecycle.model === "migrations") {
    for (const step of pendingSteps(deployedBase.lifecycle.steps, headSteps)) {
      const deletes = step.ops.filter((op) => op.type === "delete");
      if (deletes.length === 0 || deletes.length === step.ops.length) continue;
      drafts.push({
        kind: "delete-mixed-step",
        env,
        line: step.line,
        tag: step.tag,
        classes: deletes.map((op) => op.className),
        message: `Migration ${q(step.tag)} in ${where} deletes classes and also does other operations: the delete cannot be phased apart from them under one tag.`,
        fix: "Put the deletes in a migration of their own with its own tag.",
      });
    }
  }

  for (const gone of deleted) {
    // Case (a): the config still binds the class it deletes. The API matches a delete against
    // bindings by class name, so a binding that names it with another Worker's `script_name` counts.
    for (const binding of head.bindings.filter((b) => b.className === gone.className)) {
      const local = isLocalBinding(binding, head);
      drafts.push({
        kind: "delete-still-bound",
        env,
        classes: [gone.className],
        line: binding.line,
        tag: gone.tag,
        message: local
          ? `Class ${q(gone.className)} is deleted in ${where} but binding ${q(binding.name)} still points at it: the API rejects the deploy (code 10061).`
          : `Class ${q(gone.className)} is deleted in ${where} while binding ${q(binding.name)} still names class ${q(gone.className)} (of Worker ${q(binding.scriptName)}, through \`script_name\`): the API matches a delete against bindings by class name and rejects the deploy (code 10061).`,
        fix: local
          ? `Remove the binding and ${TWO_PHASE}`
          : `Deploy the binding change on its own first, then ${TWO_PHASE}`,
      });
    }
  }

  if (base) {
    for (const gone of deleted) {
      if (head.bindings.some((b) => b.className === gone.className)) continue; // case (a), above
      for (const old of baseLocal.filter((b) => b.className === gone.className)) {
        const now = head.bindings.find((b) => b.name === old.name);
        const target = now ? after.classes.get(now.className) : undefined;
        const sameBackend =
          now !== undefined &&
          isLocalBinding(now, head) &&
          created.some((c) => c.className === now.className) &&
          target?.storage === (gone.storage ?? baseClasses.get(gone.className)?.storage ?? null);
        // What is known of the rejection: a deploy whose one step deletes the old class and
        // creates the binding's new one was rejected (executor#1191); with the two in separate
        // steps of the deploy, one went through (and destroyed the old objects, DO101).
        const separateSteps =
          now !== undefined && created.some((c) => c.className === now.className && c.tag !== gone.tag);
        const rejection = `the API checks the delete against the live binding ${q(old.name)}, which still points at ${q(gone.className)}`;
        const mayPass = `a deploy that deleted and created in one step was rejected (code 10061), but one with the delete and the create in separate steps, as here, went through: this deploy may be rejected or may go through`;
        if (now && sameBackend) {
          // Case (b) shaped like a rename: the rename is the fix for both the data and the deploy.
          drafts.push({
            kind: "probable-rename",
            env,
            classes: [gone.className, now.className],
            line: gone.line,
            tag: gone.tag,
            dataLoss: true,
            message: `Binding ${q(old.name)} moves from ${q(gone.className)} to ${q(now.className)} while ${q(gone.className)} is deleted and ${q(now.className)} created: this looks like a rename, but as written every ${q(gone.className)} object is destroyed and ${q(now.className)} starts empty. ${separateSteps ? `About the deploy: ${rejection}, and ${mayPass}.` : `The deploy is also rejected (code 10061): ${rejection}.`}`,
            fix: `To keep the data, replace the delete and create with \`renamed_classes = [{ from = "${gone.className}", to = "${now.className}" }]\`.`,
          });
          continue;
        }
        if (now) {
          // Case (b): the binding keeps its name and points at another class in the same deploy.
          drafts.push({
            kind: "delete-binding-repointed",
            env,
            classes: [gone.className, now.className],
            line: now.line,
            tag: gone.tag,
            ...(separateSteps ? { severity: "warning" as const } : {}),
            message: `Binding ${q(old.name)} keeps its name but points at ${q(now.className)}${now.scriptName && !isLocalBinding(now, head) ? ` of Worker ${q(now.scriptName)}` : ""} instead of ${q(gone.className)}, in the same deploy that deletes ${q(gone.className)} in ${where}: ${rejection}${separateSteps ? `, and ${mayPass}` : ", and rejects the deploy (code 10061)"}.`,
            fix: `Deploy in two steps: first only move ${q(old.name)} to ${q(now.className)} (with ${q(now.className)} created and ${q(gone.className)} still exported), then deploy the delete of ${q(gone.className)} on its own.`,
          });
          continue;
        }
        if (baseClasses.get(gone.className)?.via === "transfer") {
          // Case (d): a class that came through `transferred_classes` keeps a remote binding.
          drafts.push({
            kind: "delete-transferred-bound",
            env,
            classes: [gone.className],
            line: gone.line,
            tag: gone.tag,
            message: `Class ${q(gone.className)} came into ${q(head.name ?? "this Worker")} through \`transferred_classes\` and is deleted in ${where} in the same deploy that removes binding ${q(old.name)}: the platform keeps a remote binding for a transferred class until a deploy without the binding has landed, so the delete is rejected (code 10061).`,
            fix: `Split it: ${TWO_PHASE}`,
          });
          continue;
        }
        // The plain case: the Worker's own binding removed outright in the deploy that deletes it.
        drafts.push({
          kind: "delete-binding-removed",
          env,
          classes: [gone.className],
          line: gone.line,
          tag: gone.tag,
          message: `Binding ${q(old.name)} to ${q(gone.className)} is removed in the same deploy that deletes ${q(gone.className)} in ${where}. The API checks a delete against the live bindings, and reports differ on whether it accepts this in one deploy: some one-shot deletes went through, others were rejected with code 10061 (workers-sdk#8210).`,
          fix: `Two deploys always work: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`,
        });
      }
    }
    const headBound = new Set(localBindings.map((b) => b.className));
    const reported = new Set<string>();
    for (const old of baseLocal) {
      if (headBound.has(old.className) || reported.has(old.className)) continue;
      const now = after.classes.get(old.className);
      if (now && now.status !== "live") continue; // deleted, renamed or transferred: reported above
      reported.add(old.className);
      const elsewhere = head.bindings.find((b) => b.name === old.name && !isLocalBinding(b, head));
      if (elsewhere) {
        drafts.push(retargeted(env, head, old, elsewhere));
        continue;
      }
      drafts.push({
        kind: "binding-removed",
        env,
        classes: [old.className],
        line: head.bindingsLine ?? head.envLine,
        message: `Binding ${q(old.name)} to class ${q(old.className)} was removed from ${where} without a delete migration: the objects and their storage stay. If the class also leaves the code, the deploy fails with code 10064.`,
        fix: `Keep exporting ${q(old.className)} from the code. If its data should go, follow with a delete (phase 2 of a two-phase deploy); if the removal is a mistake, restore the binding.`,
      });
    }
  }

  const headLive = new Set(
    [...after.classes.values()].filter((c) => c.status === "live").map((c) => c.className),
  );
  const baseHad = (name: string, className: string) =>
    base?.bindings.some((b) => b.name === name && b.className === className && isLocalBinding(b, base)) ??
    false;
  for (const binding of localBindings) {
    if (headLive.has(binding.className) || after.classes.get(binding.className)?.status === "deleted")
      continue;
    // wrangler v1 created classes at publish time (`--new-class`), not only through migrations.
    if (head.wranglerV1) continue;
    const noLifecycle = head.lifecycle.model === "none";
    const existed = baseHad(binding.name, binding.className) && !isLiveAtBase(binding.className);
    drafts.push({
      kind: "binding-unknown-class",
      env,
      classes: [binding.className],
      line: binding.line,
      severity: noLifecycle ? "warning" : "error",
      preExisting: existed,
      message: noLifecycle
        ? `Binding ${q(binding.name)} points at class ${q(binding.className)}, but ${where} declares no Durable Object lifecycle (\`migrations\` or \`exports\`): unless the class was created elsewhere, the API rejects it (code 10061).`
        : `Binding ${q(binding.name)} points at class ${q(binding.className)}, which no migration in ${where} creates: the API rejects the deploy (code 10061).`,
      fix: `Add a migration that creates ${q(binding.className)} (\`new_sqlite_classes\`), or fix the class name.`,
    });
  }

  // What a Worker with objects or bindings at base leaves behind when its identity changes: an
  // `account_id` written at both sides that changes (wrangler deploys to the other account), or a
  // new name. A placeholder is not a Worker identity: `<TBD>` becoming `<WORKER_NAME>` renames
  // nothing. A rename in the same change as an account move is one cause, said once by DO503.
  const liveAtBase = [...baseClasses.values()].filter((c) => c.status === "live").map((c) => c.className);
  if (base && (liveAtBase.length > 0 || base.bindings.length > 0)) {
    const renamed = Boolean(
      base.name && head.name && base.name !== head.name && !base.placeholderName && !head.placeholderName,
    );
    if (base.accountId && head.accountId && base.accountId !== head.accountId && !head.placeholderName) {
      const [from, to] = [shortAccount(base.accountId), shortAccount(head.accountId)];
      const name = q(head.name ?? "this Worker");
      const deletes =
        head.lifecycle.model === "migrations" &&
        head.lifecycle.steps.some((step) => step.ops.some((op) => op.type === "delete"));
      drafts.push({
        kind: "account-changed",
        env,
        classes: liveAtBase,
        line: head.accountIdLine ?? head.nameLine ?? head.envLine,
        message: `${env === null ? "The top-level Worker" : `The Worker of ${where}`} moves from account ${from} to account ${to} (\`account_id\`)${renamed ? ` and is renamed from ${q(base.name ?? "")} to ${q(head.name ?? "")}` : ""}: the next deploy goes to ${to}, and ${q(base.name ?? "the Worker")} in ${from} keeps all its objects and data, with no config managing it any more. Unless ${to} already has a Worker ${name}, that deploy creates one that starts with no objects and replays the whole migration history${deletes ? " (whose delete of a class no earlier version there exported is rejected, code 10074)" : ""}.`,
        fix: `Keep \`account_id = "${base.accountId}"\`, or plan the move: migrate the data to the new account in code, then retire the Worker in ${from} (delete its classes in two deploys, then \`wrangler delete\`).`,
      });
    } else if (renamed && base.name && head.name) {
      // A rename destroys nothing (the data stays in the old Worker) and its deploy goes through,
      // unless the fresh Worker's history deletes a class: the API rejects the delete of a class
      // no earlier version of that Worker exported (10074), so its first deploy fails.
      // The same goes when the old Worker served objects through its bindings: after the deploy the
      // application reads an empty Worker, and its data stays behind, unmanaged.
      const deletes = freshDeletes(head);
      const served = liveAtBase.filter((c) => baseLocal.some((b) => b.className === c));
      drafts.push({
        kind: "worker-renamed",
        env,
        classes: liveAtBase,
        line: head.nameLine ?? head.envLine,
        ...(deletes.length > 0 || served.length > 0 ? { severity: "error" as const } : {}),
        message: `${env === null ? "The top-level Worker" : `The Worker of ${where}`} is renamed from ${q(base.name)} to ${q(head.name)}: unless a Worker ${q(head.name)} already exists, the next deploy creates a NEW Worker that starts with no objects and replays the whole migration history, while ${q(base.name)} keeps all its objects and data (nothing is destroyed).${deletes.length > 0 ? ` That history deletes ${deletes.map(q).join(", ")}: on a new Worker the API rejects the delete of a class no earlier version of it exported (code 10074), so its first deploy fails.` : served.length > 0 ? ` The code bound ${served.map(q).join(", ")} there: after the deploy it reads the new, empty Worker, and none of those objects.` : " If the old name was a template's default, or CI writes the real name at deploy time, this is no rename."}`,
        fix: `Keep the name ${q(base.name)}, or plan the move: transfer the classes (\`transferred_classes\`) or migrate the data, then retire the old Worker.`,
      });
    }
  }
  return head.lifecycle.model === "exports" ? exportsDrafts(base, head, drafts) : drafts;
}

/** The classes a history deletes: a fresh Worker replaying it gets each delete rejected (10074). */
function freshDeletes(worker: Worker): string[] {
  if (worker.lifecycle.model !== "migrations") return [];
  const names = worker.lifecycle.steps.flatMap((step) =>
    step.ops.flatMap((op) => (op.type === "delete" ? [op.className] : [])),
  );
  return [...new Set(names)];
}

/** An account ID as messages show it: the first and last four characters. */
function shortAccount(id: string): string {
  return q(id.length > 12 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id);
}

/** The conditional delete of an edited base step (see editedStepDestructions). */
function editedDelete(
  env: string | null,
  head: Worker,
  d: ConditionalDestruction,
  localBindings: readonly DurableObjectBinding[],
): Draft {
  const cond = q(d.unlessRan);
  const verb =
    head.lifecycle.model === "migrations" && !head.lifecycle.steps.some((s) => s.tag === d.unlessRan)
      ? "removed"
      : "edited";
  const what =
    d.tag === d.unlessRan
      ? `this edit deletes ${q(d.className)} there`
      : `the edited history deletes ${q(d.className)} there in ${q(d.tag)}`;
  const renamed = d.origin === d.className ? "" : ` (renamed to ${q(d.className)} on the way)`;
  const bound = localBindings.find((b) => b.className === d.className);
  return {
    kind: "class-deleted",
    env,
    classes: [d.className],
    line: d.line,
    tag: d.tag,
    unlessRan: d.unlessRan,
    message: `Migration ${cond} in ${envLabel(env)} was ${verb}${d.tag === d.unlessRan ? ` to delete ${q(d.className)}` : ""}. If ${cond} has not reached a Worker yet (a merged step is only applied once its deploy succeeded: the live migration tag says), ${what} and destroys every ${q(d.origin)} object of ${q(head.name ?? "this Worker")}${renamed} and all its storage, irreversibly; a Worker that ran ${cond} ${verb === "edited" ? "ignores the edit" : "keeps what it ran"}.${bound ? ` While binding ${q(bound.name)} still points at ${q(d.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `Restore ${cond} as it was. If the data of ${q(d.origin)} must go, delete it with a new migration (a new tag) in two deploys: ${TWO_PHASE.replace(/^delete in two deploys: /, "")}`,
  };
}

/** The delete of objects a Worker has only if it already ran a step the base does not have. */
function ranDelete(
  env: string | null,
  head: Worker,
  d: PossibleDestruction,
  localBindings: readonly DurableObjectBinding[],
): Draft {
  const ran = q(d.ifRan);
  const name = q(head.name ?? "this Worker");
  const renamed = d.origin === d.className ? "" : ` (renamed from ${q(d.origin)} on the way)`;
  const bound = localBindings.find((b) => b.className === d.className);
  return {
    kind: "class-deleted",
    env,
    classes: [d.className],
    line: d.line,
    tag: d.tag,
    ...(d.ifRan ? { ifRan: d.ifRan } : {}),
    message: `Migration ${q(d.tag)} in ${envLabel(env)} deletes ${q(d.className)}${renamed}, whose objects exist on a Worker that has run ${ran}: ${ran} is not in the base revision's history (restored from an earlier revision, or deployed from another branch), so ${name} may well have run it. If it has, the next deploy sends ${q(d.tag)} and destroys every ${q(d.className)} object and all its storage, irreversibly.${bound ? ` While binding ${q(bound.name)} still points at ${q(d.className)}, that deploy is rejected (code 10061) instead.` : ""}`,
    fix: `The live migration tag of ${name} settles it (the live plan reads it). If the data must go, ${TWO_PHASE} If not, drop the delete.`,
  };
}

/**
 * Whether the head lets a rejected tail apply: the rejection was a delete of a class the config
 * still binds, and the head binds none of the classes those steps delete (the API matches a
 * delete against bindings by class name, `script_name` or not); or it was a binding to a class no
 * step creates, and the head's history names every class its bindings point at.
 */
function unblocks(base: Worker, head: Worker, rejected: PredictedRejection): boolean {
  if (base.lifecycle.model !== "migrations") return false;
  if (rejected.cause === "unknown-class") {
    // Every binding of the head names a class its history has: the base's 10061 is gone, and
    // the next deploy applies the steps no deploy from the base could.
    if (head.lifecycle.model !== "migrations" || head.wranglerV1) return false;
    const named = new Set(
      head.lifecycle.steps.flatMap((step) =>
        step.ops.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className])),
      ),
    );
    return head.bindings.filter((b) => isLocalBinding(b, head)).every((b) => named.has(b.className));
  }
  if (rejected.cause !== "still-bound") return false;
  const deletes = new Set(
    base.lifecycle.steps
      .slice(rejected.index)
      .flatMap((step) => step.ops.flatMap((op) => (op.type === "delete" ? [op.className] : []))),
  );
  return !head.bindings.some((b) => deletes.has(b.className));
}

/** A Worker that existed at base and is gone at head (env removed, or the config file deleted). */
export function removedWorker(base: Worker, why: "env" | "file"): Draft | null {
  const live = [...replayLifecycle(base.lifecycle).classes.values()]
    .filter((c) => c.status === "live")
    .map((c) => c.className);
  if (!base.ownsLifecycle && base.bindings.length === 0 && live.length === 0) return null;
  // An env that only inherits the classes and binds none has namespaces but, most likely, no objects.
  const quiet = why === "env" && !base.ownsLifecycle && base.bindings.length === 0;
  const what = why === "env" ? `Environment ${q(base.env)} was removed` : "The config file was removed";
  return {
    kind: "env-removed",
    env: base.env,
    classes: live,
    line: null,
    ...(quiet ? { severity: "info" as const } : {}),
    message: `${what}: Worker ${q(base.name ?? "(unnamed)")} and its Durable Objects live on, no longer managed by this config.`,
    fix: "If the Worker should go, delete its classes in two deploys first and then `wrangler delete` it; otherwise restore the config.",
  };
}

/** The steps at the end of a base `migrations` history whose deploy the base itself predicts fails. */
function rejectedTail(
  base: Worker,
  baseLocal: readonly DurableObjectBinding[],
  baseExports: ReadonlySet<string> | null,
  boundElsewhere: CompareContext["boundElsewhere"],
): PredictedRejection | null {
  if (base.lifecycle.model !== "migrations") return null;
  const boundAtBase = new Map<string, string>();
  for (const b of baseLocal) if (!boundAtBase.has(b.className)) boundAtBase.set(b.className, b.name);
  // A binding that names a class of this Worker with another Worker's `script_name` counts too:
  // the API matches a delete against bindings by class name.
  const elsewhere = new Map(boundElsewhere ?? []);
  for (const b of base.bindings) {
    if (!isLocalBinding(b, base) && !boundAtBase.has(b.className) && !elsewhere.has(b.className))
      elsewhere.set(b.className, { binding: b.name, worker: base.name ?? "this Worker" });
  }
  // DO402 at the base: a binding to a class no step creates gets every deploy rejected (10061).
  // wrangler v1 created classes at publish time, so its configs are left out.
  const named = new Set(
    base.lifecycle.steps.flatMap((step) =>
      step.ops.flatMap((op) => (op.type === "rename" ? [op.from, op.to] : [op.className])),
    ),
  );
  const unknown = new Map<string, string>();
  if (!base.wranglerV1) {
    for (const [className, binding] of boundAtBase)
      if (!named.has(className)) unknown.set(className, binding);
  }
  return predictRejection(base.lifecycle.steps, boundAtBase, baseExports, { elsewhere, unknown });
}

/** Whether the head edits or removes any base step from `index` on. */
function touchesTail(base: Worker, head: Worker, index: number): boolean {
  if (base.lifecycle.model !== "migrations") return false;
  const headSteps = head.lifecycle.model === "migrations" ? head.lifecycle.steps : [];
  return base.lifecycle.steps
    .slice(index)
    .some((step) => !headSteps.some((s) => s.tag === step.tag && s.canonical === step.canonical));
}

function withoutTail(base: Worker, index: number): Worker {
  const lifecycle = base.lifecycle;
  if (lifecycle.model !== "migrations") return base;
  return { ...base, lifecycle: { ...lifecycle, steps: lifecycle.steps.slice(0, index) } };
}

/** A binding that used to point at this Worker's class and now points at another Worker's. */
function retargeted(
  env: string | null,
  head: Worker,
  old: DurableObjectBinding,
  now: DurableObjectBinding,
): Draft {
  const own = q(old.className);
  const other = q(now.scriptName);
  return {
    kind: "binding-retargeted",
    env,
    classes: [old.className, now.className],
    line: now.line,
    message: `Binding ${q(old.name)} in ${envLabel(env)} now points at class ${q(now.className)} of Worker ${other} (\`script_name\`) instead of this Worker's own ${own}. The objects of ${q(head.name ?? "this Worker")}'s ${own} stay where they are and nothing here binds them any more: they do not move to ${other}, whose ${q(now.className)} is a separate namespace. The deploy needs Worker ${other} to exist and to have ${q(now.className)} created by its own migration and exported by its code, or it fails (code 10061).`,
    fix: `If the objects should move to ${other}, transfer the class (\`transferred_classes\` in ${other}'s config, from this Worker) instead of re-binding. Either way keep exporting ${own} here until it is deleted (two deploys), or the deploy fails with code 10064.`,
  };
}

/**
 * Base steps edited at head to create what a later step renames or deletes: the base history has
 * a replay problem (a delete or rename of a class no earlier step creates) that the head no longer
 * has, and the edited step only gained creates, one of them of such a class.
 */
function repairedSteps(
  base: readonly ReplayProblem[],
  head: readonly ReplayProblem[],
  baseSteps: readonly LifecycleStep[],
  headSteps: readonly LifecycleStep[],
): Set<string> {
  const out = new Set<string>();
  const unknown = (p: ReplayProblem) => p.kind === "delete-unknown" || p.kind === "rename-unknown";
  const fixed = new Set(
    base
      .filter((p) => unknown(p) && !head.some((h) => h.kind === p.kind && h.className === p.className))
      .map((p) => p.className),
  );
  if (fixed.size === 0) return out;
  const opKey = (op: LifecycleStep["ops"][number]) => JSON.stringify(op);
  for (const step of baseSteps) {
    const now = headSteps.find((s) => s.tag !== null && s.tag === step.tag);
    if (!now || now.canonical === step.canonical) continue;
    const had = new Set(step.ops.map(opKey));
    const gained = now.ops.filter((op) => !had.has(opKey(op)));
    // Only creates gained, one of them of a class the base's replay lacked: an edit that makes the
    // history replay again (also a step restored to the content Workers applied, which drops what
    // the base's edit put there: that edit never deployed from the base, whose replay fails).
    if (
      gained.length > 0 &&
      gained.every((op) => op.type === "create") &&
      gained.some((op) => op.type === "create" && fixed.has(op.className))
    )
      out.add(now.tag!);
  }
  return out;
}

function replayProblems(
  env: string | null,
  base: readonly ReplayProblem[],
  head: readonly ReplayProblem[],
): Draft[] {
  const key = (p: ReplayProblem) => `${p.kind}\u0000${p.className}\u0000${p.tag}`;
  const known = new Set(base.map(key));
  return head
    .filter((p) => !known.has(key(p)))
    .map((p): Draft => {
      const step = p.tag ? `migration ${q(p.tag)}` : "a migration";
      const text = {
        "delete-unknown": `${step} deletes class ${q(p.className)}, which no earlier step creates`,
        "rename-unknown": `${step} renames class ${q(p.className)}, which no earlier step creates`,
        "create-existing": `${step} creates class ${q(p.className)}, which already exists at that point (code 10074)`,
        "rename-onto-existing": `${step} renames a class onto ${q(p.className)}, which already exists`,
      }[p.kind];
      return {
        kind: "replay-rejected",
        env,
        classes: [p.className],
        line: p.line,
        tag: p.tag,
        message: `In ${envLabel(env)}, ${text}: wrangler (4.131 and later) rejects the history on deploy, and a fresh Worker replaying it fails.`,
        fix: "Fix the history so each class is created once before it is renamed or deleted.",
      };
    });
}

function groupByTag(states: readonly ClassState[]): ClassState[][] {
  const groups = new Map<string, ClassState[]>();
  for (const state of states) {
    const key = `${state.tag}\u0000${state.storage}`;
    const group = groups.get(key);
    if (group) group.push(state);
    else groups.set(key, [state]);
  }
  return [...groups.values()];
}

/** The first line of a Worker's lifecycle declaration (its first step or `exports` entry). */
function lifecycleLine(worker: Worker): number | null {
  const lifecycle = worker.lifecycle;
  const first =
    lifecycle.model === "migrations"
      ? lifecycle.steps[0]?.line
      : lifecycle.model === "exports"
        ? lifecycle.entries[0]?.line
        : null;
  return first ?? worker.envLine;
}

export function storageName(storage: ClassState["storage"]): string {
  return storage === "sqlite" ? "SQLite" : storage === "kv" ? "key-value (legacy)" : "unknown";
}
