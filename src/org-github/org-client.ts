import { createGitHubClient, type GitHubClient } from '../github/index.ts';
import type { GitHubLog } from '../github/index.ts';
import { authenticateAsInstallation, type OrgAuth } from './auth.ts';
import { paceRequests } from './paced-requests.ts';
import { realClock, type PacerClock, type WritePacer } from './write-pacer.ts';

export interface OrgClientOptions {
  readonly auth: OrgAuth;
  /** Every request of the run goes through it; share one pacer between all clients of one installation. */
  readonly pacer: WritePacer;
  readonly baseUrl?: string;
  readonly userAgent?: string;
  readonly log?: GitHubLog;
  readonly fetch?: typeof fetch;
  /** The clock installation tokens age by; the pacer has its own. */
  readonly clock?: PacerClock;
  /** Milliseconds per unit of the retry plugin's back-off (5xx); ~1 in tests. */
  readonly retryDelayUnitMs?: number;
}

export interface OrgClient {
  readonly octokit: GitHubClient;
  /** The installation App mode authenticates as; undefined with a ready-made token. */
  readonly installationId: number | undefined;
}

/**
 * The REST client of an organisation run: `createGitHubClient`'s (retries of 5xx and network failures, the
 * throttling plugin's reading of limit answers) with the plugin's own write spacing and limit retries
 * handed to the run's `WritePacer`, which counts them, and App authentication when the run has an App.
 */
export async function createOrgClient(options: OrgClientOptions): Promise<OrgClient> {
  const octokit = createGitHubClient({
    token: options.auth.kind === 'token' ? options.auth.token : '',
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    ...(options.log === undefined ? {} : { log: options.log }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.retryDelayUnitMs === undefined ? {} : { retryDelayUnitMs: options.retryDelayUnitMs }),
    paceWrites: false,
    rateLimitRetries: 0,
    limitsPacedOutside: true,
  });
  // The pacer wraps outside the authentication, so a request waits before its token is looked at.
  const installationId =
    options.auth.kind === 'app'
      ? await authenticateAsInstallation(octokit, options.auth, options.clock ?? realClock)
      : undefined;
  paceRequests(octokit, options.pacer);
  return { octokit, installationId };
}
