import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import {
  fixture,
  fixtureDigest,
  HUB,
  hubAnonymousAuth,
  hubHeaders,
  OCI_INDEX,
  registryErrorOf,
  testClient,
  useNock,
} from './helpers.ts';

useNock();

const ref = parseImageReference('registry.example/app:1');
const indexDigest = fixtureDigest('alpine-new.index.json');
const ok = { 'content-type': OCI_INDEX, 'docker-content-digest': indexDigest };

function registry() {
  return nock('https://registry.example').get('/v2/').reply(200, {});
}

function reset(): Error {
  return Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
}

describe('429 Too Many Requests', () => {
  it.each([
    ['seconds', '7', 7000],
    ['an HTTP date', () => new Date(Date.now() + 5_000).toUTCString(), 5000],
  ])('waits for Retry-After given as %s, then retries', async (_label, retryAfter, expected) => {
    registry()
      .head('/v2/app/manifests/1')
      .reply(429, undefined, { 'retry-after': typeof retryAfter === 'function' ? retryAfter() : retryAfter })
      .head('/v2/app/manifests/1')
      .reply(200, undefined, ok);
    const { client, waits } = testClient();
    expect((await client.resolveTag(ref)).digest).toBe(indexDigest);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(expected - 1500);
    expect(waits[0]).toBeLessThanOrEqual(expected);
    expect(client.stats()).toMatchObject({ head: 2, retries: 1 });
  });

  it('fails at once with a rate-limit error when Retry-After is longer than the cap', async () => {
    registry()
      .get('/v2/app/manifests/1')
      .reply(429, fixture('toomanyrequests.json'), { 'retry-after': '3600' });
    const { client, waits } = testClient({ maxRetryWaitMs: 60_000 });
    const error = await registryErrorOf(client.fetchManifest(ref, '1'));
    expect(error).toMatchObject({ status: 429, code: 'TOOMANYREQUESTS', retryable: true });
    expect(error.message).toContain('3600 s');
    expect(waits).toEqual([]);
  });

  it('gives up after maxRetries with the registry code and message', async () => {
    registry().get('/v2/app/manifests/1').times(3).reply(429, fixture('toomanyrequests.json'));
    const { client, waits } = testClient({ maxRetries: 2 });
    const error = await registryErrorOf(client.fetchManifest(ref, '1'));
    expect(error).toMatchObject({ status: 429, code: 'TOOMANYREQUESTS', retryable: true });
    expect(error.message).toContain('unauthenticated pull rate limit');
    expect(waits).toHaveLength(2);
  });
});

describe('transient faults are retried with bounded backoff', () => {
  it.each([
    ['503', (scope: nock.Interceptor) => scope.reply(503, 'upstream unavailable')],
    ['502', (scope: nock.Interceptor) => scope.reply(502)],
    ['a connection reset', (scope: nock.Interceptor) => scope.replyWithError(reset())],
  ])('%s then success', async (_label, fault) => {
    const scope = registry();
    fault(scope.head('/v2/app/manifests/1'));
    fault(scope.head('/v2/app/manifests/1'));
    scope.head('/v2/app/manifests/1').reply(200, undefined, ok);
    const { client, waits } = testClient({ retryBaseDelayMs: 100 });
    expect((await client.resolveTag(ref)).digest).toBe(indexDigest);
    expect(client.stats()).toMatchObject({ head: 3, retries: 2 });
    // Exponential with jitter: 50–100 ms, then 100–200 ms.
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('stops after maxRetries and reports a retryable error', async () => {
    registry()
      .get('/v2/app/manifests/1')
      .times(4)
      .reply(500, { errors: [{ code: 'UNKNOWN', message: 'boom' }] });
    const { client } = testClient();
    const error = await registryErrorOf(client.fetchManifest(ref, '1'));
    expect(error).toMatchObject({ status: 500, code: 'UNKNOWN', retryable: true });
    expect(client.stats()).toMatchObject({ get: 4, retries: 3 });
  });

  it('does not retry a refused connection', async () => {
    registry()
      .head('/v2/app/manifests/1')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const { client } = testClient();
    const error = await registryErrorOf(client.resolveTag(ref));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', retryable: false });
    expect(client.stats().retries).toBe(0);
  });

  it('times a request out, retries it, and reports TIMEOUT', async () => {
    let calls = 0;
    // nock's delay() does not honour an abort signal, so a hanging server is a fetch that never answers.
    const hanging: typeof fetch = (input, init) => {
      calls += 1;
      if (String(input).endsWith('/v2/')) return Promise.resolve(new Response('{}', { status: 200 }));
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    };
    const { client } = testClient({ fetch: hanging, requestTimeoutMs: 20, maxRetries: 1 });
    const error = await registryErrorOf(client.resolveTag(ref));
    expect(error).toMatchObject({ status: 0, code: 'TIMEOUT', retryable: true });
    expect(calls).toBe(3); // ping + 2 attempts
  });

  it('a failure of one reference leaves the others alone', async () => {
    registry()
      .head('/v2/broken/manifests/1')
      .reply(404)
      .head('/v2/app/manifests/1')
      .reply(200, undefined, ok);
    const { client } = testClient();
    const [broken, fine] = await Promise.allSettled([
      client.resolveTag(parseImageReference('registry.example/broken:1')),
      client.resolveTag(ref),
    ]);
    expect(broken.status).toBe('rejected');
    expect(fine).toEqual({ status: 'fulfilled', value: { digest: indexDigest, mediaType: OCI_INDEX } });
  });
});

describe('Docker Hub pull budget', () => {
  it('stops manifest GETs at the floor but keeps HEADs going', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(indexDigest, OCI_INDEX, 3))
      .head('/v2/library/alpine/manifests/3.21')
      .reply(200, undefined, { ...hubHeaders(indexDigest, OCI_INDEX, 3), 'docker-content-digest': '' });
    const { client } = testClient({ dockerHubPullFloor: 5 });
    const alpine = parseImageReference('alpine:3.20');
    expect((await client.resolveTag(alpine)).digest).toBe(indexDigest);
    // The next resolution needs a GET (no digest header): refused before it is sent.
    const error = await registryErrorOf(client.resolveTag(parseImageReference('alpine:3.21')));
    expect(error.code).toBe('PULL_BUDGET_EXHAUSTED');
    expect(error.message).toContain('3 pulls left');
    expect(client.stats()).toMatchObject({ head: 2, get: 0 });
  });
});

describe('concurrency per registry host', () => {
  it('never has more than the limit in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      if (String(input).endsWith('/v2/')) return new Response('{}', { status: 200 });
      return new Response(null, { status: 200, headers: ok });
    };
    const { client } = testClient({ fetch: counting, concurrencyPerRegistry: 2 });
    const refs = Array.from({ length: 8 }, (_, i) => parseImageReference(`registry.example/app:${i}`));
    const heads = await Promise.all(refs.map((r) => client.resolveTag(r)));
    expect(heads.every((head) => head.digest === indexDigest)).toBe(true);
    expect(peak).toBe(2);
  });
});

describe('HEAD failures are not retried as GETs', () => {
  it.each([429, 503])('a HEAD that still answers %i after retries fails without a GET', async (status) => {
    registry().head('/v2/app/manifests/1').times(2).reply(status);
    const { client } = testClient({ maxRetries: 1 });
    const error = await registryErrorOf(client.resolveTag(ref));
    expect(error).toMatchObject({ status, retryable: true });
    expect(client.stats()).toMatchObject({ head: 2, get: 0 });
  });
});

describe('reply size', () => {
  it('stops reading a reply with no Content-Length once it passes the cap', async () => {
    const mib = new Uint8Array(1024 * 1024);
    let pulled = 0;
    const endless: typeof fetch = async (input) => {
      if (String(input).endsWith('/v2/')) return new Response('{}', { status: 200 });
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(mib);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': OCI_INDEX } });
    };
    const { client } = testClient({ fetch: endless });
    const error = await registryErrorOf(client.fetchManifest(ref, '1'));
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', retryable: false });
    expect(error.message).toContain('more than basepin reads');
    expect(pulled).toBeLessThan(40);
  });
});
