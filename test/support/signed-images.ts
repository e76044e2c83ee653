import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { storeBuildKitIndex } from './changelog-scenarios.ts';
import { emptyRepo, jsonBytes, store, type FixtureRepo } from './fixture-repo.ts';
import { buildImage } from './image-content.ts';

// Signed rebuilds for the signature tests: BuildKit-style indexes (with the real SLSA v0.2 statement BuildKit
// attached to Docker Hub's alpine 3.23.2 linux/arm64/v8, when asked) and cosign `.sig` manifests made here
// with generated P-256 keys, as `cosign sign --key` pushes them without a transparency log.

export const alpineProvenance = readFileSync(
  new URL(
    '../fixtures/registry/oci-explorer-alpine/attestations/410dabcd6f1d/layer_1_4fbdf2544c91.json',
    import.meta.url,
  ),
);
/** What alpine's index annotates about its source, which the provenance names too. */
export const alpineSource = {
  'org.opencontainers.image.source': 'https://github.com/alpinelinux/docker-alpine',
  'org.opencontainers.image.revision': '13b62f5f47ffa526f9c372e0bd73b33ef2a5f865',
};

export function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}
export const publisher = keyPair();
export const successor = keyPair();

/** cosign's `sha256-<hex>.sig` manifest over a simple-signing payload for `digest`, signed by `key`. */
export function cosignSign(
  repo: FixtureRepo,
  repository: string,
  digest: string,
  key: KeyObject,
  tamper = false,
) {
  const payload = (reference: string) =>
    jsonBytes({
      critical: {
        identity: { 'docker-reference': reference },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: null,
    });
  const bytes = payload(repository);
  const signature = sign('sha256', tamper ? payload('evil/app') : bytes, key).toString('base64');
  const payloadDigest = store(repo, 'application/vnd.dev.cosign.simplesigning.v1+json', bytes);
  const config = jsonBytes({});
  const configDigest = store(repo, 'application/vnd.oci.image.config.v1+json', config);
  const manifest = store(
    repo,
    'application/vnd.oci.image.manifest.v1+json',
    jsonBytes({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        size: config.length,
        digest: configDigest,
      },
      layers: [
        {
          mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
          size: bytes.length,
          digest: payloadDigest,
          annotations: { 'dev.cosignproject.cosign/signature': signature },
        },
      ],
    }),
  );
  repo.tags.set(`${digest.replace(':', '-')}.sig`, manifest);
}

export type Signer = 'publisher' | 'successor' | 'tampered' | undefined;

/** A repository whose tag `1` moved from an old index to a new one, each signed as asked. */
export function rebuilt(
  host: string,
  name: string,
  signers: { from: Signer; to: Signer },
  provenance = false,
) {
  const repo = emptyRepo();
  const side = (seed: string, signer: Signer) => {
    const digest = storeBuildKitIndex(repo, {
      platforms: [
        {
          image: buildImage({ seed: `${name}-${seed}`, platform: 'linux/amd64' }),
          annotations: alpineSource,
          ...(provenance ? { provenance: alpineProvenance } : {}),
        },
      ],
    });
    if (signer !== undefined) {
      const key = signer === 'successor' ? successor.privateKey : publisher.privateKey;
      cosignSign(repo, `${host}/${name}`, digest, key, signer === 'tampered');
    }
    return digest;
  };
  const from = side('old', signers.from);
  const to = side('new', signers.to);
  repo.tags.set('1', to);
  return { name, repo, from, to };
}
