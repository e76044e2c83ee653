import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/text/json-syntax.ts';
import { untrustedMarkdown } from '../../src/text/markdown.ts';
import { quoteUntrusted, untrustedText } from '../../src/text/untrusted.ts';

// Characters that change what a terminal or a reader shows: C0, DEL, C1, bidi controls, line separators.
const dangerous = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u; // eslint-disable-line no-control-regex

describe('untrusted text', () => {
  it.each([
    ['ESC retitling the terminal', '\x1b]0;pwned\x07denied', '\\x1b]0;pwned\\x07denied'],
    ['CR overwriting the line', 'denied\rall good', 'denied\\x0dall good'],
    ['a bidi override', 'user\u202Egnp.exe', 'user\\u202egnp.exe'],
    ['an isolate', 'a\u2066b\u2069', 'a\\u2066b\\u2069'],
    ['a C1 CSI', 'x\u009b2Jy', 'x\\x9b2Jy'],
    ['newlines and tabs', 'line one\n\tline two  ', 'line one line two'],
    ['a lone surrogate', 'a\ud800b', 'a\ufffdb'],
  ])('escapes %s', (_label, input, output) => {
    expect(untrustedText(input)).toBe(output);
  });

  it('caps the length in code points', () => {
    expect(untrustedText('é'.repeat(1_000), 10)).toBe(`${'é'.repeat(10)}…`);
    expect(untrustedText('x'.repeat(10_000_000)).length).toBeLessThan(400);
  });

  it('leaves no dangerous character in any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const out of [untrustedText(text), quoteUntrusted(text), untrustedMarkdown(text)]) {
          expect(out).not.toMatch(dangerous);
          expect(out.isWellFormed()).toBe(true);
        }
      }),
    );
  });

  it('quotes with escaped quotes', () => {
    expect(quoteUntrusted('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('cannot open a tag, a link, a code span or a hidden comment in markdown', () => {
    const out = untrustedMarkdown('<!-- x --> [a](http://e) `c` <img src=x> *b*');
    expect(out).not.toMatch(/<|>|(?<!\\)[[\]()`*]/);
  });
});

describe('JSON syntax errors by position, never by content', () => {
  it.each([
    ['{"auths": {', 1, 12, 'unexpected end'],
    ['{\n  "auths": {\n    "x": {"auth": s3cret}\n  }\n}', 3, 19, 'unexpected character'],
    ['{"a": 1,}', 1, 9, 'expected a key'],
    ['{"a": "x\ny"}', 1, 9, 'control character'],
    ['[1 2]', 1, 4, 'expected ","'],
    ['{} x', 1, 4, 'after the value'],
  ])('%j', (text, line, column, problem) => {
    const found = findJsonSyntaxError(text);
    expect(found).toMatchObject({ line, column });
    expect(found?.problem).toContain(problem);
  });

  it('agrees with JSON.parse on what is valid (property)', () => {
    const jsonish = fc.oneof(
      fc.json(),
      fc.json().map((text) => text.slice(0, -1)),
      fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789.eE+-tfnrul \\\n'.split('')) }),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === undefined).toBe(valid);
      }),
      { numRuns: 2_000 },
    );
  });
});
