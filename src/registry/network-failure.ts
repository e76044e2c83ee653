import { untrustedText } from '../text/untrusted.ts';

/**
 * What a failed exchange says about its host, decided here alone from the
 * error fetch threw (undici's errors and Node's system codes):
 *
 * - `host`: the host cannot be reached at all (no such name, refused, no route,
 *   TLS refused, no connection in time). Its other references would fail the
 *   same way, so the run stops asking it.
 * - `exchange`: the host answered, but this reply broke HTTP (a bad status line,
 *   a folded header, a bad chunk, a body shorter than its length, a connection
 *   closed mid-reply). Only this exchange failed: it is tried once more and the
 *   host's other references are still asked.
 */
export type FailureScope = 'host' | 'exchange';

export interface NetworkFailure {
  readonly scope: FailureScope;
  /** Worth another try: a reset or a broken reply may not happen twice; a refusal or a missing name will. */
  readonly retryable: boolean;
  /** The failure in a user's words, naming the host: `host not found: gcr.io`. */
  readonly words: string;
  /** The code fetch gave (`ENOTFOUND`, `UND_ERR_SOCKET`, `HTTPParserError`), for logs and --debug. */
  readonly detail: string;
}

/** Node's TLS verification codes (`tls.TLSSocket#authorizationError`) that are not `CERT_*` or `ERR_TLS_*`. */
const certificateCodes: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'HOSTNAME_MISMATCH',
]);

/** undici's codes for a reply that breaks HTTP (its parser's own errors are `HTTPParserError`, `HPE_*`). */
const brokenReplyCodes: ReadonlySet<string> = new Set([
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_HEADERS_OVERFLOW',
  'UND_ERR_RES_EXCEEDED_MAX_SIZE',
  'UND_ERR_INFO',
]);

interface Cause {
  readonly name: string | undefined;
  readonly code: string | undefined;
  readonly message: string | undefined;
}

/** The innermost error fetch wraps (`TypeError: fetch failed` → its `cause`). */
function causeOf(error: unknown): Cause {
  const outer = error as { cause?: unknown } | null;
  const inner = (outer?.cause ?? error) as { name?: unknown; code?: unknown; message?: unknown } | null;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  return { name: text(inner?.name), code: text(inner?.code), message: text(inner?.message) };
}

/** Says which kind of failure `error` (thrown by fetch while sending to `host` or reading its reply) is. */
export function classifyNetworkFailure(error: unknown, host: string): NetworkFailure {
  const cause = causeOf(error);
  const code = cause.code ?? '';
  const detail = untrustedText([cause.code ?? cause.name, cause.message].filter(Boolean).join(' '), 300);
  const failure = (scope: FailureScope, retryable: boolean, words: string): NetworkFailure => ({
    scope,
    retryable,
    words,
    detail,
  });
  if (cause.name === 'HTTPParserError' || code.startsWith('HPE_') || brokenReplyCodes.has(code)) {
    // llhttp's messages end with the rule broken in parentheses: `… protocol (Invalid status code)`.
    const reason = /\(([^()]+)\)$/.exec(cause.message ?? '')?.[1] ?? cause.message ?? code;
    return failure('exchange', true, `${host} sent a reply that breaks HTTP (${untrustedText(reason, 120)})`);
  }
  if (code === 'UND_ERR_SOCKET') return failure('exchange', true, `${host} closed the connection mid-reply`);
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_FAIL' || code === 'EAI_NODATA') {
    return failure('host', false, `host not found: ${host}`);
  }
  if (code === 'EAI_AGAIN') return failure('host', true, `host not found: ${host} (the DNS lookup failed)`);
  if (code === 'ECONNREFUSED') return failure('host', false, `connection refused by ${host}`);
  if (['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'].includes(code)) {
    return failure('host', false, `${host} unreachable: no route to it`);
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return failure('host', true, `could not connect to ${host} in time`);
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return failure('host', true, `no answer from ${host} in time`);
  }
  if (code.startsWith('CERT_') || certificateCodes.has(code) || code.startsWith('ERR_TLS_')) {
    return failure(
      'host',
      false,
      `TLS certificate problem with ${host}: ${untrustedText(cause.message ?? code, 200)}`,
    );
  }
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO') {
    return failure(
      'host',
      false,
      `TLS handshake with ${host} failed: ${untrustedText(cause.message ?? code, 200)}`,
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return failure('host', true, `connection to ${host} was reset`);
  return failure('host', false, `could not reach ${host} (${detail || 'no reason given'})`);
}
