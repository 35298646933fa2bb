// What a fix changes, shown and placed: a unified diff (the `diff` package, as `git diff` prints
// it), and the one range of lines a GitHub suggestion replaces, with its new lines.
import { createTwoFilesPatch } from "diff";

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
