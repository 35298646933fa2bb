import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  displayable
} from "./chunk-TLPFU5T4.js";

// src/core/render/markdown-text.ts
function code(text) {
  const clean = displayable(text.replace(/`/g, "'")).replace(/\|/g, "\\|").replace(/<!--/g, `<!-${WORD_JOINER}-`);
  return `\`${clean}\``;
}
function inline(message) {
  let out = "";
  let prose = "";
  message.split("`").forEach((part, i) => {
    if (i % 2 === 0) prose += part;
    else if (part !== "") {
      out += escapeMarkdown(prose) + code(part);
      prose = "";
    }
  });
  return out + escapeMarkdown(prose);
}
function escapeMarkdown(text) {
  return unlinked(escapeHtml(displayable(text, " ")).replace(/([\\*_[\]()#!|~>+=])/g, "\\$1"));
}
var WORD_JOINER = "\u2060";
function unlinked(text) {
  return text.replace(/@/g, `@${WORD_JOINER}`).replace(/#(?=\d)/g, `#${WORD_JOINER}`).replace(/\b(GH)-(?=\d)/gi, `$1${WORD_JOINER}-`).replace(/:\/\//g, `:${WORD_JOINER}//`).replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export {
  code,
  inline,
  unlinked,
  escapeHtml
};
