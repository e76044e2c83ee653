/**
 * Why a reference was refused. The codes and messages follow
 * distribution/reference and go-digest, so users can search for them.
 */
export const ReferenceErrorCode = {
  InvalidFormat: 'invalid reference format',
  NameEmpty: 'repository name must have at least one component',
  NameContainsUppercase: 'repository name must be lowercase',
  NameTooLong: 'repository name must not be more than 255 characters',
  HexIdentifier: 'cannot specify 64-byte hexadecimal strings',
  DigestInvalidLength: 'invalid checksum digest length',
  DigestUnsupported: 'unsupported digest algorithm',
  DigestInvalidFormat: 'invalid checksum digest format',
} as const;

export type ReferenceErrorCode = (typeof ReferenceErrorCode)[keyof typeof ReferenceErrorCode];

export class BadReferenceError extends Error {
  override readonly name = 'BadReferenceError';
  readonly code: ReferenceErrorCode;
  readonly input: string;
  /** What is wrong, without the input: for a line that shows the reference already. */
  readonly reason: string;

  constructor(code: ReferenceErrorCode, input: string, detail?: string) {
    const reason = `${code}${detail ? ` (${detail})` : ''}`;
    super(`${JSON.stringify(input)}: ${reason}`);
    this.code = code;
    this.input = input;
    this.reason = reason;
  }
}
