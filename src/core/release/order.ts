// The order of a release: which Worker must deploy before which, read from the configs and the
// live state (DOMAIN.md §6 and the platform's rules for bindings and transfers), then a
// topological order, or the cycle that makes every order fail. Pure: plain data in and out.
//
//  - create before bind: an owner whose deploy creates a class deploys before a Worker that
//    starts binding it through `script_name` (else 10061: the class has no namespace yet);
//  - drop before delete: a Worker that drops its live binding to another Worker's doomed class
//    deploys before the owner's delete, its phase 2 (else 10061: a live binding still references
//    it); the preflight keeps that phase 2 for a later run, once the live state shows the binding
//    gone, so within one run this edge is a second line of defence;
//  - transfers: the receiving side first (an `expecting-transfer` entry, or the
//    `transferred_classes` step), then the source side.
import { replayLifecycle } from "../lifecycle/replay.ts";
import type { LiveDoBinding } from "../live/state.ts";
import type { Worker } from "../model.ts";
import type { DeployRun } from "../plan/decide.ts";
import type { DeployPlan, LiveState } from "../plan/deploy-plan.ts";

/** One Worker of a release as the order sees it. */
export interface OrderNode {
  /** Unique in the release: the account and the Worker name. */
  readonly key: string;
  readonly accountId: string;
  readonly name: string;
  readonly worker: Worker;
  readonly plan: DeployPlan;
  readonly live: LiveState;
  /** The Worker's own live Durable Object bindings (its live version's). */
  readonly liveBindings: readonly LiveDoBinding[];
  /** What this run deploys of it. */
  readonly run: DeployRun;
}

type EdgeReason = "creates-before-bind" | "drops-before-delete" | "transfer";

/** `before` deploys before `after`. */
export interface OrderEdge {
  readonly before: string;
  readonly after: string;
  readonly reason: EdgeReason;
  readonly className: string;
  /** One line: why, naming both Workers and the class. */
  readonly why: string;
}

export interface ReleaseOrder {
  /** Every node's key, dependencies first; ties keep the input order. Empty when there is a cycle. */
  readonly order: readonly string[];
  /** For each key, the keys it waits for. */
  readonly waitsFor: ReadonlyMap<string, readonly string[]>;
  readonly edges: readonly OrderEdge[];
  /** The edges of one cycle, when there is one: no order can deploy these Workers. */
  readonly cycle: readonly OrderEdge[] | null;
}

/** The classes a Worker's config keeps live once everything it declares has applied. */
export function finalClasses(worker: Worker): Set<string> {
  return new Set(
    [...replayLifecycle(worker.lifecycle).classes.values()]
      .filter((c) => c.status === "live")
      .map((c) => c.className),
  );
}

/** The classes the next deploy of this Worker receives by transfer, with the Worker they come from. */
function incomingTransfers(node: {
  readonly worker: Worker;
  readonly plan: DeployPlan;
}): { className: string; from: string }[] {
  const lifecycle = node.worker.lifecycle;
  if (lifecycle.model === "exports") {
    return lifecycle.entries.flatMap((e) =>
      e.state === "expecting-transfer" && e.transferFrom
        ? [{ className: e.className, from: e.transferFrom }]
        : [],
    );
  }
  if (lifecycle.model !== "migrations") return [];
  const sent = new Set(node.plan.sends);
  return lifecycle.steps
    .filter((s) => s.tag !== null && sent.has(s.tag))
    .flatMap((s) =>
      s.ops.flatMap((op) =>
        op.type === "transfer-in" ? [{ className: op.className, from: op.fromScript }] : [],
      ),
    );
}

function outgoingTransfers(worker: Worker): { className: string; to: string }[] {
  const lifecycle = worker.lifecycle;
  if (lifecycle.model !== "exports") return [];
  return lifecycle.entries.flatMap((e) =>
    e.state === "transferred" && e.transferredTo ? [{ className: e.className, to: e.transferredTo }] : [],
  );
}

const foreign = (scriptName: string | null, self: string): scriptName is string =>
  scriptName !== null && scriptName !== "" && scriptName !== self;

/** The dependencies between the Workers of a release (each account on its own: names are per account). */
function orderEdges(nodes: readonly OrderNode[]): OrderEdge[] {
  const byName = new Map(nodes.map((n) => [`${n.accountId}\u0000${n.name}`, n]));
  const find = (accountId: string, name: string) => byName.get(`${accountId}\u0000${name}`);
  const edges: OrderEdge[] = [];
  const seen = new Set<string>();
  const add = (edge: OrderEdge) => {
    const id = `${edge.before}\u0000${edge.after}\u0000${edge.reason}\u0000${edge.className}`;
    if (edge.before === edge.after || seen.has(id)) return;
    seen.add(id);
    edges.push(edge);
  };
  for (const node of nodes) {
    // create before bind
    for (const b of node.worker.bindings) {
      if (!foreign(b.scriptName, node.name)) continue;
      const owner = find(node.accountId, b.scriptName);
      if (!owner) continue;
      const liveNow = owner.live.provisioned?.has(b.className) ?? false;
      if (!liveNow && finalClasses(owner.worker).has(b.className)) {
        add({
          before: owner.key,
          after: node.key,
          reason: "creates-before-bind",
          className: b.className,
          why: `${owner.name} creates ${b.className}, which ${node.name} starts binding (${b.name})`,
        });
      }
    }
    // drop before delete
    for (const b of node.liveBindings) {
      if (!foreign(b.scriptName, node.name)) continue;
      const owner = find(node.accountId, b.scriptName);
      if (owner?.run !== "2" || !owner.plan.doomed.includes(b.className)) continue;
      const keeps = node.worker.bindings.some(
        (c) => c.scriptName === b.scriptName && c.className === b.className,
      );
      if (!keeps) {
        add({
          before: node.key,
          after: owner.key,
          reason: "drops-before-delete",
          className: b.className,
          why: `${node.name} drops its binding ${b.name} to ${owner.name}:${b.className} before ${owner.name} deletes it`,
        });
      }
    }
    // transfers: the receiving side first
    for (const t of incomingTransfers(node)) {
      const source = find(node.accountId, t.from);
      if (source) {
        add({
          before: node.key,
          after: source.key,
          reason: "transfer",
          className: t.className,
          why: `${node.name} receives ${t.className} from ${source.name}, so it deploys first`,
        });
      }
    }
    for (const t of outgoingTransfers(node.worker)) {
      const target = find(node.accountId, t.to);
      if (target) {
        add({
          before: target.key,
          after: node.key,
          reason: "transfer",
          className: t.className,
          why: `${target.name} expects ${t.className} from ${node.name}, so it deploys first`,
        });
      }
    }
  }
  return edges;
}

/** A topological order of the nodes (stable), or a cycle. */
export function releaseOrder(nodes: readonly OrderNode[]): ReleaseOrder {
  const edges = orderEdges(nodes);
  const keys = nodes.map((n) => n.key);
  const waitsFor = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const e of edges) {
    const list = waitsFor.get(e.after);
    if (list && !list.includes(e.before)) list.push(e.before);
  }
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < keys.length) {
    const next = keys.find((k) => !done.has(k) && (waitsFor.get(k) ?? []).every((d) => done.has(d)));
    if (next === undefined) break;
    done.add(next);
    order.push(next);
  }
  if (order.length === keys.length) return { order, waitsFor, edges, cycle: null };
  return {
    order: [],
    waitsFor,
    edges,
    cycle: findCycle(
      keys.filter((k) => !done.has(k)),
      edges,
    ),
  };
}

/** One cycle among the keys left over (each of them waits for another of them). */
function findCycle(left: readonly string[], edges: readonly OrderEdge[]): OrderEdge[] {
  const inLeft = new Set(left);
  const into = new Map<string, OrderEdge>();
  for (const e of edges)
    if (inLeft.has(e.before) && inLeft.has(e.after) && !into.has(e.after)) into.set(e.after, e);
  // Walk backwards along "waits for" until a key repeats.
  const path: string[] = [];
  let at = left[0] as string;
  while (!path.includes(at)) {
    path.push(at);
    const edge = into.get(at);
    if (!edge) return [];
    at = edge.before;
  }
  const cycle: OrderEdge[] = [];
  let cur = at;
  do {
    const edge = into.get(cur) as OrderEdge;
    cycle.unshift(edge);
    cur = edge.before;
  } while (cur !== at);
  return cycle;
}
