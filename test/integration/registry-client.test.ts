import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import {
  createRegistryClient,
  RegistryError,
  type RegistryClient,
  type RegistryOptions,
} from '../../src/registry/index.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { MediaType, sha256Digest } from '../support/image-content.ts';
import {
  pushImage,
  pushIndex,
  writeDockerConfig,
  type PushedImage,
  type PushedIndex,
} from '../support/push.ts';
import { startRegistry, type RegistryAuth, type RunningRegistry } from '../support/registry-server.ts';

// The registry client against a real distribution 2.8 registry, through the
// counting proxy so every request the client makes is seen and counted.
// Fixtures are pushed to the registry directly (not counted).

interface Fixtures {
  ociIndex: PushedIndex;
  dockerList: PushedIndex;
  ociImage: PushedImage;
  dockerImage: PushedImage;
}

async function pushFixtures(registry: RunningRegistry): Promise<Fixtures> {
  return {
    ociIndex: await pushIndex(registry, 'app/oci', '1', ['linux/amd64', 'linux/arm64/v8']),
    dockerList: await pushIndex(registry, 'app/docker', '1', ['linux/amd64', 'linux/arm/v7'], {
      kind: 'docker',
    }),
    ociImage: await pushImage(registry, 'app/single', '1'),
    dockerImage: await pushImage(registry, 'app/single-docker', '1', { kind: 'docker' }),
  };
}

/** Expects `promise` to reject with a RegistryError and returns it. */
async function registryErrorOf(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

describe.each<RegistryAuth>(['none', 'htpasswd', 'token'])('registry client, auth %s', (auth) => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;
  let fixtures: Fixtures;
  const ref = (path: string) => parseImageReference(`${proxy.host}/${path}`);
  const clientOptions = (extra: Partial<RegistryOptions> = {}): RegistryOptions => ({
    insecureRegistries: [proxy.host],
    ...(registry.credentials !== undefined ? { credentials: { [proxy.host]: registry.credentials } } : {}),
    // No ~/.docker of the machine running the tests.
    dockerConfigDir: join(registry.dir, 'no-docker-config'),
    requestTimeoutMs: 5_000,
    ...extra,
  });
  let client: RegistryClient;

  beforeAll(async () => {
    registry = await startRegistry({ auth });
    proxy = await startCountingProxy(registry);
    fixtures = await pushFixtures(registry);
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });
  beforeEach(() => {
    proxy.reset();
    registry.tokenServer?.reset();
    client = createRegistryClient(clientOptions());
  });

  it('resolves an OCI index tag to the index digest', async () => {
    const head = await client.resolveTag(ref('app/oci:1'));
    expect(head).toEqual({ digest: fixtures.ociIndex.digest, mediaType: MediaType.ociIndex });
  });

  it('resolves a Docker manifest list tag to the list digest, not the linux/amd64 child', async () => {
    const head = await client.resolveTag(ref('app/docker:1'));
    expect(head).toEqual({ digest: fixtures.dockerList.digest, mediaType: MediaType.dockerManifestList });
  });

  it('resolves single-platform tags (OCI and Docker schema2) to their manifest digest', async () => {
    expect(await client.resolveTag(ref('app/single:1'))).toEqual({
      digest: fixtures.ociImage.digest,
      mediaType: MediaType.ociManifest,
    });
    expect(await client.resolveTag(ref('app/single-docker:1'))).toEqual({
      digest: fixtures.dockerImage.digest,
      mediaType: MediaType.dockerManifest,
    });
  });

  it('follows a tag that moved', async () => {
    const platforms = ['linux/amd64', 'linux/arm64'];
    const before = await pushIndex(registry, 'app/moving', 'stable', platforms, { seed: `${auth}-1` });
    expect((await client.resolveTag(ref('app/moving:stable'))).digest).toBe(before.digest);
    const after = await pushIndex(registry, 'app/moving', 'stable', platforms, { seed: `${auth}-2` });
    expect(after.digest).not.toBe(before.digest);
    expect((await client.resolveTag(ref('app/moving:stable'))).digest).toBe(after.digest);
  });

  it('fails a missing tag and a missing repository with MANIFEST_UNKNOWN', async () => {
    for (const path of ['app/oci:missing', 'never/pushed:1']) {
      const error = await registryErrorOf(client.resolveTag(ref(path)));
      expect(error).toMatchObject({ status: 404, code: 'MANIFEST_UNKNOWN', retryable: false });
    }
    const viaGet = await registryErrorOf(client.fetchManifest(ref('app/oci'), 'missing'));
    expect(viaGet).toMatchObject({ status: 404, code: 'MANIFEST_UNKNOWN' });
  });

  it('fetches manifests and blobs whose bytes hash to their digests', async () => {
    const index = await client.fetchManifest(ref('app/oci'), fixtures.ociIndex.digest);
    expect(index.digest).toBe(fixtures.ociIndex.digest);
    expect(Buffer.from(index.bytes).equals(Buffer.from(fixtures.ociIndex.bytes))).toBe(true);
    const byTag = await client.fetchManifest(ref('app/docker'), '1');
    expect(byTag).toMatchObject({
      digest: fixtures.dockerList.digest,
      mediaType: MediaType.dockerManifestList,
    });
    const child = fixtures.ociIndex.children[1]!;
    const config = await client.fetchBlob(ref('app/oci'), child.configDigest);
    expect(sha256Digest(config)).toBe(child.configDigest);
    expect(JSON.parse(new TextDecoder().decode(config))).toMatchObject({
      architecture: 'arm64',
      variant: 'v8',
    });
  });

  it('asks with exactly one HEAD per reference after one ping (and one token per repository)', async () => {
    const paths = ['app/oci:1', 'app/docker:1', 'app/single:1'];
    for (const path of paths) await client.resolveTag(ref(path));
    expect(proxy.count({ method: 'GET', path: '/v2/' })).toBe(1);
    for (const path of ['app/oci', 'app/docker', 'app/single']) {
      expect(proxy.count({ method: 'HEAD', path: `/v2/${path}/manifests/1` })).toBe(1);
    }
    expect(proxy.count({ path: /\/manifests\// })).toBe(paths.length);
    expect(proxy.requests.filter((r) => r.status === 401 && r.path !== '/v2/')).toEqual([]);
    const accept = proxy.requests.find((r) => r.method === 'HEAD')?.accept ?? '';
    for (const type of [
      MediaType.ociIndex,
      MediaType.dockerManifestList,
      MediaType.ociManifest,
      MediaType.dockerManifest,
    ]) {
      expect(accept).toContain(type);
    }
    expect(proxy.requests.filter((r) => r.method === 'HEAD').map((r) => r.authorization)).toEqual(
      paths.map(() => ({ none: 'none', htpasswd: 'basic', token: 'bearer' })[auth]),
    );
    expect(registry.tokenServer?.requests.length ?? 0).toBe(auth === 'token' ? paths.length : 0);
    // stats().ping also counts the https attempt an insecure registry gets first (refused before HTTP),
    // so the wire count above is the one that says "one ping".
    expect(client.stats()).toMatchObject({ head: paths.length, get: 0 });
  });

  it.skipIf(auth === 'none')('fails without credentials, and with a wrong password', async () => {
    const anonymous = createRegistryClient(clientOptions({ credentials: {} }));
    const missing = await registryErrorOf(anonymous.resolveTag(ref('app/oci:1')));
    expect(missing.status).toBe(401);
    const wrong = createRegistryClient(
      clientOptions({
        credentials: { [proxy.host]: { username: registry.credentials!.username, password: 'wrong' } },
      }),
    );
    const refused = await registryErrorOf(wrong.resolveTag(ref('app/oci:1')));
    expect(refused.status).toBe(401);
  });

  it.skipIf(auth === 'none')('reads credentials from a docker config.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'basepin-docker-config-'));
    try {
      writeDockerConfig(dir, proxy.host, registry.credentials!);
      const fromConfig = createRegistryClient(clientOptions({ credentials: {}, dockerConfigDir: dir }));
      expect((await fromConfig.resolveTag(ref('app/oci:1'))).digest).toBe(fixtures.ociIndex.digest);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(auth === 'token')('prepare() gets one token for several repositories', async () => {
    const tokens = registry.tokenServer!;
    const refs = ['app/oci:1', 'app/docker:1', 'app/single:1', 'app/oci:1'].map(ref);
    expect(client.prepare).toBeTypeOf('function');
    // prepare() only starts the warm-up; each request waits for its host's warm-up.
    await client.prepare!(refs);
    await Promise.all(refs.map((r) => client.resolveTag(r)));
    expect(tokens.requests).toHaveLength(1);
    expect([...(tokens.requests[0]?.scopes ?? [])].sort()).toEqual([
      'repository:app/docker:pull',
      'repository:app/oci:pull',
      'repository:app/single:pull',
    ]);
    expect(proxy.count({ method: 'HEAD' })).toBe(refs.length);
    expect(proxy.requests.filter((r) => r.method === 'HEAD').every((r) => r.status === 200)).toBe(true);
  });
});
