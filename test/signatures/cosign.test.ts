import { describe, expect, it } from 'vitest';
import {
  ArtifactManifestSchema,
  cosignSignatureLayers,
  cosignSignatureTag,
  isSigstoreBundleType,
  parseBytes,
  payloadSigns,
  readSimpleSigning,
} from '../../src/signatures/index.ts';

const digest = `sha256:${'1'.repeat(64)}`;
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const rekor = {
  SignedEntryTimestamp: 'MEUCIQ==',
  Payload: { body: 'e30=', integratedTime: 1712651102, logIndex: 84313668, logID: 'c0'.repeat(32) },
};

describe('cosign signature manifests', () => {
  it('names the tag cosign keeps signatures under', () => {
    expect(cosignSignatureTag(digest)).toBe(`sha256-${'1'.repeat(64)}.sig`);
  });

  it('reads each simple-signing layer with its annotations, and nothing else', () => {
    const manifest = parseBytes(
      ArtifactManifestSchema,
      encode({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: 233, digest },
        layers: [
          {
            mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
            size: 250,
            digest: `sha256:${'2'.repeat(64)}`,
            annotations: {
              'dev.cosignproject.cosign/signature': 'MEUCIQD=',
              'dev.sigstore.cosign/certificate':
                '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n',
              'dev.sigstore.cosign/chain': '',
              'dev.sigstore.cosign/bundle': JSON.stringify(rekor),
            },
          },
          { mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', size: 1, digest, annotations: {} },
          {
            mediaType: 'application/vnd.in-toto+json',
            size: 1,
            digest,
            annotations: { 'dev.cosignproject.cosign/signature': 'x' },
          },
          {
            mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
            size: 1,
            digest,
            annotations: {
              'dev.cosignproject.cosign/signature': 'MEQ=',
              'dev.sigstore.cosign/bundle': '{"x":1}',
            },
          },
        ],
      }),
    );
    expect(manifest).toBeDefined();
    const layers = cosignSignatureLayers(manifest!);
    expect(layers).toHaveLength(2);
    expect(layers[0]).toEqual({
      payloadDigest: `sha256:${'2'.repeat(64)}`,
      payloadSize: 250,
      signature: 'MEUCIQD=',
      certificate: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n',
      chain: undefined,
      rekor,
      rekorUnreadable: false,
    });
    expect(layers[1]).toMatchObject({ certificate: undefined, rekor: undefined, rekorUnreadable: true });
  });

  it('reads a simple-signing payload and checks the digest it signs', () => {
    const payload = readSimpleSigning(
      encode({
        critical: {
          identity: { 'docker-reference': 'ghcr.io/chainguard-images/static' },
          image: { 'docker-manifest-digest': digest },
          type: 'cosign container image signature',
        },
        optional: null,
      }),
    );
    expect(payload && payloadSigns(payload, digest)).toBe(true);
    expect(payload && payloadSigns(payload, `sha256:${'3'.repeat(64)}`)).toBe(false);
    expect(readSimpleSigning(encode({ critical: { image: {} } }))).toBeUndefined();
  });
});

describe('isSigstoreBundleType', () => {
  it.each([
    ['application/vnd.dev.sigstore.bundle.v0.3+json', true],
    ['application/vnd.dev.sigstore.bundle+json;version=0.3', true],
    ['application/vnd.dev.sigstore.bundle+json; version=0.2', true],
    ['application/vnd.dev.sigstore.bundle+json;version=0.1', true],
    ['application/vnd.cncf.notary.signature', false],
    [undefined, false],
  ])('%s', (type, expected) => {
    expect(isSigstoreBundleType(type)).toBe(expected);
  });
});
