// The tag of a new migration step, in the scheme the list already uses: `v3` -> `v4`,
// `0007` -> `0008`, a date (`2026-11-01`) -> today's date, anything else -> `v<n+1>`. Never one
// the list already has. "Today" comes from the caller (the core has no clock).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBERED = /^(.*?)(\d+)$/;

export function nextTag(existing: readonly (string | null)[], today: string): string {
  const tags = existing.filter((t): t is string => t !== null);
  const taken = new Set(tags);
  const free = (candidates: Iterable<string>): string => {
    for (const candidate of candidates) if (!taken.has(candidate)) return candidate;
    throw new Error("unreachable");
  };
  const last = tags.at(-1);
  if (last !== undefined && DATE.test(last) && DATE.test(today)) {
    // Dates: today; a second step the same day gets a counter.
    return free(counted(today, (n) => `${today}-${n}`));
  }
  const numbered = last === undefined ? null : NUMBERED.exec(last);
  if (numbered && !DATE.test(last!)) {
    const [, prefix, digits] = numbered as unknown as [string, string, string];
    const width = digits.startsWith("0") ? digits.length : 1;
    let highest = 0;
    for (const tag of tags) {
      const m = NUMBERED.exec(tag);
      if (m && m[1] === prefix) highest = Math.max(highest, Number(m[2]));
    }
    return free(counted(null, (n) => `${prefix}${String(highest + n - 1).padStart(width, "0")}`, 2));
  }
  return free(counted(null, (n) => `v${tags.length + n - 1}`, 2));
}

function* counted(first: string | null, nth: (n: number) => string, from = 2): Generator<string> {
  if (first !== null) yield first;
  for (let n = from; ; n++) yield nth(n);
}
