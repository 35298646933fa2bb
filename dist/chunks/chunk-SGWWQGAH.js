import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/text/objects.ts
function thousands(n) {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function objectsText(c) {
  if (c.objects === null) return "objects not counted";
  const n = `${c.capped ? "more than " : ""}${thousands(c.objects)} object${c.objects === 1 && !c.capped ? "" : "s"}`;
  return `${n} (${c.capped ? "at least " : ""}${thousands(c.withData ?? 0)} with stored data)`;
}

export {
  thousands,
  objectsText
};
