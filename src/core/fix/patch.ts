// What a fix changes, shown and placed: a unified diff (the `diff` package, as `git diff` prints
// it), and the one range of lines a GitHub suggestion replaces, with its new lines.
import { createTwoFilesPatch, diffLines } from "diff";

/** `--- a/FILE` / `+++ b/FILE` and the hunks with three lines of context; "" when equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return "";
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
  });
  // Drop the "Index:"/"===" preamble the package writes before the file headers.
  return patch.slice(patch.indexOf("--- "));
}

/** A replacement of head lines `start`..`end` (1-based, inclusive) by `lines`. */
export interface LineReplacement {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly string[];
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * The smallest run of the old lines whose replacement turns `before` into `after` (every change
 * of the fix inside it). A pure insertion takes the line above it (or below, at the top), since a
 * suggestion replaces at least one line. Null when the texts are equal.
 */
export function lineReplacement(before: string, after: string): LineReplacement | null {
  const a = splitLines(before);
  const b = splitLines(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  let start = prefix + 1;
  let end = a.length - suffix;
  let newStart = prefix;
  let newEnd = b.length - suffix;
  if (start > end && newStart >= newEnd) return null;
  if (start > end) {
    // Nothing replaced, only lines added: include a neighbouring line.
    if (prefix > 0) {
      start = prefix;
      end = prefix;
      newStart = prefix - 1;
    } else {
      start = 1;
      end = 1;
      newEnd += 1;
    }
  }
  return { start, end, lines: b.slice(newStart, newEnd) };
}

/** One edit of the old text: its lines `start`..`end` (0-based, end excluded; equal for an insertion before `start`). */
export interface LineEdit {
  readonly start: number;
  readonly end: number;
}

/** Each run of old lines a fix removes or replaces, and each place it inserts lines. */
export function lineEdits(before: string, after: string): LineEdit[] {
  const edits: LineEdit[] = [];
  let line = 0;
  let open: { start: number; end: number } | null = null;
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (!part.added && !part.removed) {
      if (open) edits.push(open);
      open = null;
      line += count;
      continue;
    }
    open ??= { start: line, end: line };
    if (part.removed) {
      line += count;
      open.end = line;
    }
  }
  if (open) edits.push(open);
  return edits;
}

/** Whether two fixes of one text change a line in common (or insert at the same place, or inside the other's lines). */
export function editsClash(a: readonly LineEdit[], b: readonly LineEdit[]): boolean {
  const clash = (x: LineEdit, y: LineEdit) => {
    if (x.start === x.end && y.start === y.end) return x.start === y.start;
    if (x.start === x.end) return y.start < x.start && x.start < y.end;
    if (y.start === y.end) return x.start < y.start && y.start < x.end;
    return x.start < y.end && y.start < x.end;
  };
  return a.some((x) => b.some((y) => clash(x, y)));
}
