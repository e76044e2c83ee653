import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import {
  ACCEPT_ALL,
  fixture,
  fixtureDigest,
  HUB,
  HUB_AUTH,
  HUB_CHALLENGE,
  HUB_TOKEN,
  hubAnonymousAuth,
  hubHeaders,
  OCI_INDEX,
  registryErrorOf,
  testClient,
  useNock,
} from './helpers.ts';

useNock();

const alpineIndex = fixtureDigest('alpine-new.index.json');

describe('Docker Hub, anonymous bearer', () => {
  it('pings, fetches an anonymous token for the repository, and HEADs once', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB, { reqheaders: { authorization: `Bearer ${HUB_TOKEN}`, accept: ACCEPT_ALL } })
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX));
    const { client, secrets } = testClient();

    const head = await client.resolveTag(parseImageReference('alpine:3.20'));

    expect(head).toEqual({ digest: alpineIndex, mediaType: OCI_INDEX });
    expect(client.stats()).toEqual({
      ping: 1,
      token: 1,
      head: 1,
      get: 0,
      mirror: 0,
      retries: 0,
      dockerHubPulls: 0,
    });
    expect(secrets).toContain(HUB_TOKEN);
  });

  it('reuses the cached token for other tags of the repository, pings once, and asks per repository', async () => {
    hubAnonymousAuth(['library/alpine', 'library/node']);
    nock(HUB, { reqheaders: { authorization: `Bearer ${HUB_TOKEN}` } })
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX))
      .head('/v2/library/alpine/manifests/3.19')
      .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX))
      .head('/v2/library/node/manifests/22')
      .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX));
    const { client } = testClient();

    await Promise.all(
      ['alpine:3.20', 'alpine:3.19', 'node:22'].map((text) => client.resolveTag(parseImageReference(text))),
    );

    expect(client.stats()).toMatchObject({ ping: 1, token: 2, head: 3 });
  });

  it('asks again once a token has expired', async () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
    try {
      hubAnonymousAuth(['library/alpine']);
      nock(HUB_AUTH)
        .get('/token')
        .query({ service: 'registry.docker.io', scope: 'repository:library/alpine:pull' })
        .reply(200, { token: 'second' });
      nock(HUB)
        .head('/v2/library/alpine/manifests/a')
        .matchHeader('authorization', `Bearer ${HUB_TOKEN}`)
        .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX))
        .head('/v2/library/alpine/manifests/b')
        .matchHeader('authorization', 'Bearer second')
        .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX));
      const { client } = testClient();
      await client.resolveTag(parseImageReference('alpine:a'));
      now.mockReturnValue(1_000_000 + 300_000); // expires_in: 300
      await client.resolveTag(parseImageReference('alpine:b'));
      expect(client.stats().token).toBe(2);
    } finally {
      now.mockRestore();
    }
  });

  it('refreshes the token once on a 401, then reports the 401 with the registry code', async () => {
    hubAnonymousAuth(['library/alpine', 'library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(401, undefined, {
        'www-authenticate': `${HUB_CHALLENGE},scope="repository:library/alpine:pull"`,
      })
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX));
    const { client } = testClient();
    expect((await client.resolveTag(parseImageReference('alpine:3.20'))).digest).toBe(alpineIndex);
    expect(client.stats()).toMatchObject({ token: 2, head: 2 });

    hubAnonymousAuth(['library/secret', 'library/secret']);
    nock(HUB)
      .get('/v2/library/secret/manifests/1')
      .times(2)
      .reply(401, fixture('denied.json'), { 'www-authenticate': HUB_CHALLENGE });
    const other = testClient().client;
    const error = await registryErrorOf(other.fetchManifest(parseImageReference('secret:1'), '1'));
    expect(error).toMatchObject({ status: 401, code: 'DENIED', retryable: false });
    expect(error.message).toContain('requested access to the resource is denied');
  });
});

describe('combined-scope tokens (prepare)', () => {
  const refs = ['alpine:3.20', 'node:22', 'redis:7'].map(parseImageReference);
  const scopes = ['library/alpine', 'library/node', 'library/redis'].map((r) => `repository:${r}:pull`);

  it('asks one token for every repository of the host, then no more', async () => {
    nock(HUB).get('/v2/').reply(401, '', { 'www-authenticate': HUB_CHALLENGE });
    nock(HUB_AUTH)
      .get('/token')
      .query({ service: 'registry.docker.io', scope: scopes })
      .reply(200, { token: 'combined', expires_in: 300 });
    const head = nock(HUB, { reqheaders: { authorization: 'Bearer combined' } });
    for (const ref of refs) {
      head
        .head(`/v2/${ref.path}/manifests/${ref.tag}`)
        .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX));
    }
    const { client } = testClient();
    await client.prepare!(refs);
    await Promise.all(refs.map((ref) => client.resolveTag(ref)));
    expect(client.stats()).toMatchObject({ ping: 1, token: 1, head: 3 });
  });

  it('falls back to per-repository tokens when the combined request is refused', async () => {
    nock(HUB).get('/v2/').reply(401, '', { 'www-authenticate': HUB_CHALLENGE });
    nock(HUB_AUTH)
      .get('/token')
      .query({ service: 'registry.docker.io', scope: scopes })
      .reply(400, { errors: [{ code: 'DENIED', message: 'too many scopes' }] });
    for (const scope of scopes) {
      nock(HUB_AUTH)
        .get('/token')
        .query({ service: 'registry.docker.io', scope })
        .reply(200, { token: `t-${scope}` });
    }
    const head = nock(HUB);
    for (const ref of refs) {
      head
        .head(`/v2/${ref.path}/manifests/${ref.tag}`)
        .matchHeader('authorization', `Bearer t-repository:${ref.path}:pull`)
        .reply(200, undefined, hubHeaders(alpineIndex, OCI_INDEX));
    }
    const { client, logs } = testClient();
    await client.prepare!(refs);
    await Promise.all(refs.map((ref) => client.resolveTag(ref)));
    expect(client.stats()).toMatchObject({ ping: 1, token: 4, head: 3 });
    expect(logs.join('\n')).toContain('asking per repository');
  });
});

describe('other registries', () => {
  it('GHCR: builds the scope itself instead of the placeholder in the challenge', async () => {
    const token = JSON.parse(fixture('ghcr-token.json').toString()).token as string;
    nock('https://ghcr.io')
      .get('/v2/')
      .reply(
        401,
        { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
        {
          'www-authenticate':
            'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull"',
        },
      )
      .get('/token')
      .query({ service: 'ghcr.io', scope: 'repository:owner/app:pull' })
      .reply(200, fixture('ghcr-token.json'))
      .head('/v2/owner/app/manifests/v1')
      .matchHeader('authorization', `Bearer ${token}`)
      .reply(200, undefined, { 'content-type': OCI_INDEX, 'docker-content-digest': alpineIndex });
    const { client } = testClient();
    expect((await client.resolveTag(parseImageReference('ghcr.io/owner/app:v1'))).digest).toBe(alpineIndex);
  });

  it('ECR-style Basic: sends the credentials to the registry itself, no token request', async () => {
    const host = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    const basic = `Basic ${Buffer.from('AWS:ecr-password').toString('base64')}`;
    nock(`https://${host}`)
      .get('/v2/')
      .reply(
        401,
        { errors: [{ code: 'DENIED', message: 'Not Authorized' }] },
        {
          'www-authenticate': `Basic realm="https://${host}/",service="ecr.amazonaws.com"`,
        },
      )
      .head('/v2/team/api/manifests/prod')
      .matchHeader('authorization', basic)
      .reply(200, undefined, { 'content-type': OCI_INDEX, 'docker-content-digest': alpineIndex });
    const { client, secrets } = testClient({
      credentials: { [host]: { username: 'AWS', password: 'ecr-password' } },
    });
    expect((await client.resolveTag(parseImageReference(`${host}/team/api:prod`))).digest).toBe(alpineIndex);
    expect(client.stats()).toMatchObject({ ping: 1, token: 0, head: 1 });
    expect(secrets).toEqual(expect.arrayContaining(['ecr-password', basic.slice('Basic '.length)]));
  });

  it('Quay-style bearer with credentials: Basic on the token request only', async () => {
    const token = JSON.parse(fixture('quay-token.json').toString()).token as string;
    nock('https://quay.io')
      .get('/v2/')
      .reply(401, '', { 'www-authenticate': 'Bearer realm="https://quay.io/v2/auth",service="quay.io"' })
      .get('/v2/auth')
      .query({ service: 'quay.io', scope: 'repository:coreos/etcd:pull' })
      .matchHeader('authorization', `Basic ${Buffer.from('robot+ci:quay-secret').toString('base64')}`)
      .reply(200, fixture('quay-token.json'))
      .head('/v2/coreos/etcd/manifests/v3.5.17')
      .matchHeader('authorization', `Bearer ${token}`)
      .reply(200, undefined, { 'content-type': OCI_INDEX, 'docker-content-digest': alpineIndex });
    const { client, secrets } = testClient({
      credentials: { 'quay.io': { username: 'robot+ci', password: 'quay-secret' } },
    });
    expect((await client.resolveTag(parseImageReference('quay.io/coreos/etcd:v3.5.17'))).digest).toBe(
      alpineIndex,
    );
    expect(secrets).toEqual(expect.arrayContaining(['quay-secret', token]));
  });

  it('accepts `access_token` when the reply has no `token`', async () => {
    nock('https://registry.example')
      .get('/v2/')
      .reply(401, '', { 'www-authenticate': 'Bearer realm="https://auth.registry.example/oauth2/token"' })
      .head('/v2/app/manifests/1')
      .matchHeader('authorization', 'Bearer oauth-access-token-for-identity')
      .reply(200, undefined, { 'content-type': OCI_INDEX, 'docker-content-digest': alpineIndex });
    nock('https://auth.registry.example')
      .get('/oauth2/token')
      .query({ scope: 'repository:app:pull' })
      .reply(200, fixture('oauth-token.json'));
    const { client } = testClient();
    expect((await client.resolveTag(parseImageReference('registry.example/app:1'))).digest).toBe(alpineIndex);
  });
});

describe('realm validation', () => {
  it.each([
    ['cloud metadata IPv4', 'http://169.254.169.254/latest/meta-data/'],
    ['cloud metadata over https', 'https://169.254.169.254/token'],
    ['link-local IPv4', 'https://169.254.10.1/token'],
    ['GCE metadata', 'https://metadata.google.internal/token'],
    ['link-local IPv6', 'https://[fe80::1]/token'],
    ['EC2 IPv6 metadata', 'https://[fd00:ec2::254]/token'],
    ['plain http on a secure registry', 'http://auth.evil.example/token'],
    ['not http', 'file:///etc/passwd'],
  ])('refuses a realm on %s', async (_label, realm) => {
    nock('https://registry.example')
      .get('/v2/')
      .reply(401, '', { 'www-authenticate': `Bearer realm="${realm}",service="registry.example"` });
    const { client } = testClient();
    const error = await registryErrorOf(client.resolveTag(parseImageReference('registry.example/app:1')));
    expect(error.code).toBe('UNSAFE_URL');
    expect(client.stats().token).toBe(0);
  });

  it('refuses a registry host on a metadata address without contacting it', async () => {
    const { client } = testClient({ insecureRegistries: ['169.254.169.254'] });
    const error = await registryErrorOf(client.resolveTag(parseImageReference('169.254.169.254/app:1')));
    expect(error.code).toBe('UNSAFE_URL');
    expect(client.stats().ping).toBe(0);
  });
});
