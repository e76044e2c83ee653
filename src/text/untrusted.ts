/**
 * Text that came from outside (a registry's error message or code, a header
 * value, a comment) is hostile: ESC sequences can retitle the terminal or
 * rewrite the line above, CR can overwrite a line with "all good", bidi
 * controls reorder what a reader sees, and a megabyte of it buries the log.
 * Every such string goes through here before it is printed or written into
 * markdown (issue 8 §5).
 */

/** Longest untrusted string kept, in code points, unless a caller asks otherwise. */
export const defaultUntrustedLength = 300;

/**
 * C0 and C1 controls, DEL, the Unicode bidi controls (embeddings, overrides,
 * isolates, marks) and the line/paragraph separators.
 * https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters
 */
// eslint-disable-next-line no-control-regex
const unsafeCharacter = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;

function escapeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * One printable line: runs of spaces, tabs and newlines become one space,
 * every other control or bidi character is shown escaped (`\x1b`, `\u202e`),
 * lone surrogates become U+FFFD, and the result is at most `maxLength` code
 * points (plus an ellipsis).
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

/** Every control and bidi character shown escaped (`\x1b`, `\u202e`), nothing else changed. */
export function escapeControls(text: string): string {
  return text.replace(unsafeCharacter, escapeCharacter);
}

/** An untrusted value quoted inside a message: `"…"`, with quotes and backslashes escaped. */
export function quoteUntrusted(text: string, maxLength = 200): string {
  return `"${untrustedText(
    text.replace(/["\\]/g, (c) => `\\${c}`),
    maxLength,
  )}"`;
}

/**
 * Untrusted text for GitHub markdown: sanitised as above, then HTML and
 * markdown punctuation escaped so it cannot open a tag, a link, a hidden
 * comment or a code span.
 */
export function untrustedMarkdown(text: string, maxLength = defaultUntrustedLength): string {
  return escapeMarkdown(untrustedText(text, maxLength));
}

/** HTML-significant characters as entities, markdown punctuation backslash-escaped. https://github.github.com/gfm/#backslash-escapes */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`);
}
