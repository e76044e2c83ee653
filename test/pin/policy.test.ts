import { describe, expect, it } from 'vitest';
import type { ImageSite } from '../../src/dockerfile/site.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { createSitePolicy } from '../../src/pin/policy.ts';

function site(text: string, overrides: Partial<ImageSite> = {}): ImageSite {
  return {
    file: 'Dockerfile',
    line: 1,
    kind: 'from',
    written: text,
    resolved: text,
    reference: parseImageReference(text),
    pin: {
      range: { start: 5, end: 5 + text.length },
      digestRange: { start: 5 + text.length, end: 5 + text.length },
      addLatestTag: false,
    },
    stage: undefined,
    platform: undefined,
    status: 'pinnable',
    reason: undefined,
    ...overrides,
  };
}

describe('createSitePolicy', () => {
  const policy = createSitePolicy({
    excludeImages: ['node', 'ghcr.io/acme/*', 'docker.io/library/redis:7*'],
  });

  it.each([
    ['alpine:3.20', 'resolve'],
    ['node:22-slim', 'skip'],
    ['docker.io/library/node:22', 'skip'],
    ['ghcr.io/acme/app:1', 'skip'],
    ['ghcr.io/other/app:1', 'resolve'],
    ['redis:7.2', 'skip'],
    ['redis:6', 'resolve'],
  ])('%s → %s', (text, action) => {
    expect(policy(site(text)).action).toBe(action);
  });

  it('names the pattern that excluded an image', () => {
    expect(policy(site('node:22'))).toEqual({ action: 'skip', reason: 'excluded by exclude-images (node)' });
  });

  it('passes the extractor’s reason through for skipped and invalid sites', () => {
    const digestOnly = site('alpine@sha256:' + 'a'.repeat(64), {
      status: 'skipped',
      pin: undefined,
      reason: 'digest-only reference has no tag to follow',
    });
    expect(policy(digestOnly)).toEqual({
      action: 'skip',
      reason: 'digest-only reference has no tag to follow',
    });
    const invalid = site('alpine', { status: 'invalid', reference: undefined, reason: 'bad' });
    expect(policy(invalid)).toEqual({ action: 'invalid', reason: 'bad' });
  });
});
