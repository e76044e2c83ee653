import { z } from 'zod';
import { readJson } from '../text/read-json.ts';

/**
 * The resolution an organisation plan writes and every shard reads: the registry's answers the plan got,
 * once per unique question, and the shards. A shard answers from it alone, so it never asks a registry.
 * The file travels between jobs as an artifact: it is read back through this schema, never trusted.
 */
export const resolutionFileVersion = 1;

const digest = z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/);
const text = z.string().max(2048);

const HeadSchema = z.object({
  digest,
  mediaType: text,
  verified: z.boolean().optional(),
  fromMirror: text.optional(),
});

/** An answer the plan got: a manifest head, a manifest's bytes, a blob, tags, referrers, or a failure. */
const AnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('head'), head: HeadSchema }),
  z.object({ kind: z.literal('manifest'), head: HeadSchema, base64: z.string() }),
  z.object({ kind: z.literal('blob'), base64: z.string() }),
  z.object({ kind: z.literal('tags'), tags: z.array(text), more: z.boolean() }),
  z.object({
    kind: z.literal('referrers'),
    referrers: z.array(
      z.object({
        mediaType: text,
        digest,
        size: z.number().int().nonnegative().optional(),
        artifactType: text.optional(),
        annotations: z.record(z.string(), z.string()).optional(),
      }),
    ),
  }),
  /** The question failed in the plan; a shard fails it the same way (by code), never asks again. */
  z.object({
    kind: z.literal('failure'),
    /** `RegistryError` is rebuilt with its code and status; any other name fails as that error would. */
    name: text,
    code: text.optional(),
    status: z.number().int().min(0).max(999).optional(),
    message: z.string().max(4096),
    plain: z.string().max(4096).optional(),
  }),
]);

export type ResolutionAnswer = z.infer<typeof AnswerSchema>;

const ResolutionFileSchema = z.object({
  version: z.literal(resolutionFileVersion),
  createdAt: z.iso.datetime(),
  /** Repository names (`owner/name`) per shard; a matrix job's `shard` indexes it. */
  shards: z.array(z.array(text).max(100_000)).min(1).max(256),
  /** Answers by question: `<operation> <repository>[:tag|@digest]`. */
  answers: z.record(text, AnswerSchema),
});

export type ResolutionFile = z.infer<typeof ResolutionFileSchema>;

export class ResolutionFileError extends Error {
  override readonly name = 'ResolutionFileError';
}

/** The file's text checked against the schema; `source` names it in the one-line error. */
export function parseResolutionFile(input: string | Uint8Array, source: string): ResolutionFile {
  const read = readJson(input, ResolutionFileSchema);
  if (read.ok) return read.value;
  const { problem } = read;
  if (problem.kind === 'syntax') throw new ResolutionFileError(`${source}: ${problem.message}`);
  throw new ResolutionFileError(
    `${source}: not a basepin resolution file v${resolutionFileVersion}: ${problem.path || '(root)'} ${problem.issue}`,
  );
}

/** The shard's repositories; a shard index outside the file is a clear error, not an empty run. */
export function shardOf(file: ResolutionFile, shard: number): readonly string[] {
  const repositories = Number.isInteger(shard) ? file.shards[shard] : undefined;
  if (repositories === undefined) {
    throw new ResolutionFileError(`shard ${shard}: the resolution has shards 0 to ${file.shards.length - 1}`);
  }
  return repositories;
}
