/** Maps character offsets of a text to 1-based line and column numbers. */
export interface LineIndex {
  position(offset: number): { line: number; column: number };
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - starts[lo]! + 1 };
    },
  };
}

/** The start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The end of the line holding `offset`, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  const n = text.indexOf("\n", offset);
  const end = n < 0 ? text.length : n;
  return text[end - 1] === "\r" ? end - 1 : end;
}
