import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  hasLivePlan,
  renderPlanMarkdown
} from "./chunk-TW7EIWBP.js";
import {
  code,
  htmlText,
  inline
} from "./chunk-CYCF2PHT.js";
import {
  INHERITED_REMARK,
  SLOT,
  andList,
  capitalised,
  envLabel,
  findingDocsAnchor,
  messageParts,
  objectsText,
  q,
  severityRank
} from "./chunk-57KHF4P2.js";

// src/core/render/groups.ts
function shapeOf(f) {
  const t = f.template;
  if (t) {
    const parts = [...t.before, t.own, ...t.after];
    const own2 = { worker: f.worker, env: f.env, inherited: t.inherited };
    if (fillOne(parts.join(" "), own2) === f.message) {
      return { parts, inherited: t.inherited && parts.some((p) => p.includes(SLOT.inherited)) };
    }
  }
  const { before, own, after } = messageParts(f);
  return { parts: [...before, own, ...after], inherited: false };
}
function fillOne(part, own) {
  return part.split(SLOT.inherited).join(own.inherited ? INHERITED_REMARK : "").split(SLOT.envCapital).join(capitalised(envLabel(own.env))).split(SLOT.env).join(envLabel(own.env)).split(SLOT.worker).join(q(own.worker));
}
function keyOf(f, shape) {
  const s = f.suppressed;
  return [
    f.code,
    f.kind,
    f.file,
    f.line ?? "",
    f.tag ?? "",
    f.classes.join(""),
    f.severity,
    f.dataLoss,
    f.introduced,
    f.fix,
    s ? `${s.by}${s.file}${s.line}${s.reason}` : "",
    f.policyLevel ? `${f.policyLevel.from}${f.policyLevel.line}` : "",
    // The inheritance is said once for the group, after the message: not a difference.
    shape.parts.join("").split(SLOT.inherited).join("")
  ].join("\0");
}
function groupFindings(findings) {
  const groups = /* @__PURE__ */ new Map();
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
    first: members[0],
    message: members.length === 1 ? members[0].message : groupMessage(members, shapes)
  }));
}
function groupMessage(members, shapes) {
  const envs = unique(members.map((f) => envLabel(f.env)));
  const workers = unique(members.flatMap((f) => f.worker === null ? [] : [q(f.worker)]));
  const lists = { [SLOT.env]: envs, [SLOT.envCapital]: envs, [SLOT.worker]: workers };
  let text = fillSlots(shapes[0].parts.join(" ").split(SLOT.inherited).join(""), lists);
  const inheriting = unique(members.filter((_, i) => shapes[i].inherited).map((f) => envLabel(f.env)));
  if (inheriting.length > 0) {
    text += ` ${capitalised(andList(inheriting))} ${inheriting.length === 1 ? "inherits" : "inherit"} it from the top-level config.`;
  }
  return text;
}
function fillSlots(template, lists) {
  const parts = template.split(SLOTS);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const slot = parts[i];
    const items = lists[slot] ?? [];
    let after = parts[i + 1];
    const list = andList(items);
    if (items.length < 2) {
      out += (slot === SLOT.envCapital ? capitalised(list) : list) + after;
      continue;
    }
    let pluralVerb = false;
    const noun = /(^|\W)(the |The )?Worker (of )?$/.exec(out);
    if (noun) {
      out = `${out.slice(0, noun.index + noun[1].length)}${noun[2] ?? ""}Workers ${noun[3] ?? ""}`;
      pluralVerb = isClauseStart(out.slice(0, noun.index + noun[1].length));
      out += list;
      after = after.replace(/^((?:,| and) )its /, "$1their ");
    } else if (isClauseStart(out)) {
      out += `${out === "" || /[.!?]\s$/.test(out) ? "Each" : "each"} of ${list}`;
    } else {
      out += list;
    }
    if (pluralVerb) after = after.replace(/^ (\w+)/, (_, verb) => ` ${pluralOf(verb)}`);
    after = after.replace(/^, which (\w+)/, (_, verb) => `, which ${pluralOf(verb)}`);
    out += after;
  }
  return out;
}
var SLOTS = new RegExp(`(${[SLOT.env, SLOT.envCapital, SLOT.worker].join("|")})`);
function isClauseStart(before) {
  return before === "" || before.endsWith("(") || /(?:[.:;!?]|\b(?:but|so|while|and|because|since|if|when|unless|until))\s$/i.test(before);
}
function pluralOf(verb) {
  const irregular = { is: "are", was: "were", has: "have", does: "do" };
  if (irregular[verb]) return irregular[verb];
  if (/(?:ch|sh|ss|x|z)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/[^su]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}
function unique(items) {
  return [...new Set(items)];
}

// src/core/render/markdown.ts
var COMMENT_LIMIT = 65536;
var ICON = { critical: "\u{1F6D1}", error: "\u274C", warning: "\u26A0\uFE0F", info: "\u2139\uFE0F" };
function renderMarkdown(report, options = {}) {
  const max = options.maxLength ?? COMMENT_LIMIT;
  const full = render(report, options, false);
  if (full.length <= max) return full;
  const compact = render(report, options, true);
  if (compact.length <= max) return compact;
  const cut = compact.slice(0, max - 200);
  const kept = cut.slice(0, cut.lastIndexOf("\n"));
  const fenceOpen = kept.split("\n").filter((line) => line.startsWith("```")).length % 2 === 1;
  return `${kept}${fenceOpen ? "\n```" : ""}

_\u2026 report truncated: see the job summary and the \`report\` output._
`;
}
function lossGroups(losses) {
  const groups = groupFindings(losses);
  const renamed = new Set(
    groups.filter((g) => g.first.kind === "probable-rename").map((g) => `${g.first.file}\0${g.first.tag}\0${g.first.classes[0]}`)
  );
  return groups.filter(
    (g) => g.first.kind !== "class-deleted" || !renamed.has(`${g.first.file}\0${g.first.tag}\0${g.first.classes[0]}`)
  );
}
function deleteAdvice(groups) {
  const deleted = [
    ...new Set(groups.filter((g) => g.first.kind === "class-deleted").flatMap((g) => g.first.classes))
  ];
  if (deleted.length === 0) return null;
  return [
    "**To delete safely, deploy twice** (Cloudflare rejects a delete while a binding still points at the class, code 10061):",
    "1. Remove every binding to the class (also other Workers' `script_name` bindings), keep exporting the class, and deploy without the delete.",
    `2. Deploy the delete. \`mode: deploy\` of this action runs both phases; phase 2 needs \`confirm-data-loss: ${deleted.join(",").replace(/[^\w$,]/g, "_")}\`.`,
    "",
    "Meant a rename? `renamed_classes` keeps the objects."
  ].join("\n");
}
function render(report, options, compact) {
  const out = [];
  if (options.marker) out.push(options.marker);
  const counted = report.findings.filter((f) => !f.suppressed);
  const lost = lossGroups(counted.filter((f) => f.dataLoss));
  const otherGroups = groupFindings(counted.filter((f) => !f.dataLoss));
  out.push(`## ${options.heading ?? "Durable Object migration check"}: ${riskBadge(report.risk)}`, "");
  if (report.findings.length > 0) out.push(verdict(lost, otherGroups), "");
  const notes = report.notes ?? [];
  if (notes.length > 0) out.push(notes.map((note) => `> \u2139\uFE0F ${inline(note)}`).join("\n>\n"), "");
  if (hasLivePlan(report.workers)) {
    out.push(renderPlanMarkdown(report.workers ?? [], { maxRows: compact ? 20 : void 0 }), "");
  }
  if (report.findings.length === 0) {
    out.push("No Durable Object lifecycle changes. Nothing is created, renamed, transferred or deleted.", "");
    return out.join("\n");
  }
  if (counted.length === 0) {
    out.push("Nothing to report: every finding is suppressed (listed below).", "");
  }
  out.push(...lossSection(report, lost, options));
  if (options.acknowledgement) out.push(options.acknowledgement, "");
  const advice = deleteAdvice(lost);
  if (advice) out.push(advice, "");
  for (const section of options.sections ?? []) out.push(section, "");
  out.push(...otherSection(otherGroups, options, compact, advice !== null));
  out.push(
    ...suppressedSection(
      report.findings.filter((f) => f.suppressed),
      options,
      compact
    )
  );
  if (options.comment === true)
    out.push("_The full report, every finding with its Workers, is in the job summary of this run._", "");
  return out.join("\n");
}
function lossSection(report, lost, options) {
  if (lost.length === 0) return [];
  const brief = options.comment === true;
  const out = [];
  for (const group of lost) {
    const f = group.first;
    const what = f.kind === "probable-rename" ? "deleted and re-created (a rename written as delete + create)" : "deleted";
    const n = group.findings.length;
    out.push(
      `- **${classList(f)}** ${what}${f.tag ? ` by migration ${code(f.tag)}` : ""} (${location(f)}) ${docLink(f, options)}: ${brief ? "in " : `destroys every object in ${n === 1 ? "" : `${n} Workers: `}`}${group.findings.map((g) => `${workerLabel(g)}${liveObjects(report, g)}`).join(", ")}${f.unlessRan ? `, unless ${n === 1 ? "it has" : "they have"} run ${code(f.unlessRan)}` : ""}${f.ifRan ? `, if ${n === 1 ? "it has" : "they have"} run ${code(f.ifRan)}` : ""}.`
    );
    if (f.kind === "live-tag-unknown" || f.kind === "undeployed-step" || f.unlessRan || f.ifRan)
      out.push(`  ${inline(group.message)}`);
    if (f.kind !== "class-deleted") out.push(`  **Fix:** ${inline(f.fix)}`);
  }
  out.push("");
  return out;
}
function otherSection(otherGroups, options, compact, advised) {
  if (otherGroups.length === 0) return [];
  const out = [];
  if (options.comment === true) {
    out.push("<details>", `<summary>${otherSummary(otherGroups)}</summary>`, "");
    if (compact) out.push(countLine(otherGroups), "");
    else {
      for (const group of bySeverity(otherGroups)) {
        const f = group.first;
        out.push(
          ...entry(group, options),
          `  _Fix:_ ${advised && /two deploys/i.test(f.fix) ? "the two deploys above." : inline(f.fix)}`
        );
      }
      out.push("");
    }
    out.push("</details>", "");
    return out;
  }
  out.push(`### Other findings (${otherGroups.length})`, "");
  if (compact) {
    out.push(
      countLine(otherGroups),
      "",
      "_The full list did not fit in a comment: see the job summary._",
      ""
    );
    return out;
  }
  for (const items of groupBy(otherGroups, (g) => g.first.file).values()) {
    const file = items[0].first.file;
    out.push(`<details${items.some((g) => g.first.severity !== "info") ? " open" : ""}>`);
    out.push(`<summary>${htmlText(file)} (${items.length})</summary>`, "");
    for (const group of items) out.push(...entry(group, options), `  _Fix:_ ${inline(group.first.fix)}`);
    out.push("", "</details>", "");
  }
  return out;
}
function suppressedSection(suppressed, options, compact) {
  if (suppressed.length === 0) return [];
  const groups = groupFindings(suppressed);
  const out = [
    "<details>",
    `<summary>Suppressed (${groups.length}): not counted in the risk or the gate</summary>`,
    ""
  ];
  if (compact) {
    out.push(countLine(groups), "");
  } else {
    for (const group of groups) {
      const f = group.first;
      const by = f.suppressed;
      out.push(
        `- **${f.code}** \`${f.kind}\`${f.classes.length ? ` ${classList(f)}` : ""} (${location(f)}) ${docLink(f, options)}${reach(group.findings)}: suppressed by ${by.by === "directive" ? "a directive" : "the policy"} at ${code(by.line ? `${by.file}:${by.line}` : by.file)}: ${inline(by.reason)}`
      );
    }
    out.push("");
  }
  out.push("</details>", "");
  return out;
}
function verdict(lost, others) {
  const counts = severityCounts(others);
  if (lost.length === 0) return `**No data loss found.**${counts ? ` ${counts}.` : ""}`;
  const classes = [
    ...new Set(
      lost.flatMap(
        (g) => g.first.kind === "probable-rename" ? g.first.classes.slice(0, 1) : g.first.classes
      )
    )
  ];
  const workers = new Set(
    lost.flatMap((g) => g.findings.map((f) => `${f.file}\0${f.worker}\0${f.env}`))
  );
  const may = lost.every((g) => g.first.unlessRan || g.first.ifRan);
  const condition = lost.every((g) => g.first.unlessRan) ? ` that ${workers.size === 1 ? "has" : "have"} not run that migration yet` : lost.every((g) => g.first.ifRan) ? ` that already ${workers.size === 1 ? "has" : "have"} run a migration the base revision does not have` : " (each loss depends on the migrations the Worker has run)";
  return [
    "> [!CAUTION]",
    `> **This change ${may ? "may destroy" : "destroys"} Durable Object data:** ${classes.length === 0 ? "objects and all their storage" : `every object of ${andCode(classes)} and all ${classes.length === 1 ? "its" : "their"} storage`}, irreversibly, in ${workers.size} Worker${workers.size === 1 ? "" : "s"}${may ? condition : ""}.${counts ? ` Also ${counts}.` : ""}`
  ].join("\n");
}
function andCode(names) {
  const quoted = names.map(code);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
}
var SEVERITY_NAMES = {
  critical: ["critical", "critical"],
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["info", "info"]
};
function severityCounts(groups) {
  return ["critical", "error", "warning", "info"].map((s) => [s, groups.filter((g) => g.first.severity === s).length]).filter(([, n]) => n > 0).map(([s, n]) => `${ICON[s]} ${n} ${SEVERITY_NAMES[s][n === 1 ? 0 : 1]}`).join(" \xB7 ");
}
function otherSummary(groups) {
  return `${groups.length} other finding${groups.length === 1 ? "" : "s"}: ${severityCounts(groups)}`;
}
function bySeverity(groups) {
  return [...groups].sort((a, b) => severityRank(b.first.severity) - severityRank(a.first.severity));
}
function entry(group, options) {
  const f = group.first;
  return [
    `- ${ICON[f.severity]} **${f.code}** \`${f.kind}\`${f.classes.length ? ` ${classList(f)}` : ""} (${location(f)}) ${docLink(f, options)}${reach(group.findings)}${levelNote(f)}`,
    `  ${inline(group.message)}`
  ];
}
function reach(findings) {
  const labelled = findings.filter((f) => f.worker !== null || f.env !== null);
  return labelled.length === 0 ? "" : ` \xB7 ${labelled.map(workerLabel).join(", ")}`;
}
function levelNote(f) {
  const p = f.policyLevel;
  if (!p) return "";
  return ` \xB7 ${f.severity} by the policy at ${code(p.line ? `${p.file}:${p.line}` : p.file)} (was ${p.from})`;
}
function riskBadge(risk) {
  const icon = { none: "\u2705", low: "\u2139\uFE0F", medium: "\u26A0\uFE0F", high: "\u274C", critical: "\u{1F6D1}" }[risk];
  return `${icon} **${risk} risk**`;
}
function countLine(groups) {
  const counts = /* @__PURE__ */ new Map();
  for (const { first: f } of groups) {
    const key = `${f.code} \`${f.kind}\``;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `- ${k}: ${n}`).join("\n");
}
function classList(f) {
  return f.classes.map(code).join(f.kind === "class-renamed" || f.kind === "probable-rename" ? " \u2192 " : ", ");
}
function workerLabel(f) {
  const env = f.env === null ? "top level" : `env ${code(f.env)}`;
  return f.worker ? `Worker ${code(f.worker)} (${env})` : env;
}
function liveObjects(report, f) {
  const planned = report.workers?.find((w) => w.live === "read" && w.name === f.worker && w.file === f.file);
  const d = planned?.destroys.find((x) => x.className === f.classes[0]);
  if (!d || d.objects === null) return "";
  return `: ${objectsText({ objects: d.objects, withData: d.objectsWithData, capped: d.capped })} live`;
}
function location(f) {
  return code(f.line ? `${f.file}:${f.line}` : f.file);
}
function docLink(f, options) {
  const base = options.docsBaseUrl ? `${options.docsBaseUrl.replace(/\/$/, "")}/` : "";
  return `[${f.code}](${base}${findingDocsAnchor(f.code)})`;
}
function groupBy(items, key) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// src/core/render/json.ts
function renderJson(report) {
  return `${JSON.stringify(
    {
      risk: report.risk,
      ...report.base ? { base: report.base } : {},
      dataLoss: report.findings.some((f) => f.dataLoss),
      findings: report.findings.map((f) => ({
        code: f.code,
        kind: f.kind,
        severity: f.severity,
        dataLoss: f.dataLoss,
        classes: f.classes,
        worker: f.worker,
        env: f.env,
        file: f.file,
        line: f.line,
        tag: f.tag,
        introduced: f.introduced,
        message: f.message,
        fix: f.fix,
        ...f.suppressed ? { suppressed: f.suppressed } : {},
        ...f.policyLevel ? { policyLevel: f.policyLevel } : {}
      })),
      notes: report.notes ?? [],
      workers: workersJson(report)
    },
    null,
    2
  )}
`;
}
function workersJson(report) {
  return (report.workers ?? []).map(workerJson);
}
function workerJson(w) {
  return {
    file: w.file,
    env: w.env,
    name: w.name,
    deployed: w.deployed,
    liveTag: w.liveTag,
    sends: w.sends,
    destroys: w.destroys.map((d) => ({
      class: d.className,
      tag: d.tag,
      objects: d.objects,
      objectsWithData: d.objectsWithData,
      capped: d.capped
    })),
    model: w.model,
    live: w.live,
    problem: w.problem,
    sendKind: w.sendKind,
    fromBase: w.fromBase,
    rejected: w.rejected,
    ...w.tombstones ? { tombstones: w.tombstones.map((t) => ({ class: t.className, state: t.state, status: t.status })) } : {}
  };
}

export {
  groupFindings,
  renderMarkdown,
  lossGroups,
  deleteAdvice,
  riskBadge,
  countLine,
  renderJson,
  workersJson
};
