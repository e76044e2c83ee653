import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSignatureTrust, SignatureTrustError } from '../../src/signature-check/trust.ts';
import { verifyBundle, verifyCosignLayer } from '../../src/signature-check/verify.ts';
import type { CosignSignatureLayer } from '../../src/signatures/index.ts';

// Real bundles from the Sigstore conformance suite, signed on the public-good instance by its beacon
// workflow, checked against the public-good trusted root basepin ships (test/fixtures/signatures/README.md).
const fixtures = new URL('../fixtures/signatures/sigstore-conformance/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures));
const bundle = (name: string): unknown => JSON.parse(read(`${name}/bundle.sigstore.json`).toString('utf8'));
const artifact = read('a.txt');
const artifactDigest = `sha256:${createHash('sha256').update(artifact).digest('hex')}`;
const beacon = {
  kind: 'keyless',
  subject:
    'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
};

describe('verifyBundle against the shipped public-good root', () => {
  const trust = createSignatureTrust();

  it.each(['happy-path-v0.1', 'happy-path-v0.2', 'happy-path-v0.3', 'happy-path-v0.3-new-mediaType'])(
    '%s verifies and names its signer and issuer',
    (name) => {
      expect(verifyBundle(trust, bundle(name), artifactDigest, artifact, [])).toEqual({
        state: 'verified',
        format: 'sigstore-bundle',
        identity: beacon,
      });
    },
  );

  it('a tampered artifact does not verify', () => {
    const tampered = Buffer.from(artifact);
    tampered[0] = tampered[0]! ^ 1;
    const check = verifyBundle(trust, bundle('happy-path-v0.3'), artifactDigest, tampered, []);
    expect(check).toMatchObject({ state: 'invalid', format: 'sigstore-bundle' });
  });

  it('a tampered signature does not verify', () => {
    const json = bundle('happy-path-v0.3') as { messageSignature: { signature: string } };
    const signature = Buffer.from(json.messageSignature.signature, 'base64');
    signature[signature.length - 1] = signature[signature.length - 1]! ^ 1;
    json.messageSignature.signature = signature.toString('base64');
    expect(verifyBundle(trust, json, artifactDigest, artifact, [])).toMatchObject({ state: 'invalid' });
  });

  it('a bundle from another Sigstore instance (staging) does not verify against the public-good root', () => {
    expect(
      verifyBundle(trust, bundle('bundle-from-wrong-instance_fail'), artifactDigest, artifact, []),
    ).toMatchObject({ state: 'invalid' });
  });

  it('a DSSE bundle verifies only for the digest its statement names', () => {
    const json = bundle('happy-path-intoto-in-dsse-v3') as { dsseEnvelope: { payload: string } };
    const statement = JSON.parse(Buffer.from(json.dsseEnvelope.payload, 'base64').toString('utf8')) as {
      subject: { digest: { sha256: string } }[];
    };
    const named = `sha256:${statement.subject[0]!.digest.sha256}`;
    expect(verifyBundle(trust, json, named, new Uint8Array(), [])).toEqual({
      state: 'verified',
      format: 'sigstore-bundle',
      identity: beacon,
    });
    const another = `sha256:${'ab'.repeat(32)}`;
    expect(verifyBundle(trust, json, another, new Uint8Array(), [])).toEqual({
      state: 'invalid',
      format: 'sigstore-bundle',
      reason: 'it attests another artifact, not this digest',
    });
  });

  it('a keyed bundle verifies with the key configured for the image, and not without it', () => {
    const keyed = createSignatureTrust({
      keys: [['ghcr.io/acme/**', read('managed-key-happy-path/key.pub').toString()]],
    });
    const json = bundle('managed-key-happy-path');
    expect(verifyBundle(keyed, json, artifactDigest, artifact, ['ghcr.io/acme/app'])).toEqual({
      state: 'verified',
      format: 'sigstore-bundle',
      identity: { kind: 'key', key: 'ghcr.io/acme/**' },
    });
    expect(verifyBundle(keyed, json, artifactDigest, artifact, ['docker.io/library/alpine'])).toEqual({
      state: 'unverified',
      format: 'sigstore-bundle',
      reason: 'signed with a key, and signature-keys names none for this image',
    });
  });

  it('something that is not a bundle is reported, not thrown', () => {
    expect(verifyBundle(trust, { mediaType: 'x' }, artifactDigest, artifact, [])).toMatchObject({
      state: 'invalid',
      reason: expect.stringContaining('not a Sigstore bundle'),
    });
  });
});

describe('createSignatureTrust', () => {
  it('rejects a root that is not one, and a key that is not PEM, naming them', () => {
    expect(() => createSignatureTrust({ trustedRoot: {}, trustedRootLabel: 'root.json' })).toThrow(
      new SignatureTrustError('root.json: names no transparency log and no certificate authority'),
    );
    expect(() => createSignatureTrust({ keys: [['alpine', 'not a key']] })).toThrow(
      'signature-keys: alpine: not a PEM public key',
    );
  });
});

describe('verifyCosignLayer: cosign’s registry form of a keyless signature', () => {
  // cosign keeps the same material as a v0.1 bundle in layer annotations: the certificate as PEM, the Rekor
  // entry as its "legacy bundle" (SignedEntryTimestamp + body, integrated time, index, log id in hex). The
  // real happy-path-v0.1 bundle is rewritten into that form; the signed payload is a.txt.
  const v01 = bundle('happy-path-v0.1') as {
    verificationMaterial: {
      x509CertificateChain: { certificates: { rawBytes: string }[] };
      tlogEntries: {
        logIndex: string;
        logId: { keyId: string };
        integratedTime: string;
        inclusionPromise: { signedEntryTimestamp: string };
        canonicalizedBody: string;
      }[];
    };
    messageSignature: { signature: string };
  };
  const entry = v01.verificationMaterial.tlogEntries[0]!;
  const der = v01.verificationMaterial.x509CertificateChain.certificates[0]!.rawBytes;
  const layer = (overrides: Partial<CosignSignatureLayer> = {}): CosignSignatureLayer => ({
    payloadDigest: artifactDigest,
    payloadSize: artifact.length,
    signature: v01.messageSignature.signature,
    certificate: `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`,
    chain: undefined,
    rekor: {
      SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp,
      Payload: {
        body: entry.canonicalizedBody,
        integratedTime: Number(entry.integratedTime),
        logIndex: Number(entry.logIndex),
        logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
      },
    },
    rekorUnreadable: false,
    ...overrides,
  });
  const trust = createSignatureTrust();

  it('verifies certificate, log entry and signature, and names the workflow and issuer', () => {
    expect(verifyCosignLayer(trust, layer(), artifact, [])).toEqual({
      state: 'verified',
      format: 'cosign',
      identity: beacon,
    });
  });

  it('a tampered payload does not verify', () => {
    const tampered = Buffer.from(artifact);
    tampered[0] = tampered[0]! ^ 1;
    expect(verifyCosignLayer(trust, layer(), tampered, [])).toMatchObject({
      state: 'invalid',
      format: 'cosign',
    });
  });

  it('a log entry whose signed timestamp was altered does not verify', () => {
    const base = layer();
    const set = Buffer.from(base.rekor!.SignedEntryTimestamp, 'base64');
    set[set.length - 1] = set[set.length - 1]! ^ 1;
    const altered = layer({ rekor: { ...base.rekor!, SignedEntryTimestamp: set.toString('base64') } });
    expect(verifyCosignLayer(trust, altered, artifact, [])).toMatchObject({ state: 'invalid' });
  });

  it('without its transparency-log entry a keyless signature does not verify', () => {
    expect(verifyCosignLayer(trust, layer({ rekor: undefined }), artifact, [])).toMatchObject({
      state: 'invalid',
    });
  });

  it('a certificate that is not PEM is reported', () => {
    expect(verifyCosignLayer(trust, layer({ certificate: 'garbage' }), artifact, [])).toEqual({
      state: 'invalid',
      format: 'cosign',
      reason: 'its certificate is not PEM',
    });
  });
});
