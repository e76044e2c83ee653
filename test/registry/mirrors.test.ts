import { parseMirrorUrl, type Mirror } from '../../src/config/values.ts';
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

const alpine = parseImageReference('alpine:3.20');
const indexDigest = fixtureDigest('alpine-new.index.json');
/** A mirror as the settings parse it. */
function mirror(url: string): Mirror {
  const parsed = parseMirrorUrl(url);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.value;
}

const ok = { 'content-type': OCI_INDEX, 'docker-content-digest': indexDigest };

const hubDown = () =>
  nock(HUB)
    .get('/v2/')
    .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
const mirrored = { mirrors: { 'docker.io': [mirror('https://mirror.gcr.io')] } };

describe('mirrors', () => {
  it('resolves tags on the registry itself: a mirror is never asked for a tag the registry answers', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(indexDigest, OCI_INDEX));
    const { client } = testClient(mirrored);
    expect(await client.resolveTag(alpine)).toEqual({ digest: indexDigest, mediaType: OCI_INDEX });
    expect(client.stats()).toMatchObject({ ping: 1, head: 1, mirror: 0 });
  });

  it('falls back to the mirror when the registry cannot be reached, says so, and does not retry the registry', async () => {
    hubDown();
    nock('https://mirror.gcr.io')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, ok)
      .head('/v2/library/alpine/manifests/3.19')
      .reply(200, undefined, ok);
    const { client, logs } = testClient(mirrored);
    expect(await client.resolveTag(alpine)).toEqual({
      digest: indexDigest,
      mediaType: OCI_INDEX,
      fromMirror: 'mirror.gcr.io',
    });
    expect((await client.resolveTag(parseImageReference('alpine:3.19'))).fromMirror).toBe('mirror.gcr.io');
    // One connect failure for the whole run, not one per reference.
    expect(client.stats()).toMatchObject({ ping: 2, head: 2 });
    expect(logs.join('\n')).toContain('registry-1.docker.io cannot be reached');
  });

  it('names both answers when the mirror 404s and the registry is unreachable, in one line', async () => {
    hubDown();
    nock('https://mirror.gcr.io')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/library/alpine/manifests/3.99')
      .reply(404)
      .head('/v2/library/alpine/manifests/3.98')
      .reply(404);
    const { client } = testClient(mirrored);

    const error = await registryErrorOf(client.resolveTag(parseImageReference('alpine:3.99')));

    expect(error.message).toMatch(
      /^upstream registry-1\.docker\.io: connection refused by registry-1\.docker\.io; mirror mirror\.gcr\.io: tag 3\.99 not found in mirror\.gcr\.io\/library\/alpine$/,
    );
    expect(error.message).not.toContain('\n');
    // The mirror's answer keeps its code: the reference fails as not found, unconfirmed by the registry.
    expect(error).toMatchObject({ status: 404, code: 'MANIFEST_UNKNOWN' });

    // The registry is not asked again; the error still says what it answered, and when.
    const next = await registryErrorOf(client.resolveTag(parseImageReference('alpine:3.98')));
    expect(next.message).toMatch(
      /^upstream registry-1\.docker\.io: connection refused by registry-1\.docker\.io, earlier in this run; mirror mirror\.gcr\.io: tag 3\.98 not found/,
    );
  });

  it('names every source tried for content by digest: two mirrors, then the registry', async () => {
    const second = mirror('https://mirror.example');
    nock('https://mirror.gcr.io')
      .get('/v2/')
      .reply(200, {})
      .get(`/v2/library/gone/manifests/${indexDigest}`)
      .reply(404);
    nock('https://mirror.example')
      .get('/v2/')
      .replyWithError(
        Object.assign(new Error('getaddrinfo ENOTFOUND mirror.example'), { code: 'ENOTFOUND' }),
      );
    hubAnonymousAuth(['library/gone']);
    nock(HUB)
      .get(`/v2/library/gone/manifests/${indexDigest}`)
      .reply(404, { errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] });
    const { client } = testClient({ mirrors: { 'docker.io': [mirror('https://mirror.gcr.io'), second] } });

    const error = await registryErrorOf(client.fetchManifest(parseImageReference('gone:1'), indexDigest));

    const parts = error.message.split('; ');
    expect(parts).toHaveLength(3);
    expect(parts[0]).toBe('mirror mirror.gcr.io: not found in mirror.gcr.io/library/gone');
    expect(parts[1]).toBe('mirror mirror.example: host not found: mirror.example');
    expect(parts[2]).toBe('upstream registry-1.docker.io: not found in registry-1.docker.io/library/gone');
  });

  it.each([
    ['a 404', 404],
    ['a 401', 401],
  ])(
    'does not ask the mirror when the registry answers %s: a stale mirror must not decide',
    async (_l, status) => {
      hubAnonymousAuth(['library/alpine']);
      nock(HUB).head('/v2/library/alpine/manifests/3.99').reply(status);
      const { client } = testClient(mirrored);
      const error = await registryErrorOf(client.resolveTag(parseImageReference('alpine:3.99')));
      expect(error.status).toBe(status);
      expect(error.message).toContain('HEAD registry-1.docker.io/library/alpine:3.99');
      expect(client.stats().mirror).toBe(0);
    },
  );

  it('reads content by digest from the mirror first, and from the registry when the mirror fails', async () => {
    const bytes = fixture('alpine-new.index.json');
    nock('https://mirror.gcr.io')
      .get('/v2/')
      .reply(200, {})
      .get(`/v2/library/alpine/manifests/${indexDigest}`)
      .reply(200, bytes, ok)
      .get(`/v2/library/other/manifests/${indexDigest}`)
      .reply(404);
    hubAnonymousAuth(['library/other']);
    nock(HUB)
      .get(`/v2/library/other/manifests/${indexDigest}`)
      .reply(200, bytes, hubHeaders(indexDigest, OCI_INDEX));
    const { client, logs } = testClient(mirrored);
    expect((await client.fetchManifest(alpine, indexDigest)).digest).toBe(indexDigest);
    expect((await client.fetchManifest(parseImageReference('other:1'), indexDigest)).digest).toBe(
      indexDigest,
    );
    expect(logs.join('\n')).toContain('mirror.gcr.io failed for docker.io/library/other');
    expect(client.stats().dockerHubPulls).toBe(1);
  });

  it('uses plain http for an http:// mirror, and pings each host once for many references', async () => {
    hubDown();
    nock('http://localhost:5001')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, ok)
      .head('/v2/library/alpine/manifests/3.19')
      .reply(200, undefined, ok);
    const { client } = testClient({ mirrors: { 'docker.io': [mirror('http://localhost:5001')] } });
    await client.resolveTag(alpine);
    await client.resolveTag(parseImageReference('alpine:3.19'));
    expect(client.stats()).toMatchObject({ ping: 2, head: 2, mirror: 3 });
  });

  it('asks a mirror with a path prefix for the prefixed repository', async () => {
    const bytes = fixture('alpine-new.index.json');
    nock('https://artifactory.example')
      .get('/v2/')
      .reply(200, {})
      .get(`/v2/docker-remote/library/alpine/manifests/${indexDigest}`)
      .reply(200, bytes, ok);
    const { client } = testClient({
      mirrors: { 'docker.io': [mirror('https://artifactory.example/docker-remote/')] },
    });
    expect((await client.fetchManifest(alpine, indexDigest)).digest).toBe(indexDigest);
  });

  it.each([
    'https://mirror.example/?x=1',
    'https://user:pw@mirror.example',
    'https://mirror.example/Upper',
    'https://mirror.example/a//b',
    'ftp://mirror.example',
  ])('refuses the mirror URL %s', (url) => {
    expect(parseMirrorUrl(url)).toHaveProperty('problem');
  });

  it('keeps a path prefix, without slashes at either end', () => {
    expect(parseMirrorUrl('https://harbor.corp/dockerhub-proxy/')).toEqual({
      value: {
        host: 'harbor.corp',
        url: 'https://harbor.corp/dockerhub-proxy',
        plainHttp: false,
        prefix: 'dockerhub-proxy',
      },
    });
  });
});

describe('registry aliases', () => {
  it('asks the alias, with its path prefix, and never the registry', async () => {
    nock('https://harbor.corp')
      .get('/v2/')
      .reply(401, '', {
        'www-authenticate': 'Bearer realm="https://harbor.corp/service/token",service="harbor"',
      })
      .head('/v2/dockerhub-proxy/library/alpine/manifests/3.20')
      .matchHeader('authorization', 'Bearer h')
      .reply(200, undefined, ok);
    nock('https://harbor.corp')
      .get('/service/token')
      .query({ service: 'harbor', scope: 'repository:dockerhub-proxy/library/alpine:pull' })
      .reply(200, { token: 'h' });
    const { client } = testClient({
      registryAliases: { 'docker.io': mirror('https://harbor.corp/dockerhub-proxy') },
      mirrors: { 'docker.io': [mirror('https://mirror.gcr.io')] },
    });
    // Not from a mirror: the alias is the registry for this run.
    expect(await client.resolveTag(alpine)).toEqual({ digest: indexDigest, mediaType: OCI_INDEX });
  });
});

describe('insecure (plain http) registries', () => {
  it.each(['localhost:5000', '127.0.0.1:5000'])(
    '%s listed insecure: https fails, http is used, with a loopback http token realm',
    async (host) => {
      // No https interceptor: with net connect disabled the https probe fails like a TLS error would.
      nock(`http://${host}`)
        .get('/v2/')
        .reply(401, '', {
          'www-authenticate': `Bearer realm="http://${host.replace('5000', '5001')}/auth",service="local"`,
        })
        .head('/v2/app/manifests/1')
        .matchHeader('authorization', 'Bearer local-token')
        .reply(200, undefined, ok);
      nock(`http://${host.replace('5000', '5001')}`)
        .get('/auth')
        .query({ service: 'local', scope: 'repository:app:pull' })
        .reply(200, { token: 'local-token' });
      const { client } = testClient({ insecureRegistries: [host] });
      expect((await client.resolveTag(parseImageReference(`${host}/app:1`))).digest).toBe(indexDigest);
      expect(client.stats()).toMatchObject({ ping: 2, retries: 0, token: 1, head: 1 });
    },
  );

  it.each(['localhost:5000', '127.0.0.1:5000'])(
    '%s not listed: loopback may answer plain http, as dockerd and crane allow',
    async (host) => {
      nock(`http://${host}`).get('/v2/').reply(200).head('/v2/app/manifests/1').reply(200, undefined, ok);
      const { client } = testClient();
      expect((await client.resolveTag(parseImageReference(`${host}/app:1`))).digest).toBe(indexDigest);
    },
  );

  it('does not fall back to http for a non-loopback registry that is not listed insecure', async () => {
    const { client, logs } = testClient();
    const error = await registryErrorOf(client.resolveTag(parseImageReference('registry.lan:5000/app:1')));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR', unreachable: 'registry.lan:5000' });
    expect(logs.join('\n')).not.toContain('plain http');
  });

  it('lets a registry listed insecure name a plain http realm', async () => {
    nock('http://registry.lan:5000')
      .get('/v2/')
      .reply(401, '', { 'www-authenticate': 'Bearer realm="http://auth.lan/token"' })
      .head('/v2/app/manifests/1')
      .reply(200, undefined, ok);
    nock('http://auth.lan').get('/token').query({ scope: 'repository:app:pull' }).reply(200, { token: 't' });
    const { client } = testClient({ insecureRegistries: ['registry.lan:5000'] });
    expect((await client.resolveTag(parseImageReference('registry.lan:5000/app:1'))).digest).toBe(
      indexDigest,
    );
  });
});
