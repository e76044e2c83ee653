import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSpan, markdownLink, untrustedMarkdown } from '../../src/text/markdown.ts';
import { untrustedText } from '../../src/text/untrusted.ts';

// One sanitiser for hostile text (src/text/untrusted.ts) and one for markdown on top of it: changelog
// rendering, comment replies, the dashboard and the job summary all go through these.

// What changes what a reader sees: C0, DEL, C1, bidi controls, zero-width characters, separators, BOM.
const dangerous = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u; // eslint-disable-line no-control-regex

describe('hostile text on one line', () => {
  it.each([
    ['a bidi override, NUL and a newline', 'a\u202Eb\u0000c\nd', 'a\\u202eb\\x00c d'],
    ['zero-width characters and a BOM', 'ad\u200bm\ufeffin', 'ad\\u200bm\\ufeffin'],
  ])('%s are shown escaped', (_label, input, output) => {
    expect(untrustedText(input)).toBe(output);
  });

  it('caps a registry value', () => {
    expect(untrustedText('x'.repeat(500), 200)).toBe(`${'x'.repeat(200)}…`);
  });
});

describe('markdown text', () => {
  it('cannot open a link, a tag, a mention, an autolink or a table cell', () => {
    expect(untrustedMarkdown('[x](javascript:1) <img> @team | https://e.example')).toBe(
      '\\[x\\]\\(javascript\\:1\\) &lt;img&gt; \\@team \\| https\\://e\\.example',
    );
  });

  it('a link label is escaped; the URL is ours', () => {
    expect(markdownLink('github.com/[x]', 'https://github.com/x')).toBe(
      '[github\\.com/\\[x\\]](https://github.com/x)',
    );
  });
});

describe('code spans', () => {
  it.each([
    ['plain', 'alpine', '`alpine`'],
    ['a backtick inside', 'a`b', '``a`b``'],
    ['starting with a backtick', '`id`', '`` `id` ``'],
    ['html and a mention stay inside the span', '<img src=x> @admin', '`<img src=x> @admin`'],
    ['a newline folds to a space (as a span renders it)', 'a\nb', '`a b`'],
    ['a bidi override is spelled out', 'a\u202eb', '`a\\u202eb`'],
    ['a control character is spelled out', 'a\u0007b', '`a\\x07b`'],
    ['empty', '', '`  `'],
  ])('%s', (_name, text, expected) => {
    expect(codeSpan(text)).toBe(expected);
  });

  it('escapes | only in a table cell', () => {
    expect(codeSpan('a|b')).toBe('`a|b`');
    expect(codeSpan('a`b|c', { inTable: true })).toBe('``a`b\\|c``');
  });

  it('caps the length', () => {
    expect(codeSpan('x'.repeat(10_000))).toBe(`\`${'x'.repeat(200)}…\``);
    expect(codeSpan('x'.repeat(10_000), { max: 5 })).toBe('`xxxxx…`');
  });

  it('is one span whose content is the sanitised text, and holds nothing dangerous (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.boolean(), (text, inTable) => {
        const span = codeSpan(text, { inTable });
        expect(span).not.toMatch(dangerous);
        expect(span.isWellFormed()).toBe(true);
        const fence = /^`+/.exec(span)![0];
        expect(span.endsWith(fence)).toBe(true);
        const inner = span.slice(fence.length, span.length - fence.length);
        // No run of backticks as long as the fence inside: the span cannot end early.
        expect(inner.includes(fence)).toBe(false);
        const content =
          inner.startsWith(' ') && inner.endsWith(' ') && inner.length >= 2 ? inner.slice(1, -1) : inner;
        const sanitised = untrustedText(text, 200);
        expect([sanitised, sanitised.replaceAll('|', '\\|')]).toContain(content);
      }),
    );
  });
});
