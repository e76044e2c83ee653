import { z } from 'zod';
import { DescriptorSchema } from '../oci/index.ts';
import { readJson } from '../text/read-json.ts';

export type { Descriptor } from '../oci/index.ts';

// The documents a registry sends about signatures and provenance, parsed before anything reads them. Only
// the fields basepin reads are named; the rest passes.

const digest = z.string().regex(/^sha256:[a-f0-9]{64}$/);
const annotations = z.record(z.string(), z.string()).optional();

/** An artifact manifest (a cosign signature, a bundle referrer, an attestation manifest). */
export const ArtifactManifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: DescriptorSchema.optional(),
  layers: z.array(DescriptorSchema).max(1000),
  subject: DescriptorSchema.optional(),
  annotations,
});
export type ArtifactManifest = z.infer<typeof ArtifactManifestSchema>;

/**
 * cosign's simple-signing payload. https://github.com/containers/image/blob/main/docs/containers-signature.5.md
 * (cosign writes `docker-reference` and `docker-manifest-digest`; `optional` holds free-form claims).
 */
export const SimpleSigningSchema = z.object({
  critical: z.object({
    identity: z.object({ 'docker-reference': z.string() }),
    image: z.object({ 'docker-manifest-digest': digest }),
    type: z.string(),
  }),
  optional: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type SimpleSigning = z.infer<typeof SimpleSigningSchema>;

/** The Rekor entry cosign keeps in the `dev.sigstore.cosign/bundle` annotation (its "legacy bundle"). */
export const CosignRekorBundleSchema = z.object({
  SignedEntryTimestamp: z.string().min(1),
  Payload: z.object({
    body: z.string().min(1),
    integratedTime: z.number().int().nonnegative(),
    logIndex: z.number().int().nonnegative(),
    logID: z.string().regex(/^[a-f0-9]{64}$/),
  }),
});
export type CosignRekorBundle = z.infer<typeof CosignRekorBundleSchema>;

const resourceDescriptor = z.object({
  uri: z.string().optional(),
  digest: z.record(z.string(), z.string()).optional(),
  name: z.string().optional(),
});

/** An in-toto statement (v0.1 and v1). https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md */
export const StatementSchema = z.object({
  _type: z.string(),
  predicateType: z.string(),
  subject: z
    .array(z.object({ name: z.string().optional(), digest: z.record(z.string(), z.string()) }))
    .optional(),
  predicate: z.unknown(),
});
export type Statement = z.infer<typeof StatementSchema>;

/** SLSA provenance v0.2 as BuildKit writes it. https://slsa.dev/spec/v0.2/provenance */
export const ProvenanceV02Schema = z.object({
  builder: z.object({ id: z.string() }).optional(),
  buildType: z.string().optional(),
  invocation: z
    .object({
      configSource: z
        .object({ uri: z.string().optional(), digest: z.record(z.string(), z.string()).optional() })
        .optional(),
    })
    .optional(),
  materials: z.array(resourceDescriptor).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/** SLSA provenance v1. https://slsa.dev/spec/v1.0/provenance */
export const ProvenanceV1Schema = z.object({
  buildDefinition: z.object({
    buildType: z.string().optional(),
    externalParameters: z.record(z.string(), z.unknown()).optional(),
    resolvedDependencies: z.array(resourceDescriptor).optional(),
  }),
  runDetails: z
    .object({
      builder: z.object({ id: z.string() }).optional(),
      metadata: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});

/** BuildKit's own metadata: `vcs.source` and `vcs.revision` where the build had a git context. */
export const BuildkitVcsSchema = z.object({
  vcs: z.object({ source: z.string().optional(), revision: z.string().optional() }).optional(),
});

/** `bytes` parsed as JSON and checked by `schema`; undefined when either fails. */
export function parseBytes<T>(schema: z.ZodType<T>, bytes: Uint8Array): T | undefined {
  const read = readJson(bytes, schema);
  return read.ok ? read.value : undefined;
}
