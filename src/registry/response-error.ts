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

/**
 * A failed reply as a `RegistryError` carrying the registry's own code and
 * message when the body follows the spec.
 * https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes
 */
export function errorFromResponse(
  response: HttpResponse,
  what: string,
  notFoundCode?: string,
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
  return new RegistryError({
    status,
    code,
    retryable: status === 429 || status >= 500,
    message: `${what}: ${status} ${code}${detail}`,
  });
}

function parseErrorBody(body: Uint8Array): { code: string; message: string | undefined } | undefined {
  if (body.length === 0) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
  const parsed = ErrorResponseSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const [first] = parsed.data.errors;
  return first ? { code: first.code, message: first.message } : undefined;
}
