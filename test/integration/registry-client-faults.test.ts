import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import { createRegistryClient, RegistryError, type RegistryClient } from '../../src/registry/index.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { MediaType } from '../support/image-content.ts';
import { pushIndex, type PushedIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// The registry client against a real token-auth registry while the counting
// proxy injects faults: retries stay bounded, waits are honoured (through an
// injected sleep, so the file stays fast), bad headers and bytes are caught.

const maxRetries = 3;
const repository = 'faulty/app';
const manifestPath = `/v2/${repository}/manifests/1`;

async function registryErrorOf(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

describe('registry client under injected faults (token auth)', () => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;
  let pushed: PushedIndex;
  let client: RegistryClient;
  let sleeps: number[];
  const ref = () => parseImageReference(`${proxy.host}/${repository}:1`);

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' });
    proxy = await startCountingProxy(registry);
    pushed = await pushIndex(registry, repository, '1', ['linux/amd64', 'linux/arm64']);
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });
  beforeEach(async () => {
    proxy.reset(); // drops faults a previous test left pending
    sleeps = [];
    client = createRegistryClient({
      insecureRegistries: [proxy.host],
      credentials: { [proxy.host]: registry.credentials! },
      dockerConfigDir: registry.dir,
      requestTimeoutMs: 5_000,
      maxRetries,
      retryBaseDelayMs: 1,
      maxRetryWaitMs: 10_000,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    // Ping and token first, so each test counts only the manifest requests.
    await client.prepare?.([ref()]);
    await client.resolveTag(ref());
    proxy.reset();
    registry.tokenServer!.reset();
  });

  it('retries 503 and then answers', async () => {
    proxy.failNext(manifestPath, 2, 503, {}, 'HEAD');
    expect((await client.resolveTag(ref())).digest).toBe(pushed.digest);
    expect(proxy.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'HEAD 503',
      'HEAD 503',
      'HEAD 200',
    ]);
    expect(sleeps).toHaveLength(2);
  });

  it('waits as long as Retry-After says on 429', async () => {
    proxy.failNext(manifestPath, 1, 429, { 'Retry-After': '2' }, 'HEAD');
    expect((await client.resolveTag(ref())).digest).toBe(pushed.digest);
    expect(sleeps).toEqual([2_000]);
    expect(proxy.count({ method: 'HEAD' })).toBe(2);
  });

  it('gives up at once on a Retry-After longer than it will wait', async () => {
    proxy.failNext(manifestPath, 1, 429, { 'Retry-After': '3600' }, 'HEAD');
    const error = await registryErrorOf(client.resolveTag(ref()));
    expect(error).toMatchObject({ status: 429, code: 'TOOMANYREQUESTS', retryable: true });
    expect(sleeps).toEqual([]);
    expect(proxy.requests.map((r) => r.method)).toEqual(['HEAD']);
  });

  it('stops after a bounded number of attempts when the registry stays down', async () => {
    proxy.failNext(manifestPath, 100, 503);
    const error = await registryErrorOf(client.resolveTag(ref()));
    expect(error).toMatchObject({ status: 503, retryable: true });
    // Each of HEAD and its GET fallback gets at most 1 + maxRetries attempts.
    expect(proxy.count({ method: 'HEAD' })).toBe(1 + maxRetries);
    expect(proxy.count()).toBeLessThanOrEqual(2 * (1 + maxRetries));
  });

  it('retries a connection reset', async () => {
    proxy.inject({ path: manifestPath, method: 'HEAD', times: 1, action: { kind: 'reset' } });
    expect((await client.resolveTag(ref())).digest).toBe(pushed.digest);
    expect(proxy.count({ method: 'HEAD' })).toBe(2);
  });

  it('falls back to GET and hashes the bytes when HEAD lacks Docker-Content-Digest', async () => {
    proxy.inject({
      path: manifestPath,
      method: 'HEAD',
      times: 1,
      action: { kind: 'rewrite-headers', headers: { 'Docker-Content-Digest': null } },
    });
    expect(await client.resolveTag(ref())).toEqual({
      digest: pushed.digest,
      mediaType: MediaType.ociIndex,
      verified: true,
    });
    expect(proxy.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('falls back to GET when HEAD claims a Content-Type that is not a manifest', async () => {
    proxy.inject({
      path: manifestPath,
      method: 'HEAD',
      times: 1,
      action: { kind: 'rewrite-headers', headers: { 'Content-Type': 'text/html' } },
    });
    expect((await client.resolveTag(ref())).digest).toBe(pushed.digest);
    expect(proxy.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('refuses a GET whose Docker-Content-Digest does not match the bytes', async () => {
    proxy.inject({
      path: manifestPath,
      method: 'GET',
      times: 1,
      action: { kind: 'rewrite-headers', headers: { 'Docker-Content-Digest': `sha256:${'0'.repeat(64)}` } },
    });
    const error = await registryErrorOf(client.fetchManifest(ref(), '1'));
    expect(error.code).toBe('DIGEST_MISMATCH');
  });

  it('refuses bytes that do not hash to the digest asked for', async () => {
    const child = pushed.children[0]!;
    proxy.inject({
      path: `/v2/${repository}/manifests/${pushed.digest}`,
      method: 'GET',
      times: 1,
      action: { kind: 'rewrite-body', body: child.bytes },
    });
    const error = await registryErrorOf(client.fetchManifest(ref(), pushed.digest));
    expect(error.code).toBe('DIGEST_MISMATCH');
  });

  it('gets a fresh token when the registry answers 401 with a new challenge', async () => {
    const tokens = registry.tokenServer!;
    const challenge = `Bearer realm="${tokens.realm}",service="${tokens.service}",scope="repository:${repository}:pull"`;
    proxy.failNext(manifestPath, 1, 401, { 'WWW-Authenticate': challenge }, 'HEAD');
    expect((await client.resolveTag(ref())).digest).toBe(pushed.digest);
    expect(tokens.requests).toHaveLength(1);
    expect(tokens.requests[0]?.scopes).toEqual([`repository:${repository}:pull`]);
    expect(proxy.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 401', 'HEAD 200']);
  });
});
