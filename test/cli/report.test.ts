import { describe, expect, it } from 'vitest';
import { repositoryPath } from '../../src/dockerfile/index.ts';
import type { PinReport } from '../../src/update/pin-report.ts';
import { summaryLine, updateLineChunks } from '../../src/cli/report.ts';
import { scanText } from '../../src/cli/scan-report.ts';
import { updateOf } from '../support/update.ts';

const update = (from: string | undefined, fromMirror?: string) => {
  const written = from === undefined ? 'alpine:3.20' : `alpine:3.20@${from}`;
  const to = `sha256:${'b'.repeat(64)}`;
  return updateOf(
    { file: 'Dockerfile', text: `FROM ${written}\n`, written, to },
    fromMirror ? { fromMirror } : {},
  );
};

const report: PinReport = {
  sites: [],
  updates: [update(undefined), update(`sha256:${'a'.repeat(64)}`), update(undefined)],
  unchanged: [{ file: 'Dockerfile', line: 4, kind: 'from', reference: 'x' }],
  skipped: [],
  errors: [],
  changes: [{ file: repositoryPath('Dockerfile'), before: 'a', after: 'b', encoding: 'utf-8' }],
};

describe('summaryLine', () => {
  it.each([
    [
      'pin',
      'basepin pin: 2 pinned, 1 refreshed, 1 current, 0 skipped, 0 failed; 11 files scanned, 1 changed\n',
    ],
    // check wrote nothing: it counts what is left to do, in the words of its per-site lines.
    ['check', 'basepin check: 2 not pinned, 1 stale, 1 current, 0 skipped, 0 failed; 11 files scanned\n'],
  ] as const)('%s counts the files scanned, not only those changed', (verb, expected) => {
    expect(summaryLine(report, verb, 11)).toBe(expected);
  });
});

describe('what came from a mirror, and what cost a Docker Hub pull', () => {
  it('says a digest named by a mirror is unconfirmed, and counts the pulls', () => {
    const fromMirror = update(undefined, 'mirror.gcr.io');
    expect([...updateLineChunks({ ...report, updates: [fromMirror] })].join('')).toBe(
      'Dockerfile:1 alpine:3.20 pinned to bbbbbbb (from mirror mirror.gcr.io, unconfirmed)\n',
    );
    expect(summaryLine({ ...report, dockerHubPulls: 2 }, 'pin', 11)).toContain(
      '0 failed, 2 Docker Hub pull(s); 11 files scanned',
    );
  });
});

describe('scanText', () => {
  it('keeps file:line, kind, reference and status as the first four space-free fields', async () => {
    const { extractImageSites } = await import('../../src/dockerfile/index.ts');
    const sites = extractImageSites(
      'Dockerfile',
      'ARG V=3.19\nFROM alpine:${V}\nFROM alpine@sha256:' + 'a'.repeat(64) + '\n',
    );
    expect(scanText(sites)).toBe(
      'Dockerfile:1 arg 3.19 pinnable (= alpine:3.19)\n' +
        `Dockerfile:3 from alpine@sha256:${'a'.repeat(64)} skipped digest-only reference has no tag to follow\n`,
    );
  });

  it('writes an empty image as "" so the status stays the fourth field', async () => {
    const { extractSites } = await import('../../src/manifests/index.ts');
    const { sites } = extractSites('compose', 'compose.yaml', 'services:\n  web:\n    image: ""\n');
    expect(scanText(sites)).toBe('compose.yaml:3 compose "" invalid the image is empty\n');
  });
});
