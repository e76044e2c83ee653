import { parseMirrorUrl, type Mirror } from '../../src/config/values.ts';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import {
  fixtureDigest,
  HUB,
  HUB_TOKEN,
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

describe('mirrors', () => {
  it('asks the mirror first and does not contact Docker Hub when it answers', async () => {
    nock('https://mirror.gcr.io')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, ok);
    const { client } = testClient({ mirrors: { 'docker.io': [mirror('https://mirror.gcr.io')] } });
    expect(await client.resolveTag(alpine)).toEqual({ digest: indexDigest, mediaType: OCI_INDEX });
    expect(client.stats()).toEqual({ ping: 1, token: 0, head: 1, get: 0, mirror: 2, retries: 0 });
  });

  it.each([
    ['a 404', (scope: nock.Scope) => scope.head('/v2/library/alpine/manifests/3.20').reply(404)],
    [
      'a 500 after retries',
      (scope: nock.Scope) => scope.head('/v2/library/alpine/manifests/3.20').times(2).reply(500),
    ],
    [
      'a connection reset',
      (scope: nock.Scope) =>
        scope
          .head('/v2/library/alpine/manifests/3.20')
          .times(2)
          .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
    ],
  ])('falls back to the upstream on %s', async (_label, fail) => {
    fail(nock('https://mirror.gcr.io').get('/v2/').reply(200, {}));
    hubAnonymousAuth(['library/alpine']);
    nock(HUB, { reqheaders: { authorization: `Bearer ${HUB_TOKEN}` } })
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(indexDigest, OCI_INDEX));
    const { client, logs } = testClient({
      mirrors: { 'docker.io': [mirror('https://mirror.gcr.io')] },
      maxRetries: 1,
    });
    expect((await client.resolveTag(alpine)).digest).toBe(indexDigest);
    expect(logs.join('\n')).toContain('mirror mirror.gcr.io failed for docker.io/library/alpine');
  });

  it('uses plain http for an http:// mirror, and pings each host once for many references', async () => {
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
    expect(client.stats()).toMatchObject({ ping: 1, head: 2, mirror: 3 });
  });

  it('reports the upstream error when every source fails', async () => {
    nock('https://mirror.gcr.io')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/library/alpine/manifests/3.99')
      .reply(404);
    hubAnonymousAuth(['library/alpine']);
    nock(HUB).head('/v2/library/alpine/manifests/3.99').reply(404);
    const { client } = testClient({ mirrors: { 'docker.io': [mirror('https://mirror.gcr.io')] } });
    const error = await registryErrorOf(client.resolveTag(parseImageReference('alpine:3.99')));
    expect(error.message).toContain('HEAD registry-1.docker.io/library/alpine:3.99');
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
    const { client } = testClient();
    const error = await registryErrorOf(client.resolveTag(parseImageReference('registry.lan:5000/app:1')));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(error.message).toContain('https://registry.lan:5000/v2/');
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
