import { untrustedText } from '../text/untrusted.ts';

/**
 * Codes basepin adds to the registry's own error codes. A registry's codes
 * (`MANIFEST_UNKNOWN`, `DENIED`, `TOOMANYREQUESTS`…) are passed through as
 * sent. https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes
 */
export const RegistryErrorCode = {
  /** Bytes served do not hash to the digest claimed or asked for. */
  DigestMismatch: 'DIGEST_MISMATCH',
  /** A 429 asked us to wait longer than we are willing to, or retries ran out on 429. */
  RateLimited: 'TOOMANYREQUESTS',
  /** Docker Hub's remaining pull allowance reached the floor; GETs stopped. */
  PullBudgetExhausted: 'PULL_BUDGET_EXHAUSTED',
  Unauthorized: 'UNAUTHORIZED',
  ManifestUnknown: 'MANIFEST_UNKNOWN',
  BlobUnknown: 'BLOB_UNKNOWN',
  /** A digest we were asked to fetch is not `algorithm:hex`. */
  DigestInvalid: 'DIGEST_INVALID',
  Denied: 'DENIED',
  /** Connection refused/reset, DNS failure, TLS failure: the host cannot be reached (`network-failure.ts`). */
  Network: 'NETWORK_ERROR',
  Timeout: 'TIMEOUT',
  /** The host's total deadline passed; its remaining operations fail. */
  HostDeadline: 'HOST_DEADLINE',
  /** An auth realm or redirect target basepin refuses to contact. */
  UnsafeUrl: 'UNSAFE_URL',
  /**
   * A reply that does not follow the spec (bad token reply, unknown media type, bad manifest), or breaks
   * HTTP itself (status 0: a bad status line, a folded header, a bad chunk): that exchange failed, not the host.
   */
  BadResponse: 'BAD_RESPONSE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  /** docker config.json unreadable or malformed. */
  DockerConfig: 'DOCKER_CONFIG_INVALID',
  CredentialHelper: 'CREDENTIAL_HELPER_FAILED',
  InvalidOptions: 'INVALID_OPTIONS',
  /** An HTTP status with no spec error body. */
  Http: 'HTTP_ERROR',
} as const;

export type RegistryErrorCode = (typeof RegistryErrorCode)[keyof typeof RegistryErrorCode];

export interface RegistryErrorInit {
  /** HTTP status, 0 when no response was received. */
  readonly status: number;
  /** The registry's own code, or one of `RegistryErrorCode`. */
  readonly code: string;
  readonly retryable: boolean;
  readonly message: string;
  /**
   * The failure in words alone, without the request (`tag 3.99 not found in …`, `unreachable (…)`):
   * what an error naming several sources quotes for each.
   */
  readonly plain?: string | undefined;
  /**
   * The host that could not be reached at all (DNS, refused, TLS, timeout, its deadline): the run stops
   * asking it, and reports name it once for all its references. Unset when the host answered.
   */
  readonly unreachable?: string | undefined;
  readonly cause?: unknown;
}

/** Room for our own words around the (separately capped) registry text in a message. */
const maxMessageLength = 2_000;
const maxCodeLength = 64;

/**
 * One failed registry operation. Its message is one line a person can act
 * on. Messages and codes quote registry text (error bodies, headers, URLs),
 * so both are sanitised here, where every registry failure passes: no path
 * from a registry to a report, log or annotation can then carry its control
 * characters, bidi controls or a megabyte of error page.
 */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly status: number;
  readonly code: string;
  readonly retryable: boolean;
  readonly plain: string | undefined;
  readonly unreachable: string | undefined;

  constructor(init: RegistryErrorInit) {
    super(
      untrustedText(init.message, maxMessageLength),
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.status = init.status;
    this.code = untrustedText(init.code, maxCodeLength);
    this.retryable = init.retryable;
    this.plain = init.plain === undefined ? undefined : untrustedText(init.plain, maxMessageLength);
    this.unreachable = init.unreachable;
  }
}
