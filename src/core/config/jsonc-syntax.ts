// jsonc-parser's SyntaxKind values, for its scanner (a const enum in its typings, so not
// importable as values).
export const OPEN_BRACE = 1;
export const CLOSE_BRACE = 2;
export const OPEN_BRACKET = 3;
export const CLOSE_BRACKET = 4;
export const LINE_COMMENT = 12;
export const BLOCK_COMMENT = 13;
export const LINE_BREAK = 14;
export const WHITESPACE = 15;
export const EOF = 17;
