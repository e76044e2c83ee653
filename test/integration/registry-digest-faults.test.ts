import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMirrorUrl, type Mirror } from '../../src/config/values.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { createRegistryClient, type RegistryOptions } from '../../src/registry/index.ts';
import { memoizeRegistryClient } from '../../src/resolve/memoized-client.ts';
import { resolveTargetDigest, type TargetDigest } from '../../src/resolve/target-digest.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { MediaType, sha256Digest } from '../support/image-content.ts';
import { freePort } from '../support/processes.ts';
import { pushIndex, type PushedIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// Each misbehaviour served next to a healthy registry in the same run: no
// wrong digest comes out of a sick source, and the healthy references are
// pinned anyway. Real registries (distribution 2.8) behind counting proxies
// that inject the faults; nothing leaves 127.0.0.1 (asserted in `fetch`).

const platforms = ['linux/amd64', 'linux/arm64'];

/** A mirror or alias URL as the settings parse it. */
function source(url: string): Mirror {
  const parsed = parseMirrorUrl(url);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.value;
}

/** Outcome of one reference: its target, or its error code and message. */
type Outcome = { target: TargetDigest } | { code: string; message: string };

async function outcome(promise: Promise<TargetDigest>): Promise<Outcome> {
  try {
    return { target: await promise };
  } catch (error) {
    const { code, message } = error as { code?: unknown; message: string };
    return { code: String(code), message };
  }
}

describe('wrong digests are never produced (fault injection next to healthy registries)', () => {
  let healthy: RunningRegistry;
  let healthyProxy: CountingProxy;
  let sick: RunningRegistry;
  let sickProxy: CountingProxy;
  let mirrorRegistry: RunningRegistry;
  let mirror: CountingProxy;
  let healthyIndex: PushedIndex;
  let current: PushedIndex;
  let older: PushedIndex;
  let mirrorsOlder: PushedIndex;
  const contacted: string[] = [];

  const client = (options: RegistryOptions = {}) =>
    memoizeRegistryClient(
      createRegistryClient({
        requestTimeoutMs: 10_000,
        maxRetries: 1,
        retryBaseDelayMs: 1,
        dockerConfigDir: healthy.dir,
        fetch: (input, init) => {
          const url = new URL(input instanceof Request ? input.url : String(input));
          contacted.push(url.host);
          if (url.hostname !== '127.0.0.1') throw new Error(`test refused a request to ${url.host}`);
          return fetch(input, init);
        },
        ...options,
      }),
    );
  const healthyRef = () => parseImageReference(`${healthyProxy.host}/good/app:1`);
  const sickRef = (tag = '1') => parseImageReference(`${sickProxy.host}/sick/app:${tag}`);

  beforeAll(async () => {
    healthy = await startRegistry({ auth: 'none' });
    healthyProxy = await startCountingProxy(healthy);
    sick = await startRegistry({ auth: 'none' });
    sickProxy = await startCountingProxy(sick);
    mirrorRegistry = await startRegistry({ auth: 'none' });
    mirror = await startCountingProxy(mirrorRegistry);
    healthyIndex = await pushIndex(healthy, 'good/app', '1', platforms);
    older = await pushIndex(sick, 'sick/app', '1', platforms, { seed: 'older' });
    current = await pushIndex(sick, 'sick/app', '1', platforms, { seed: 'current' });
    // The mirror is stale: it still has the tag's older content.
    mirrorsOlder = await pushIndex(mirrorRegistry, 'sick/app', '1', platforms, { seed: 'mirror-old' });
  });
  afterAll(async () => {
    await Promise.all([healthyProxy?.stop(), sickProxy?.stop(), mirror?.stop()]);
    await Promise.all([healthy?.stop(), sick?.stop(), mirrorRegistry?.stop()]);
  });

  /** Resolves the sick reference and the healthy one in one run, as a pin run would. */
  async function bothWith(options: RegistryOptions = {}, ref = sickRef()) {
    const registry = client(options);
    const [sickOutcome, healthyOutcome] = await Promise.all([
      outcome(resolveTargetDigest(registry, ref)),
      outcome(resolveTargetDigest(registry, healthyRef())),
    ]);
    expect(healthyOutcome).toEqual({
      target: { digest: healthyIndex.digest, mediaType: MediaType.ociIndex },
    });
    return sickOutcome;
  }

  it.each([
    ['a digest the registry does not have', () => `sha256:${'7'.repeat(64)}`],
    ['a real child manifest of the tag (a single-platform digest)', () => current.children[0]!.digest],
  ])('a HEAD that lies about the tag (%s) pins nothing', async (_label, lie) => {
    sickProxy.reset();
    sickProxy.inject({
      path: '/v2/sick/app/manifests/1',
      method: 'HEAD',
      times: 1,
      action: { kind: 'rewrite-headers', headers: { 'Docker-Content-Digest': lie() } },
    });
    const result = await bothWith();
    expect(result).toMatchObject({ code: 'UNCONFIRMED_DIGEST' });
    expect((result as { message: string }).message).toContain(lie());
  });

  it.each([
    [
      'an empty body claiming the empty digest',
      '',
      { 'Docker-Content-Digest': sha256Digest(new Uint8Array()) },
    ],
    ['garbage', 'this is not a manifest', {}],
    ['half an index', () => Buffer.from(current.bytes).subarray(0, current.bytes.length >> 1), {}],
    ['an error page with status 200', '<html><body>Service Unavailable</body></html>', {}],
  ])('a GET answered 200 with %s is an error for that reference', async (_label, body, headers) => {
    sickProxy.reset();
    // The HEAD gives no digest, so the client has to read (and judge) the body.
    sickProxy.inject({
      path: '/v2/sick/app/manifests/1',
      method: 'HEAD',
      times: 1,
      action: { kind: 'rewrite-headers', headers: { 'Docker-Content-Digest': null } },
    });
    sickProxy.inject({
      path: '/v2/sick/app/manifests/1',
      method: 'GET',
      times: 1,
      action: {
        kind: 'respond',
        status: 200,
        headers: { 'Content-Type': MediaType.ociIndex, ...headers },
        body: typeof body === 'function' ? body().toString('latin1') : body,
      },
    });
    const result = await bothWith();
    expect(result).toMatchObject({ code: 'BAD_RESPONSE' });
    expect(sickProxy.count({ method: 'GET', path: '/v2/sick/app/manifests/1' })).toBe(1);
  });

  it('resolves tags on the registry, not on a stale mirror, and reads content by digest from the mirror first', async () => {
    sickProxy.reset();
    mirror.reset();
    const mirrors = { [sickProxy.host]: [source(mirror.url)] };
    expect(await bothWith({ mirrors })).toEqual({
      target: { digest: current.digest, mediaType: MediaType.ociIndex },
    });
    expect(mirror.count({ method: 'HEAD' })).toBe(0);
    // A single-platform pin reads the new index by digest: the stale mirror lacks it (404), the registry serves it.
    const pinned = parseImageReference(`${sickProxy.host}/sick/app:1@${older.children[1]!.digest}`);
    const registry = client({ mirrors });
    expect((await resolveTargetDigest(registry, pinned)).digest).toBe(current.children[1]!.digest);
    expect(mirror.count({ method: 'GET', path: `/v2/sick/app/manifests/${current.digest}` })).toBe(1);
  });

  it('uses the mirror only when the registry cannot be reached, says so, and tries the dead registry once', async () => {
    mirror.reset();
    const deadHost = `127.0.0.1:${await freePort()}`;
    const ref = (tag: string) => parseImageReference(`${deadHost}/sick/app:${tag}`);
    const registry = client({ mirrors: { [deadHost]: [source(mirror.url)] } });
    contacted.length = 0;
    const first = await resolveTargetDigest(registry, ref('1'));
    expect(first).toEqual({
      digest: mirrorsOlder.digest,
      mediaType: MediaType.ociIndex,
      fromMirror: mirror.host,
    });
    const attemptsAfterFirst = contacted.filter((host) => host === deadHost).length;
    expect(attemptsAfterFirst).toBeGreaterThan(0);
    await outcome(resolveTargetDigest(registry, ref('2')));
    expect(contacted.filter((host) => host === deadHost)).toHaveLength(attemptsAfterFirst);
  });

  it('does not fail a slow host that keeps answering: the deadline is time without progress, not total time', async () => {
    sickProxy.reset();
    // Every request answered, each after 400 ms: slower in total than the deadline, never silent for as long.
    sickProxy.inject({ path: /.*/, times: 1_000, action: { kind: 'delay', ms: 400 } });
    const deadlineMs = 1_500;
    const registry = createRegistryClient({
      requestTimeoutMs: 10_000,
      maxRetries: 0,
      concurrencyPerRegistry: 1,
      dockerConfigDir: healthy.dir,
      hostDeadlineMs: deadlineMs,
    });
    // Not memoized: each reference asks again (a HEAD of the tag, a HEAD of the digest).
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await outcome(resolveTargetDigest(registry, sickRef())));
    // Requests go one at a time (concurrency 1), each held 400 ms by the proxy: counted, not timed.
    const heldMs = sickProxy.count() * 400;
    sickProxy.reset();
    expect(outcomes).toEqual(
      Array(3).fill({ target: { digest: current.digest, mediaType: MediaType.ociIndex } }),
    );
    // The point of the test: the host was busy longer than the deadline in total, and still succeeded.
    expect(heldMs).toBeGreaterThan(deadlineMs);
  });

  it('refuses what a lying mirror names when it cannot show the digest', async () => {
    mirror.reset();
    const deadHost = `127.0.0.1:${await freePort()}`;
    mirror.inject({
      path: '/v2/sick/app/manifests/1',
      method: 'HEAD',
      times: 1,
      action: { kind: 'rewrite-headers', headers: { 'Docker-Content-Digest': `sha256:${'5'.repeat(64)}` } },
    });
    const registry = client({ mirrors: { [deadHost]: [source(mirror.url)] } });
    const result = await outcome(
      resolveTargetDigest(registry, parseImageReference(`${deadHost}/sick/app:1`)),
    );
    expect(result).toMatchObject({ code: 'UNCONFIRMED_DIGEST' });
  });

  it('fails a host that answers and then stalls its bodies at its deadline: headers are not progress', async () => {
    sickProxy.reset();
    // Every GET (ping, token, manifests) answers its headers at once and never sends the body it promised.
    sickProxy.inject({ path: /.*/, method: 'GET', times: 1_000, action: { kind: 'stall-body' } });
    const deadlineMs = 1_500;
    // Each attempt times out sooner than the deadline: were headers progress, every retry would restart it.
    const registry = createRegistryClient({
      requestTimeoutMs: 1_000,
      maxRetries: 3,
      retryBaseDelayMs: 1,
      dockerConfigDir: healthy.dir,
      hostDeadlineMs: deadlineMs,
    });
    const result = await outcome(resolveTargetDigest(registry, sickRef()));
    const attempts = sickProxy.count({ method: 'GET' });
    sickProxy.reset();
    expect(result).toMatchObject({ code: 'HOST_DEADLINE' });
    // Four 1 s attempts of the first GET, had headers counted as progress; the 1.5 s deadline ends the
    // second one (counted, not timed).
    expect(attempts).toBeLessThanOrEqual(2);
  });

  it('fails a hanging host at its deadline while the healthy references are pinned without waiting for it', async () => {
    sickProxy.reset();
    // Ping, token and manifests of the sick host all hang, longer than the request timeout.
    sickProxy.inject({ path: /.*/, times: 1_000, action: { kind: 'delay', ms: 60_000 } });
    const deadlineMs = 4_000;
    const registry = client({ hostDeadlineMs: deadlineMs });
    // No barrier: preparing both hosts returns at once, and the healthy host does not wait for the sick one.
    await registry.prepare?.([sickRef(), healthyRef()]);
    const finished: string[] = [];
    const [sickOutcome, healthyOutcome] = await Promise.all([
      outcome(resolveTargetDigest(registry, sickRef())).finally(() => finished.push('sick')),
      outcome(resolveTargetDigest(registry, healthyRef())).finally(() => finished.push('healthy')),
    ]);
    sickProxy.reset();
    expect(healthyOutcome).toEqual({
      target: { digest: healthyIndex.digest, mediaType: MediaType.ociIndex },
    });
    // The healthy reference is pinned before the sick host fails: it did not wait for it (an order, not a time).
    expect(finished).toEqual(['healthy', 'sick']);
    // Ended by the host's deadline, not by the 10 s request timeout and its retry (which would say so).
    expect(sickOutcome).toMatchObject({ code: 'HOST_DEADLINE' });
    expect((sickOutcome as { message: string }).message).toContain(sickProxy.host);
  });
});

describe('registry aliases against a real token-auth registry', () => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;
  let pushed: PushedIndex;

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' });
    proxy = await startCountingProxy(registry);
    pushed = await pushIndex(registry, 'dockerhub-proxy/library/alpine', '3.20', platforms);
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });

  it('asks the alias with its path prefix, scopes the token to the prefixed repository, and never Docker Hub', async () => {
    const contacted = new Set<string>();
    const client = createRegistryClient({
      registryAliases: { 'docker.io': source(`${proxy.url}/dockerhub-proxy`) },
      credentials: { [proxy.host]: registry.credentials! },
      dockerConfigDir: registry.dir,
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        contacted.add(url.hostname);
        if (url.hostname !== '127.0.0.1') throw new Error(`test refused a request to ${url.host}`);
        return fetch(input, init);
      },
    });
    const ref = parseImageReference('alpine:3.20');
    expect(await resolveTargetDigest(client, ref)).toEqual({
      digest: pushed.digest,
      mediaType: MediaType.ociIndex,
    });
    expect([...contacted]).toEqual(['127.0.0.1']);
    expect(
      proxy.requests.filter((r) => r.path.includes('/manifests/')).map((r) => `${r.method} ${r.path}`),
    ).toEqual([
      'HEAD /v2/dockerhub-proxy/library/alpine/manifests/3.20',
      `HEAD /v2/dockerhub-proxy/library/alpine/manifests/${pushed.digest}`,
    ]);
    expect(registry.tokenServer!.requests.flatMap((r) => r.scopes)).toContain(
      'repository:dockerhub-proxy/library/alpine:pull',
    );
    // The reference as written keeps its Docker Hub name: the pin is `alpine:3.20@…`.
    expect(ref.familiarName).toBe('alpine');
  });
});
