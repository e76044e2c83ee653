import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import { createRegistryClient, type RegistryClient } from '../../src/registry/index.ts';
import { resolveTargetDigest, TargetDigestError } from '../../src/resolve/target-digest.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { MediaType, type ManifestKind } from '../support/image-content.ts';
import { pushImage, pushIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// What a reference gets pinned to, against a real registry whose tags move
// (docs/architecture.md, "What digest"): the index digest, except that a pin to a
// single-platform manifest stays on the same platform's child.

const platforms = ['linux/amd64', 'linux/arm64/v8'];

describe('resolveTargetDigest against distribution 2.8', () => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;
  let client: RegistryClient;
  const ref = (text: string) => parseImageReference(`${proxy.host}/${text}`);

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd' });
    proxy = await startCountingProxy(registry);
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });
  beforeEach(() => {
    proxy.reset();
    client = createRegistryClient({
      insecureRegistries: [proxy.host],
      credentials: { [proxy.host]: registry.credentials! },
      dockerConfigDir: registry.dir,
    });
  });

  it('pins an unpinned tag to the index with two HEADs: the tag, then the digest it names', async () => {
    const index = await pushIndex(registry, 'target/plain', '1', platforms);
    const target = await resolveTargetDigest(client, ref('target/plain:1'));
    expect(target).toMatchObject({ digest: index.digest, mediaType: MediaType.ociIndex });
    expect(
      proxy.requests
        .filter((r) => /\/manifests\/|\/blobs\//.test(r.path))
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(['HEAD /v2/target/plain/manifests/1', `HEAD /v2/target/plain/manifests/${index.digest}`]);
  });

  it('moves a pin to an index onto the new index', async () => {
    const before = await pushIndex(registry, 'target/index-pin', '1', platforms, { seed: 'a' });
    const after = await pushIndex(registry, 'target/index-pin', '1', platforms, { seed: 'b' });
    const target = await resolveTargetDigest(client, ref(`target/index-pin:1@${before.digest}`));
    expect(target).toMatchObject({ digest: after.digest, mediaType: MediaType.ociIndex });
  });

  it.each<ManifestKind>(['oci', 'docker'])(
    'keeps a %s single-platform pin single-platform after the tag moves',
    async (kind) => {
      const repo = `target/child-pin-${kind}`;
      const before = await pushIndex(registry, repo, '1', platforms, { kind, seed: 'a' });
      const after = await pushIndex(registry, repo, '1', platforms, { kind, seed: 'b' });
      const pinnedArm = before.children[1]!;
      const target = await resolveTargetDigest(client, ref(`${repo}:1@${pinnedArm.digest}`));
      expect(target).toEqual({
        digest: after.children[1]!.digest,
        mediaType: kind === 'oci' ? MediaType.ociManifest : MediaType.dockerManifest,
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      });
      expect(target.digest).not.toBe(after.digest);
    },
  );

  it('leaves a child pin alone, without reading any config, while the tag has not moved', async () => {
    const index = await pushIndex(registry, 'target/still', '1', platforms);
    const amd64 = index.children[0]!;
    const target = await resolveTargetDigest(client, ref(`target/still:1@${amd64.digest}`));
    expect(target.digest).toBe(amd64.digest);
    expect(proxy.count({ path: /\/blobs\// })).toBe(0);
  });

  it('picks the requested platform child with options.platform, and names what exists when it is missing', async () => {
    const index = await pushIndex(registry, 'target/platform', '1', platforms);
    const arm = await resolveTargetDigest(client, ref('target/platform:1'), {
      platform: { os: 'linux', architecture: 'arm64' },
    });
    expect(arm.digest).toBe(index.children[1]!.digest);
    const missing = resolveTargetDigest(client, ref('target/platform:1'), {
      platform: { os: 'linux', architecture: 's390x' },
    });
    await expect(missing).rejects.toBeInstanceOf(TargetDigestError);
    await expect(missing).rejects.toMatchObject({ code: 'PLATFORM_NOT_FOUND' });
    await expect(missing).rejects.toThrow(/linux\/amd64/);
  });

  it('keeps a single-platform pin on a tag that is now a single manifest', async () => {
    const before = await pushImage(registry, 'target/single', '1', { platform: 'linux/arm64/v8', seed: 'a' });
    const after = await pushImage(registry, 'target/single', '1', { platform: 'linux/arm64/v8', seed: 'b' });
    const target = await resolveTargetDigest(client, ref(`target/single:1@${before.digest}`));
    expect(target.digest).toBe(after.digest);
  });

  it('refuses a digest-only reference: there is no tag to follow', async () => {
    const index = await pushIndex(registry, 'target/digest-only', '1', platforms);
    const error = resolveTargetDigest(client, ref(`target/digest-only@${index.digest}`));
    await expect(error).rejects.toMatchObject({ code: 'DIGEST_ONLY' });
    expect(proxy.count()).toBe(0);
  });
});
