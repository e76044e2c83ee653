import { z } from 'zod';
import { isDigest } from '../../reference/index.ts';
import { readJson } from '../../text/read-json.ts';

/**
 * The parts of the OCI objects a changelog reads (more than pinning needs: layers, `created`, labels).
 * Unknown fields pass through; a field of the wrong type fails the object, which then gives no facts.
 */

const annotations = z.record(z.string(), z.string()).optional();
const DigestSchema = z.string().refine(isDigest, 'expected a digest such as sha256:<64 hex>');

/** https://github.com/opencontainers/image-spec/blob/main/descriptor.md */
export const ContentDescriptorSchema = z.object({
  mediaType: z.string(),
  digest: DigestSchema,
  size: z.number().int().nonnegative().optional(),
  platform: z
    .object({
      os: z.string(),
      architecture: z.string(),
      variant: z.string().optional(),
      'os.version': z.string().optional(),
    })
    .optional(),
  artifactType: z.string().optional(),
  annotations,
});
export type ContentDescriptor = z.infer<typeof ContentDescriptorSchema>;

/** https://github.com/opencontainers/image-spec/blob/main/image-index.md */
export const ImageIndexSchema = z.object({
  schemaVersion: z.literal(2),
  manifests: z.array(ContentDescriptorSchema),
  annotations,
});
export type ImageIndex = z.infer<typeof ImageIndexSchema>;

/** https://github.com/opencontainers/image-spec/blob/main/manifest.md (layers are absent from some artifacts). */
export const ImageManifestSchema = z.object({
  schemaVersion: z.literal(2),
  config: ContentDescriptorSchema,
  layers: z.array(ContentDescriptorSchema).default([]),
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

export function readOrUndefined<T>(schema: z.ZodType<T>, bytes: Uint8Array): T | undefined {
  const read = readJson(bytes, schema);
  return read.ok ? read.value : undefined;
}
