import { createHash } from 'node:crypto';
import { isDigest } from '../reference/index.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';

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
