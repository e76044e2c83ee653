import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Published image content (test/fixtures/registry/README.md) as one repository's worth of manifests, blobs and
 * tags, ready to serve through a fake client or nock, or to push byte-exact into the local registry
 * (push-fixture.ts). Files that were re-serialized by their publisher no longer hash to the digests that name
 * them: `rewriteDigests` recomputes every digest bottom-up and rewrites the references to it.
 */

export const fixturesRoot = fileURLToPath(new URL('../fixtures/registry/', import.meta.url));

export interface StoredContent {
  readonly digest: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

export interface FixtureRepo {
  /** Manifests and indexes, by digest. */
  readonly manifests: Map<string, StoredContent>;
  /** Configs and layers, by digest. */
  readonly blobs: Map<string, StoredContent>;
  readonly tags: Map<string, string>;
}

export function emptyRepo(): FixtureRepo {
  return { manifests: new Map(), blobs: new Map(), tags: new Map() };
}

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value, null, 2));
}

export function readJson(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

const manifestTypes = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
]);

export function isManifestType(mediaType: string): boolean {
  return manifestTypes.has(mediaType);
}

/** Adds content under the digest of its bytes; returns that digest. */
export function store(repo: FixtureRepo, mediaType: string, bytes: Uint8Array): string {
  const digest = sha256(bytes);
  (isManifestType(mediaType) ? repo.manifests : repo.blobs).set(digest, { digest, mediaType, bytes });
  return digest;
}

interface Descriptorish {
  digest?: unknown;
  size?: unknown;
  annotations?: Record<string, string>;
}

/**
 * Rewrites every descriptor of a manifest or index (config, layers, manifests, subject, and BuildKit's
 * `vnd.docker.reference.digest` annotation) through `renamed`: old digest → new content. Returns the new JSON
 * bytes, or the original bytes when nothing changed, so byte-exact content stays byte-exact.
 */
export function rewriteReferences(
  bytes: Uint8Array,
  renamed: ReadonlyMap<string, StoredContent>,
): Uint8Array {
  const json = readJson(bytes);
  let changed = false;
  const fix = (descriptor: Descriptorish | undefined) => {
    if (!descriptor || typeof descriptor.digest !== 'string') return;
    const target = renamed.get(descriptor.digest);
    if (target) {
      descriptor.digest = target.digest;
      descriptor.size = target.bytes.length;
      changed = true;
    }
    const pointed = descriptor.annotations?.['vnd.docker.reference.digest'];
    const pointedTarget = pointed === undefined ? undefined : renamed.get(pointed);
    if (pointedTarget && descriptor.annotations) {
      descriptor.annotations['vnd.docker.reference.digest'] = pointedTarget.digest;
      changed = true;
    }
  };
  fix(json.config as Descriptorish | undefined);
  fix(json.subject as Descriptorish | undefined);
  for (const list of [json.layers, json.manifests]) {
    if (Array.isArray(list)) for (const entry of list) fix(entry as Descriptorish);
  }
  return changed ? jsonBytes(json) : bytes;
}

/**
 * An OCI image layout (regclient's testrepo): byte-exact, tags from `org.opencontainers.image.ref.name`.
 * https://github.com/opencontainers/image-spec/blob/main/image-layout.md
 */
export function loadOciLayout(dir: string): FixtureRepo {
  const repo = emptyRepo();
  const blobPath = (digest: string) => join(dir, 'blobs', ...digest.split(':'));
  const visit = (mediaType: string, digest: string) => {
    if (repo.manifests.has(digest) || repo.blobs.has(digest)) return;
    const bytes = new Uint8Array(readFileSync(blobPath(digest)));
    store(repo, mediaType, bytes);
    if (!isManifestType(mediaType)) return;
    const json = readJson(bytes) as {
      config?: { mediaType: string; digest: string };
      layers?: { mediaType: string; digest: string }[];
      manifests?: { mediaType: string; digest: string }[];
    };
    for (const child of [json.config, ...(json.layers ?? []), ...(json.manifests ?? [])]) {
      if (child) visit(child.mediaType, child.digest);
    }
  };
  const index = readJson(readFileSync(join(dir, 'index.json'))) as {
    manifests: { mediaType: string; digest: string; annotations?: Record<string, string> }[];
  };
  for (const entry of index.manifests) {
    visit(entry.mediaType, entry.digest);
    const tag = entry.annotations?.['org.opencontainers.image.ref.name'];
    if (tag !== undefined) repo.tags.set(tag, entry.digest);
  }
  return repo;
}

export interface AlpineOptions {
  /**
   * The source has no layer tarballs (3.8 MB each). A registry refuses a manifest whose layers are missing,
   * so for pushing, each layer is replaced by a small placeholder blob (digest and size rewritten).
   */
  readonly placeholderLayers?: boolean;
}

/**
 * hkolvenbach/oci-explorer's Docker Hub `alpine` (3.23.2): index, 8 platform manifests and configs, 8 BuildKit
 * attestation manifests with their SPDX and SLSA layers. The files were re-serialized (sorted keys), so every
 * digest is recomputed and references rewritten, bottom-up. Returns the repo and the index digest.
 */
export function loadAlpine(options: AlpineOptions = {}): { repo: FixtureRepo; index: string } {
  const dir = join(fixturesRoot, 'oci-explorer-alpine');
  const repo = emptyRepo();
  const renamed = new Map<string, StoredContent>();
  const keep = (original: string, mediaType: string, bytes: Uint8Array) => {
    const digest = store(repo, mediaType, bytes);
    const content = (isManifestType(mediaType) ? repo.manifests : repo.blobs).get(digest)!;
    if (original !== digest) renamed.set(original, content);
    return content;
  };
  const indexJson = readJson(readFileSync(join(dir, 'image_index.json'))) as {
    manifests: { digest: string; annotations?: Record<string, string> }[];
  };
  const children = new Map<string, string>();
  for (const platform of readdirSync(join(dir, 'platforms'))) {
    const files = readdirSync(join(dir, 'platforms', platform));
    const manifestFile = files.find((name) => name.startsWith('manifest_'))!;
    const manifest = readJson(readFileSync(join(dir, 'platforms', platform, manifestFile))) as {
      config: { digest: string; mediaType: string };
      layers: { digest: string; mediaType: string }[];
    };
    keep(
      manifest.config.digest,
      manifest.config.mediaType,
      readFileSync(join(dir, 'platforms', platform, 'config.json')),
    );
    if (options.placeholderLayers) {
      for (const layer of manifest.layers) {
        keep(layer.digest, layer.mediaType, new TextEncoder().encode(`placeholder for ${layer.digest}\n`));
      }
    }
    const prefix = manifestFile.slice('manifest_'.length, -'.json'.length);
    children.set(prefix, join(dir, 'platforms', platform, manifestFile));
  }
  // Platform manifests first (attestations point at them by annotation), then attestations, then the index.
  const fullDigest = (prefix: string) =>
    indexJson.manifests.find((m) => m.digest.slice(7, 7 + prefix.length) === prefix)!.digest;
  for (const [prefix, path] of children) {
    keep(
      fullDigest(prefix),
      'application/vnd.oci.image.manifest.v1+json',
      rewriteReferences(readFileSync(path), renamed),
    );
  }
  for (const folder of readdirSync(join(dir, 'attestations'))) {
    const files = readdirSync(join(dir, 'attestations', folder));
    const manifestFile = files.find((name) => name.startsWith('manifest_'))!;
    const manifest = readJson(readFileSync(join(dir, 'attestations', folder, manifestFile))) as {
      config: { digest: string; mediaType: string };
      layers: { digest: string; mediaType: string }[];
    };
    // The attestation's config (BuildKit writes `{"architecture":"unknown","os":"unknown",…}`) is not published.
    keep(
      manifest.config.digest,
      manifest.config.mediaType,
      jsonBytes({ architecture: 'unknown', os: 'unknown', rootfs: { type: 'layers', diff_ids: [] } }),
    );
    for (const [position, layer] of manifest.layers.entries()) {
      const file = files.find((name) => name.startsWith(`layer_${position}_`))!;
      keep(layer.digest, layer.mediaType, readFileSync(join(dir, 'attestations', folder, file)));
    }
    const prefix = manifestFile.slice('manifest_'.length, -'.json'.length);
    keep(
      fullDigest(prefix),
      'application/vnd.oci.image.manifest.v1+json',
      rewriteReferences(readFileSync(join(dir, 'attestations', folder, manifestFile)), renamed),
    );
  }
  const index = store(
    repo,
    'application/vnd.oci.image.index.v1+json',
    rewriteReferences(readFileSync(join(dir, 'image_index.json')), renamed),
  );
  return { repo, index };
}
