import type { ZodError } from 'zod';

/**
 * GitHub's words we act on. Matching is only ever against these constants.
 * https://docs.github.com/en/rest/pulls/pulls#create-a-pull-request (422 when the head already has an open PR)
 */
export const GitHubMessage = {
  PullRequestExists: 'A pull request already exists',
  ReferenceExists: 'Reference already exists',
  /** Private repositories on GitHub Free: the pull request is opened as ready for review instead. */
  DraftsUnsupported: 'Draft pull requests are not supported',
  /**
   * A reviewer who is not a collaborator, or a team the token cannot see (a workflow's GITHUB_TOKEN sees no
   * organisation teams): https://docs.github.com/en/rest/pulls/review-requests#request-reviewers-for-a-pull-request
   */
  ReviewersNotCollaborators: 'Reviews may only be requested from collaborators',
} as const;

/** A failed GitHub request, naming what basepin was doing and on what. */
export class GitHubError extends Error {
  override readonly name: string = 'GitHubError';
  /** What basepin was doing: `create pull request`. */
  readonly operation: string;
  /** What it was done to: `basepin/all → main in o/r`. */
  readonly resource: string;
  /** HTTP status; undefined when no response came (network). */
  readonly status: number | undefined;
  /** GitHub's `message` and each `errors[].message`/`code`, for matching against `GitHubMessage`. */
  readonly details: readonly string[];

  constructor(
    operation: string,
    resource: string,
    status: number | undefined,
    details: readonly string[],
    cause?: unknown,
  ) {
    const what =
      details.length > 0 ? details.join(': ') : cause instanceof Error ? cause.message : 'no response';
    super(`${operation} ${resource}: ${status ?? 'network error'} ${what}`, { cause });
    this.operation = operation;
    this.resource = resource;
    this.status = status;
    this.details = details;
  }

  /** True when GitHub's message or one of its validation errors contains `text` (a `GitHubMessage`). */
  mentions(text: (typeof GitHubMessage)[keyof typeof GitHubMessage]): boolean {
    return this.details.some((detail) => detail.includes(text));
  }
}

interface RequestErrorShape {
  status?: unknown;
  response?: { data?: unknown };
}

/** GitHub's error body: https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api */
function errorDetails(data: unknown): string[] {
  if (typeof data === 'string') return data.trim() === '' ? [] : [data.trim()];
  if (typeof data !== 'object' || data === null) return [];
  const body = data as { message?: unknown; errors?: unknown };
  const details: string[] = [];
  if (typeof body.message === 'string') details.push(body.message);
  if (Array.isArray(body.errors)) {
    for (const item of body.errors as unknown[]) {
      if (typeof item === 'string') details.push(item);
      else if (typeof item === 'object' && item !== null) {
        const { message, code, field } = item as { message?: unknown; code?: unknown; field?: unknown };
        if (typeof message === 'string') details.push(message);
        else if (typeof code === 'string')
          details.push(typeof field === 'string' ? `${field} ${code}` : code);
      }
    }
  }
  return details;
}

/** Wraps whatever Octokit threw into a `GitHubError`; an existing `GitHubError` passes through. */
export function toGitHubError(error: unknown, operation: string, resource: string): GitHubError {
  if (error instanceof GitHubError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as RequestErrorShape;
  const status = typeof shape.status === 'number' ? shape.status : undefined;
  return new GitHubError(operation, resource, status, errorDetails(shape.response?.data), error);
}

/** Runs one GitHub call and wraps its failure. */
export async function withGitHubError<T>(
  operation: string,
  resource: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGitHubError(error, operation, resource);
  }
}

/** GitHub answered, but not with the shape its documentation gives: the operation fails, not the run. */
export class GitHubPayloadError extends GitHubError {
  override readonly name = 'GitHubPayloadError';
}

/**
 * `data` checked against the documented schema of the reply to `operation`;
 * a mismatch is a `GitHubPayloadError` naming the operation and the field,
 * so callers that handle GitHubError (one group of a run) handle it too.
 */
export function parseReply<T>(
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: ZodError } },
  data: unknown,
  operation: string,
  resource: string,
): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'reply';
  return throwPayload(operation, resource, `unexpected reply: ${field}: ${issue?.message ?? 'invalid'}`);
}

function throwPayload(operation: string, resource: string, detail: string): never {
  throw new GitHubPayloadError(operation, resource, 200, [detail]);
}
