import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error reply in GitHub's shape: https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api */
export class StubHttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, message: string, errors?: readonly unknown[]) {
    super(message);
    this.status = status;
    this.body = {
      message,
      ...(errors ? { errors } : {}),
      documentation_url: 'https://docs.github.com/rest',
      status: String(status),
    };
  }
}

export const notFound = () => new StubHttpError(404, 'Not Found');

/** 422 "Validation Failed" with one error object, as GitHub answers invalid pull requests. */
export function validationFailed(error: Record<string, unknown>): StubHttpError {
  return new StubHttpError(422, 'Validation Failed', [error]);
}

export interface StubReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The request's `Accept` header ('' when none). */
  readonly accept: string;
}

export type RouteHandler = (context: RouteContext) => StubReply;

/**
 * A route is `METHOD pattern` under `/repos/{owner}/{repo}/`: `:name` is one segment, `*name` the rest of
 * the path. Segments are percent-decoded after matching, so `git/ref/heads%2Fa%2Fb` (how Octokit expands
 * `{ref}`) and `git/ref/heads/a/b` both give `ref = heads/a/b`.
 */
export function matchRoute(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/');
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if (part.startsWith('*')) {
      params[part.slice(1)] = segments.slice(i).map(decodeURIComponent).join('/');
      return params;
    }
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(segment);
    else if (part !== segment) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new StubHttpError(400, 'Problems parsing JSON');
  }
}

export function send(response: ServerResponse, reply: StubReply): void {
  const headers: Record<string, string> = {
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...reply.headers,
  };
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end();
    return;
  }
  if (Buffer.isBuffer(reply.body)) {
    response.writeHead(reply.status, headers).end(reply.body);
    return;
  }
  headers['content-type'] ??= 'application/json; charset=utf-8';
  response.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

/** A request body as an object; anything else is GitHub's 400. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new StubHttpError(400, 'Problems parsing JSON');
  }
  return body as Record<string, unknown>;
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') {
    throw new StubHttpError(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
  }
  return value;
}

export function optionalStrings(body: Record<string, unknown>, field: string): string[] {
  const value = body[field];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new StubHttpError(
      422,
      `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not an array of strings.`,
    );
  }
  return value as string[];
}
