import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/text/lists.ts
function andList(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export {
  andList
};
