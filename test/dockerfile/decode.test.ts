import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDockerfile, encodeDockerfile, UnencodableTextError } from '../../src/dockerfile/index.ts';
import { fixtureBytes, fixtureNames } from './fixtures.ts';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('decodeDockerfile', () => {
  it('keeps a UTF-8 BOM as U+FEFF', () => {
    const decoded = decodeDockerfile(bytes(0xef, 0xbb, 0xbf, 0x46, 0x0a));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe('\uFEFFF\n');
    expect(encodeDockerfile(decoded.text, decoded.encoding)).toEqual(bytes(0xef, 0xbb, 0xbf, 0x46, 0x0a));
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['windows-1252 smart quotes', [0x93, 0x41, 0x94]],
  ])('falls back to latin1 for %s and round-trips', (_title, values) => {
    const decoded = decodeDockerfile(bytes(...values));
    expect(decoded.encoding).toBe('latin1');
    expect([...decoded.text].map((char) => char.charCodeAt(0))).toEqual(values);
    expect(encodeDockerfile(decoded.text, decoded.encoding)).toEqual(bytes(...values));
  });

  it('round-trips every fixture', () => {
    for (const name of fixtureNames) {
      const original = fixtureBytes(name);
      const decoded = decodeDockerfile(original);
      expect(encodeDockerfile(decoded.text, decoded.encoding)).toEqual(original);
    }
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (input) => {
        const decoded = decodeDockerfile(input);
        expect(encodeDockerfile(decoded.text, decoded.encoding)).toEqual(input);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any valid UTF-8, with or without a BOM', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.string({ unit: 'grapheme' }), (bom, text) => {
        const input = new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
        const decoded = decodeDockerfile(input);
        expect(decoded.encoding).toBe('utf-8');
        expect(encodeDockerfile(decoded.text, decoded.encoding)).toEqual(input);
      }),
    );
  });

  it('refuses edited text its encoding cannot hold', () => {
    const latin1 = decodeDockerfile(bytes(0xff));
    expect(() => encodeDockerfile('\u0100', latin1.encoding)).toThrow(UnencodableTextError);
    expect(() => encodeDockerfile('a\uD800', 'utf-8')).toThrow(UnencodableTextError);
    expect(encodeDockerfile('\u00e9', 'latin1')).toEqual(bytes(0xe9));
  });
});
