import type { GitHubClient } from '../github/index.ts';
import type { LimitHeaders, WritePacer } from './write-pacer.ts';

interface RequestOptions {
  readonly method?: string;
  readonly url?: string;
  readonly query?: unknown;
  readonly [key: string]: unknown;
}

interface LimitErrorShape {
  readonly status?: unknown;
  readonly response?: { readonly headers?: LimitHeaders; readonly data?: unknown };
}

/**
 * Whether a request writes. A GraphQL query is a POST that writes nothing; an installation token's minting
 * is not content either. Everything else but GET and HEAD counts against the content-creation limits.
 */
export function isWrite(options: RequestOptions): boolean {
  const method = (options.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return false;
  const url = String(options.url ?? '');
  if (/\/app\/installations\/[^/]+\/access_tokens$/.test(url)) return false;
  if (url === '/graphql' || url.endsWith('/graphql')) {
    return /^\s*mutation\b/.test(typeof options['query'] === 'string' ? options['query'] : '');
  }
  return true;
}

/** A primary or secondary limit answer (403/429 naming when to retry, or GitHub's own words for it). */
export function isLimitAnswer(error: unknown): boolean {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as LimitErrorShape;
  if (shape.status !== 403 && shape.status !== 429) return false;
  const headers = shape.response?.headers ?? {};
  if (headers['retry-after'] !== undefined) return true;
  if (String(headers['x-ratelimit-remaining'] ?? '') === '0') return true;
  const data = shape.response?.data;
  const message =
    typeof data === 'object' && data !== null && 'message' in data
      ? String((data as { message: unknown }).message)
      : '';
  return /rate limit/i.test(message);
}

/**
 * Puts every request of `octokit` through the pacer: writes wait their turn, every answer updates the
 * primary limit, a limit answer is waited out and sent again (up to the pacer's `limitRetries`). The
 * client should be made with the throttling plugin's own pacing and limit retries off (`paceWrites: false`,
 * `rateLimitRetries: 0`): they wait on real timers, which tests cannot replace and the run cannot report.
 */
export function paceRequests(octokit: GitHubClient, pacer: WritePacer): void {
  octokit.hook.wrap('request', async (request, options) => {
    const write = isWrite(options as RequestOptions);
    for (let attempt = 0; ; attempt++) {
      await pacer.beforeRequest(write);
      try {
        const response = await request(options);
        pacer.observe(response.headers as LimitHeaders);
        return response;
      } catch (error) {
        const headers = ((error as LimitErrorShape).response?.headers ?? {}) as LimitHeaders;
        pacer.observe(headers);
        if (!isLimitAnswer(error) || attempt >= pacer.limitRetries) throw error;
        const wait = pacer.limitWait(headers);
        if (wait === undefined) throw error;
        await pacer.waitOutLimit(wait);
      }
    }
  });
}
