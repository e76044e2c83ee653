import { describe, expect, it } from 'vitest';
import { findPlatform, isImageEntry, samePlatform, samePlatformKey } from '../../src/oci/index.ts';

const digest = (n: string) => `sha256:${n.repeat(64)}`;
const attestation = {
  'vnd.docker.reference.type': 'attestation-manifest',
  'vnd.docker.reference.digest': digest('1'),
};

describe('the attestation filter', () => {
  it.each([
    ['an image', { platform: { os: 'linux', architecture: 'amd64' } }, true],
    [
      'BuildKit attestation (unknown/unknown)',
      { platform: { os: 'unknown', architecture: 'unknown' }, annotations: attestation },
      false,
    ],
    // The resolver used to take this one for an image (it checked unknown/unknown only); the changelog did not.
    [
      'an attestation that names a real platform',
      { platform: { os: 'linux', architecture: 'amd64' }, annotations: attestation },
      false,
    ],
    ['an entry without a platform', {}, false],
  ])('%s: image %s', (_title, entry, image) => {
    expect(isImageEntry(entry)).toBe(image);
  });

  it('never picks an attestation as the platform child', () => {
    const manifests = [
      { digest: digest('a'), platform: { os: 'linux', architecture: 'amd64' }, annotations: attestation },
      { digest: digest('b'), platform: { os: 'linux', architecture: 'amd64' } },
    ];
    expect(findPlatform(manifests, { os: 'linux', architecture: 'amd64' })?.digest).toBe(digest('b'));
  });
});

describe('platform matching', () => {
  it.each([
    ['linux/arm64', 'linux/arm64/v8', true],
    ['linux/amd64', 'linux/amd64/v1', true],
    ['linux/arm', 'linux/arm/v7', true],
    ['linux/arm/v6', 'linux/arm/v7', false],
    ['windows/amd64 10.0.20348.2340', 'windows/amd64', true],
    ['linux/amd64', 'linux/arm64', false],
  ])('%s and %s: same %s', (a, b, same) => {
    expect(samePlatformKey(a, b)).toBe(same);
    const [os = '', architecture = '', variant] = a.split(' ')[0]!.split('/');
    const [os2 = '', architecture2 = '', variant2] = b.split('/');
    expect(
      samePlatform(
        { os, architecture, variant },
        { os: os2, architecture: architecture2, variant: variant2 },
      ),
    ).toBe(same);
  });
});
