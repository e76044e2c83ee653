import { describe, expect, it } from 'vitest';
import { errorFromResponse, plainWords } from '../../src/registry/response-error.ts';

describe('registry errors in plain words', () => {
  it.each([
    [
      '127.0.0.1:5300/library/alpine:9.99',
      404,
      'MANIFEST_UNKNOWN',
      'tag 9.99 not found in 127.0.0.1:5300/library/alpine',
    ],
    ['ghcr.io/o/app@sha256:ab', 404, 'MANIFEST_UNKNOWN', 'not found in ghcr.io/o/app'],
    ['ghcr.io/o/app:1', 404, 'NAME_UNKNOWN', 'repository ghcr.io/o/app not found or not accessible'],
    ['ghcr.io/o/app:1', 401, 'UNAUTHORIZED', 'authentication failed for ghcr.io'],
    ['ghcr.io/o/app:1', 403, 'DENIED', 'access to ghcr.io/o/app denied'],
    ['ghcr.io/o/app:1', 500, 'HTTP_ERROR', undefined],
  ])('%s %i %s', (what, status, code, words) => {
    expect(plainWords(what, status, code)).toBe(words);
  });
});

describe('plain words say which credentials were sent', () => {
  it.each([
    [
      'ghcr.io/o/app:1',
      404,
      'NAME_UNKNOWN',
      'anonymous',
      'repository ghcr.io/o/app not found or not accessible (anonymous)',
    ],
    [
      'ghcr.io/o/app:1',
      401,
      'UNAUTHORIZED',
      'credentials from ~/.docker/config.json',
      'authentication failed for ghcr.io (credentials from ~/.docker/config.json)',
    ],
    ['ghcr.io/o/app:1', 403, 'DENIED', 'anonymous', 'access to ghcr.io/o/app denied (anonymous)'],
    ['ghcr.io/o/app:9', 404, 'MANIFEST_UNKNOWN', 'anonymous', 'tag 9 not found in ghcr.io/o/app'],
  ])('%s %i %s %s', (what, status, code, auth, words) => {
    expect(plainWords(what, status, code, auth)).toBe(words);
  });
});

describe('errors of requests about something other than a manifest name what they were about', () => {
  const reply = (status: number) => ({
    status,
    headers: new Headers(),
    url: new URL('https://ghcr.io/v2/o/app/tags/list'),
    body: new Uint8Array(),
  });

  it.each([
    ['GET ghcr.io/o/app tags', 'ghcr.io/o/app', 403, 'access to ghcr.io/o/app denied (anonymous)'],
    ['GET ghcr.io/o/app tags', 'ghcr.io/o/app', 404, 'not found in ghcr.io/o/app'],
    [
      'GET ghcr.io/o/app referrers of sha256:ab',
      'ghcr.io/o/app@sha256:ab',
      403,
      'access to ghcr.io/o/app denied (anonymous)',
    ],
  ])('%s, %s, %i', (what, subject, status, words) => {
    const error = errorFromResponse(reply(status), what, 'MANIFEST_UNKNOWN', { auth: 'anonymous', subject });
    expect(error.plain).toBe(words);
    expect(error.message.startsWith(`${what}: ${status} `)).toBe(true);
  });
});
