import { BadReferenceError, ReferenceErrorCode } from './errors.ts';
import { digestPattern } from './grammar.ts';

/** Hex lengths of the algorithms the OCI image spec registers. https://github.com/opencontainers/image-spec/blob/main/descriptor.md#registered-algorithms */
const hexLengthByAlgorithm: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

/** Validates `algorithm:hex` as go-digest does; returns it unchanged. */
export function validateDigest(text: string, input = text): string {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    throw new BadReferenceError(ReferenceErrorCode.DigestInvalidFormat, input);
  }
  const algorithm = text.slice(0, colon);
  const hex = text.slice(colon + 1);
  const length = hexLengthByAlgorithm[algorithm];
  if (length === undefined) {
    const code = digestPattern.test(text)
      ? ReferenceErrorCode.DigestUnsupported
      : ReferenceErrorCode.DigestInvalidFormat;
    throw new BadReferenceError(code, input, algorithm);
  }
  if (hex.length !== length) throw new BadReferenceError(ReferenceErrorCode.DigestInvalidLength, input);
  if (!/^[a-f0-9]+$/.test(hex)) throw new BadReferenceError(ReferenceErrorCode.DigestInvalidFormat, input);
  return text;
}

export function isDigest(text: string): boolean {
  try {
    validateDigest(text);
    return true;
  } catch {
    return false;
  }
}

/** First 7 hex characters, as git and GitHub abbreviate. */
export function shortDigest(digest: string): string {
  return digest.slice(digest.indexOf(':') + 1, digest.indexOf(':') + 8);
}
