import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import { bareRebuild, regclientV2toV3 } from '../support/changelog-scenarios.ts';
import {
  HUB,
  hubAnonymousAuth,
  hubHeaders,
  OCI_INDEX,
  registryErrorOf,
  testClient,
  useNock,
} from './helpers.ts';

useNock();

const GHCR = 'https://ghcr.example.org';
const ref = parseImageReference('ghcr.example.org/team/app:v3');
const { repo, from: v2 } = regclientV2toV3();
const fallbackTag = v2.replace(':', '-');
const fallbackIndex = repo.manifests.get(repo.tags.get(fallbackTag)!)!;
const fallbackBytes = Buffer.from(fallbackIndex.bytes);

function open(): nock.Scope {
  return nock(GHCR).get('/v2/').reply(200, {});
}

describe('tags list', () => {
  it('reads one page of n=100 and says when there are more; malformed names are dropped', async () => {
    open()
      .get('/v2/team/app/tags/list')
      .query({ n: '100' })
      .reply(
        200,
        { name: 'team/app', tags: ['v1', 'v2', 'bad tag\n', 'v3'] },
        { link: '</v2/team/app/tags/list?n=100&last=v3>; rel="next"' },
      );
    const { client } = testClient();
    expect(await client.listTags!(ref)).toEqual({ tags: ['v1', 'v2', 'v3'], more: true });
  });

  it('a reply that is not a tag list is an error', async () => {
    open().get('/v2/team/app/tags/list').query(true).reply(200, { repositories: [] });
    const { client } = testClient();
    expect((await registryErrorOf(client.listTags!(ref))).code).toBe('BAD_RESPONSE');
  });
});

describe('referrers', () => {
  it('the referrers API answers with an index of artifacts', async () => {
    open().get(`/v2/team/app/referrers/${v2}`).reply(200, fallbackBytes, { 'content-type': OCI_INDEX });
    const { client } = testClient();
    const referrers = await client.fetchReferrers!(ref, v2);
    expect(referrers.map((r) => r.artifactType)).toEqual([
      'application/example.sbom',
      'application/example.signature',
    ]);
  });

  it('a 404 falls back to the sha256-<hex> tag, read verified (regclient testrepo); off Docker Hub without a HEAD first', async () => {
    open()
      .get(`/v2/team/app/referrers/${v2}`)
      .reply(404, { errors: [{ code: 'NOT_FOUND', message: 'not found' }] })
      .get(`/v2/team/app/manifests/${fallbackTag}`)
      .reply(200, fallbackBytes, {
        'docker-content-digest': fallbackIndex.digest,
        'content-type': OCI_INDEX,
      });
    const { client } = testClient();
    expect(await client.fetchReferrers!(ref, v2)).toHaveLength(2);
  });

  it('no API and no fallback tag: no referrers', async () => {
    open()
      .get(`/v2/team/app/referrers/${v2}`)
      .reply(404)
      .get(`/v2/team/app/manifests/${fallbackTag}`)
      .reply(404);
    const { client } = testClient();
    expect(await client.fetchReferrers!(ref, v2)).toEqual([]);
    expect(client.stats()).toMatchObject({ head: 0, get: 2 });
  });

  it('after one 404 the registry is known to lack the API: later lookups, even concurrent ones, ask only the tag', async () => {
    const digests = [1, 2, 3].map((n) => `sha256:${String(n).repeat(64)}`);
    const scope = open()
      .get(/\/v2\/team\/app\/referrers\//)
      .once()
      .reply(404);
    for (const digest of digests) scope.get(`/v2/team/app/manifests/${digest.replace(':', '-')}`).reply(404);
    const { client } = testClient();
    expect(await Promise.all(digests.map((digest) => client.fetchReferrers!(ref, digest)))).toEqual([
      [],
      [],
      [],
    ]);
  });

  it('a complete page of tags without the fallback tag: nothing more is asked', async () => {
    open().get(`/v2/team/app/referrers/${v2}`).reply(404);
    const { client } = testClient();
    expect(await client.fetchReferrers!(ref, v2, { tags: { tags: ['v2', 'v3'], more: false } })).toEqual([]);
    expect(client.stats().get).toBe(1);
  });

  it('on Docker Hub the fallback tag is found by HEAD, so a missing one costs no pull', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .get(`/v2/library/alpine/referrers/${v2}`)
      .reply(404)
      .head(`/v2/library/alpine/manifests/${fallbackTag}`)
      .reply(404);
    const { client } = testClient();
    expect(await client.fetchReferrers!(parseImageReference('alpine:3.20'), v2)).toEqual([]);
    expect(client.stats()).toMatchObject({ head: 1, dockerHubPulls: 0 });
  });
});

describe('Docker Hub pull budget', () => {
  it('the client reports the pulls left that Docker Hub last announced', async () => {
    hubAnonymousAuth(['library/alpine']);
    const digest = `sha256:${'a'.repeat(64)}`;
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(digest, OCI_INDEX, 42));
    const { client } = testClient();
    expect(client.dockerHubPullsLeft!()).toBeUndefined();
    await client.resolveTag(parseImageReference('alpine:3.20'));
    expect(client.dockerHubPullsLeft!()).toBe(42);
  });

  it('counts pulls under way: two GETs sent side by side are known before Docker Hub answers them', async () => {
    hubAnonymousAuth(['library/alpine']);
    const { repo: hub, from, to } = bareRebuild();
    const bytesOf = (digest: string) => Buffer.from(hub.manifests.get(digest)!.bytes);
    // Both GETs are held until the test releases them: the count is read while they are under way, by order.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = (digest: string) => async () => {
      await released;
      return [200, bytesOf(digest), hubHeaders(digest, OCI_INDEX, 41)] as const;
    };
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(to, OCI_INDEX, 42))
      .get(`/v2/library/alpine/manifests/${from}`)
      .reply(held(from))
      .get(`/v2/library/alpine/manifests/${to}`)
      .reply(held(to));
    const { client } = testClient();
    const alpine = parseImageReference('alpine:3.20');
    await client.resolveTag(alpine);
    const pulls = Promise.all([client.fetchManifest(alpine, from), client.fetchManifest(alpine, to)]);
    // Before either answer (both held): 42 announced, 2 under way.
    await vi.waitFor(() => expect(client.dockerHubPullsLeft!()).toBe(40));
    release();
    await pulls;
    // Answered: what Docker Hub says now, nothing under way.
    expect(client.dockerHubPullsLeft!()).toBe(41);
  });
});
