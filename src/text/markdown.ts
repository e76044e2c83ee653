import { defaultUntrustedLength, untrustedText } from './untrusted.ts';

/**
 * Text from outside in markdown that basepin posts (pull-request bodies, the job summary, comment replies,
 * the dashboard): made one safe line by `untrustedText` first, then either escaped as markdown text or put
 * into a code span, so it cannot open an HTML tag, a link, an autolink, a `@mention`, a hidden comment, a
 * code span or a table cell (docs/architecture.md, "Style": anything from outside is hostile).
 */

/** Longest piece of outside text shown in a code span, unless a caller asks otherwise. */
export const maxCodeSpanChars = 200;

/**
 * HTML-significant characters as entities, markdown punctuation (with `@` for mentions and `:` for
 * autolinks) backslash-escaped. https://github.github.com/gfm/#backslash-escapes
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~@:]/g, (c) => `\\${c}`);
}

/** Untrusted text as markdown text (also safe in a table cell): sanitised, capped, then escaped. */
export function untrustedMarkdown(text: string, maxLength = defaultUntrustedLength): string {
  return escapeMarkdown(untrustedText(text, maxLength));
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
 * Untrusted text as one inline code span (CommonMark 6.1), where GitHub renders no HTML, link, emphasis or
 * mention: sanitised and capped as `untrustedText`; the fence is longer than any backtick run inside, and a
 * space pads a span that starts or ends with a backtick. In a table cell, `|` is escaped too (GFM 4.10:
 * there the escape is read before the span; elsewhere it would show).
 */
export function codeSpan(text: string, options: { max?: number; inTable?: boolean } = {}): string {
  const visible = untrustedText(text, options.max ?? maxCodeSpanChars);
  const shown = options.inTable ? visible.replaceAll('|', '\\|') : visible;
  const fence = '`'.repeat(longestBacktickRun(shown) + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') || shown === '' ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** A link whose URL basepin built itself from validated parts; the label is untrusted text. */
export function markdownLink(label: string, url: string): string {
  return `[${untrustedMarkdown(label, maxCodeSpanChars)}](${url})`;
}
