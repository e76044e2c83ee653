import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import {
  fixture,
  fixtureDigest,
  HUB,
  HUB_AUTH,
  HUB_CHALLENGE,
  OCI_INDEX,
  registryErrorOf,
  testClient,
  useNock,
} from './helpers.ts';
import { testDir } from '../support/temp-dir.ts';

useNock();

const indexDigest = fixtureDigest('alpine-new.index.json');
const ok = { 'content-type': OCI_INDEX, 'docker-content-digest': indexDigest };
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

function configDir(config: unknown): string {
  const dir = testDir('docker');
  writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

/** A Basic-auth registry that expects exactly `authorization` on the HEAD. */
function basicRegistry(host: string, authorization: string) {
  nock(`https://${host}`)
    .get('/v2/')
    .reply(401, '', { 'www-authenticate': `Basic realm="${host}"` })
    .head('/v2/team/app/manifests/1')
    .matchHeader('authorization', authorization)
    .reply(200, undefined, ok);
}

describe('docker config.json auths', () => {
  it.each([
    ['`auth` (base64 user:pass)', { auth: Buffer.from('bob:s3cret').toString('base64') }, 'registry.example'],
    ['`username`/`password`', { username: 'bob', password: 's3cret' }, 'registry.example'],
    ['a key with scheme and path', { username: 'bob', password: 's3cret' }, 'https://registry.example/v1/'],
  ])('reads %s', async (_label, entry, key) => {
    basicRegistry('registry.example', basic('bob', 's3cret'));
    const { client, secrets } = testClient({ dockerConfigDir: configDir({ auths: { [key]: entry } }) });
    expect((await client.resolveTag(parseImageReference('registry.example/team/app:1'))).digest).toBe(
      indexDigest,
    );
    expect(secrets).toContain('s3cret');
  });

  it('uses Docker Hub’s key https://index.docker.io/v1/ for docker.io, with Basic on the token request', async () => {
    nock(HUB).get('/v2/').reply(401, '', { 'www-authenticate': HUB_CHALLENGE });
    nock(HUB_AUTH)
      .get('/token')
      .query({ service: 'registry.docker.io', scope: 'repository:bob/app:pull' })
      .matchHeader('authorization', basic('bob', 'hub-pat'))
      .reply(200, fixture('dockerhub-token.json'));
    nock(HUB).head('/v2/bob/app/manifests/1').reply(200, undefined, ok);
    const dir = configDir({
      auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('bob:hub-pat').toString('base64') } },
    });
    const { client } = testClient({ dockerConfigDir: dir });
    expect((await client.resolveTag(parseImageReference('bob/app:1'))).digest).toBe(indexDigest);
  });

  it('sends an identity token as an OAuth2 refresh_token POST', async () => {
    nock('https://acr.example.io')
      .get('/v2/')
      .reply(401, '', {
        'www-authenticate': 'Bearer realm="https://acr.example.io/oauth2/token",service="acr.example.io"',
      })
      .post('/oauth2/token', {
        grant_type: 'refresh_token',
        refresh_token: 'identity-123',
        service: 'acr.example.io',
        scope: 'repository:team/app:pull',
        client_id: 'basepin',
      })
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, fixture('oauth-token.json'))
      .head('/v2/team/app/manifests/1')
      .matchHeader('authorization', 'Bearer oauth-access-token-for-identity')
      .reply(200, undefined, ok);
    const dir = configDir({ auths: { 'acr.example.io': { auth: '', identitytoken: 'identity-123' } } });
    const { client, secrets } = testClient({ dockerConfigDir: dir });
    expect((await client.resolveTag(parseImageReference('acr.example.io/team/app:1'))).digest).toBe(
      indexDigest,
    );
    expect(secrets).toEqual(
      expect.arrayContaining(['identity-123', 'oauth-access-token-for-identity', 'rotated-refresh-token']),
    );
  });

  it('explicit credentials win over config.json', async () => {
    basicRegistry('registry.example', basic('explicit', 'pw'));
    const { client } = testClient({
      dockerConfigDir: configDir({ auths: { 'registry.example': { username: 'bob', password: 's3cret' } } }),
      credentials: { 'registry.example': { username: 'explicit', password: 'pw' } },
    });
    expect((await client.resolveTag(parseImageReference('registry.example/team/app:1'))).digest).toBe(
      indexDigest,
    );
  });

  it.each([
    ['not JSON', '{"auths": {', /config\.json:1:12: is not valid JSON/],
    // The text around the error is a password: the message says where (file:line:column), never what.
    [
      'not JSON near a secret',
      '{"auths": {\n "x": {"auth": hunter2}}}',
      /config\.json:2:16: is not valid JSON \(unexpected character\)$/,
    ],
    ['a wrong shape', '{"auths": {"x": {"auth": 42}}}', /unexpected shape at auths\.x\.auth/],
  ])('a config.json that is %s is one typed error naming the file', async (_label, text, message) => {
    nock('https://registry.example').get('/v2/').reply(401, '', { 'www-authenticate': 'Basic realm="r"' });
    const dir = configDir(text);
    const { client } = testClient({ dockerConfigDir: dir });
    const error = await registryErrorOf(
      client.resolveTag(parseImageReference('registry.example/team/app:1')),
    );
    expect(error.code).toBe('DOCKER_CONFIG_INVALID');
    expect(error.message).toContain(join(dir, 'config.json'));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(error.message).not.toContain('hunter2');
  });
});

describe('credential helpers', () => {
  let savedPath: string | undefined;
  let binDir: string;

  beforeEach(() => {
    savedPath = process.env['PATH'];
    binDir = mkdtempSync(join(tmpdir(), 'basepin-helper-'));
    // A fake helper: logs the server URL it was asked about, answers per host.
    const script = `#!/bin/sh
read server
echo "$server" >> "${binDir}/asked"
case "$server" in
  registry.example) echo '{"ServerURL":"registry.example","Username":"helper-user","Secret":"helper-secret"}' ;;
  token.example) echo '{"ServerURL":"token.example","Username":"<token>","Secret":"helper-identity"}' ;;
  *) echo 'credentials not found in native keychain'; exit 1 ;;
esac
`;
    writeFileSync(join(binDir, 'docker-credential-test'), script);
    chmodSync(join(binDir, 'docker-credential-test'), 0o755);
    process.env['PATH'] = `${binDir}${delimiter}${savedPath ?? ''}`;
  });
  afterEach(() => {
    process.env['PATH'] = savedPath;
    rmSync(binDir, { recursive: true, force: true });
  });

  it('credHelpers: runs docker-credential-<name> get with the host on stdin, once per run', async () => {
    nock('https://registry.example')
      .get('/v2/')
      .reply(401, '', { 'www-authenticate': 'Basic realm="r"' })
      .head(/\/v2\/team\/app\/manifests\/[12]/)
      .times(2)
      .matchHeader('authorization', basic('helper-user', 'helper-secret'))
      .reply(200, undefined, ok);
    const dir = configDir({ credHelpers: { 'registry.example': 'test' } });
    const { client, secrets } = testClient({ dockerConfigDir: dir });
    await client.resolveTag(parseImageReference('registry.example/team/app:1'));
    await client.resolveTag(parseImageReference('registry.example/team/app:2'));
    expect(secrets).toContain('helper-secret');
    expect(readFileSync(join(binDir, 'asked'), 'utf8')).toBe('registry.example\n');
  });

  it('credsStore: a `<token>` username means an identity token', async () => {
    nock('https://token.example')
      .get('/v2/')
      .reply(401, '', {
        'www-authenticate': 'Bearer realm="https://token.example/oauth2/token",service="token.example"',
      })
      .post('/oauth2/token', (body: Record<string, string>) => body['refresh_token'] === 'helper-identity')
      .reply(200, { access_token: 'from-identity' })
      .head('/v2/team/app/manifests/1')
      .matchHeader('authorization', 'Bearer from-identity')
      .reply(200, undefined, ok);
    const { client } = testClient({ dockerConfigDir: configDir({ credsStore: 'test' }) });
    expect((await client.resolveTag(parseImageReference('token.example/team/app:1'))).digest).toBe(
      indexDigest,
    );
  });

  it('credsStore without an entry for the host: anonymous', async () => {
    nock('https://other.example', { badheaders: ['authorization'] })
      .get('/v2/')
      .reply(401, '', { 'www-authenticate': 'Bearer realm="https://other.example/token"' })
      .get('/token')
      .query({ scope: 'repository:team/app:pull' })
      .reply(200, { token: 'anon' });
    nock('https://other.example')
      .head('/v2/team/app/manifests/1')
      .matchHeader('authorization', 'Bearer anon')
      .reply(200, undefined, ok);
    const { client } = testClient({ dockerConfigDir: configDir({ credsStore: 'test' }) });
    expect((await client.resolveTag(parseImageReference('other.example/team/app:1'))).digest).toBe(
      indexDigest,
    );
  });

  it('a helper that is not installed is a typed error', async () => {
    nock('https://registry.example').get('/v2/').reply(401, '', { 'www-authenticate': 'Basic realm="r"' });
    const { client } = testClient({
      dockerConfigDir: configDir({ credHelpers: { 'registry.example': 'missing' } }),
    });
    const error = await registryErrorOf(
      client.resolveTag(parseImageReference('registry.example/team/app:1')),
    );
    expect(error.code).toBe('CREDENTIAL_HELPER_FAILED');
    expect(error.message).toContain('docker-credential-missing');
  });
});
