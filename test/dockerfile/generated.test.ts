import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractImageSites } from '../../src/dockerfile/index.ts';
import { pinAll } from './pin-helpers.ts';
import { digestA } from './fixtures.ts';

const images = [
  'alpine',
  'alpine:3.20',
  'ghcr.io/acme/app:1.2.3',
  'localhost:5000/team/app',
  `nginx:1.27@${digestA}`,
];
const blanks = fc.constantFrom(' ', '\t', '  ', ' \t ');

/** A FROM written any legal way, and the image it names: keyword case, blanks, flags, continuations, stage. */
const fromInstruction = fc.record({
  keyword: fc.constantFrom('FROM', 'from', 'From'),
  indent: fc.constantFrom('', ' ', '\t'),
  gap: blanks,
  platform: fc.option(fc.constantFrom('--platform=$BUILDPLATFORM', '--platform=linux/arm64'), {
    nil: undefined,
  }),
  continued: fc.boolean(),
  comment: fc.boolean(),
  image: fc.constantFrom(...images),
  stage: fc.option(fc.constantFrom('AS build', 'as base', 'AS  x'), { nil: undefined }),
  trailing: fc.constantFrom('', ' ', '\t'),
});

type FromParts = typeof fromInstruction extends fc.Arbitrary<infer T> ? T : never;

function render(parts: FromParts): { lines: string[]; imageLineOffset: number } {
  const head = [parts.indent + parts.keyword, parts.platform].filter(Boolean).join(parts.gap);
  const tail = [parts.image, parts.stage].filter(Boolean).join(parts.gap) + parts.trailing;
  if (!parts.continued) return { lines: [`${head}${parts.gap}${tail}`], imageLineOffset: 0 };
  const lines = [`${head} \\`];
  if (parts.comment) lines.push('  # a comment inside the continuation', '');
  lines.push(`  ${tail}`);
  return { lines, imageLineOffset: lines.length - 1 };
}

describe('generated Dockerfiles', () => {
  it('finds every FROM image at its line, however it is written, and pins it in place', () => {
    fc.assert(
      fc.property(
        fc.array(fromInstruction, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (froms, eol, bom) => {
          const lines: string[] = [];
          const expected: { line: number; image: string }[] = [];
          for (const parts of froms) {
            const rendered = render(parts);
            expected.push({ line: lines.length + 1 + rendered.imageLineOffset, image: parts.image });
            lines.push(...rendered.lines, 'RUN echo hi');
          }
          const text = (bom ? '\uFEFF' : '') + lines.join(eol) + eol;
          const sites = extractImageSites('Dockerfile', text);
          expect(sites.map((site) => ({ line: site.line, image: site.written }))).toEqual(expected);
          for (const site of sites) {
            expect(text.slice(site.pin?.range.start, site.pin?.range.end)).toBe(site.written);
          }
          const pinned = pinAll(text, sites, digestA);
          const again = extractImageSites('Dockerfile', pinned);
          expect(again.every((site) => site.status === 'pinned' && site.reference?.digest === digestA)).toBe(
            true,
          );
          expect(pinned.replace(/(:latest)?@sha256:[0-9a-f]{64}/g, '')).toBe(
            text.replace(/@sha256:[0-9a-f]{64}/g, ''),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
