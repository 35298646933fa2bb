// How object counts read in every report: "12,408 objects (9,876 with stored data)", "more than
// 100,000 objects (...)" past the cap, "objects not counted" when they were not.

/** 12408 -> "12,408", without the locale machinery (ICU takes ~20 ms to wake). */
export function thousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export interface CountedObjects {
  readonly objects: number | null;
  readonly withData: number | null;
  readonly capped: boolean;
}

export function objectsText(c: CountedObjects): string {
  if (c.objects === null) return "objects not counted";
  const n = `${c.capped ? "more than " : ""}${thousands(c.objects)} object${c.objects === 1 && !c.capped ? "" : "s"}`;
  return `${n} (${c.capped ? "at least " : ""}${thousands(c.withData ?? 0)} with stored data)`;
}
