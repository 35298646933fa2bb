import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  displayable
} from "./chunk-57KHF4P2.js";

// src/core/render/markdown-text.ts
var WORD_JOINER = "\u2060";
function noComment(text) {
  return text.replace(/<!--/g, `<!-${WORD_JOINER}-`);
}
function code(text) {
  return `\`${noComment(displayable(text.replace(/`/g, "'"))).replace(/\|/g, "\\|")}\``;
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
function htmlText(text) {
  return unlinked(escapeHtml(displayable(text, " ")).replace(/[[\]`]/g, (ch) => `&#${ch.charCodeAt(0)};`));
}
function cell(text) {
  return noComment(displayable(text.replace(/[\r\n]+/g, " "), " ")).replace(/\|/g, "\\|");
}
function unlinked(text) {
  return text.replace(/@/g, `@${WORD_JOINER}`).replace(/#(?=\d)/g, `#${WORD_JOINER}`).replace(/\b(GH)-(?=\d)/gi, `$1${WORD_JOINER}-`).replace(/:\/\//g, `:${WORD_JOINER}//`).replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export {
  code,
  inline,
  htmlText,
  cell
};
