import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/core/text/display.ts
var UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
function displayable(text, replacement = "'") {
  return text.replace(UNSAFE_CHARACTERS, replacement);
}

export {
  displayable
};
