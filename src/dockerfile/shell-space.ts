// Go's `unicode.IsSpace`: ASCII blanks, U+0085, U+00A0 and the Unicode White_Space characters.
const goSpaces = new Set(
  Array.from('\t\n\v\f\r \u0085\u00a0\u1680\u2028\u2029\u202f\u205f\u3000').concat(
    Array.from({ length: 11 }, (_, index) => String.fromCharCode(0x2000 + index)),
  ),
);

/** Whether one character is white space to BuildKit's parser and lexer (`unicode.IsSpace`). */
export function isGoSpace(char: string): boolean {
  return goSpaces.has(char);
}
