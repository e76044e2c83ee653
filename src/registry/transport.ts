import type { Dispatcher } from 'undici';
import { forbiddenAddressCode } from './addresses.ts';
import { RegistryError, RegistryErrorCode } from './errors.ts';
import { checkOutboundUrl, forbiddenHostReason, type UrlPolicy } from './hosts.ts';
import { followHostDeadline, noteHostProgress } from './host-deadline.ts';
import { KeyedLimiter } from './limiter.ts';
import { classifyNetworkFailure } from './network-failure.ts';
import { DockerHubPulls } from './docker-hub-pulls.ts';
import { backoffMs, retryAfterMs } from './retry-timing.ts';
import type { RequestStats } from './types.ts';

export type RequestKind = 'ping' | 'token' | 'head' | 'get';

export interface HttpRequest {
  readonly kind: RequestKind;
  readonly method: 'GET' | 'HEAD' | 'POST';
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Which redirect targets may be followed. */
  readonly policy: UrlPolicy;
  readonly viaMirror?: boolean;
  /** False for a scheme probe, whose failure just means "try http". */
  readonly retry?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly url: URL;
  readonly body: Uint8Array;
}

export interface TransportSettings {
  readonly fetch: typeof fetch;
  /** Passed to fetch; undefined means the global one (which the entries make a guarded one). */
  readonly dispatcher?: Dispatcher | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryBaseDelayMs: number;
  readonly maxRetryWaitMs: number;
  readonly concurrencyPerHost: number;
  readonly dockerHubPullFloor: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly stats: RequestStats;
}

const maxRedirects = 5;
/**
 * The most any response body may hold, declared or streamed. Registries refuse manifests over
 * 4 MiB (distribution's limit) and image configs are usually far smaller; 32 MiB bounds memory
 * against a hostile or broken registry while leaving room for a config with a long history.
 */
const maxBodyBytes = 32 * 1024 * 1024;
const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const retryableStatuses: ReadonlySet<number> = new Set([500, 502, 503, 504]);
/** A reply that broke HTTP is tried once more, not `maxRetries` times: a host that sends one tends to repeat it. */
const brokenReplyRetries = 1;

/** HTTP with timeouts, bounded retries, 429 handling, per-host limits and safe redirects. */
export class Transport {
  private readonly settings: TransportSettings;
  private readonly limiter: KeyedLimiter;
  private readonly pulls: DockerHubPulls;

  constructor(settings: TransportSettings) {
    this.settings = settings;
    this.limiter = new KeyedLimiter(settings.concurrencyPerHost);
    this.pulls = new DockerHubPulls(settings.dockerHubPullFloor);
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const retries = request.retry === false ? 0 : this.settings.maxRetries;
    return this.pulls.spend(
      request,
      () => describe(request),
      () => this.sendWithRetries(request, retries),
    );
  }

  private async sendWithRetries(request: HttpRequest, retries: number): Promise<HttpResponse> {
    const { stats } = this.settings;
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) stats.retries += 1;
      stats[request.kind] += 1;
      let response: HttpResponse;
      try {
        response = await this.sendOnce(request);
      } catch (error) {
        const failure = toRegistryError(error, request, this.settings.timeoutMs);
        const limit = failure.unreachable === undefined ? Math.min(retries, brokenReplyRetries) : retries;
        if (!failure.retryable || attempt >= limit) throw failure;
        await this.settings.sleep(backoffMs(attempt, this.settings.retryBaseDelayMs));
        continue;
      }
      if (request.viaMirror) stats.mirror += 1;
      this.pulls.note(response.url, response.headers);
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers.get('retry-after'));
        if (wait !== undefined && wait > this.settings.maxRetryWaitMs) {
          throw new RegistryError({
            status: 429,
            code: RegistryErrorCode.RateLimited,
            retryable: true,
            message: `${describe(request)}: rate limited; the registry asks to wait ${Math.ceil(wait / 1000)} s, more than the ${Math.ceil(this.settings.maxRetryWaitMs / 1000)} s basepin waits`,
          });
        }
        if (attempt >= retries) return response;
        await this.settings.sleep(wait ?? backoffMs(attempt, this.settings.retryBaseDelayMs));
        continue;
      }
      if (retryableStatuses.has(response.status) && attempt < retries) {
        await this.settings.sleep(backoffMs(attempt, this.settings.retryBaseDelayMs));
        continue;
      }
      return response;
    }
  }

  private async sendOnce(request: HttpRequest): Promise<HttpResponse> {
    let url = request.url;
    let method = request.method;
    let body = request.body;
    const headers = new Headers(request.headers);
    for (let hop = 0; hop <= maxRedirects; hop += 1) {
      const current = url;
      // Literal addresses are refused here too, so a proxied run (where the proxy resolves names) is covered.
      const forbidden = forbiddenHostReason(current.host);
      if (forbidden !== undefined) {
        throw new RegistryError({
          status: 0,
          code: RegistryErrorCode.UnsafeUrl,
          retryable: false,
          message: `${describe(request)}: ${current.origin} is ${forbidden}; refusing to contact it`,
        });
      }
      type HopResult =
        { readonly location: string } | { readonly response: Response; readonly bytes: Uint8Array };
      const result = await this.limiter.run(current.host, async (): Promise<HopResult> => {
        // A timer cleared when the exchange ends, not AbortSignal.timeout: that one's timer holds the
        // signal, and through fetch's abort listener the whole request and response, for the full
        // timeout after the answer came (at 20,000 files that was most of the heap).
        const timeout = new AbortController();
        // A sick host's deadline aborts the exchange too, and lets go of it when it ends.
        const unfollow = followHostDeadline(timeout);
        const timer = setTimeout(
          () => timeout.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
          this.settings.timeoutMs,
        );
        try {
          const init: RequestInit & { dispatcher?: Dispatcher } = {
            method,
            headers,
            body,
            redirect: 'manual',
            signal: timeout.signal,
          };
          if (this.settings.dispatcher !== undefined) init.dispatcher = this.settings.dispatcher;
          const response = await this.settings.fetch(current, init);
          const location = response.headers.get('location');
          if (redirectStatuses.has(response.status) && location !== null) {
            await response.body?.cancel();
            noteHostProgress();
            return { location };
          }
          const bytes = await readBody(response);
          noteHostProgress();
          return { response, bytes };
        } finally {
          clearTimeout(timer);
          unfollow();
        }
      });
      if ('location' in result) {
        const next = checkOutboundUrl(
          result.location,
          request.policy,
          `${describe(request)}: redirect Location header`,
          current,
        );
        // Credentials belong to the origin they were issued for; S3/CDN blob redirects must not see them.
        if (next.origin !== current.origin) headers.delete('authorization');
        if (next.protocol === 'http:' && current.protocol === 'https:' && !request.policy.allowHttp) {
          throw new RegistryError({
            status: 0,
            code: RegistryErrorCode.UnsafeUrl,
            retryable: false,
            message: `${describe(request)}: refusing a redirect from https to ${next.origin}`,
          });
        }
        if (method === 'POST') {
          method = 'GET';
          body = undefined;
          headers.delete('content-type');
        }
        url = next;
        continue;
      }
      return { status: result.response.status, headers: result.response.headers, url, body: result.bytes };
    }
    throw new RegistryError({
      status: 0,
      code: RegistryErrorCode.BadResponse,
      retryable: false,
      message: `${describe(request)}: more than ${maxRedirects} redirects`,
    });
  }

  /** Docker Hub's pulls left, as the run knows them (`DockerHubPulls`). */
  dockerHubPullsLeft(): number | undefined {
    return this.pulls.left();
  }
}

/** Reads at most `maxBodyBytes`, whether or not the reply declares its length (a chunked reply need not). */
async function readBody(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBodyBytes) {
    await response.body?.cancel();
    throw tooLarge(response, `${declared} bytes`);
  }
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop by throwing cancels the stream, so the rest is never downloaded.
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBodyBytes) throw tooLarge(response, `over ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(response: Response, size: string): RegistryError {
  return new RegistryError({
    status: response.status,
    code: RegistryErrorCode.BadResponse,
    retryable: false,
    message: `${response.url || 'response'} is ${size}, more than basepin reads`,
  });
}

function describe(request: HttpRequest): string {
  return `${request.method} ${request.url.origin}${request.url.pathname}`;
}

/**
 * What fetch threw, as a `RegistryError` in a user's words. Whether it fails the host or this exchange
 * alone is `classifyNetworkFailure`'s decision: a host failure carries `unreachable`, which the source
 * set remembers for the run; a broken reply is `BAD_RESPONSE` and leaves the host's other references be.
 */
function toRegistryError(error: unknown, request: HttpRequest, timeoutMs: number): RegistryError {
  if (error instanceof RegistryError) return error;
  const { host } = request.url;
  const refused = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (refused?.code === forbiddenAddressCode) {
    return new RegistryError({
      status: 0,
      code: RegistryErrorCode.UnsafeUrl,
      retryable: false,
      message: `${describe(request)}: ${String(refused.message)}`,
      cause: error,
    });
  }
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    const words = `no answer from ${host} within ${Math.ceil(timeoutMs / 1000)} s`;
    return new RegistryError({
      status: 0,
      code: RegistryErrorCode.Timeout,
      retryable: true,
      message: words,
      plain: words,
      unreachable: host,
      cause: error,
    });
  }
  const failure = classifyNetworkFailure(error, host);
  return new RegistryError({
    status: 0,
    code: failure.scope === 'host' ? RegistryErrorCode.Network : RegistryErrorCode.BadResponse,
    retryable: failure.retryable,
    message: failure.words,
    plain: failure.words,
    unreachable: failure.scope === 'host' ? host : undefined,
    cause: error,
  });
}
