// The rules that need the analyses of several config files together: another Worker binding a
// deleted class (DO105), two targets deploying one Worker or one taking over another's (DO505,
// DO504), a retargeted binding checked against the other Worker's config (DO403), an incomplete
// fix of a class the code no longer exports (DO601/DO602), and the report's local-only note.
import { CATALOGUE, forUndeployedWorker, severityRank } from "../catalogue.ts";
import { notDeployedAsWritten } from "../config/workers.ts";
import { AT_BASE, alreadyAtBase, workerFinding } from "../diagnostics.ts";
import { liveClasses, replayLifecycle } from "../lifecycle/replay.ts";
import type { DurableObjectBinding, Finding, Worker } from "../model.ts";
import { remarked, withoutRemarks } from "../remarks.ts";
import { retargetTarget } from "../rules/bindings.ts";
import { incompleteFix } from "../rules/code-exports.ts";
import { crossWorkerBinding } from "../rules/deletes.ts";
import type { Wording } from "../rules/rule.ts";
import { localOnlyNote, workerDeployedTwice, workerNameTaken } from "../rules/workers.ts";
import { workerEntryPath } from "./code-exports.ts";
import { exportsRepositoryFindings } from "./exports-rules.ts";
import { sameAccount } from "./file.ts";
import type { FileAnalysis } from "./file-analysis.ts";
import { AnalysisLookups } from "./lookups.ts";

/**
 * The findings of analysed files taken together (unsorted): each file's, the extra ones, and
 * those of the cross-file rules. The cross-file rules join files only through the names of
 * `crossFileKeys`: a file's findings here depend on its own analysis and on the analyses of the
 * files it shares such a name with, nothing else (the fix's proof relies on it, so a rule that
 * joins files another way must add its key there).
 */
export function repositoryFindings(
  analyses: readonly FileAnalysis[],
  extra: readonly Finding[] = [],
): Finding[] {
  const findings = [...analyses.flatMap((a) => a.findings), ...extra];
  const lookups = new AnalysisLookups(analyses);
  const cross = crossWorkerBindings(findings, analyses);
  // A delete another Worker still binds is not the plain one-shot case: DO105 names the cause.
  const blocked = new Set(cross.map((c) => c.blocks));
  // A removed binding whose class the code no longer exports is the 10064 of DO601: said once.
  const unexported = new Set(
    findings.filter((f) => f.kind === "class-not-exported").map((f) => placeKey(f.file, f.env, f.classes[0])),
  );
  // A Worker whose config was removed, while another target deploys it now: a move (DO504 says so).
  const kept = findings
    .filter(
      (f) =>
        !(f.kind === "env-removed" && movedTo(lookups, f)) &&
        !(f.kind === "delete-binding-removed" && blocked.has(deletionKey(f.worker, f.classes[0], f.tag))) &&
        !(f.kind === "binding-removed" && unexported.has(placeKey(f.file, f.env, f.classes[0]))),
    )
    .map((f) => (f.kind === "binding-retargeted" ? checkRetargetTarget(f, lookups) : f));
  return exportsRepositoryFindings(
    incompleteFixes([...kept, ...cross.map((c) => c.finding), ...identityFindings(analyses)], lookups),
    analyses,
    new Set(cross.filter((c) => c.dropped).map((c) => c.finding)),
  );
}

/**
 * A class the code no longer exports that another target of the same code (the same entry
 * module, or a config in the same directory) still has: its deploy failing with 10064 (or 10070)
 * was already so at the base revision, but when this change deletes that very class in one
 * target, the failure of the other is news: the fix is incomplete. Reported as introduced, at
 * the finding's own severity.
 */
function incompleteFixes(findings: readonly Finding[], lookups: AnalysisLookups): Finding[] {
  const deletions = findings.filter((f) => f.kind === "class-deleted" && f.introduced);
  if (deletions.length === 0) return [...findings];
  const workerAt = (file: string, env: string | null) =>
    lookups.analysisOf(file)?.headWorkers.find((w) => w.env === env) ?? null;
  const sameCode = (a: Worker, b: Worker) => {
    const [ea, eb] = [workerEntryPath(a), workerEntryPath(b)];
    return (ea !== null && ea === eb) || (a.file !== b.file && dirOf(a.file) === dirOf(b.file));
  };
  return findings.map((f) => {
    if (f.introduced || (f.kind !== "class-not-exported" && f.kind !== "created-class-not-exported"))
      return f;
    const target = workerAt(f.file, f.env);
    if (!target || notDeployedAsWritten(target)) return f;
    const className = f.classes[0];
    const deletion = deletions.find((d) => {
      if (!d.classes.includes(className ?? "") || (d.file === f.file && d.env === f.env)) return false;
      const deleting = workerAt(d.file, d.env);
      return deleting !== null && sameCode(deleting, target);
    });
    if (!deletion) return f;
    const deleting = workerAt(deletion.file, deletion.env)!;
    const text = incompleteFix({ className, deleting, tag: deletion.tag, target });
    return {
      ...remarked(
        withoutRemarks(f, (r) => r === AT_BASE),
        { before: text.message },
      ),
      severity: CATALOGUE[f.kind].severity,
      introduced: true,
      fix: text.fix,
    };
  });
}

/**
 * Targets judged by the Worker they deploy to: two targets of the head that deploy the same
 * Worker (DO505: each deploy replaces the other's code, bindings and history), and a target that
 * takes over a Worker another config deployed at the base revision (DO504).
 */
function identityFindings(analyses: readonly FileAnalysis[]): Finding[] {
  const out: Finding[] = [];
  const byName = (side: "head" | "base") => {
    const groups = new Map<string, { file: string; worker: Worker }[]>();
    for (const analysis of analyses) {
      // A config wrangler reads only with `--config` is an alternative to its directory's, not a
      // second deploy of the same Worker.
      if (analysis.onlyWithConfig) continue;
      const workers = side === "head" ? analysis.headWorkers : (analysis.baseWorkers ?? []);
      for (const worker of workers) {
        if (worker.name === null || worker.placeholderName) continue;
        const group = groups.get(worker.name);
        const entry = { file: analysis.file, worker };
        if (group) group.push(entry);
        else groups.set(worker.name, [entry]);
      }
    }
    return groups;
  };
  const at = (file: string, env: string | null) => `${file}\u0000${env}`;
  const baseGroups = byName("base");
  const twice = new Set<string>();
  for (const [name, group] of byName("head")) {
    if (group.length < 2) continue;
    const [first, ...others] = group;
    const before = new Set((baseGroups.get(name) ?? []).map((g) => at(g.file, g.worker.env)));
    for (const other of others) {
      if (!sameAccount(first!.worker, other.worker)) continue;
      // Two configs of one directory are alternatives (wrangler reads one of them; DO007, DO011).
      if (other.file !== first!.file && dirOf(other.file) === dirOf(first!.file)) continue;
      twice.add(at(other.file, other.worker.env));
      twice.add(at(first!.file, first!.worker.env));
      const preExisting =
        before.has(at(first!.file, first!.worker.env)) && before.has(at(other.file, other.worker.env));
      const finding = identityFinding(
        "worker-deployed-twice",
        other.worker,
        workerDeployedTwice({ name, other: other.worker, first: first!.worker }),
      );
      out.push(preExisting ? alreadyAtBase(finding) : finding);
    }
  }
  for (const analysis of analyses) {
    for (const { head, owner, positional } of analysis.takeovers ?? []) {
      // Still deployed from its own place too: that is DO505, said above.
      if (twice.has(at(analysis.file, head.env))) continue;
      out.push(
        identityFinding(
          "worker-name-taken",
          head,
          workerNameTaken({ head, name: head.name, owner, previousName: positional?.name ?? null }),
        ),
      );
    }
  }
  return out;
}

function dirOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}

function identityFinding(
  kind: "worker-deployed-twice" | "worker-name-taken",
  worker: Worker,
  text: Wording,
): Finding {
  return workerFinding(worker, kind, { classes: [], line: worker.nameLine ?? worker.envLine }, text);
}

/** Whether a removed Worker is deployed from another place at head (a takeover of its name). */
function movedTo(lookups: AnalysisLookups, removed: Finding): boolean {
  return lookups.takenOver().has(JSON.stringify([removed.worker, removed.env]));
}

/** The names that join a config file to others in the cross-file rules (see `repositoryFindings`). */
export interface CrossFileKeys {
  /** The Worker names the file defines, at either revision. */
  readonly names: readonly string[];
  /** The Workers its bindings reach through `script_name`, at either revision. */
  readonly reaches: readonly string[];
}

/**
 * Two files are joined when one defines a Worker name the other defines too or reaches through
 * `script_name` (another Worker's binding to a deleted class: DO105; a binding retargeted to it),
 * or when they deploy the same code (an entry module, or configs of one directory: DO601 of an
 * incomplete fix).
 */
export function crossFileKeys(analysis: FileAnalysis): CrossFileKeys {
  const names = new Set<string>();
  const reaches = new Set<string>();
  // The code a target deploys joins it to the other targets of that code (incompleteFixes): an
  // entry module, and the directory of the config, as keys no Worker name can be.
  names.add(`\u0000dir:${dirOf(analysis.file)}`);
  for (const worker of [...analysis.headWorkers, ...(analysis.baseWorkers ?? [])]) {
    const entry = workerEntryPath(worker);
    if (entry !== null) names.add(`\u0000main:${entry}`);
    if (worker.name !== null) names.add(worker.name);
    for (const binding of worker.bindings) if (binding.scriptName) reaches.add(binding.scriptName);
  }
  return { names: [...names], reaches: [...reaches] };
}

function placeKey(file: string, env: string | null, className: string | undefined): string {
  return [file, env, className].join("\u0000");
}

function deletionKey(worker: string | null, className: string | undefined, tag: string | null): string {
  return [worker, className, tag].join("\u0000");
}

/**
 * A binding retargeted to another Worker's class: when that Worker's config is in the repository
 * and has no live class of that name, the deploy is rejected (10061), which is an error.
 */
function checkRetargetTarget(finding: Finding, lookups: AnalysisLookups): Finding {
  const className = finding.classes[1];
  const own = lookups.analysisOf(finding.file)?.headWorkers.find((w) => w.env === finding.env);
  const binding = own?.bindings.find((b) => b.line === finding.line && b.className === className);
  if (!binding?.scriptName || !finding.introduced) return finding;
  const target = lookups.headWorkerNamed(binding.scriptName);
  if (!target) return finding;
  const creates = liveClasses(replayLifecycle(target.lifecycle).classes).has(binding.className);
  const remark = retargetTarget({
    worker: target.name,
    file: target.file,
    className: binding.className,
    creates,
  });
  const checked = remarked(finding, { after: remark });
  return creates ? checked : { ...checked, severity: "error" };
}

/**
 * One note for the top levels that look like they are only used by `wrangler dev` (a `-dev`
 * name, placeholder resource ids, no name at all) when they carry findings: most multi-env
 * repositories never deploy them, and the `environments` input leaves them out.
 */
export function localOnlyNotes(analyses: readonly FileAnalysis[], findings: readonly Finding[]): string[] {
  const listed: { file: string; signs: readonly string[] }[] = [];
  const envs = new Set<string>();
  for (const analysis of analyses) {
    const top = analysis.headWorkers.find((w) => w.env === null);
    if (!top || analysis.headWorkers.length < 2) continue;
    const signs = top.name === null ? ["no `name`"] : (top.localOnlySigns ?? []);
    if (signs.length === 0) continue;
    const concerned = findings.some(
      (f) => f.file === analysis.file && f.env === null && f.introduced && severityRank(f.severity) >= 1,
    );
    if (!concerned) continue;
    listed.push({ file: analysis.file, signs });
    for (const w of analysis.headWorkers) if (w.env !== null) envs.add(w.env);
  }
  if (listed.length === 0) return [];
  return [localOnlyNote({ configs: listed, envs: [...envs] })];
}

/**
 * Another Worker in the repository that binds a class being deleted blocks the delete (10061).
 * Each finding comes with the key of the deletion it blocks.
 */
function crossWorkerBindings(
  findings: readonly Finding[],
  analyses: readonly FileAnalysis[],
): { finding: Finding; blocks: string; dropped: boolean }[] {
  const out: { finding: Finding; blocks: string; dropped: boolean }[] = [];
  const entry = CATALOGUE["cross-worker-binding"];
  const blocking = (deletion: Finding, other: Worker, binding: DurableObjectBinding, dropped: boolean) => {
    const why = notDeployedAsWritten(other);
    const finding: Finding = {
      code: entry.code,
      kind: "cross-worker-binding",
      severity: entry.severity,
      dataLoss: false,
      classes: [binding.className],
      worker: other.name,
      env: other.env,
      file: other.file,
      line: dropped ? (other.bindingsLine ?? other.envLine) : binding.line,
      tag: deletion.tag,
      ...crossWorkerBinding({
        other: other.name ?? other.file,
        otherFile: other.file,
        binding: binding.name,
        className: binding.className,
        deletingWorker: deletion.worker,
        deletingFile: deletion.file,
        dropped,
      }),
      introduced: true,
    };
    out.push({
      finding: why ? forUndeployedWorker(finding, why) : finding,
      blocks: deletionKey(deletion.worker, binding.className, deletion.tag),
      dropped,
    });
  };
  const bindsIt = (deletion: Finding, b: DurableObjectBinding) =>
    b.scriptName === deletion.worker && deletion.classes.includes(b.className);
  // The script_name bindings by the script they name, in the order of a walk of every analysis
  // (its head Workers, then its base Workers): one walk, not one per deletion.
  const byScript = new Map<string, { analysis: FileAnalysis; worker: Worker; atHead: boolean }[]>();
  for (const analysis of analyses) {
    for (const [workers, atHead] of [
      [analysis.headWorkers, true],
      [analysis.baseWorkers ?? [], false],
    ] as const) {
      for (const worker of workers) {
        for (const script of new Set(worker.bindings.map((b) => b.scriptName))) {
          if (script === null) continue;
          const list = byScript.get(script);
          if (list) list.push({ analysis, worker, atHead });
          else byScript.set(script, [{ analysis, worker, atHead }]);
        }
      }
    }
  }
  for (const deletion of findings.filter((f) => f.kind === "class-deleted" && f.worker)) {
    for (const { analysis, worker, atHead } of byScript.get(deletion.worker ?? "") ?? []) {
      if (worker.name === deletion.worker) continue;
      if (atHead) {
        for (const binding of worker.bindings.filter((b) => bindsIt(deletion, b))) {
          blocking(deletion, worker, binding, false);
        }
        continue;
      }
      // Case (c) in one pull request: another Worker's binding removed in the same change is still
      // live until that Worker deploys (cloudflare/mcp-server-cloudflare#384).
      const was = worker;
      const now = analysis.headWorkers.find((w) => w.env === was.env);
      for (const binding of was.bindings.filter((b) => bindsIt(deletion, b))) {
        const kept = now?.bindings.some((b) => b.name === binding.name && bindsIt(deletion, b));
        if (!kept && now) blocking(deletion, now, binding, true);
      }
    }
  }
  return out;
}
