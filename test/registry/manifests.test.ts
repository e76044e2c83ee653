import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import {
  ACCEPT_ALL,
  DOCKER_LIST,
  fixture,
  fixtureDigest,
  HUB,
  HUB_TOKEN,
  hubAnonymousAuth,
  OCI_INDEX,
  OCI_MANIFEST,
  registryErrorOf,
  sha256,
  testClient,
  useNock,
} from './helpers.ts';

useNock();

const alpine = parseImageReference('alpine:3.20');
const indexBytes = fixture('alpine-new.index.json');
const indexDigest = fixtureDigest('alpine-new.index.json');
const tampered = Buffer.from(indexBytes.toString().replace('"amd64"', '"386"'));

describe('resolveTag: HEAD, else GET and hash the bytes', () => {
  it.each<{ label: string; head: Record<string, string>; get: Record<string, string> }>([
    {
      label: 'no Docker-Content-Digest',
      head: { 'content-type': OCI_INDEX },
      get: { 'content-type': OCI_INDEX },
    },
    {
      label: 'a malformed Docker-Content-Digest',
      head: { 'content-type': OCI_INDEX, 'docker-content-digest': 'sha256:1234' },
      get: { 'content-type': OCI_INDEX },
    },
    {
      label: 'a Content-Type that is no manifest type',
      head: { 'content-type': 'text/plain', 'docker-content-digest': indexDigest },
      get: { 'content-type': 'application/json', 'docker-content-digest': indexDigest },
    },
    {
      label: 'no Content-Type at all',
      head: { 'docker-content-digest': indexDigest },
      get: { 'content-type': OCI_INDEX, 'docker-content-digest': indexDigest },
    },
  ])('HEAD with $label → one GET, digest of the exact bytes', async ({ head, get }) => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB, { reqheaders: { accept: ACCEPT_ALL, authorization: `Bearer ${HUB_TOKEN}` } })
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, head)
      .get('/v2/library/alpine/manifests/3.20')
      .reply(200, indexBytes, get);
    const { client } = testClient();
    expect(await client.resolveTag(alpine)).toEqual({
      digest: indexDigest,
      mediaType: OCI_INDEX,
      verified: true,
    });
    expect(client.stats()).toMatchObject({ head: 1, get: 1 });
  });

  it('never returns a digest the bytes do not hash to', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, { 'content-type': 'text/html' })
      .get('/v2/library/alpine/manifests/3.20')
      .reply(200, tampered, { 'content-type': OCI_INDEX, 'docker-content-digest': indexDigest });
    const { client } = testClient();
    const error = await registryErrorOf(client.resolveTag(alpine));
    expect(error).toMatchObject({ code: 'DIGEST_MISMATCH', retryable: false });
    expect(error.message).toContain(sha256(tampered));
    expect(error.message).toContain(indexDigest);
  });

  it('reports a missing tag from the HEAD status alone (no GET, no Docker Hub pull spent)', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB).head('/v2/library/alpine/manifests/3.99').reply(404);
    const { client } = testClient();
    const error = await registryErrorOf(client.resolveTag(parseImageReference('alpine:3.99')));
    expect(error).toMatchObject({ status: 404, code: 'MANIFEST_UNKNOWN', retryable: false });
    expect(client.stats().get).toBe(0);
  });

  it('names a manifest asked by digest as name@digest in the error', async () => {
    nock('https://registry.example')
      .get('/v2/')
      .reply(200, {})
      .head(`/v2/app/manifests/${indexDigest}`)
      .reply(404);
    const { client } = testClient();
    const ref = parseImageReference(`registry.example/app:3.20@${indexDigest}`);
    const error = await registryErrorOf(client.describeManifest(ref, indexDigest));
    expect(error.message).toBe(
      `HEAD registry.example/app@${indexDigest}: 404 MANIFEST_UNKNOWN (not found in registry.example/app)`,
    );
  });

  it('falls back to GET when HEAD is not allowed, and carries the registry error code and message', async () => {
    nock('https://registry.example')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/app/manifests/3.99')
      .reply(405)
      .get('/v2/app/manifests/3.99')
      .reply(404, fixture('manifest-unknown.json'), { 'content-type': 'application/json' });
    const { client } = testClient();
    const error = await registryErrorOf(client.resolveTag(parseImageReference('registry.example/app:3.99')));
    expect(error).toMatchObject({ status: 404, code: 'MANIFEST_UNKNOWN', retryable: false });
    expect(error.message).toBe(
      'GET registry.example/app:3.99: 404 MANIFEST_UNKNOWN: manifest unknown (tag 3.99 not found in registry.example/app)',
    );
  });

  it('takes the media type from the body when the Content-Type is generic', async () => {
    const list = fixture('node.list.json');
    nock('https://registry.example')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/node/manifests/22')
      .reply(200, undefined, { 'content-type': 'application/json' })
      .get('/v2/node/manifests/22')
      .reply(200, list, { 'content-type': 'application/json' });
    const { client } = testClient();
    expect(await client.resolveTag(parseImageReference('registry.example/node:22'))).toEqual({
      digest: sha256(list),
      mediaType: DOCKER_LIST,
      verified: true,
    });
  });

  it('refuses a manifest that is neither OCI nor Docker v2 (schema1 digests are not content digests)', async () => {
    nock('https://registry.example')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/old/manifests/1')
      .reply(200, undefined, { 'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws' })
      .get('/v2/old/manifests/1')
      .reply(200, '{"schemaVersion":1}', {
        'content-type': 'application/vnd.docker.distribution.manifest.v1+prettyjws',
      });
    const { client } = testClient();
    const error = await registryErrorOf(client.resolveTag(parseImageReference('registry.example/old:1')));
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('a GET body counts only if it is the manifest it claims to be', () => {
  const half = indexBytes.subarray(0, Math.floor(indexBytes.length / 2));
  const child = fixture('alpine-new-amd64.manifest.json');
  it.each<[string, Uint8Array | string, Record<string, string>, string]>([
    ['an empty body', '', { 'content-type': OCI_INDEX }, 'BAD_RESPONSE'],
    ['an HTML page', '<html>ok</html>', { 'content-type': OCI_INDEX }, 'BAD_RESPONSE'],
    ['half an index', half, { 'content-type': OCI_INDEX }, 'BAD_RESPONSE'],
    [
      'JSON that is no index',
      '{"schemaVersion":2,"mediaType":"' + OCI_INDEX + '"}',
      { 'content-type': OCI_INDEX },
      'BAD_RESPONSE',
    ],
    ['a manifest served as an index', child, { 'content-type': OCI_INDEX }, 'BAD_RESPONSE'],
    [
      'an index whose mediaType disagrees with Content-Type',
      indexBytes,
      { 'content-type': DOCKER_LIST },
      'BAD_RESPONSE',
    ],
    [
      'JSON with no media type anywhere',
      '{"schemaVersion":2,"manifests":[]}',
      { 'content-type': 'application/json' },
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('%s is an error for the reference, never a digest', async (_label, body, headers, code) => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, { 'content-type': OCI_INDEX })
      .get('/v2/library/alpine/manifests/3.20')
      .reply(200, body, headers);
    const { client } = testClient();
    const error = await registryErrorOf(client.resolveTag(alpine));
    expect(error.code).toBe(code);
    expect(error.message).toContain('GET registry-1.docker.io/library/alpine:3.20');
  });
});

describe('fetchManifest and fetchBlob verify the bytes', () => {
  const child = fixture('alpine-new-amd64.manifest.json');
  const childDigest = sha256(child);
  const config = fixture('alpine-new-amd64.config.json');
  const configDigest = sha256(config);

  function anonymousRegistry() {
    return nock('https://registry.example').get('/v2/').reply(200, {});
  }

  it('by digest: returns the bytes and the digest asked for', async () => {
    anonymousRegistry()
      .get(`/v2/app/manifests/${childDigest}`)
      .reply(200, child, { 'content-type': OCI_MANIFEST });
    const { client } = testClient();
    const manifest = await client.fetchManifest(parseImageReference('registry.example/app:1'), childDigest);
    expect(manifest).toEqual({
      digest: childDigest,
      mediaType: OCI_MANIFEST,
      bytes: new Uint8Array(child),
      verified: true,
    });
  });

  it.each([
    ['bytes of another manifest', tampered, {}],
    ['a header naming another digest', child, { 'docker-content-digest': indexDigest }],
  ])('by digest: %s is a DIGEST_MISMATCH', async (_label, body, headers) => {
    anonymousRegistry()
      .get(`/v2/app/manifests/${childDigest}`)
      .reply(200, body, { 'content-type': OCI_MANIFEST, ...headers });
    const { client } = testClient();
    const error = await registryErrorOf(
      client.fetchManifest(parseImageReference('registry.example/app:1'), childDigest),
    );
    expect(error.code).toBe('DIGEST_MISMATCH');
  });

  it('fetchBlob: verified, and a tampered blob is refused', async () => {
    anonymousRegistry()
      .get(`/v2/app/blobs/${configDigest}`)
      .reply(200, config)
      .get(`/v2/app/blobs/${configDigest}`)
      .reply(200, Buffer.concat([config, Buffer.from(' ')]));
    const { client } = testClient();
    const ref = parseImageReference('registry.example/app:1');
    expect(Buffer.from(await client.fetchBlob(ref, configDigest)).equals(config)).toBe(true);
    expect((await registryErrorOf(client.fetchBlob(ref, configDigest))).code).toBe('DIGEST_MISMATCH');
  });

  it('follows a blob redirect to another host without the Authorization header', async () => {
    hubAnonymousAuth(['library/alpine']);
    const cdn = 'https://production.cloudflare.docker.com';
    const cdnPath = `/registry-v2/docker/registry/v2/blobs/sha256/${configDigest.slice(7, 9)}/${configDigest.slice(7)}/data`;
    nock(HUB, { reqheaders: { authorization: `Bearer ${HUB_TOKEN}` } })
      .get(`/v2/library/alpine/blobs/${configDigest}`)
      .reply(307, '', { location: `${cdn}${cdnPath}?verify=1736359123-abc` });
    nock(cdn, { badheaders: ['authorization'] })
      .get(cdnPath)
      .query({ verify: '1736359123-abc' })
      .reply(200, config);
    const { client } = testClient();
    expect(Buffer.from(await client.fetchBlob(alpine, configDigest)).equals(config)).toBe(true);
  });

  it('keeps Authorization on a same-origin redirect, and refuses a redirect to a metadata address', async () => {
    nock('https://registry.example')
      .get('/v2/')
      .reply(401, '', { 'www-authenticate': 'Basic realm="registry"' });
    const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;
    nock('https://registry.example', { reqheaders: { authorization: basic } })
      .get(`/v2/app/blobs/${configDigest}`)
      .reply(302, '', { location: `/storage/${configDigest}` })
      .get(`/storage/${configDigest}`)
      .reply(302, '', { location: 'http://169.254.169.254/latest/meta-data/' });
    const { client } = testClient({ credentials: { 'registry.example': { username: 'u', password: 'p' } } });
    const error = await registryErrorOf(
      client.fetchBlob(parseImageReference('registry.example/app:1'), configDigest),
    );
    expect(error.code).toBe('UNSAFE_URL');
  });
});
