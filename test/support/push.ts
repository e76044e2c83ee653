import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildImage,
  buildIndex,
  parsePlatform,
  type BuiltImage,
  type ContentBlob,
  type ImageOptions,
  type ManifestKind,
  type TestPlatform,
} from './image-content.ts';
import { expectStatus, registryRequest, type RegistryTarget } from './registry-http.ts';

/**
 * Pushes test images through the distribution HTTP API:
 * https://github.com/opencontainers/distribution-spec/blob/main/spec.md#push
 * Blobs go up monolithically (POST, then PUT to the Location with `digest`),
 * manifests by PUT with their media type. Every digest returned is the sha256
 * of the exact bytes PUT.
 */

export interface PushedImage {
  readonly repository: string;
  /** The tag pushed, or undefined for an index child pushed by digest. */
  readonly tag: string | undefined;
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
  readonly bytes: Uint8Array;
  readonly platform: TestPlatform;
  readonly configDigest: string;
  readonly layerDigest: string;
  /** `host/repository:tag` (or `@digest`) as an image reference. */
  readonly reference: string;
}

export interface PushedIndex {
  readonly repository: string;
  readonly tag: string;
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
  readonly bytes: Uint8Array;
  /** In index order. */
  readonly children: readonly PushedImage[];
  readonly reference: string;
}

export interface IndexOptions {
  readonly kind?: ManifestKind;
  /** Index annotations (OCI only). */
  readonly annotations?: Record<string, string>;
  readonly seed?: string;
  readonly labels?: Record<string, string>;
  readonly created?: string;
}

function hostOf(target: RegistryTarget): string {
  return new URL(target.url).host;
}

export async function pushBlob(target: RegistryTarget, repository: string, blob: ContentBlob): Promise<void> {
  const started = await expectStatus(
    await registryRequest(target, { method: 'POST', path: `/v2/${repository}/blobs/uploads/`, repository }),
    [202],
    `start upload to ${repository}`,
  );
  await started.body?.cancel();
  const location = started.headers.get('location');
  if (location === null) throw new Error(`upload to ${repository}: 202 without Location`);
  const uploadUrl = new URL(location, target.url);
  uploadUrl.searchParams.set('digest', blob.digest);
  const done = await expectStatus(
    await registryRequest(target, {
      method: 'PUT',
      path: uploadUrl.href,
      repository,
      headers: { 'Content-Type': 'application/octet-stream' },
      body: blob.bytes,
    }),
    [201],
    `upload ${blob.digest} to ${repository}`,
  );
  await done.body?.cancel();
}

/** PUT a manifest under a tag or its digest; throws if the registry reports another digest than ours. */
export async function pushManifest(
  target: RegistryTarget,
  repository: string,
  reference: string,
  manifest: ContentBlob,
): Promise<void> {
  const response = await expectStatus(
    await registryRequest(target, {
      method: 'PUT',
      path: `/v2/${repository}/manifests/${reference}`,
      repository,
      headers: { 'Content-Type': manifest.mediaType },
      body: manifest.bytes,
    }),
    [201],
    `put manifest ${repository}:${reference}`,
  );
  await response.body?.cancel();
  const reported = response.headers.get('docker-content-digest');
  if (reported !== null && reported !== manifest.digest) {
    throw new Error(`registry stored ${repository}:${reference} as ${reported}, expected ${manifest.digest}`);
  }
}

async function pushBuiltImage(
  target: RegistryTarget,
  repository: string,
  image: BuiltImage,
  tag: string | undefined,
): Promise<PushedImage> {
  await pushBlob(target, repository, image.layer);
  await pushBlob(target, repository, image.config);
  await pushManifest(target, repository, tag ?? image.manifest.digest, image.manifest);
  return {
    repository,
    tag,
    digest: image.manifest.digest,
    mediaType: image.manifest.mediaType,
    size: image.manifest.bytes.length,
    bytes: image.manifest.bytes,
    platform: image.platform,
    configDigest: image.config.digest,
    layerDigest: image.layer.digest,
    reference: `${hostOf(target)}/${repository}${tag !== undefined ? `:${tag}` : `@${image.manifest.digest}`}`,
  };
}

/** A single-platform image under `tag` (OCI manifest by default, Docker schema2 with `kind: 'docker'`). */
export async function pushImage(
  target: RegistryTarget,
  repository: string,
  tag: string,
  options: ImageOptions = {},
): Promise<PushedImage> {
  return pushBuiltImage(target, repository, buildImage(options), tag);
}

/**
 * One image per platform (pushed by digest), then an OCI image index or a
 * Docker manifest list over them under `tag`.
 */
export async function pushIndex(
  target: RegistryTarget,
  repository: string,
  tag: string,
  platforms: readonly (TestPlatform | string)[],
  options: IndexOptions = {},
): Promise<PushedIndex> {
  const kind = options.kind ?? 'oci';
  const images = platforms.map((platform) =>
    buildImage({
      platform: parsePlatform(platform),
      kind,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.labels !== undefined ? { labels: options.labels } : {}),
      ...(options.created !== undefined ? { created: options.created } : {}),
    }),
  );
  const children: PushedImage[] = [];
  for (const image of images) children.push(await pushBuiltImage(target, repository, image, undefined));
  const index = buildIndex(images, {
    kind,
    ...(options.annotations !== undefined ? { annotations: options.annotations } : {}),
  });
  await pushManifest(target, repository, tag, index);
  return {
    repository,
    tag,
    digest: index.digest,
    mediaType: index.mediaType,
    size: index.bytes.length,
    bytes: index.bytes,
    children,
    reference: `${hostOf(target)}/${repository}:${tag}`,
  };
}

/** Deletes a manifest by digest (distribution cannot delete a tag alone; the tag goes with it). */
export async function deleteManifest(
  target: RegistryTarget,
  repository: string,
  digest: string,
): Promise<void> {
  const response = await expectStatus(
    await registryRequest(target, {
      method: 'DELETE',
      path: `/v2/${repository}/manifests/${digest}`,
      repository,
    }),
    [202],
    `delete ${repository}@${digest}`,
  );
  await response.body?.cancel();
}

/** Writes a docker `config.json` granting `credentials` for `host` into `dir` (pass `dir` as `dockerConfigDir`). */
export function writeDockerConfig(
  dir: string,
  host: string,
  credentials: { username: string; password: string },
): string {
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify({ auths: { [host]: { auth } } }, null, 2));
  return path;
}
