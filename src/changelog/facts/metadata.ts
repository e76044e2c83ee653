import { parseSource, type SourceRef } from './source.ts';

/**
 * The build metadata an image carries about itself, read from OCI annotations and image config labels.
 * https://github.com/opencontainers/image-spec/blob/main/annotations.md
 * http://label-schema.org/rc1/ (the older `org.label-schema.*` labels)
 */
export interface ImageMetadata {
  /** ISO 8601, or undefined when absent or before 1990 (a reproducible build's epoch). */
  readonly created?: string | undefined;
  readonly version?: string | undefined;
  readonly revision?: string | undefined;
  readonly source?: SourceRef | undefined;
  readonly url?: string | undefined;
  readonly baseName?: string | undefined;
  readonly baseDigest?: string | undefined;
}

export const Annotation = {
  created: 'org.opencontainers.image.created',
  version: 'org.opencontainers.image.version',
  revision: 'org.opencontainers.image.revision',
  source: 'org.opencontainers.image.source',
  url: 'org.opencontainers.image.url',
  baseName: 'org.opencontainers.image.base.name',
  baseDigest: 'org.opencontainers.image.base.digest',
  vcsUrl: 'org.label-schema.vcs-url',
  vcsRef: 'org.label-schema.vcs-ref',
  labelSchemaVersion: 'org.label-schema.version',
  labelSchemaDate: 'org.label-schema.build-date',
} as const;

export type StringMap = Readonly<Record<string, string>>;

/** `SOURCE_DATE_EPOCH=0` gives 1970; nothing real was built before 1990. */
const earliestPlausible = Date.UTC(1990, 0, 1);

/** A date worth showing, as ISO 8601 UTC to the second; undefined for missing, malformed or implausible dates. */
export function plausibleDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time) || time < earliestPlausible) return undefined;
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Merges metadata sources, most specific first: the manifest's own annotations, its descriptor's annotations
 * in the index, the index's annotations, then the config's labels (and the config's `created`).
 */
export function readMetadata(
  sources: readonly (StringMap | undefined)[],
  configCreated?: string,
): ImageMetadata {
  const first = (...keys: string[]): string | undefined => {
    for (const map of sources) {
      if (!map) continue;
      for (const key of keys) {
        const value = map[key];
        if (typeof value === 'string' && value.trim() !== '') return value.trim();
      }
    }
    return undefined;
  };
  const revision = first(Annotation.revision, Annotation.vcsRef);
  const created =
    plausibleDate(first(Annotation.created)) ??
    plausibleDate(configCreated) ??
    plausibleDate(first(Annotation.labelSchemaDate));
  return dropUndefined({
    created,
    version: first(Annotation.version, Annotation.labelSchemaVersion),
    revision,
    source: parseSource(first(Annotation.source, Annotation.vcsUrl), revision),
    url: first(Annotation.url),
    baseName: first(Annotation.baseName),
    baseDigest: first(Annotation.baseDigest),
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
