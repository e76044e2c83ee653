import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildImage, type BuiltImage } from './image-content.ts';
import {
  emptyRepo,
  fixturesRoot,
  jsonBytes,
  loadAlpine,
  loadOciLayout,
  readJson,
  rewriteReferences,
  store,
  type FixtureRepo,
  type StoredContent,
} from './fixture-repo.ts';

/**
 * Old → new image pairs for changelog tests, built from the published fixtures (README.md there says which
 * parts are real and which are derived). Each returns one repository's content and the two digests.
 */
export interface Scenario {
  readonly repo: FixtureRepo;
  readonly from: string;
  readonly to: string;
}

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const IN_TOTO = 'application/vnd.in-toto+json';
const SPDX = 'https://spdx.dev/Document';

export const oldRevision = '0b1c4b6f2b8e5f7a9d3c1e2f4a6b8c0d1e3f5a7b';
const newRevision = '13b62f5f47ffa526f9c372e0bd73b33ef2a5f865';

/** The real amd64 SPDX statement of alpine 3.23.2 (BuildKit's in-toto form). */
export function alpineSpdxStatement(): Record<string, unknown> {
  const path = join(fixturesRoot, 'oci-explorer-alpine/attestations/1882fa4569e0/layer_0_5c1f58ba4e0d.json');
  return readJson(readFileSync(path));
}

interface SpdxPackage {
  name: string;
  versionInfo?: string;
  externalRefs?: { referenceType: string; referenceLocator: string }[];
}

/** The statement as an older build would have listed it: busybox, busybox-binsh and ssl_client one release back, libapk absent, libc-utils present. */
export function olderAlpineStatement(statement = alpineSpdxStatement()): Record<string, unknown> {
  const copy = structuredClone(statement) as { predicate: { packages: SpdxPackage[] } };
  const older = new Set(['busybox', 'busybox-binsh', 'ssl_client']);
  copy.predicate.packages = copy.predicate.packages
    .filter((pkg) => pkg.name !== 'libapk')
    .map((pkg) => {
      if (!older.has(pkg.name)) return pkg;
      const version = '1.37.0-r29';
      return {
        ...pkg,
        versionInfo: version,
        externalRefs: pkg.externalRefs?.map((ref) => ({
          ...ref,
          referenceLocator: ref.referenceLocator.replace('1.37.0-r30', version),
        })),
      };
    });
  copy.predicate.packages.push({
    name: 'libc-utils',
    versionInfo: '0.7.2-r5',
    externalRefs: [
      {
        referenceType: 'purl',
        referenceLocator: 'pkg:apk/alpine/libc-utils@0.7.2-r5?os_name=alpine&os_version=3.23',
      },
    ],
  });
  return copy;
}

/**
 * The statement as an older build with pending security fixes would have listed it: the openssl family
 * (openssl, libssl3, libcrypto3, whose source is openssl through GENERATED_FROM) one release back, the
 * busybox family one revision back, zlib one revision back.
 */
export function olderSecurityStatement(statement = alpineSpdxStatement()): Record<string, unknown> {
  const copy = structuredClone(statement) as { predicate: { packages: SpdxPackage[] } };
  const older: Record<string, [string, string]> = {
    openssl: ['3.5.4-r0', '3.5.3-r0'],
    libssl3: ['3.5.4-r0', '3.5.3-r0'],
    libcrypto3: ['3.5.4-r0', '3.5.3-r0'],
    busybox: ['1.37.0-r30', '1.37.0-r29'],
    'busybox-binsh': ['1.37.0-r30', '1.37.0-r29'],
    ssl_client: ['1.37.0-r30', '1.37.0-r29'],
    zlib: ['1.3.1-r2', '1.3.1-r1'],
  };
  copy.predicate.packages = copy.predicate.packages.map((pkg) => {
    const change = older[pkg.name];
    if (!change) return pkg;
    const [now, before] = change;
    return {
      ...pkg,
      versionInfo: before,
      externalRefs: pkg.externalRefs?.map((ref) => ({
        ...ref,
        referenceLocator: ref.referenceLocator.replace(`@${now}`, `@${before}`),
      })),
    };
  });
  return copy;
}

const get = (repo: FixtureRepo, digest: string): StoredContent => {
  const found = repo.manifests.get(digest) ?? repo.blobs.get(digest);
  if (!found) throw new Error(`fixture content ${digest} missing`);
  return found;
};

/**
 * Real Docker Hub alpine 3.23.2 (new) and a build 20 days older derived from it (old): every platform but
 * linux/arm64/v8 rebuilt from an older commit with older created dates, a larger amd64 layer, and the
 * package changes of `olderAlpineStatement` in the amd64 SBOM. arm64 stays byte-identical.
 */
export function alpineRebuild(
  options: {
    placeholderLayers?: boolean;
    /** The older amd64 SBOM made from the real one; default `olderAlpineStatement`. */
    older?: (statement: Record<string, unknown>) => Record<string, unknown>;
  } = {},
): Scenario {
  const { repo, index } = loadAlpine(options);
  const renamed = new Map<string, StoredContent>();
  const newIndex = readJson(get(repo, index).bytes) as {
    manifests: {
      digest: string;
      platform: { architecture: string; variant?: string };
      annotations: Record<string, string>;
    }[];
  };
  for (const entry of newIndex.manifests) {
    if (
      entry.annotations['vnd.docker.reference.type'] !== undefined ||
      entry.platform.architecture === 'arm64'
    )
      continue;
    const manifest = readJson(get(repo, entry.digest).bytes) as {
      annotations: Record<string, string>;
      config: { digest: string };
      layers: { digest: string; size: number; mediaType: string }[];
    };
    const config = readJson(get(repo, manifest.config.digest).bytes);
    config.created = '2025-11-28T00:12:29.242464453Z';
    renamed.set(
      manifest.config.digest,
      get(repo, store(repo, 'application/vnd.oci.image.config.v1+json', jsonBytes(config))),
    );
    if (entry.platform.architecture === 'amd64') {
      const layer = manifest.layers[0]!;
      const bytes = options.placeholderLayers
        ? new TextEncoder().encode(`older placeholder for ${layer.digest}, a little larger\n`)
        : undefined;
      const oldLayer: StoredContent = bytes
        ? get(repo, store(repo, layer.mediaType, bytes))
        : {
            digest: `sha256:${'e'.repeat(64)}`,
            mediaType: layer.mediaType,
            bytes: new Uint8Array(layer.size + 40_960),
          };
      renamed.set(layer.digest, oldLayer);
    }
    const annotations = {
      ...manifest.annotations,
      'org.opencontainers.image.created': '2025-11-28T00:12:05Z',
      'org.opencontainers.image.revision': oldRevision,
      'org.opencontainers.image.source': manifest.annotations['org.opencontainers.image.source']!.replace(
        newRevision,
        oldRevision,
      ),
      'org.opencontainers.image.version': '3.23.0',
    };
    const rewritten = readJson(rewriteReferences(jsonBytes({ ...manifest, annotations }), renamed));
    const oldManifest = get(repo, store(repo, OCI_MANIFEST, jsonBytes(rewritten)));
    renamed.set(entry.digest, oldManifest);
  }
  // The amd64 attestation: older SBOM, pointing at the old amd64 manifest.
  for (const entry of newIndex.manifests) {
    const subject = entry.annotations['vnd.docker.reference.digest'];
    if (subject === undefined || !renamed.has(subject)) continue;
    const attestation = readJson(get(repo, entry.digest).bytes) as {
      layers: { digest: string; annotations?: Record<string, string> }[];
    };
    if (
      entry.platform.architecture === 'unknown' &&
      entry.annotations['com.docker.official-images.bashbrew.arch'] === 'amd64'
    ) {
      const sbom = attestation.layers.find((l) => l.annotations?.['in-toto.io/predicate-type'] === SPDX)!;
      const older = (options.older ?? olderAlpineStatement)(readJson(get(repo, sbom.digest).bytes));
      renamed.set(sbom.digest, get(repo, store(repo, IN_TOTO, jsonBytes(older))));
    }
    renamed.set(
      entry.digest,
      get(repo, store(repo, OCI_MANIFEST, rewriteReferences(get(repo, entry.digest).bytes, renamed))),
    );
  }
  const oldIndexJson = structuredClone(newIndex);
  for (const entry of oldIndexJson.manifests) {
    if (entry.annotations['org.opencontainers.image.revision'] === newRevision && renamed.has(entry.digest)) {
      entry.annotations['org.opencontainers.image.created'] = '2025-11-28T00:12:05Z';
      entry.annotations['org.opencontainers.image.revision'] = oldRevision;
      entry.annotations['org.opencontainers.image.source'] = entry.annotations[
        'org.opencontainers.image.source'
      ]!.replace(newRevision, oldRevision);
      entry.annotations['org.opencontainers.image.version'] = '3.23.0';
    }
  }
  const from = store(repo, OCI_INDEX, rewriteReferences(jsonBytes(oldIndexJson), renamed));
  repo.tags.set('3.23', index);
  repo.tags.set('3.23.2', index);
  repo.tags.set('3.23.0', from);
  return { repo, from, to: index };
}

/** regclient's byte-exact testrepo: `v2` → `v3` adds linux/arm/v6 and moves its base from `b2` to `b3`. */
export function regclientV2toV3(): Scenario {
  const repo = loadOciLayout(join(fixturesRoot, 'regclient-testrepo'));
  return { repo, from: repo.tags.get('v2')!, to: repo.tags.get('v3')! };
}

export interface BuiltIndexOptions {
  readonly platforms: readonly {
    readonly image: BuiltImage;
    readonly annotations?: Record<string, string>;
    /** SPDX and/or provenance statements for a BuildKit attestation manifest. */
    readonly sbom?: Record<string, unknown>;
    /** An empty v0.2 statement, or a real one's bytes (stored byte-exact). */
    readonly provenance?: boolean | Uint8Array;
    readonly osVersion?: string;
  }[];
}

/** An artifact manifest over `layers` with the empty config BuildKit (`unknown`) or cosign (``) writes. */
function artifactManifest(repo: FixtureRepo, platformName: string, layers: unknown[]): Uint8Array {
  const configBytes = jsonBytes({
    architecture: platformName,
    os: platformName,
    rootfs: { type: 'layers', diff_ids: [] },
  });
  const config = store(repo, 'application/vnd.oci.image.config.v1+json', configBytes);
  return jsonBytes({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: config,
      size: configBytes.length,
    },
    layers,
  });
}

/** Stores built images, their BuildKit attestation manifests and an index over them, as BuildKit pushes them. */
export function storeBuildKitIndex(repo: FixtureRepo, options: BuiltIndexOptions): string {
  const entries: unknown[] = [];
  for (const platform of options.platforms) {
    const { image } = platform;
    store(repo, image.layer.mediaType, image.layer.bytes);
    store(repo, image.config.mediaType, image.config.bytes);
    store(repo, image.manifest.mediaType, image.manifest.bytes);
    entries.push({
      mediaType: image.manifest.mediaType,
      digest: image.manifest.digest,
      size: image.manifest.bytes.length,
      ...(platform.annotations ? { annotations: platform.annotations } : {}),
      platform: {
        architecture: image.platform.architecture,
        os: image.platform.os,
        ...(image.platform.variant ? { variant: image.platform.variant } : {}),
        ...(platform.osVersion ? { 'os.version': platform.osVersion } : {}),
      },
    });
    const layers: unknown[] = [];
    const layer = (statement: unknown, predicate: string) => {
      const bytes = statement instanceof Uint8Array ? statement : jsonBytes(statement);
      layers.push({
        mediaType: IN_TOTO,
        digest: store(repo, IN_TOTO, bytes),
        size: bytes.length,
        annotations: { 'in-toto.io/predicate-type': predicate },
      });
    };
    if (platform.sbom) layer(platform.sbom, SPDX);
    if (platform.provenance instanceof Uint8Array)
      layer(platform.provenance, 'https://slsa.dev/provenance/v0.2');
    else if (platform.provenance)
      layer(
        {
          _type: 'https://in-toto.io/Statement/v0.1',
          predicateType: 'https://slsa.dev/provenance/v0.2',
          subject: [],
          predicate: {},
        },
        'https://slsa.dev/provenance/v0.2',
      );
    if (layers.length === 0) continue;
    const attestation = artifactManifest(repo, 'unknown', layers);
    entries.push({
      mediaType: OCI_MANIFEST,
      digest: store(repo, OCI_MANIFEST, attestation),
      size: attestation.length,
      annotations: {
        'vnd.docker.reference.digest': image.manifest.digest,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
      platform: { architecture: 'unknown', os: 'unknown' },
    });
  }
  return store(repo, OCI_INDEX, jsonBytes({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries }));
}

/** The real annotations of docker:24-cli (meta-scripts builds.json), on a given commit and base digest. */
function dockerCliAnnotations(revision: string, created: string, baseDigest: string): Record<string, string> {
  const build = Object.values(
    readJson(readFileSync(join(fixturesRoot, 'meta-scripts/builds-docker-24-cli-amd64.json'))),
  )[0] as {
    build: { resolved: { manifests: { annotations: Record<string, string> }[] } };
  };
  const real = build.build.resolved.manifests[0]!.annotations;
  return {
    'com.docker.official-images.bashbrew.arch': 'amd64',
    'org.opencontainers.image.base.name': 'alpine:3.18',
    'org.opencontainers.image.base.digest': baseDigest,
    'org.opencontainers.image.created': created,
    'org.opencontainers.image.revision': revision,
    'org.opencontainers.image.source': real['org.opencontainers.image.source']!.replace(
      real['org.opencontainers.image.revision']!,
      revision,
    ),
    'org.opencontainers.image.url': real['org.opencontainers.image.url']!,
    'org.opencontainers.image.version': real['org.opencontainers.image.version']!,
  };
}

/** The parent digest docker:24-cli amd64 was built on (builds.json `parents`), and an older one (synthetic). */
export const alpine318Amd64 = 'sha256:d695c3de6fcd8cfe3a6222b0358425d40adfd129a8a47c3416faff1a8aece389';
export const olderAlpine318Amd64 = `sha256:${'d'.repeat(64)}`;

/**
 * A Docker-Official-Images-style rebuild: docker:24-cli's real annotations, rebuilt on a moved `alpine:3.18`
 * from the same source commit, linux/amd64 with an SBOM attestation and linux/arm64/v8 with provenance only.
 */
export function dockerCliRebuild(): Scenario {
  const repo = emptyRepo();
  const revision = '6d541d27b5dd12639e5a33a675ebca04d3837d74';
  const side = (seed: string, created: string, base: string, sbom: Record<string, unknown>) =>
    storeBuildKitIndex(repo, {
      platforms: [
        {
          image: buildImage({ seed, platform: 'linux/amd64', created }),
          annotations: dockerCliAnnotations(revision, created, base),
          sbom,
          provenance: true,
        },
        {
          image: buildImage({ seed, platform: 'linux/arm64/v8', created }),
          annotations: {
            ...dockerCliAnnotations(revision, created, base),
            'com.docker.official-images.bashbrew.arch': 'arm64v8',
          },
          provenance: true,
        },
      ],
    });
  const from = side('cli-old', '2026-10-30T10:00:00Z', olderAlpine318Amd64, olderAlpineStatement());
  const to = side('cli-new', '2026-11-20T10:00:00Z', alpine318Amd64, alpineSpdxStatement());
  repo.tags.set('24-cli', to);
  return { repo, from, to };
}

/** An image that says nothing about itself: no annotations, no labels, no attestations; only config dates. */
export function bareRebuild(): Scenario {
  const repo = emptyRepo();
  const side = (seed: string, created: string) =>
    storeBuildKitIndex(repo, {
      platforms: [
        { image: buildImage({ seed, platform: 'linux/amd64', created }) },
        { image: buildImage({ seed, platform: 'linux/arm64', created }) },
      ],
    });
  return {
    repo,
    from: side('bare-old', '2026-10-01T08:00:00Z'),
    to: side('bare-new', '2026-11-20T08:00:00Z'),
  };
}

/**
 * docker-library/golang#363: the digest moved because only the Windows images were rebuilt. Shaped after
 * hello-world's index in meta-scripts' oci-sort-manifests (Windows entries carry `os.version`, no annotations).
 */
export function windowsOnlyRebuild(): Scenario {
  const repo = emptyRepo();
  const linux = buildImage({ seed: 'hello', platform: 'linux/amd64', created: '2026-09-01T00:00:00Z' });
  const side = (seed: string, created: string) =>
    storeBuildKitIndex(repo, {
      platforms: [
        { image: linux },
        { image: buildImage({ seed, platform: 'windows/amd64', created }), osVersion: '10.0.20348.2340' },
        {
          image: buildImage({ seed: `${seed}-1809`, platform: 'windows/amd64', created }),
          osVersion: '10.0.17763.5576',
        },
      ],
    });
  return { repo, from: side('win-old', '2026-10-01T00:00:00Z'), to: side('win-new', '2026-11-20T00:00:00Z') };
}

/** A reproducible build (`SOURCE_DATE_EPOCH=0`): created is 1970 in config and annotation. */
export function epochRebuild(): Scenario {
  const repo = emptyRepo();
  const epoch = '1970-01-01T00:00:00Z';
  const side = (seed: string) =>
    storeBuildKitIndex(repo, {
      platforms: [
        {
          image: buildImage({ seed, platform: 'linux/amd64', created: epoch }),
          annotations: { 'org.opencontainers.image.created': epoch },
        },
      ],
    });
  return { repo, from: side('epoch-old'), to: side('epoch-new') };
}

const DSSE = 'application/vnd.dsse.envelope.v1+json';

/** cosign's `.att` form: an artifact manifest whose layer is a DSSE envelope around the in-toto statement. */
function storeCosignAttestation(
  repo: FixtureRepo,
  subject: string,
  statement: Record<string, unknown>,
): void {
  const envelope = jsonBytes({
    payloadType: 'application/vnd.in-toto+json',
    payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
    signatures: [{ keyid: '', sig: 'MEUCIQDsynthetic' }],
  });
  const manifest = artifactManifest(repo, '', [
    {
      mediaType: DSSE,
      digest: store(repo, DSSE, envelope),
      size: envelope.length,
      annotations: { predicateType: SPDX },
    },
  ]);
  repo.tags.set(`${subject.replace(':', '-')}.att`, store(repo, OCI_MANIFEST, manifest));
}

/** A single-platform image with cosign-style DSSE SBOM attestations on each digest (as Chainguard attaches them). */
export function dsseRebuild(): Scenario {
  const repo = emptyRepo();
  const side = (seed: string, created: string, statement: Record<string, unknown>) => {
    const image = buildImage({
      seed,
      platform: 'linux/amd64',
      created,
      labels: { 'org.opencontainers.image.source': 'https://github.com/chainguard-images/images' },
    });
    store(repo, image.layer.mediaType, image.layer.bytes);
    store(repo, image.config.mediaType, image.config.bytes);
    const digest = store(repo, image.manifest.mediaType, image.manifest.bytes);
    storeCosignAttestation(repo, digest, statement);
    return digest;
  };
  return {
    repo,
    from: side('cg-old', '2026-11-01T00:00:00Z', olderAlpineStatement()),
    to: side('cg-new', '2026-11-21T00:00:00Z', alpineSpdxStatement()),
  };
}
