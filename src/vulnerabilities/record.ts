import { z } from 'zod';

/**
 * The parts of an OSV record basepin reads, validated: the record is the advisory database's text and is
 * shown to people, so every string is capped here and sanitised where it is shown.
 * https://ossf.github.io/osv-schema/
 */

/** OSV ids (`ALPINE-CVE-2024-5535`, `DSA-3029-1`, `GHSA-xxxx-xxxx-xxxx`): they go into advisory links. */
export const osvIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const OsvIdSchema = z.string().regex(osvIdPattern);

const SeveritySchema = z.object({ type: z.string().max(40), score: z.string().max(300) }).loose();

const EventSchema = z
  .object({
    introduced: z.string().max(200).optional(),
    fixed: z.string().max(200).optional(),
    last_affected: z.string().max(200).optional(),
    limit: z.string().max(200).optional(),
  })
  .loose();

const AffectedSchema = z
  .object({
    package: z
      .object({ ecosystem: z.string().max(200), name: z.string().max(300), purl: z.string().optional() })
      .loose()
      .optional(),
    severity: z.array(SeveritySchema).max(20).optional(),
    ranges: z
      .array(z.object({ type: z.string().max(40), events: z.array(EventSchema).max(2000) }).loose())
      .max(200)
      .optional(),
    versions: z.array(z.string().max(200)).max(20_000).optional(),
    ecosystem_specific: z.unknown().optional(),
    database_specific: z.unknown().optional(),
  })
  .loose();

export const OsvRecordSchema = z
  .object({
    id: OsvIdSchema,
    summary: z.string().max(10_000).optional(),
    details: z.string().max(200_000).optional(),
    aliases: z.array(z.string().max(200)).max(500).optional(),
    upstream: z.array(z.string().max(200)).max(2000).optional(),
    modified: z.string().max(100).optional(),
    withdrawn: z.string().max(100).optional(),
    severity: z.array(SeveritySchema).max(20).optional(),
    affected: z.array(AffectedSchema).max(5000).optional(),
    database_specific: z.unknown().optional(),
  })
  .loose();

export type OsvRecord = z.infer<typeof OsvRecordSchema>;
export type OsvAffected = NonNullable<OsvRecord['affected']>[number];
