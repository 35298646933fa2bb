// One change, one entry. A change at the top level of a config reaches every environment that
// inherits it, and the analysis reports it once per Worker (the JSON contract: one finding per
// Worker, one acknowledgement line per Worker). People read it as one change: the comment, the
// job summary, the annotations and the text output show it once, listing the Workers it hits,
// with one fix and a message that is true for every Worker listed.
//
// Findings are the same change when they agree on everything but the Worker: code, place, tag,
// classes, severity, fix, suppression, and the message once the Worker's own name and
// environment are left open. The message of the group names them all instead.
//
// The open message is the finding's template (Finding.template): its rule's wording worded once
// more at placement with the Worker, the environment and the inheritance as slots (rules/rule.ts
// `worded`, rules/words.ts SLOT), and the remarks later stages put around it. No message text is
// cut here. A finding without a template that fills back to its message (a message built outside
// the rule families, or rewritten after placement) is grouped only with identical findings.

import type { Finding } from "../model.ts";
import { messageParts } from "../remarks.ts";
import { capitalised, envLabel, INHERITED_REMARK, q, SLOT } from "../rules/words.ts";
import { andList } from "../text/lists.ts";

export interface FindingGroup {
  /** One finding per Worker, in report order; at least one. */
  readonly findings: readonly Finding[];
  readonly first: Finding;
  /** The message, true for every Worker of the group. */
  readonly message: string;
}

interface Shape {
  /** The message parts with slots (remarks before, the rule's own sentence, remarks after). */
  readonly parts: readonly string[];
  readonly inherited: boolean;
}

/** The finding's message with its Worker and environment open, from its template when it holds. */
function shapeOf(f: Finding): Shape {
  const t = f.template;
  if (t) {
    const parts = [...t.before, t.own, ...t.after];
    const own = { worker: f.worker, env: f.env, inherited: t.inherited };
    if (fillOne(parts.join(" "), own) === f.message) {
      // Inherited, where the message says so (a rule words the remark only where it applies).
      return { parts, inherited: t.inherited && parts.some((p) => p.includes(SLOT.inherited)) };
    }
  }
  // No template to trust: the message as it is (slots never come from a config, see words.ts).
  const { before, own, after } = messageParts(f);
  return { parts: [...before, own, ...after], inherited: false };
}

/** A template part filled for one Worker. */
function fillOne(
  part: string,
  own: { readonly worker: string | null; readonly env: string | null; readonly inherited: boolean },
): string {
  return part
    .split(SLOT.inherited)
    .join(own.inherited ? INHERITED_REMARK : "")
    .split(SLOT.envCapital)
    .join(capitalised(envLabel(own.env)))
    .split(SLOT.env)
    .join(envLabel(own.env))
    .split(SLOT.worker)
    .join(q(own.worker));
}

function keyOf(f: Finding, shape: Shape): string {
  const s = f.suppressed;
  return [
    f.code,
    f.kind,
    f.file,
    f.line ?? "",
    f.tag ?? "",
    f.classes.join("\u0001"),
    f.severity,
    f.dataLoss,
    f.introduced,
    f.fix,
    s ? `${s.by}\u0001${s.file}\u0001${s.line}\u0001${s.reason}` : "",
    f.policyLevel ? `${f.policyLevel.from}\u0001${f.policyLevel.line}` : "",
    // The inheritance is said once for the group, after the message: not a difference.
    shape.parts.join("\u0002").split(SLOT.inherited).join(""),
  ].join("\u0000");
}

/** The findings grouped by change, in the order of their first finding. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, { findings: Finding[]; shapes: Shape[] }>();
  for (const f of findings) {
    const shape = shapeOf(f);
    const key = keyOf(f, shape);
    const group = groups.get(key);
    if (group) {
      group.findings.push(f);
      group.shapes.push(shape);
    } else {
      groups.set(key, { findings: [f], shapes: [shape] });
    }
  }
  return [...groups.values()].map(({ findings: members, shapes }) => ({
    findings: members,
    first: members[0]!,
    message: members.length === 1 ? members[0]!.message : groupMessage(members, shapes),
  }));
}

function groupMessage(members: readonly Finding[], shapes: readonly Shape[]): string {
  const envs = unique(members.map((f) => envLabel(f.env)));
  const workers = unique(members.flatMap((f) => (f.worker === null ? [] : [q(f.worker)])));
  const lists = { [SLOT.env]: envs, [SLOT.envCapital]: envs, [SLOT.worker]: workers };
  let text = fillSlots(shapes[0]!.parts.join(" ").split(SLOT.inherited).join(""), lists);
  const inheriting = unique(members.filter((_, i) => shapes[i]!.inherited).map((f) => envLabel(f.env)));
  if (inheriting.length > 0) {
    text += ` ${capitalised(andList(inheriting))} ${inheriting.length === 1 ? "inherits" : "inherit"} it from the top-level config.`;
  }
  return text;
}

/**
 * The template with each slot replaced by its list, in English. A message is written for one
 * Worker, so where a list of two or more takes a slot, the words around it have to follow:
 *  - the slot is the subject (it starts a sentence or a clause, or follows "but", "so", ...):
 *    "each of" goes in front and the rest stays singular, its pronouns too ("Each of `a` and
 *    `b` is not deployed in this account: its first deploy ...");
 *  - "the Worker of X" and "Worker X" become plural, with the verb after them ("The Workers of
 *    env `x` and env `y` are renamed", "Workers `a` and `b` and their Durable Objects live on");
 *  - a relative clause on the slot ("in `a` and `b`, which are not deployed").
 * A slot after a preposition ("in env `x`", "of `chat`") needs nothing.
 */
function fillSlots(template: string, lists: Readonly<Record<string, readonly string[]>>): string {
  const parts = template.split(SLOTS);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const slot = parts[i]!;
    const items = lists[slot] ?? [];
    let after = parts[i + 1]!;
    const list = andList(items);
    if (items.length < 2) {
      out += (slot === SLOT.envCapital ? capitalised(list) : list) + after;
      continue;
    }
    let pluralVerb = false;
    const noun = /(^|\W)(the |The )?Worker (of )?$/.exec(out);
    if (noun) {
      out = `${out.slice(0, noun.index + noun[1]!.length)}${noun[2] ?? ""}Workers ${noun[3] ?? ""}`;
      pluralVerb = isClauseStart(out.slice(0, noun.index + noun[1]!.length));
      out += list;
      after = after.replace(/^((?:,| and) )its /, "$1their ");
    } else if (isClauseStart(out)) {
      out += `${out === "" || /[.!?]\s$/.test(out) ? "Each" : "each"} of ${list}`;
    } else {
      out += list;
    }
    if (pluralVerb) after = after.replace(/^ (\w+)/, (_, verb: string) => ` ${pluralOf(verb)}`);
    after = after.replace(/^, which (\w+)/, (_, verb: string) => `, which ${pluralOf(verb)}`);
    out += after;
  }
  return out;
}

const SLOTS = new RegExp(`(${[SLOT.env, SLOT.envCapital, SLOT.worker].join("|")})`);

/** Whether text ending here leaves the next words as the subject of a sentence or clause. */
function isClauseStart(before: string): boolean {
  return (
    before === "" ||
    before.endsWith("(") ||
    /(?:[.:;!?]|\b(?:but|so|while|and|because|since|if|when|unless|until))\s$/i.test(before)
  );
}

/** The plural of a verb in the third person singular (`is` → `are`, `binds` → `bind`). */
function pluralOf(verb: string): string {
  const irregular: Readonly<Record<string, string>> = { is: "are", was: "were", has: "have", does: "do" };
  if (irregular[verb]) return irregular[verb];
  if (/(?:ch|sh|ss|x|z)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/[^su]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
