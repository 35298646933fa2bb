// Helpers for the core's table tests: a config change written as a small diff, line markers in
// comments, and a compact view of findings that a case can spell out in full.
import assert from "node:assert/strict";
import { it } from "node:test";
import { analyzeRepository } from "../../src/core/analyze/analyze.ts";
import type { ConfigChange, Finding, FindingKind, Severity } from "../../src/core/model.ts";

/**
 * Splits a diff-like text into its two revisions. A line starting with `+` exists only at head,
 * `-` only at base (the marker and one following space are dropped); any other line is in both.
 * Neither TOML nor the JSONC used in the tests ever starts a line with `+` or `-`.
 */
export function revisions(diff: string): { base: string; head: string } {
  const base: string[] = [];
  const head: string[] = [];
  for (const line of diff.replace(/^\n/, "").split("\n")) {
    const marker = line[0];
    const rest = line.slice(line[1] === " " ? 2 : 1);
    if (marker === "+") head.push(rest);
    else if (marker === "-") base.push(rest);
    else {
      base.push(line);
      head.push(line);
    }
  }
  return { base: base.join("\n"), head: head.join("\n") };
}

/** The 1-based line of the only line carrying the marker `@@name` (in a comment). */
export function markedLine(text: string, name: string): number {
  const pattern = new RegExp(`@@${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`);
  const lines = text.split(/\r?\n/);
  const hits = lines.flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
  assert.equal(hits.length, 1, `marker @@${name} must be on exactly one line, found ${hits.length}`);
  return hits[0]!;
}

/** What a case expects of one finding. `line` is a number, `@@marker` in the head text, or null. */
export interface Expected {
  readonly code: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly classes: readonly string[];
  readonly line: number | `@@${string}` | null;
  readonly dataLoss?: boolean;
  readonly env?: string | null;
  readonly worker?: string | null;
  readonly tag?: string | null;
  readonly introduced?: boolean;
  /** Defaults to the case's only file. */
  readonly file?: string;
  /** Substrings the message or the fix must contain (codes such as `10061`, class names). */
  readonly says?: readonly string[];
  /** Substrings neither the message nor the fix may contain (what is not certain, or not so). */
  readonly never?: readonly string[];
}

export interface FindingView {
  code: string;
  kind: FindingKind;
  severity: Severity;
  dataLoss: boolean;
  classes: readonly string[];
  env: string | null;
  worker: string | null;
  file: string;
  line: number | null;
  tag: string | null;
  introduced: boolean;
}

export function view(f: Finding): FindingView {
  return {
    code: f.code,
    kind: f.kind,
    severity: f.severity,
    dataLoss: f.dataLoss,
    classes: f.classes,
    env: f.env,
    worker: f.worker,
    file: f.file,
    line: f.line,
    tag: f.tag,
    introduced: f.introduced,
  };
}

/** Resolves an expectation against the head texts of the case's files. */
export function expectedView(
  e: Expected,
  defaultFile: string,
  headTextOf: (file: string) => string | null,
): FindingView {
  const file = e.file ?? defaultFile;
  let line: number | null = null;
  if (typeof e.line === "number") line = e.line;
  else if (typeof e.line === "string") {
    const text = headTextOf(file);
    assert.ok(text !== null, `${file} has no head text to find ${e.line} in`);
    line = markedLine(text, e.line.slice(2));
  }
  return {
    code: e.code,
    kind: e.kind,
    severity: e.severity,
    dataLoss: e.dataLoss ?? false,
    classes: e.classes,
    env: e.env ?? null,
    worker: e.worker ?? null,
    file,
    line,
    tag: e.tag ?? null,
    introduced: e.introduced ?? true,
  };
}

/** Asserts the findings are exactly the expected ones, in order, and that messages say what they must. */
export function assertFindings(
  findings: readonly Finding[],
  expected: readonly Expected[],
  defaultFile: string,
  headTextOf: (file: string) => string | null,
): void {
  assert.deepEqual(
    findings.map(view),
    expected.map((e) => expectedView(e, defaultFile, headTextOf)),
  );
  expected.forEach((e, i) => {
    const finding = findings[i]!;
    for (const text of e.says ?? []) {
      assert.ok(
        `${finding.message}\n${finding.fix}`.includes(text),
        `${finding.code} message or fix should mention ${text}: ${finding.message} | ${finding.fix}`,
      );
    }
    for (const text of e.never ?? []) {
      assert.ok(
        !`${finding.message}\n${finding.fix}`.includes(text),
        `${finding.code} message or fix should not mention ${text}: ${finding.message} | ${finding.fix}`,
      );
    }
    assert.ok(
      finding.message.length > 0 && finding.fix.length > 0,
      `${finding.code} has a message and a fix`,
    );
  });
}

/** One analysis case: a change of one file (a diff, or explicit texts) or of several files. */
export interface AnalysisCase {
  readonly name: string;
  readonly file?: string;
  readonly diff?: string;
  readonly base?: string | null;
  readonly head?: string | null;
  readonly changes?: readonly ConfigChange[];
  readonly envs?: readonly (string | null)[];
  readonly expect: readonly Expected[];
  /** A known gap in the core: the case states the right behaviour and is reported, not failed. */
  readonly todo?: string;
}

export function changesOf(c: AnalysisCase): ConfigChange[] {
  if (c.changes) return [...c.changes];
  const file = c.file ?? "wrangler.toml";
  if (c.diff !== undefined)
    return [{ file, baseText: revisions(c.diff).base, headText: revisions(c.diff).head }];
  return [{ file, baseText: c.base ?? null, headText: c.head ?? null }];
}

/** The same case in TOML and in JSONC: the markers make one list of expectations fit both. */
export function inBothFormats(
  name: string,
  diffs: { readonly toml: string; readonly jsonc: string },
  expect: readonly Expected[],
  extra: Partial<AnalysisCase> = {},
): AnalysisCase[] {
  return [
    { ...extra, name: `${name} (TOML)`, file: "wrangler.toml", diff: diffs.toml, expect },
    { ...extra, name: `${name} (JSONC)`, file: "wrangler.jsonc", diff: diffs.jsonc, expect },
  ];
}

/** Registers one test per case: analyse the change as a repository, compare every finding. */
export function runAnalysisCases(cases: readonly AnalysisCase[]): void {
  for (const c of cases) {
    it(c.name, c.todo ? { todo: c.todo } : {}, () => {
      const changes = changesOf(c);
      const report = analyzeRepository(changes, c.envs ? { envs: c.envs } : {});
      const headTextOf = (file: string) => changes.find((ch) => ch.file === file)?.headText ?? null;
      assertFindings(report.findings, c.expect, changes[0]!.file, headTextOf);
    });
  }
}
