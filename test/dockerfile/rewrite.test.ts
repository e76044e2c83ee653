import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadReferenceError } from '../../src/reference/index.ts';
import { applyEdits, EditConflictError, EditErrorCode, pinnedText } from '../../src/dockerfile/index.ts';
import { digestA, digestB } from './fixtures.ts';

describe('applyEdits', () => {
  it('splices edits given in any order', () => {
    const text = 'FROM a:1\r\nFROM b:2\t# keep\r\n';
    const edits = [
      { range: { start: 15, end: 18 }, text: 'b:3' },
      { range: { start: 5, end: 8 }, text: 'a:1@x' },
    ];
    expect(applyEdits(text, edits)).toBe('FROM a:1@x\r\nFROM b:3\t# keep\r\n');
  });

  it('collapses identical duplicate edits', () => {
    const edit = { range: { start: 0, end: 1 }, text: 'X' };
    expect(applyEdits('abc', [edit, { ...edit }])).toBe('Xbc');
  });

  it.each([
    ['overlapping ranges', { start: 0, end: 2 }, { start: 1, end: 3 }],
    ['same range, different text', { start: 0, end: 2 }, { start: 0, end: 2 }],
    ['two insertions at one point', { start: 1, end: 1 }, { start: 1, end: 1 }],
  ])('refuses %s', (_title, a, b) => {
    const attempt = () =>
      applyEdits('abcdef', [
        { range: a, text: 'one' },
        { range: b, text: 'two' },
      ]);
    expect(attempt).toThrow(EditConflictError);
    expect(attempt).toThrow(expect.objectContaining({ code: EditErrorCode.Overlap }));
  });

  it('refuses ranges outside the text', () => {
    expect(() => applyEdits('abc', [{ range: { start: 2, end: 4 }, text: '' }])).toThrow(
      expect.objectContaining({ code: EditErrorCode.OutOfRange }),
    );
  });

  it('adjacent edits are fine', () => {
    expect(
      applyEdits('abcd', [
        { range: { start: 0, end: 2 }, text: 'X' },
        { range: { start: 2, end: 4 }, text: 'Y' },
      ]),
    ).toBe('XY');
  });

  it('leaves text outside the edited range untouched', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), fc.nat(), fc.string(), (text, a, b, insert) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.min(Math.max(a, b) % (text.length + 1), text.length);
        const range = { start: Math.min(start, end), end: Math.max(start, end) };
        const result = applyEdits(text, [{ range, text: insert }]);
        return (
          result.startsWith(text.slice(0, range.start)) &&
          result.endsWith(text.slice(range.end)) &&
          result.length === text.length - (range.end - range.start) + insert.length
        );
      }),
    );
  });
});

describe('pinnedText', () => {
  const full = { range: { start: 0, end: 0 }, addLatestTag: true };
  const keep = { range: { start: 0, end: 0 }, addLatestTag: false };

  it.each([
    ['alpine:3.20', full, `alpine:3.20@${digestA}`],
    ['alpine', full, `alpine:latest@${digestA}`],
    [`alpine:3.20@${digestB}`, full, `alpine:3.20@${digestA}`],
    [`alpine@${digestB}`, full, `alpine:latest@${digestA}`],
    ['localhost:5000/img', full, `localhost:5000/img:latest@${digestA}`],
    ['localhost:5000/img:1', full, `localhost:5000/img:1@${digestA}`],
    ['[::1]:5000/img', full, `[::1]:5000/img:latest@${digestA}`],
    ['${REG}/nginx', full, `\${REG}/nginx:latest@${digestA}`],
    ['${REG:-localhost:5000}/nginx', full, `\${REG:-localhost:5000}/nginx:latest@${digestA}`],
    ['${REG:-localhost:5000}/nginx:1.27', full, `\${REG:-localhost:5000}/nginx:1.27@${digestA}`],
    ['3.19', keep, `3.19@${digestA}`],
    [`3.19@${digestB}`, keep, `3.19@${digestA}`],
    ['ubuntu', keep, `ubuntu@${digestA}`],
  ])('%s', (current, target, expected) => {
    expect(pinnedText(current, target, digestA)).toBe(expected);
    // Pinning twice gives the same text.
    expect(pinnedText(expected, target, digestA)).toBe(expected);
  });

  it('refuses a malformed digest', () => {
    expect(() => pinnedText('alpine', full, 'sha256:abc')).toThrow(BadReferenceError);
  });
});
