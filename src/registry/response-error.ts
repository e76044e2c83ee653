import { readJson } from '../text/read-json.ts';
import { untrustedText } from '../text/untrusted.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { ErrorResponseSchema } from './schemas.ts';
import type { HttpResponse } from './transport.ts';

const codeByStatus: Readonly<Record<number, string>> = {
  401: RegistryErrorCode.Unauthorized,
  403: RegistryErrorCode.Denied,
  429: RegistryErrorCode.RateLimited,
};

const specCode = /^[A-Z][A-Z0-9_]{0,63}$/;

export interface ErrorContext {
  /**
   * Which credentials the request carried, for the plain words of an auth
   * failure: `anonymous`, `credentials from ~/.docker/config.json`. A label, never a secret.
   */
  readonly auth?: string | undefined;
  /**
   * What the request was about, `host/repository[:tag|@digest]`, when `what` is not `METHOD` and then
   * exactly that (`GET host/repo tags`, `… referrers of sha256:…`): the plain words name it.
   */
  readonly subject?: string;
  /** Plain words of the caller's own, when `what` is not a `METHOD host/repo…` (token requests). */
  readonly plain?: (status: number) => string | undefined;
}

/**
 * A failed reply as a `RegistryError` carrying the registry's own code and
 * message when the body follows the spec.
 * https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes
 */
export function errorFromResponse(
  response: HttpResponse,
  what: string,
  notFoundCode?: string,
  context: ErrorContext = {},
): RegistryError {
  const { status } = response;
  const parsed = parseErrorBody(response.body);
  // A spec code is an identifier (`MANIFEST_UNKNOWN`); anything else is not passed on as a code.
  const registryCode = parsed?.code !== undefined && specCode.test(parsed.code) ? parsed.code : undefined;
  const code =
    registryCode ??
    codeByStatus[status] ??
    (status === 404 && notFoundCode ? notFoundCode : RegistryErrorCode.Http);
  const detail = parsed?.message ? `: ${untrustedText(parsed.message)}` : '';
  const subject = context.subject ?? what.slice(what.indexOf(' ') + 1);
  const plain = context.plain?.(status) ?? plainWords(subject, status, code, context.auth);
  return new RegistryError({
    status,
    code,
    retryable: status === 429 || status >= 500,
    message: `${what}: ${status} ${code}${detail}${plain ? ` (${plain})` : ''}`,
    plain: plain ?? `${status} ${code}${detail}`,
  });
}

/**
 * What the failure means, in words a person acts on, from what the request
 * was about (`host/repo:tag`, `host/repo@sha256:…`, `host/repo`): the
 * registry's code stays in the message for searching, this says what to do about it.
 */
export function plainWords(target: string, status: number, code: string, auth?: string): string | undefined {
  const at = target.lastIndexOf('@');
  const colon = target.lastIndexOf(':');
  const slash = target.lastIndexOf('/');
  const repository = at > 0 ? target.slice(0, at) : colon > slash ? target.slice(0, colon) : target;
  const tag = at < 0 && colon > slash ? target.slice(colon + 1) : undefined;
  const host = repository.slice(0, repository.indexOf('/') > 0 ? repository.indexOf('/') : undefined);
  if (code === RegistryErrorCode.ManifestUnknown || (status === 404 && code !== 'NAME_UNKNOWN')) {
    return tag !== undefined ? `tag ${tag} not found in ${repository}` : `not found in ${repository}`;
  }
  // Whether we were anonymous, and whose credentials we sent, is what a person checks first.
  const how = auth === undefined ? '' : ` (${auth})`;
  if (code === 'NAME_UNKNOWN') return `repository ${repository} not found or not accessible${how}`;
  if (status === 401) return `authentication failed for ${host}${how}`;
  if (status === 403) return `access to ${repository} denied${how}`;
  return undefined;
}

function parseErrorBody(body: Uint8Array): { code: string; message: string | undefined } | undefined {
  if (body.length === 0) return undefined;
  const read = readJson(body, ErrorResponseSchema);
  if (!read.ok) return undefined;
  const [first] = read.value.errors;
  return first ? { code: first.code, message: first.message } : undefined;
}
