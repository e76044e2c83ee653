import { createHash } from 'node:crypto';
import { isDigest } from '../reference/index.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { bareMediaType, isIndexMediaType, isManifestMediaType, type MediaType } from '../oci/index.ts';
import { ImageIndexSchema, ImageManifestSchema } from '../oci/index.ts';
import { parseJson } from '../text/read-json.ts';

/** `sha256:…` of the bytes, using the algorithm of `like` (sha256 by default). */
export function digestOf(bytes: Uint8Array, like = 'sha256:'): string {
  const algorithm = like.slice(0, like.indexOf(':'));
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** A well-formed `Docker-Content-Digest` value, or undefined. */
export function wellFormedDigest(header: string | null): string | undefined {
  const value = header?.trim();
  return value !== undefined && isDigest(value) ? value : undefined;
}

/** Throws unless the bytes hash to `expected`; never lets a wrong digest through. */
export function verifyDigest(bytes: Uint8Array, expected: string, what: string): string {
  const actual = digestOf(bytes, expected);
  if (actual !== expected) {
    throw new RegistryError({
      status: 0,
      code: RegistryErrorCode.DigestMismatch,
      retryable: false,
      message: `${what}: the bytes served hash to ${actual}, not ${expected}`,
    });
  }
  return actual;
}

/**
 * The media type of a manifest body, after checking the body is one: JSON
 * that parses as the spec object of its type, whose own `mediaType` (when
 * present) agrees with the `Content-Type`. An empty, truncated or foreign
 * body is an error, never something to hash and pin.
 */
export function checkManifestBody(contentType: string | null, body: Uint8Array, what: string): MediaType {
  const header = bareMediaType(contentType);
  const read = parseJson(body);
  if (!read.ok) throw badManifest(what, `the body is ${read.problem.message} (${body.byteLength} bytes)`);
  const declared = (read.value as { mediaType?: unknown } | null)?.mediaType;
  if (declared !== undefined && typeof declared !== 'string') {
    throw badManifest(what, 'its mediaType is not a string');
  }
  const headerIsManifest = isManifestMediaType(header);
  if (headerIsManifest && declared !== undefined && declared !== header) {
    throw badManifest(what, `Content-Type says ${header} but the body says ${declared}`);
  }
  const mediaType = headerIsManifest ? header : declared;
  if (!isManifestMediaType(mediaType)) {
    throw new RegistryError({
      status: 0,
      code: RegistryErrorCode.UnsupportedMediaType,
      retryable: false,
      message: `${what}: served ${header ?? 'no Content-Type'}, not an OCI or Docker v2 manifest or index`,
    });
  }
  const schema = isIndexMediaType(mediaType) ? ImageIndexSchema : ImageManifestSchema;
  const parsed = schema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join('.')}` : '';
    throw badManifest(what, `not a valid ${mediaType}${where} (${issue?.message ?? 'invalid'})`);
  }
  return mediaType;
}

function badManifest(what: string, detail: string): RegistryError {
  return new RegistryError({
    status: 0,
    code: RegistryErrorCode.BadResponse,
    retryable: false,
    message: `${what}: ${detail}`,
  });
}
