import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadReferenceError } from '../../src/reference/index.ts';
import {
  applyEdits,
  EditConflictError,
  EditErrorCode,
  extractImageSites,
  pinEdit,
} from '../../src/dockerfile/index.ts';
import { digestA, digestB } from './fixtures.ts';
import { pinAll } from './pin-helpers.ts';

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

/** Every site of `text` pinned to `digest` by the pin target extraction decided. */
function pinned(text: string, digest = digestA): string {
  return pinAll(text, extractImageSites('Dockerfile', text), digest);
}

describe('pinEdit at the digest range extraction decided', () => {
  const odd = `sha256:${'4C1E'.repeat(16)}`;
  it.each([
    ['FROM alpine:3.20\n', `FROM alpine:3.20@${digestA}\n`],
    ['FROM alpine\n', `FROM alpine:latest@${digestA}\n`],
    [`FROM alpine:3.20@${digestB}\n`, `FROM alpine:3.20@${digestA}\n`],
    ['FROM localhost:5000/img\n', `FROM localhost:5000/img:latest@${digestA}\n`],
    ['FROM localhost:5000/img:1\n', `FROM localhost:5000/img:1@${digestA}\n`],
    ['FROM [::1]:5000/img\n', `FROM [::1]:5000/img:latest@${digestA}\n`],
    // Variables: text inside `${…}` is never read as a tag, port or digest.
    ['ARG REG=r.example\nFROM ${REG}/nginx\n', `ARG REG=r.example\nFROM \${REG}/nginx:latest@${digestA}\n`],
    ['FROM ${REG:-localhost:5000}/nginx\n', `FROM \${REG:-localhost:5000}/nginx:latest@${digestA}\n`],
    [
      `FROM \${REG:-localhost:5000}/nginx:1.27@${digestB}\n`,
      `FROM \${REG:-localhost:5000}/nginx:1.27@${digestA}\n`,
    ],
    ['FROM alpine:${V:-3.19}\n', `FROM alpine:\${V:-3.19@${digestA}}\n`],
    // A tag ARG: the pin goes after the tag in the ARG line.
    ['ARG V=3.19\nFROM alpine:${V}\n', `ARG V=3.19@${digestA}\nFROM alpine:\${V}\n`],
    [`ARG V=3.19@${digestB}\nFROM alpine:$V\n`, `ARG V=3.19@${digestA}\nFROM alpine:$V\n`],
    ['ARG BASE=ubuntu\nFROM $BASE\n', `ARG BASE=ubuntu:latest@${digestA}\nFROM $BASE\n`],
    // Quotes stay around the pinned reference.
    ['FROM "alpine:3.20" AS a\n', `FROM "alpine:3.20@${digestA}" AS a\n`],
    [`FROM 'alpine@${digestB}x'\n`, `FROM 'alpine@${digestB}x'\n`],
    ["FROM 'alpine'\n", `FROM 'alpine:latest@${digestA}'\n`],
    // Line continuations (and the escape directive's) before and after the word.
    ['FROM \\\n  alpine:3.20 \\\n  AS base\n', `FROM \\\n  alpine:3.20@${digestA} \\\n  AS base\n`],
    ['# escape=`\nFROM `\n  alpine:3.20\n', `# escape=\`\nFROM \`\n  alpine:3.20@${digestA}\n`],
    // Flags before the image; the platform value is never edited.
    [
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
      `FROM --platform=$BUILDPLATFORM golang:1.22@${digestA} AS build\n`,
    ],
    [
      `FROM --platform=linux/arm64@x alpine:3.20@${digestB}\n`,
      `FROM --platform=linux/arm64@x alpine:3.20@${digestA}\n`,
    ],
    // ONBUILD triggers and mounts: the digest ends where the image word ends, not at the next option.
    [
      'FROM alpine:3.20\nONBUILD COPY --from=busybox:1.36 /bin/sh /sh\n',
      `FROM alpine:3.20@${digestA}\nONBUILD COPY --from=busybox:1.36@${digestA} /bin/sh /sh\n`,
    ],
    [
      `FROM scratch\nRUN --mount=type=bind,from=golang:1.22@${digestB},target=/go true\n`,
      `FROM scratch\nRUN --mount=type=bind,from=golang:1.22@${digestA},target=/go true\n`,
    ],
    [
      'FROM scratch\nONBUILD RUN --mount=from=node:22,source=/x,target=/y true\n',
      `FROM scratch\nONBUILD RUN --mount=from=node:22@${digestA},source=/x,target=/y true\n`,
    ],
    [
      '# syntax=docker/dockerfile:1\nFROM scratch\n',
      `# syntax=docker/dockerfile:1@${digestA}\nFROM scratch\n`,
    ],
    // A digest in capitals is not a digest BuildKit reads: the site is invalid and nothing is written.
    [`FROM alpine:3.20@${odd}\n`, `FROM alpine:3.20@${odd}\n`],
    [`FROM alpine:3.20@SHA256:${'4c1e'.repeat(16)}\n`, `FROM alpine:3.20@SHA256:${'4c1e'.repeat(16)}\n`],
  ])('%j', (text, expected) => {
    expect(pinned(text)).toBe(expected);
    // Pinning the pinned text again reads the new digest where it was written, and changes nothing.
    expect(pinned(expected)).toBe(expected);
    expect(pinned(expected, digestB)).toBe(text.includes(digestB) ? text : pinned(text, digestB));
  });

  it('gives each pinned site a digest range inside its reference, at its digest', () => {
    const text = `ARG V=1@${digestB}\nFROM alpine:3.20@${digestB} AS a\nFROM ghcr.io/o/app\nFROM node:$V\n`;
    const sites = extractImageSites('Dockerfile', text);
    expect(sites.map((site) => site.kind)).toEqual(['arg', 'from', 'from']);
    for (const site of sites) {
      const { range, digestRange } = site.pin!;
      expect(range.start <= digestRange.start && digestRange.end === range.end).toBe(true);
      const digest = site.reference?.digest;
      expect(text.slice(digestRange.start, digestRange.end)).toBe(digest ? `@${digest}` : '');
    }
  });

  it('refuses a malformed digest', () => {
    const [site] = extractImageSites('Dockerfile', 'FROM alpine\n');
    expect(() => pinEdit(site!.pin!, 'sha256:abc')).toThrow(BadReferenceError);
    expect(() => pinEdit(site!.pin!, `${digestA}\nRUN evil`)).toThrow(BadReferenceError);
  });
});

describe('pinEdit for a digest with a key of its own', () => {
  const point = { start: 8, end: 8 };
  it.each([
    [
      'fills an empty value between quotes',
      { range: point, digestRange: point, addLatestTag: true, digestKey: { before: '', after: '' } },
      digestA,
    ],
    [
      'writes a new key around the digest',
      {
        range: point,
        digestRange: point,
        addLatestTag: false,
        digestKey: { before: '\n  digest: ', after: '' },
      },
      `\n  digest: ${digestA}`,
    ],
  ])('%s: the bare digest, never `@` or `:latest`', (_name, target, text) => {
    expect(pinEdit(target, digestA)).toEqual({ range: point, text });
  });

  it('refuses a malformed digest', () => {
    const target = {
      range: point,
      digestRange: point,
      addLatestTag: false,
      digestKey: { before: '', after: '' },
    };
    expect(() => pinEdit(target, `${digestA}\nimage: evil`)).toThrow(BadReferenceError);
  });
});
