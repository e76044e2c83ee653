import { RegistryError } from './errors.ts';

/** What one source answered when a reference was asked of several (registry, mirrors). */
export interface SourceFailure {
  /** `upstream`, `mirror` or `alias`: how the source stands to the reference. */
  readonly role: string;
  readonly host: string;
  readonly error: unknown;
}

/**
 * The error of a reference every source failed: one line naming
 * each source with its answer, in the order asked, e.g. `upstream
 * registry-1.docker.io: unreachable (ECONNREFUSED …); mirror mirror.gcr.io:
 * tag 3.99 not found in mirror.gcr.io/library/alpine`. One source's failure
 * is passed on as it is. The code and status are the last source's, so a
 * failure keeps the code it had before mirrors were tried.
 */
export function allSourcesFailed(failures: readonly SourceFailure[]): unknown {
  const last = failures.at(-1);
  if (last === undefined) return new Error('unreachable: no source was asked');
  if (failures.length === 1 || !(last.error instanceof RegistryError)) return last.error;
  const answers = failures.map(({ role, host, error }) => `${role} ${host}: ${answerOf(error)}`);
  return new RegistryError({
    status: last.error.status,
    code: last.error.code,
    retryable: last.error.retryable,
    message: answers.join('; '),
    plain: answers.join('; '),
    cause: last.error,
  });
}

function answerOf(error: unknown): string {
  if (error instanceof RegistryError) return error.plain ?? error.message;
  return error instanceof Error ? error.message : String(error);
}
