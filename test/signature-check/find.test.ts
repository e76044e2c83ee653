import { describe, expect, it } from 'vitest';
import { attestationFor, ImageIndexSchema, readOrUndefined } from '../../src/oci/index.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { createSignatureTrust, findProvenance, findSignatures } from '../../src/signature-check/index.ts';
import { compareWithSource, describeProvenance } from '../../src/signatures/index.ts';
import { fixtureClient } from '../support/fixture-client.ts';
import { emptyRepo, jsonBytes, loadAlpine, store } from '../support/fixture-repo.ts';

// Docker Hub's real alpine 3.23.2 (test/fixtures/registry/README.md): no signatures, BuildKit provenance for
// every platform. On Docker Hub a manifest GET is a pull: what is read, and what the budget stops.
const alpine = parseImageReference('alpine:3.23');
const trust = createSignatureTrust();

function setUp() {
  const { repo, index } = loadAlpine();
  const fixture = fixtureClient(repo);
  const parsed = readOrUndefined(ImageIndexSchema, repo.manifests.get(index)!.bytes)!;
  const arm64 = parsed.manifests.find((entry) => entry.platform?.architecture === 'arm64')!;
  return { ...fixture, index, parsed, arm64 };
}

describe('findSignatures on Docker Hub', () => {
  it('asks for the .sig tag by HEAD (no pull) and finds nothing: read, not signed', async () => {
    const { client, calls, index } = setUp();
    expect(await findSignatures({ client, trust }, alpine, index)).toEqual({ read: true, checks: [] });
    expect(calls).toEqual([`HEAD ${index.replace(':', '-')}.sig`, `GET referrers ${index}`]);
  });

  it('stops at the changelog’s reserve of pulls and says it did not read', async () => {
    const { client, calls, index, setPullsLeft } = setUp();
    setPullsLeft(30);
    expect(await findSignatures({ client, trust }, alpine, index)).toEqual({
      read: false,
      reason: 'Docker Hub pull budget',
    });
    expect(calls.filter((call) => call.startsWith('GET'))).toEqual([]);
  });

  it('goes on while the budget keeps its reserve', async () => {
    const { client, index, setPullsLeft } = setUp();
    setPullsLeft(32);
    expect(await findSignatures({ client, trust }, alpine, index)).toEqual({ read: true, checks: [] });
  });
});

describe('findProvenance', () => {
  it('reads the SLSA statement of BuildKit’s attestation manifest: builder, source and commit', async () => {
    const { client, calls, parsed, arm64 } = setUp();
    const attestation = attestationFor(parsed, arm64.digest)!;
    const provenance = await findProvenance({ client }, alpine, attestation);
    expect(provenance).toMatchObject({
      builder: 'https://github.com/docker-library',
      repository: 'https://github.com/alpinelinux/docker-alpine',
      commit: '13b62f5f47ffa526f9c372e0bd73b33ef2a5f865',
    });
    // One manifest GET, then only the provenance layer (not the SBOM beside it).
    expect(calls).toEqual([`GET manifest ${attestation.digest}`, expect.stringMatching(/^GET blob sha256:/)]);
    const annotations = parsed.annotations ?? arm64.annotations ?? {};
    const source = {
      repository:
        annotations['org.opencontainers.image.source'] ??
        arm64.annotations?.['org.opencontainers.image.source'],
      revision:
        annotations['org.opencontainers.image.revision'] ??
        arm64.annotations?.['org.opencontainers.image.revision'],
    };
    expect(describeProvenance(provenance!, compareWithSource(provenance!, source))).toBe(
      'built by https://github.com/docker-library from https://github.com/alpinelinux/docker-alpine@13b62f5f47ffa526f9c372e0bd73b33ef2a5f865, as the image says',
    );
  });

  it('reads nothing past the budget', async () => {
    const { client, calls, parsed, arm64, setPullsLeft } = setUp();
    setPullsLeft(10);
    expect(await findProvenance({ client }, alpine, attestationFor(parsed, arm64.digest)!)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});

describe('findSignatures: what a .sig manifest may hold', () => {
  const ghcr = parseImageReference('ghcr.io/acme/app:1');
  const digest = `sha256:${'1'.repeat(64)}`;
  const other = `sha256:${'2'.repeat(64)}`;

  function withSignature(signs: string) {
    const repo = emptyRepo();
    const payload = jsonBytes({
      critical: {
        identity: { 'docker-reference': 'ghcr.io/acme/app' },
        image: { 'docker-manifest-digest': signs },
        type: 'cosign container image signature',
      },
      optional: null,
    });
    const payloadDigest = store(repo, 'application/vnd.dev.cosign.simplesigning.v1+json', payload);
    const manifest = store(
      repo,
      'application/vnd.oci.image.manifest.v1+json',
      jsonBytes({
        schemaVersion: 2,
        layers: [
          {
            mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
            size: payload.length,
            digest: payloadDigest,
            annotations: { 'dev.cosignproject.cosign/signature': 'MEUCIQ==' },
          },
        ],
      }),
    );
    repo.tags.set(`${digest.replace(':', '-')}.sig`, manifest);
    return fixtureClient(repo);
  }

  it('a signature under this digest’s tag that signs another digest is not this image’s signature', async () => {
    const { client } = withSignature(other);
    expect(await findSignatures({ client, trust }, ghcr, digest)).toEqual({
      read: true,
      checks: [{ state: 'invalid', format: 'cosign', reason: 'it signs another digest' }],
    });
  });

  it('a tag list that holds no .sig tag saves the request', async () => {
    const { client, calls } = withSignature(digest);
    const tags = async () => ({ tags: ['1'], more: false });
    expect(await findSignatures({ client, trust, tags }, ghcr, digest)).toEqual({ read: true, checks: [] });
    expect(calls).toEqual([`GET referrers ${digest}`]);
  });
});
