// Colour on a terminal, as most command-line tools decide it: FORCE_COLOR wins (any value but
// "0" or "false" turns colour on, even in a pipe), then NO_COLOR (any non-empty value turns it
// off), then a TTY that is not TERM=dumb.

export function colorWanted(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !["0", "false"].includes(force.trim().toLowerCase());
  if (env.NO_COLOR) return false;
  if (env.NODE_DISABLE_COLORS) return false;
  return isTTY && env.TERM !== "dumb";
}

const CODES = { bold: [1, 22], cyan: [36, 39], dim: [2, 22], yellow: [33, 39] } as const;

export function ansi(style: keyof typeof CODES, text: string): string {
  const [on, off] = CODES[style];
  return `\u001b[${on}m${text}\u001b[${off}m`;
}
