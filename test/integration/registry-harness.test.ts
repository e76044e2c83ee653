import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { allManifestTypes, MediaType, sha256Digest } from '../support/image-content.ts';
import { pushImage, pushIndex } from '../support/push.ts';
import { probeManifest, registryRequest } from '../support/registry-http.ts';
import {
  RegistryNotInstalledError,
  startRegistry,
  type RegistryAuth,
  type RunningRegistry,
} from '../support/registry-server.ts';

// Proves the harness itself: a real distribution 2.8 registry in each auth
// mode, exact digests for what we push, and the counting/fault proxy.

describe.each<RegistryAuth>(['none', 'htpasswd', 'token'])('registry with auth %s', (auth) => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('answers /v2/ with the challenge of its mode', async () => {
    const response = await fetch(`${registry.url}/v2/`);
    await response.body?.cancel();
    if (auth === 'none') {
      expect(response.status).toBe(200);
    } else {
      expect(response.status).toBe(401);
      const challenge = response.headers.get('www-authenticate') ?? '';
      expect(challenge).toMatch(
        auth === 'htpasswd' ? /^Basic realm=/ : /^Bearer realm="http:\/\/127\.0\.0\.1:\d+\/token"/,
      );
    }
  });

  it('serves back a pushed image under its exact digest', async () => {
    const image = await pushImage(registry, 'harness/single', 'v1', { labels: { mode: auth } });
    const probe = await probeManifest(registry, 'harness/single', 'v1', {
      method: 'GET',
      accept: allManifestTypes,
    });
    expect(probe).toMatchObject({ status: 200, digest: image.digest, contentType: MediaType.ociManifest });
    expect(sha256Digest(probe.bytes ?? new Uint8Array())).toBe(image.digest);
  });

  it.skipIf(auth === 'none')('refuses anonymous reads', async () => {
    const response = await fetch(`${registry.url}/v2/harness/single/manifests/v1`, { method: 'HEAD' });
    expect(response.status).toBe(401);
  });
});

describe('without docker-registry on PATH', () => {
  it('fails loudly, naming scripts/test, instead of skipping', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const started = startRegistry();
      await expect(started).rejects.toBeInstanceOf(RegistryNotInstalledError);
      await expect(started).rejects.toThrow(/docker-registry is not installed.*scripts\/test/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('token server', () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token' });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('grants every requested scope in one token and records the request', async () => {
    const tokens = registry.tokenServer!;
    tokens.reset();
    const realm = new URL(tokens.realm);
    realm.searchParams.set('service', tokens.service);
    realm.searchParams.append('scope', 'repository:a/one:pull');
    realm.searchParams.append('scope', 'repository:b/two:pull');
    const { username, password } = registry.credentials!;
    const response = await fetch(realm, {
      headers: { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'issued_at', 'token']);
    const [header, claims] = String(body.token)
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(claims).toMatchObject({
      iss: tokens.issuer,
      aud: tokens.service,
      sub: username,
      access: [
        { type: 'repository', name: 'a/one', actions: ['pull'] },
        { type: 'repository', name: 'b/two', actions: ['pull'] },
      ],
    });
    expect(tokens.requests).toEqual([
      expect.objectContaining({
        scopes: ['repository:a/one:pull', 'repository:b/two:pull'],
        username,
        status: 200,
      }),
    ]);
  });

  it('rejects bad and missing credentials with 401', async () => {
    const tokens = registry.tokenServer!;
    const url = `${tokens.realm}?service=${tokens.service}&scope=repository:a/one:pull`;
    expect((await fetch(url)).status).toBe(401);
    const bad = await fetch(url, {
      headers: { Authorization: `Basic ${Buffer.from('basepin:wrong').toString('base64')}` },
    });
    expect(bad.status).toBe(401);
  });
});

describe('counting proxy', () => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd' });
    proxy = await startCountingProxy(registry);
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });

  it('forwards pushes (upload Locations point back at the proxy) and counts each request', async () => {
    const pushed = await pushIndex(proxy, 'counted/app', '1', ['linux/amd64']);
    expect(pushed.reference).toBe(`${proxy.host}/counted/app:1`);
    // Each blob: POST (401, then retried with Basic), PUT; then the child manifest and the index.
    expect(proxy.count({ method: 'POST', path: '/v2/counted/app/blobs/uploads/' })).toBe(3);
    expect(proxy.count({ method: 'PUT', path: /^\/v2\/counted\/app\/blobs\/uploads\// })).toBe(2);
    expect(proxy.count({ method: 'PUT', path: /\/manifests\// })).toBe(2);
    proxy.reset();
    const head = await probeManifest(proxy, 'counted/app', '1', { accept: allManifestTypes });
    expect(head.digest).toBe(pushed.digest);
    expect(proxy.requests).toEqual([
      expect.objectContaining({
        method: 'HEAD',
        path: '/v2/counted/app/manifests/1',
        authorization: 'basic',
        status: 200,
      }),
    ]);
    expect(proxy.requests[0]?.accept).toContain(MediaType.ociIndex);
  });

  it('injects a bounded number of faults, then forwards again', async () => {
    proxy.reset();
    const path = '/v2/counted/app/manifests/1';
    const fault = proxy.failNext(path, 2, 429, { 'Retry-After': '1' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await probeManifest(proxy, 'counted/app', '1', { accept: allManifestTypes })).status);
    expect(statuses).toEqual([429, 429, 200]);
    expect(fault.remaining()).toBe(0);
    expect(proxy.requests.map((r) => r.fault)).toEqual(['respond', 'respond', undefined]);

    const wrong = `sha256:${'0'.repeat(64)}`;
    proxy.inject({
      path,
      method: 'HEAD',
      times: 1,
      action: { kind: 'rewrite-headers', headers: { 'Docker-Content-Digest': wrong } },
    });
    expect((await probeManifest(proxy, 'counted/app', '1', { accept: allManifestTypes })).digest).toBe(wrong);

    proxy.inject({ path, times: 1, action: { kind: 'reset' } });
    await expect(
      registryRequest(proxy, { method: 'HEAD', path, repository: 'counted/app' }),
    ).rejects.toThrow();
    expect((await probeManifest(proxy, 'counted/app', '1', { accept: allManifestTypes })).status).toBe(200);
  });
});
