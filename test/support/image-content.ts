import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * Deterministic, valid image content for tests: the same options always give
 * the same bytes, and so the same digests; another `seed` gives other ones.
 */

/** https://github.com/opencontainers/image-spec/blob/main/media-types.md */
export const MediaType = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/** The four manifest types a resolver accepts (docs/architecture.md, "Resolution cost"). */
export const allManifestTypes = [
  MediaType.ociIndex,
  MediaType.dockerManifestList,
  MediaType.ociManifest,
  MediaType.dockerManifest,
] as const;

export type ManifestKind = 'oci' | 'docker';

export interface TestPlatform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export interface ContentBlob {
  readonly bytes: Uint8Array;
  readonly digest: string;
  readonly mediaType: string;
}

export interface BuiltImage {
  readonly platform: TestPlatform;
  readonly config: ContentBlob;
  readonly layer: ContentBlob;
  readonly manifest: ContentBlob;
}

export interface ImageOptions {
  /** `linux/amd64`, `linux/arm64/v8`, or an object; default linux/amd64. */
  readonly platform?: TestPlatform | string;
  readonly kind?: ManifestKind;
  /** Image config `config.Labels` (where org.opencontainers.image.* labels live). */
  readonly labels?: Record<string, string>;
  /** Manifest annotations (OCI manifests only; Docker schema2 has none). */
  readonly annotations?: Record<string, string>;
  /** Image config `created`; default 2024-01-01T00:00:00Z. */
  readonly created?: string;
  /** Changes the layer content, hence every digest. */
  readonly seed?: string;
}

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function parsePlatform(platform: TestPlatform | string | undefined): TestPlatform {
  if (platform === undefined) return { os: 'linux', architecture: 'amd64' };
  if (typeof platform !== 'string') return platform;
  const [os = '', architecture = '', variant] = platform.split('/');
  if (os === '' || architecture === '') throw new Error(`platform "${platform}" is not os/arch[/variant]`);
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

export function platformString(platform: TestPlatform): string {
  return [platform.os, platform.architecture, platform.variant].filter((p) => p !== undefined).join('/');
}

function blob(bytes: Uint8Array, mediaType: string): ContentBlob {
  return { bytes, digest: sha256Digest(bytes), mediaType };
}

function json(value: unknown): Uint8Array {
  // Indented like most registries' manifests: the digest is over these exact bytes, not a canonical form.
  return new TextEncoder().encode(JSON.stringify(value, null, 3));
}

/** A one-file ustar archive (POSIX.1-1988), mtime 0, so the bytes are stable. */
function tarOneFile(name: string, content: Uint8Array): Uint8Array {
  const header = Buffer.alloc(512);
  const field = (offset: number, length: number, value: string) =>
    header.write(value, offset, length, 'ascii');
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0') + '\0';
  field(0, 100, name);
  field(100, 8, octal(0o644, 8));
  field(108, 8, octal(0, 8));
  field(116, 8, octal(0, 8));
  field(124, 12, octal(content.length, 12));
  field(136, 12, octal(0, 12));
  field(148, 8, '        ');
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  field(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  const padded = Math.ceil(content.length / 512) * 512;
  const archive = Buffer.alloc(512 + padded + 1024);
  header.copy(archive, 0);
  Buffer.from(content).copy(archive, 512);
  return archive;
}

export function buildImage(options: ImageOptions = {}): BuiltImage {
  const platform = parsePlatform(options.platform);
  const kind = options.kind ?? 'oci';
  const seed = options.seed ?? 'basepin';
  const tar = tarOneFile(
    'basepin-seed.txt',
    new TextEncoder().encode(`${seed}\n${platformString(platform)}\n`),
  );
  const layer = blob(
    gzipSync(tar, { level: 9 }),
    kind === 'oci' ? MediaType.ociLayerGzip : MediaType.dockerLayerGzip,
  );
  const config = blob(
    json({
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant !== undefined ? { variant: platform.variant } : {}),
      created: options.created ?? '2024-01-01T00:00:00Z',
      config: {
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        Labels: options.labels ?? {},
      },
      rootfs: { type: 'layers', diff_ids: [sha256Digest(tar)] },
      history: [
        { created: options.created ?? '2024-01-01T00:00:00Z', created_by: `basepin test seed ${seed}` },
      ],
    }),
    kind === 'oci' ? MediaType.ociConfig : MediaType.dockerConfig,
  );
  const descriptor = (b: ContentBlob) => ({ mediaType: b.mediaType, digest: b.digest, size: b.bytes.length });
  const manifestType = kind === 'oci' ? MediaType.ociManifest : MediaType.dockerManifest;
  const manifest = blob(
    json({
      schemaVersion: 2,
      mediaType: manifestType,
      config: descriptor(config),
      layers: [descriptor(layer)],
      ...(kind === 'oci' && options.annotations !== undefined ? { annotations: options.annotations } : {}),
    }),
    manifestType,
  );
  return { platform, config, layer, manifest };
}

/** An OCI image index or a Docker manifest list over already built images. */
export function buildIndex(
  images: readonly BuiltImage[],
  options: { kind?: ManifestKind; annotations?: Record<string, string> } = {},
): ContentBlob {
  const kind = options.kind ?? 'oci';
  const mediaType = kind === 'oci' ? MediaType.ociIndex : MediaType.dockerManifestList;
  return blob(
    json({
      schemaVersion: 2,
      mediaType,
      manifests: images.map((image) => ({
        mediaType: image.manifest.mediaType,
        digest: image.manifest.digest,
        size: image.manifest.bytes.length,
        platform: {
          architecture: image.platform.architecture,
          os: image.platform.os,
          ...(image.platform.variant !== undefined ? { variant: image.platform.variant } : {}),
        },
      })),
      ...(kind === 'oci' && options.annotations !== undefined ? { annotations: options.annotations } : {}),
    }),
    mediaType,
  );
}
