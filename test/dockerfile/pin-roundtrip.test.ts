import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, extractImageSites } from '../../src/dockerfile/index.ts';
import { fixtureNames, fixtureText } from './fixtures.ts';
import { pinAll, restateEdits } from './pin-helpers.ts';

const digestArbitrary = fc
  .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 })
  .map((hex) => `sha256:${hex}`);

describe('pinning fixture Dockerfiles', () => {
  it('gives each file back unchanged when every reference is restated in its own range', () => {
    let restated = 0;
    for (const name of fixtureNames) {
      const text = fixtureText(name);
      const edits = restateEdits(text, extractImageSites(name, text));
      restated += edits.length;
      expect(applyEdits(text, edits), name).toBe(text);
    }
    // Some fixtures (arg-conflicts) have nothing to pin; the set as a whole must exercise the check.
    expect(restated).toBeGreaterThan(20);
  });

  it('pins every pinnable site, keeps lines, and a second pin changes nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtureNames),
        digestArbitrary,
        digestArbitrary,
        (name, first, second) => {
          const text = fixtureText(name);
          const before = extractImageSites(name, text);
          const pinned = pinAll(text, before, first);
          const after = extractImageSites(name, pinned);
          expect(after.map((site) => [site.line, site.kind])).toEqual(
            before.map((site) => [site.line, site.kind]),
          );
          after.forEach((site, index) => {
            const old = before[index];
            if (old?.pin) {
              expect(site.status).toBe('pinned');
              expect(site.reference?.digest).toBe(first);
              expect(site.reference?.tag).toBe(old.reference?.tag ?? 'latest');
            } else {
              expect(site.status).toBe(old?.status);
            }
          });
          expect(pinAll(pinned, after, first)).toBe(pinned);
          // Refreshing to another digest touches only the digests.
          const refreshed = pinAll(pinned, after, second);
          expect(refreshed.replaceAll(second, first)).toBe(pinned);
          // Outside the pinned ranges, every character is kept: line structure and line ends included.
          expect(pinned.split(/\r?\n/).length).toBe(text.split(/\r?\n/).length);
          expect((pinned.match(/\r\n/g) ?? []).length).toBe((text.match(/\r\n/g) ?? []).length);
          expect(pinned.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
          expect(pinned.endsWith('\n')).toBe(text.endsWith('\n'));
        },
      ),
      { numRuns: 200 },
    );
  });
});
