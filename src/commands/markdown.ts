/**
 * Text from outside (a comment, a Dockerfile, a registry) shown in markdown we post. It goes into a code span,
 * where GitHub renders no HTML, link, emphasis or `@mention`; control and bidirectional-override characters are
 * spelled out (`\u202e`) so nothing can reorder or hide what a reader sees (docs/architecture.md, "Style": anything from a comment is hostile).
 */

/** Longest piece of outside text quoted in a reply. */
export const maxQuotedChars = 200;

function isHidden(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200b ||
    code === 0x200c ||
    code === 0x200d ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Control, zero-width and bidi characters as `\uXXXX`; at most `max` characters, then `…`. */
export function visibleText(text: string, max = maxQuotedChars): string {
  let out = '';
  let count = 0;
  for (const char of text) {
    if (count >= max) return `${out}…`;
    const code = char.codePointAt(0) ?? 0;
    out += isHidden(code) ? `\\u${code.toString(16).padStart(4, '0')}` : char;
    count += 1;
  }
  return out;
}

/** The longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * `text` as one inline code span (CommonMark 6.1): the fence is longer than any backtick run inside, and a
 * space pads a span that starts or ends with a backtick. In a table cell, `|` is escaped too (GFM 4.10).
 */
export function quoteUntrusted(text: string, options: { max?: number; inTable?: boolean } = {}): string {
  const visible = visibleText(text, options.max ?? maxQuotedChars);
  const shown = options.inTable ? visible.replaceAll('|', '\\|') : visible;
  const fence = '`'.repeat(longestBacktickRun(shown) + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') || shown === '' ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}
