/** https://github.com/opencontainers/image-spec/blob/main/media-types.md */
export const MediaType = {
  OciIndex: 'application/vnd.oci.image.index.v1+json',
  DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  OciManifest: 'application/vnd.oci.image.manifest.v1+json',
  DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

export type MediaType = (typeof MediaType)[keyof typeof MediaType];

/** Index types first: the registry then serves the multi-platform index where there is one. */
export const manifestAccept = [
  MediaType.OciIndex,
  MediaType.DockerManifestList,
  MediaType.OciManifest,
  MediaType.DockerManifest,
].join(', ');

const known: ReadonlySet<string> = new Set(Object.values(MediaType));

/** The bare media type of a `Content-Type` value (`a/b; charset=utf-8` → `a/b`), or undefined. */
export function bareMediaType(contentType: string | null | undefined): string | undefined {
  const bare = contentType?.split(';')[0]?.trim().toLowerCase();
  return bare === undefined || bare === '' ? undefined : bare;
}

export function isManifestMediaType(mediaType: string | undefined): mediaType is MediaType {
  return mediaType !== undefined && known.has(mediaType);
}

export function isIndexMediaType(mediaType: string | undefined): boolean {
  return mediaType === MediaType.OciIndex || mediaType === MediaType.DockerManifestList;
}
