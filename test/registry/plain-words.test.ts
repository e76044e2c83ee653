import { describe, expect, it } from 'vitest';
import { plainWords } from '../../src/registry/response-error.ts';

describe('registry errors in plain words', () => {
  it.each([
    [
      'HEAD 127.0.0.1:5300/library/alpine:9.99',
      404,
      'MANIFEST_UNKNOWN',
      'tag 9.99 not found in 127.0.0.1:5300/library/alpine',
    ],
    ['GET ghcr.io/o/app@sha256:ab', 404, 'MANIFEST_UNKNOWN', 'not found in ghcr.io/o/app'],
    ['HEAD ghcr.io/o/app:1', 404, 'NAME_UNKNOWN', 'repository ghcr.io/o/app not found or not accessible'],
    ['HEAD ghcr.io/o/app:1', 401, 'UNAUTHORIZED', 'authentication failed for ghcr.io'],
    ['HEAD ghcr.io/o/app:1', 403, 'DENIED', 'access to ghcr.io/o/app denied'],
    ['HEAD ghcr.io/o/app:1', 500, 'HTTP_ERROR', undefined],
  ])('%s %i %s', (what, status, code, words) => {
    expect(plainWords(what, status, code)).toBe(words);
  });
});

describe('plain words say which credentials were sent', () => {
  it.each([
    [
      'HEAD ghcr.io/o/app:1',
      404,
      'NAME_UNKNOWN',
      'anonymous',
      'repository ghcr.io/o/app not found or not accessible (anonymous)',
    ],
    [
      'HEAD ghcr.io/o/app:1',
      401,
      'UNAUTHORIZED',
      'credentials from ~/.docker/config.json',
      'authentication failed for ghcr.io (credentials from ~/.docker/config.json)',
    ],
    ['HEAD ghcr.io/o/app:1', 403, 'DENIED', 'anonymous', 'access to ghcr.io/o/app denied (anonymous)'],
    ['HEAD ghcr.io/o/app:9', 404, 'MANIFEST_UNKNOWN', 'anonymous', 'tag 9 not found in ghcr.io/o/app'],
  ])('%s %i %s %s', (what, status, code, auth, words) => {
    expect(plainWords(what, status, code, auth)).toBe(words);
  });
});
