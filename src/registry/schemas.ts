import { z } from 'zod';
import { isDigest } from '../reference/index.ts';

/** Only the fields basepin reads; unknown fields pass through untouched. */
const PlatformSchema = z.object({
  os: z.string(),
  architecture: z.string(),
  variant: z.string().optional(),
});

const annotations = z.record(z.string(), z.string()).optional();

/**
 * A descriptor's digest is registry-controlled text that may end up in a
 * Dockerfile, so it must be a well-formed digest (no newline, no `$`).
 * https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests
 */
const DigestSchema = z.string().refine(isDigest, 'expected a digest such as sha256:<64 hex>');

/** https://github.com/opencontainers/image-spec/blob/main/descriptor.md */
export const DescriptorSchema = z.object({
  mediaType: z.string(),
  digest: DigestSchema,
  size: z.number().optional(),
  platform: PlatformSchema.optional(),
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
 * Image manifest (OCI) and image manifest v2 schema 2 (Docker).
 * https://github.com/opencontainers/image-spec/blob/main/manifest.md
 * https://distribution.github.io/distribution/spec/manifest-v2-2/#image-manifest
 */
export const ImageManifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  config: DescriptorSchema,
  annotations,
});
export type ImageManifest = z.infer<typeof ImageManifestSchema>;

/** https://github.com/opencontainers/image-spec/blob/main/config.md */
export const ImageConfigSchema = z.object({
  os: z.string(),
  architecture: z.string(),
  variant: z.string().optional(),
  config: z.object({ Labels: z.record(z.string(), z.string()).nullish() }).nullish(),
});
export type ImageConfig = z.infer<typeof ImageConfigSchema>;

/** https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes */
export const ErrorResponseSchema = z.object({
  errors: z
    .array(z.object({ code: z.string(), message: z.string().optional(), detail: z.unknown().optional() }))
    .min(1),
});

/** https://distribution.github.io/distribution/spec/auth/token/#token-response-fields */
export const TokenResponseSchema = z
  .object({
    token: z.string().min(1).optional(),
    access_token: z.string().min(1).optional(),
    expires_in: z.number().int().positive().optional(),
    issued_at: z.string().optional(),
    refresh_token: z.string().optional(),
  })
  .refine((reply) => reply.token !== undefined || reply.access_token !== undefined, {
    message: 'token reply has neither "token" nor "access_token"',
  });
