import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureFactLines } from '../../src/changelog/facts/index.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { createRegistryClient, type RegistryClient } from '../../src/registry/index.ts';
import { createSignatureChecker, createSignatureTrust } from '../../src/signature-check/index.ts';
import { describeVerdict } from '../../src/signatures/index.ts';
import { sha256Digest, type ContentBlob } from '../support/image-content.ts';
import { pushBlob, pushManifest } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// A real keyless cosign signature, made by a GitHub Actions release workflow on the public-good Sigstore
// instance for a published image index (test/fixtures/signatures/README.md, cosign-keyless-github/), pushed
// into the real local registry: the payload and config blobs byte-exact, the `.sig` manifest as published
// (its whitespace as printed; cosign signs the payload, not that manifest). Checked against the public-good
// trusted root basepin ships: certificate chain, Rekor entry, signature.

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/signatures/cosign-keyless-github/${name}`, import.meta.url));
const blob = (mediaType: string, bytes: Uint8Array): ContentBlob => ({
  bytes,
  mediaType,
  digest: sha256Digest(bytes),
});

const imageDigest = 'sha256:c05263d2ff654c3a94243662440913f045075d59c436e2c69e9145ec2b87a321';
const workflow =
  'https://github.com/salrashid123/go-bazel-github-workflow/.github/workflows/release.yaml@refs/tags/v0.0.30';

describe('a real keyless cosign signature in a real registry', () => {
  let registry: RunningRegistry;
  let client: RegistryClient;
  const signatureTag = `${imageDigest.replace(':', '-')}.sig`;

  /** Pushes the `.sig` manifest under `repository`, its signature annotation changed by `edit`. */
  async function pushSignature(repository: string, edit: (signature: string) => string = (s) => s) {
    const manifest = JSON.parse(fixture('signature-manifest.json').toString()) as {
      layers: { annotations: Record<string, string> }[];
    };
    const annotations = manifest.layers[0]!.annotations;
    const original = annotations['dev.cosignproject.cosign/signature']!;
    annotations['dev.cosignproject.cosign/signature'] = edit(original);
    const bytes =
      edit(original) === original
        ? fixture('signature-manifest.json')
        : new TextEncoder().encode(JSON.stringify(manifest));
    await pushBlob(
      registry,
      repository,
      blob('application/vnd.oci.image.config.v1+json', fixture('config.json')),
    );
    await pushBlob(
      registry,
      repository,
      blob('application/vnd.dev.cosign.simplesigning.v1+json', fixture('simplesigning.json')),
    );
    await pushManifest(
      registry,
      repository,
      signatureTag,
      blob('application/vnd.oci.image.manifest.v1+json', bytes),
    );
  }

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' });
    client = createRegistryClient({ insecureRegistries: [registry.host], maxRetries: 0 });
    await pushSignature('salrashid123/server_image');
    // The same signature with one bit of it flipped: it must not verify.
    await pushSignature('salrashid123/tampered', (signature) => {
      const bytes = Buffer.from(signature, 'base64');
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
      return bytes.toString('base64');
    });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('the fixture is the published image index and payload, byte for byte', () => {
    expect(sha256Digest(fixture('image-index.json'))).toBe(imageDigest);
    expect(fixture('simplesigning.json').toString()).toContain(`"docker-manifest-digest":"${imageDigest}"`);
  });

  it('names the signing workflow and its issuer, the same as before', async () => {
    const checker = createSignatureChecker({ client, trust: createSignatureTrust(), canSpend: () => true });
    const ref = parseImageReference(`${registry.host}/salrashid123/server_image:server`);
    const { after, verdict } = await checker.check(ref, imageDigest, imageDigest);
    expect(after).toEqual({
      read: true,
      checks: [
        {
          state: 'verified',
          format: 'cosign',
          identity: {
            kind: 'keyless',
            subject: workflow,
            issuer: 'https://token.actions.githubusercontent.com',
          },
        },
      ],
    });
    expect(describeVerdict(verdict)).toBe(`signed by ${workflow} (GitHub Actions), same as before`);
    expect(
      signatureFactLines(
        { image: 'x', from: imageDigest, to: imageDigest, toMediaType: '', signature: verdict },
        'markdown',
      ),
    ).toEqual([{ label: 'Signature', text: `signed by \`${workflow}\` (GitHub Actions), same as before` }]);
  });

  it('a first pin of it reads "signed by", and a flipped bit in the signature does not verify', async () => {
    const checker = createSignatureChecker({ client, trust: createSignatureTrust(), canSpend: () => true });
    const first = await checker.check(
      parseImageReference(`${registry.host}/salrashid123/server_image:server`),
      undefined,
      imageDigest,
    );
    expect(describeVerdict(first.verdict)).toBe(`signed by ${workflow} (GitHub Actions)`);
    const tampered = await checker.check(
      parseImageReference(`${registry.host}/salrashid123/tampered:server`),
      undefined,
      imageDigest,
    );
    expect(tampered.verdict.kind).toBe('invalid');
    expect(describeVerdict(tampered.verdict)).toMatch(/^signature does not verify \(/);
  });
});
