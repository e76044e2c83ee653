import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { GitHubLog } from './types.ts';

/**
 * The REST API version every request asks for, so a change of GitHub's default version cannot change a
 * reply under basepin. https://docs.github.com/en/rest/about-the-rest-api/api-versions
 */
export const githubApiVersion = '2022-11-28';

/** REST client with bounded retries; requests go through global `fetch` so tests (nock) and proxies see them. */
export type GitHubClient = Octokit;

export interface GitHubClientOptions {
  readonly token: string;
  /** REST root; the entry passes `GITHUB_API_URL` (`https://ghe.example.com/api/v3` on GitHub Enterprise Server). */
  readonly baseUrl?: string;
  readonly userAgent?: string;
  /** Retries of 5xx and network failures (plugin-retry). */
  readonly retries?: number;
  /** Retries after a primary or secondary rate limit (plugin-throttling). */
  readonly rateLimitRetries?: number;
  /** Milliseconds per unit of back-off (`retry-after` seconds, retry-count²); 1000 in real runs, ~1 in tests. */
  readonly retryDelayUnitMs?: number;
  /**
   * Space write requests as GitHub asks (one at a time, ≥1 s apart, 3 s for those that notify).
   * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests
   * Tests turn it off to stay fast.
   */
  readonly paceWrites?: boolean;
  /**
   * A limit answer is waited out and sent again by a pacer around the client (an organisation run's): the
   * plugin neither retries it nor warns that it gives up on it; the line goes to the debug log.
   */
  readonly limitsPacedOutside?: boolean;
  readonly log?: GitHubLog;
  /** Defaults to the global `fetch` at request time (an entry may install a proxy-aware dispatcher there). */
  readonly fetch?: typeof fetch;
}

const BasepinOctokit = Octokit.plugin(retry, throttling);
type ThrottleOptions = NonNullable<NonNullable<ConstructorParameters<typeof BasepinOctokit>[0]>['throttle']>;
type LimitHandler = NonNullable<ThrottleOptions['onRateLimit']>;

/** A Bottleneck group stand-in that runs jobs at once: the throttling plugin only calls `key(id).schedule(...)`. */
const unpaced = {
  key: () => ({
    schedule: (_options: unknown, job: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve(job(...args)),
  }),
} as unknown as ThrottleOptions['write'];

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const log = options.log;
  const rateLimitRetries = options.rateLimitRetries ?? 2;
  const unitMs = options.retryDelayUnitMs ?? 1000;
  // The plugin retries when the handler returns true (its typings say void).
  const onLimit = (kind: string): LimitHandler =>
    ((
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      if (options.limitsPacedOutside === true) {
        log?.debug?.(`GitHub ${kind} rate limit on ${request.method} ${request.url}; the pacer waits it out`);
        return false;
      }
      const again = retryCount < rateLimitRetries;
      log?.warning(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ` +
          (again ? `retrying in ${retryAfter} s (${retryCount + 1}/${rateLimitRetries})` : 'giving up'),
      );
      return again;
    }) as LimitHandler;
  const octokit = new BasepinOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'basepin',
    request: options.fetch ? { fetch: options.fetch } : {},
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: unitMs },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      retryAfterBaseValue: unitMs,
      fallbackSecondaryRateRetryAfter: 60,
      ...(options.paceWrites === false ? { write: unpaced, notifications: unpaced } : {}),
    },
    // Octokit logs every non-2xx response at `error` (plugin-request-log), including the
    // expected ones basepin handles (404 for a branch not created yet, 422 for one that
    // exists). A failure that matters is thrown as a GitHubError and reported once by
    // whoever catches it, so these lines go to the debug log, not into annotations.
    log: {
      debug: (message: string) => log?.debug?.(message),
      info: (message: string) => log?.debug?.(message),
      warn: (message: string) => log?.warning(message),
      error: (message: string) => log?.debug?.(message),
    },
  });
  octokit.hook.before('request', (request) => {
    request.headers['x-github-api-version'] = githubApiVersion;
  });
  return octokit;
}
