import { EditConflictError, UnencodableTextError } from '../dockerfile/index.ts';
import { BadReferenceError } from '../reference/index.ts';
import { RegistryError } from '../registry/index.ts';
import { TargetDigestError } from '../resolve/index.ts';
import { WriteError } from '../scan/index.ts';

/**
 * Why one site (or one file) was not done. Failures stay typed errors from
 * where they happen up to the entries, which alone turn them into text; each
 * has a stable `code` that `--json`, the action's outputs and README share.
 */
export const FailureCode = {
  /** The text is not a reference Docker would accept (the parser's reason is the message). */
  InvalidReference: 'INVALID_REFERENCE',
  /** A reference the resolver refused (digest-only, malformed). */
  BadReference: 'BAD_REFERENCE',
  /** The file's edits overlap or fall outside its text: the file is left as it was. */
  EditConflict: 'EDIT_CONFLICT',
  /** The edited text cannot be written back in the file's encoding. */
  Unencodable: 'UNENCODABLE_TEXT',
  /** The file could not be written (permissions, disk, changed since it was read): `WriteError`. */
  WriteFailed: 'WRITE_FAILED',
  /** A bug in basepin: reported with its stack on --debug; exit 70. */
  Internal: 'INTERNAL_ERROR',
} as const;

/** A site whose reference Docker itself would refuse. */
export class InvalidSiteError extends Error {
  override readonly name = 'InvalidSiteError';
  readonly code = FailureCode.InvalidReference;
}

export { WriteError };

/** Anything thrown that is not one of our typed errors: a bug, not the registry's fault. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  readonly code = FailureCode.Internal;

  constructor(cause: unknown) {
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(`internal error (${firstLine(message)})`, { cause });
  }

  /** The original stack, for --debug and the action's debug log. */
  get detail(): string {
    const cause = this.cause;
    return cause instanceof Error ? (cause.stack ?? cause.message) : String(cause);
  }
}

export type Failure =
  | RegistryError
  | BadReferenceError
  | TargetDigestError
  | EditConflictError
  | UnencodableTextError
  | InvalidSiteError
  | WriteError
  | InternalError;

/** Keeps a typed failure as it is; anything else becomes an InternalError. */
export function asFailure(error: unknown): Failure {
  if (
    error instanceof RegistryError ||
    error instanceof BadReferenceError ||
    error instanceof TargetDigestError ||
    error instanceof EditConflictError ||
    error instanceof UnencodableTextError ||
    error instanceof InvalidSiteError ||
    error instanceof WriteError ||
    error instanceof InternalError
  ) {
    return error;
  }
  return new InternalError(error);
}

/** The stable code of a failure (a registry's own codes pass through: `MANIFEST_UNKNOWN`, `DENIED`). */
export function failureCode(failure: Failure): string {
  if (failure instanceof BadReferenceError) return FailureCode.BadReference;
  if (failure instanceof EditConflictError) return FailureCode.EditConflict;
  if (failure instanceof UnencodableTextError) return FailureCode.Unencodable;
  return failure.code;
}

/** One line a person can act on. */
export function failureMessage(failure: Failure): string {
  return firstLine(failure.message);
}

export function isInternal(failure: Failure): failure is InternalError {
  return failure instanceof InternalError;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
