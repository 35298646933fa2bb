// Plain values of a parsed config: the record test every reader uses, a list's strings, and the
// canonical JSON that tells two migration steps apart (object keys sorted, a step without its tag).

export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** canonicalJson of a step without its tag. */
export function canonicalStep(entry: Record<string, unknown>): string {
  const direct = plainCanonicalJson(entry, "tag");
  if (direct !== undefined) return direct;
  const { tag: _tag, ...rest } = entry;
  return canonicalJson(rest);
}

/** JSON with object keys sorted: two steps are the same step when their canonical texts are equal. */
export function canonicalJson(value: unknown): string {
  return plainCanonicalJson(value) ?? JSON.stringify(value, sortedKeys);
}

function sortedKeys(_key: string, v: unknown): unknown {
  return isRecord(v)
    ? Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, v[k]]),
      )
    : v;
}

const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;

/**
 * canonicalJson written out directly (a step is canonicalised for every migration of every
 * config), for plain parsed data only: strings, finite numbers, booleans, null, arrays and plain
 * objects without array-index keys (which Object.fromEntries would move first). Anything else
 * gives undefined, and the general path above decides.
 */
function plainCanonicalJson(value: unknown, skipKey?: string): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case "object": {
      if (value === null) return "null";
      const proto = Object.getPrototypeOf(value);
      // Written into one string as it goes (no parts array to join, no sort of a single key):
      // every step of every config passes here, and its garbage is most of the cost.
      if (Array.isArray(value)) {
        if (proto !== Array.prototype) return undefined;
        let out = "[";
        // By index: a hole reads as undefined, as it does to for...of.
        for (let i = 0; i < value.length; i++) {
          const part = plainCanonicalJson(value[i]);
          if (part === undefined) return undefined;
          out += i === 0 ? part : `,${part}`;
        }
        return `${out}]`;
      }
      if (proto !== Object.prototype && proto !== null) return undefined;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length > 1) keys.sort();
      let out = "{";
      for (const key of keys) {
        if (key === skipKey) continue;
        // Only a key starting with a digit can be index-like.
        const first = key.charCodeAt(0);
        if (first >= 48 && first <= 57 && INDEX_LIKE.test(key)) return undefined;
        const part = plainCanonicalJson(record[key]);
        if (part === undefined) return undefined;
        out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${part}`;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}
