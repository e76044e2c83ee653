/**
 * Pin every site of every real fixture, then read the result again: every
 * site that could be pinned is pinned to that digest, nothing else changed,
 * and a second pin changes nothing.
 */
import { describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { extractSites } from '../../src/manifests/index.ts';
import { fixtureFiles, readFixture } from './fixture-files.ts';
import { digestA, digestB, pinAll } from './helpers.ts';

describe.each(fixtureFiles)('%s %s', (kind, file) => {
  const text = readFixture(file);
  const before = extractSites(kind, file, text).sites;
  const once = pinAll(kind, text, digestA);
  const after = extractSites(kind, file, once).sites;

  test('every site that could be pinned is pinned to the digest; the others are as they were', () => {
    expect(after.map((site) => site.line)).toEqual(
      before.map((site, index) => site.line + newKeysBefore(before, index, kind)),
    );
    after.forEach((site, index) => {
      const old = before[index]!;
      if (old.pin) {
        expect(site.status).toBe('pinned');
        expect(site.reference?.digest).toBe(digestA);
        expect(site.reference?.tag).toBe(old.reference?.tag ?? 'latest');
      } else {
        expect([site.status, site.written, site.reason]).toEqual([old.status, old.written, old.reason]);
      }
    });
  });

  test('nothing but digests, tags made explicit and (in a kustomization) new digest keys is added', () => {
    const stripped = once.replace(new RegExp(`(\\r?\\n *digest: )?@?${digestA}`, 'g'), '');
    expect(stripped.replaceAll(':latest', '')).toBe(text.replaceAll(':latest', ''));
    const latest = (source: string) => source.split(':latest').length;
    expect(latest(stripped) - latest(text)).toBe(before.filter((site) => site.pin?.addLatestTag).length);
  });

  test('a second pin changes nothing; a new digest replaces the old one only', () => {
    expect(pinAll(kind, once, digestA)).toBe(once);
    expect(pinAll(kind, once, digestB)).toBe(once.replaceAll(digestA, digestB));
  });

  if (!file.endsWith('.json') && !text.includes('{{')) {
    test('the pinned YAML reads as the same documents but for the pinned values', () => {
      const values = (source: string) =>
        parseAllDocuments(source).map((document) =>
          JSON.stringify(document.toJS()).replace(/@?sha256:[0-9a-f]{64}/g, ''),
        );
      expect(
        values(once).map((value) => value.replaceAll(':latest"', '"').replace(/,"digest":""/g, '')),
      ).toEqual(values(text).map((value) => value.replaceAll(':latest"', '"').replace(/,"digest":""/g, '')));
    });
  }
});

/** Lines a kustomization gains above site `index`: one a new digest key. */
function newKeysBefore(
  sites: readonly { pin?: { digestKey?: { before: string } | undefined } | undefined }[],
  index: number,
  kind: string,
): number {
  if (kind !== 'kustomize') return 0;
  return sites.slice(0, index).filter((site) => site.pin?.digestKey?.before.includes('\n')).length;
}
