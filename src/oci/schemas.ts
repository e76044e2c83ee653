import { z } from 'zod';
import { isDigest } from '../reference/index.ts';
import { readJson } from '../text/read-json.ts';

/**
 * The OCI objects basepin reads, defined once for the resolver and the changelog: only the fields it
 * reads. A field of the wrong type fails the object (the resolver then reports a bad manifest, the
 * changelog gives no facts for it).
 */

const annotations = z.record(z.string(), z.string()).optional();

/**
 * A descriptor's digest is registry-controlled text that may end up in a Dockerfile, so it must be a
 * well-formed digest (no newline, no `$`).
 * https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests
 */
const DigestSchema = z.string().refine(isDigest, 'expected a digest such as sha256:<64 hex>');

/** https://github.com/opencontainers/image-spec/blob/main/image-index.md#image-index-property-descriptions */
const PlatformSchema = z.object({
  os: z.string(),
  architecture: z.string(),
  variant: z.string().optional(),
  'os.version': z.string().optional(),
});

/** https://github.com/opencontainers/image-spec/blob/main/descriptor.md */
export const DescriptorSchema = z.object({
  mediaType: z.string(),
  digest: DigestSchema,
  size: z.number().int().nonnegative().optional(),
  platform: PlatformSchema.optional(),
  artifactType: z.string().optional(),
  annotations,
});
export type Descriptor = z.infer<typeof DescriptorSchema>;

/**
 * Image index (OCI) and manifest list (Docker) share this shape.
 * https://github.com/opencontainers/image-spec/blob/main/image-index.md
 * https://distribution.github.io/distribution/spec/manifest-v2-2/#manifest-list
 */
export const ImageIndexSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(DescriptorSchema),
  annotations,
});
export type ImageIndex = z.infer<typeof ImageIndexSchema>;

/**
 * Image manifest (OCI) and image manifest v2 schema 2 (Docker); layers are absent from some artifacts.
 * https://github.com/opencontainers/image-spec/blob/main/manifest.md
 * https://distribution.github.io/distribution/spec/manifest-v2-2/#image-manifest
 */
export const ImageManifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: DescriptorSchema,
  layers: z.array(DescriptorSchema).default([]),
  annotations,
});
export type ImageManifest = z.infer<typeof ImageManifestSchema>;

/** https://github.com/opencontainers/image-spec/blob/main/config.md */
export const ImageConfigSchema = z.object({
  created: z.string().optional(),
  os: z.string().optional(),
  architecture: z.string().optional(),
  variant: z.string().optional(),
  'os.version': z.string().optional(),
  config: z.object({ Labels: z.record(z.string(), z.string()).nullish() }).nullish(),
});
export type ImageConfig = z.infer<typeof ImageConfigSchema>;

/** A config that says which platform its image is: what the resolver needs of a single-platform image. */
export const PlatformConfigSchema = ImageConfigSchema.extend({ os: z.string(), architecture: z.string() });

/** The object, or undefined when the bytes are not one (the changelog leaves such facts out). */
export function readOrUndefined<T>(schema: z.ZodType<T>, bytes: Uint8Array): T | undefined {
  const read = readJson(bytes, schema);
  return read.ok ? read.value : undefined;
}
