/**
 * Text that came from outside (a registry's error message, code or annotation, a header value, an SBOM's
 * package name, a comment) is hostile: ESC sequences can retitle the terminal or rewrite the line above, CR
 * can overwrite a line with "all good", bidi controls reorder what a reader sees (Trojan Source,
 * CVE-2021-42574), zero-width characters hide text, and a megabyte of it buries the log. Every such string
 * goes through here before it is printed, put into JSON or written into markdown (so hostile text cannot add markup or control characters); markdown
 * escaping and code spans are in `markdown.ts`, on top of this.
 */

/** Longest untrusted string kept, in code points, unless a caller asks otherwise. */
export const defaultUntrustedLength = 300;

/**
 * C0 and C1 controls, DEL, the Unicode bidi controls (the Arabic letter mark, LRM/RLM, embeddings, overrides,
 * isolates), zero-width spaces and joiners, the line/paragraph separators and the BOM.
 * https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeCharacter = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/gu;

function escapeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * One printable line: runs of spaces, tabs and newlines become one space,
 * every other control, bidi or zero-width character is shown escaped (`\x1b`,
 * `\u202e`), so a reader sees that it was there; lone surrogates become
 * U+FFFD, and the result is at most `maxLength` code points (plus an ellipsis).
 */
export function untrustedText(text: string, maxLength = defaultUntrustedLength): string {
  // Look at a bounded head only: a megabyte of error page costs no more than a line.
  const headLength = maxLength * 4 + 64;
  const cut = text.length > headLength;
  const line = (cut ? text.slice(0, headLength) : text)
    .toWellFormed()
    .replace(/[ \t\n]+/g, ' ')
    .trim();
  const codePoints = [...line];
  const long = cut || codePoints.length > maxLength;
  const escaped = escapeControls(codePoints.slice(0, maxLength).join(''));
  return long ? `${escaped}…` : escaped;
}

/** Every control, bidi and zero-width character shown escaped (`\x1b`, `\u202e`), nothing else changed. */
export function escapeControls(text: string): string {
  return text.replace(unsafeCharacter, escapeCharacter);
}

/** An untrusted value quoted inside a plain-text message: `"…"`, with quotes and backslashes escaped. */
export function quoteUntrusted(text: string, maxLength = 200): string {
  return `"${untrustedText(
    text.replace(/["\\]/g, (c) => `\\${c}`),
    maxLength,
  )}"`;
}
