/**
 * Text from a registry (annotations, labels, SBOM package names) is written by whoever pushed the image.
 * Before it reaches a pull request, a job summary or a terminal it loses control and bidi characters
 * (Trojan Source, CVE-2021-42574), is capped in length, and, for markdown, every character that could
 * open a link, an HTML tag, a mention or a table cell is escaped.
 */

/** C0/C1 controls (tab and newline too: every value here is one line), bidi overrides and isolates, zero-width. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** Longest value shown; an annotation may be megabytes. */
export const maxValueChars = 200;

/** One line, no control or bidi characters, at most `max` characters (with an ellipsis when cut). */
export function plainText(value: string, max = maxValueChars): string {
  const cleaned = value.replace(unsafeCharacters, ' ').replace(/ {2,}/g, ' ').trim();
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** Characters with a meaning in GitHub-flavoured markdown (and `@` for mentions, `|` for table cells). */
const markdownSpecial = /[\\`*_{}[\]()<>#+\-!|~@&:.]/g;

/** Safe as markdown text and inside a table cell: cleaned, capped, then every special character escaped. */
export function markdownText(value: string, max = maxValueChars): string {
  return plainText(value, max).replace(markdownSpecial, (char) => `\\${char}`);
}

/** Inside backticks nothing is interpreted but the backtick itself; `|` still ends a table cell. */
export function markdownCode(value: string, max = maxValueChars): string {
  const text = plainText(value, max).replace(/`/g, "'").replace(/\|/g, '\\|');
  return `\`${text}\``;
}

/** An https URL we built ourselves from validated parts may be linked; anything else is shown as code. */
export function markdownLink(label: string, url: string): string {
  return `[${markdownText(label)}](${url})`;
}
