import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pinningForChangelogs } from '../../src/changelog/changelogs.ts';
import { createChangelogCollector } from '../../src/changelog/collect.ts';
import { parseMirrorUrl } from '../../src/config/values.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { createRegistryClient, type RegistryOptions } from '../../src/registry/index.ts';
import { resolveTargetDigest } from '../../src/resolve/target-digest.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { MediaType } from '../support/image-content.ts';
import { pushIndex, type PushedIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// A tag HEAD's digest is written only once the registry has shown it serves it. When a changelog
// follows, the new index it reads by GET (verified bytes, cached for the run) is that showing, so pinning
// with a changelog asks for nothing twice; a mirror's bytes never are. Real registries behind counting proxies.

const platforms = ['linux/amd64', 'linux/arm64'];

describe('the changelog’s index GETs confirm the pin', () => {
  let upstream: RunningRegistry;
  let proxy: CountingProxy;
  let mirrorRegistry: RunningRegistry;
  let mirror: CountingProxy;
  let older: PushedIndex;
  let current: PushedIndex;
  let mirrorOnly: PushedIndex;

  beforeAll(async () => {
    upstream = await startRegistry({ auth: 'none' });
    proxy = await startCountingProxy(upstream);
    mirrorRegistry = await startRegistry({ auth: 'none' });
    mirror = await startCountingProxy(mirrorRegistry);
    older = await pushIndex(upstream, 'app/x', '1', platforms, { seed: 'older' });
    current = await pushIndex(upstream, 'app/x', '1', platforms, { seed: 'current' });
    // The mirror holds the same current index, and one index the registry never had.
    expect((await pushIndex(mirrorRegistry, 'app/x', '1', platforms, { seed: 'current' })).digest).toBe(
      current.digest,
    );
    mirrorOnly = await pushIndex(mirrorRegistry, 'app/x', 'm', platforms, { seed: 'mirror-only' });
  });
  afterAll(async () => {
    await Promise.all([proxy?.stop(), mirror?.stop()]);
    await Promise.all([upstream?.stop(), mirrorRegistry?.stop()]);
  });
  beforeEach(() => {
    proxy.reset();
    mirror.reset();
  });

  const client = (options: RegistryOptions = {}) =>
    createRegistryClient({ insecureRegistries: [proxy.host, mirror.host], maxRetries: 0, ...options });
  const withMirror = (): RegistryOptions => {
    const parsed = parseMirrorUrl(mirror.url);
    if ('problem' in parsed) throw new Error(parsed.problem);
    return { mirrors: { [proxy.host]: [parsed.value] } };
  };
  const ref = (text: string) => parseImageReference(`${proxy.host}/app/x:${text}`);

  /** Pin `written`, then collect its changelog, as a run with changelogs does. */
  async function pinWithChangelog(written: string, options: RegistryOptions = {}) {
    const pinning = pinningForChangelogs(client(options));
    const target = await resolveTargetDigest(pinning.registry, ref(written), {
      fetchesDigests: pinning.fetchesDigests,
    });
    const facts = await createChangelogCollector({ client: pinning.registry }).collect({
      ref: ref(written),
      image: 'app/x:1',
      from: older.digest,
      to: target.digest,
      toMediaType: target.mediaType,
    });
    return { target, facts };
  }

  /** Tags and digests asked for (the SBOM search's `sha256-…` artifact tags left out). */
  const manifestRequests = (method: string) =>
    proxy.requests
      .filter((r) => r.method === method && r.path.includes('/manifests/'))
      .map((r) => r.path.slice(r.path.lastIndexOf('/') + 1))
      .filter((asked) => !asked.startsWith('sha256-'));

  it('costs the tag HEAD and the two index GETs the changelog needs, and no HEAD by digest', async () => {
    const { target, facts } = await pinWithChangelog(`1@${older.digest}`);
    expect(target).toEqual({ digest: current.digest, mediaType: MediaType.ociIndex });
    expect(facts.platforms?.changed).toEqual(['linux/amd64', 'linux/arm64']);
    expect(manifestRequests('HEAD')).toEqual(['1']);
    const gets = manifestRequests('GET');
    expect(gets).toEqual(expect.arrayContaining([older.digest, current.digest]));
    expect(new Set(gets).size).toBe(gets.length);
  });

  it('without a changelog the HEADs stay: the tag, the old pin’s kind, the new digest', async () => {
    await resolveTargetDigest(pinningForChangelogs(client()).registry, ref(`1@${older.digest}`));
    expect(manifestRequests('HEAD')).toEqual(['1', older.digest, current.digest]);
    expect(manifestRequests('GET')).toEqual([]);
  });

  it.each([
    ['a digest the registry does not have', () => `sha256:${'7'.repeat(64)}`],
    ['a child manifest of the tag', () => current.children[0]!.digest],
    ['a digest only the mirror serves', () => mirrorOnly.digest],
  ])('a tag HEAD naming %s pins nothing, even with the mirror’s bytes at hand', async (_label, lie) => {
    proxy.inject({
      path: '/v2/app/x/manifests/1',
      method: 'HEAD',
      times: 1,
      action: { kind: 'rewrite-headers', headers: { 'Docker-Content-Digest': lie() } },
    });
    const result = await pinWithChangelog('1', withMirror()).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(result).toMatchObject({ code: 'UNCONFIRMED_DIGEST' });
    expect((result as Error).message).toContain(lie());
  });

  it('a new index the mirror served is confirmed by a HEAD on the registry', async () => {
    const { target } = await pinWithChangelog('1', withMirror());
    expect(target.digest).toBe(current.digest);
    expect(mirror.count({ method: 'GET', path: `/v2/app/x/manifests/${current.digest}` })).toBe(1);
    expect(manifestRequests('HEAD')).toEqual(['1', current.digest]);
  });
});
