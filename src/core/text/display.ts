// Characters of config strings that must never reach a reader as they are: control characters
// (line breaks, terminal escape sequences, the C1 range) and the Unicode controls that reorder
// or isolate text (bidi overrides, as in "Trojan Source"), which would make a class name read
// as another. Renderers and messages replace them; they never carry meaning in a config name.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
export const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every unsafe character replaced (by `'` unless told otherwise). */
export function displayable(text: string, replacement = "'"): string {
  return text.replace(UNSAFE_CHARACTERS, replacement);
}
