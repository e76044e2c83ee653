// Shared setup for tests that talk to a nock-mocked api.github.com through the real client.
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createGitHubClient, type GitHubClientOptions } from '../../src/github/client.ts';
import { createGitHubRepository, type GitHubRepository } from '../../src/github/repository.ts';
import type { GitHubLog } from '../../src/github/types.ts';

export const api = 'https://api.github.com';
export const repo = { owner: 'octo-org', repo: 'webapp' };
export const repoPath = '/repos/octo-org/webapp';

/** A JSON fixture from test/fixtures/github/. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/github/${name}.json`, import.meta.url), 'utf8')) as T;
}

/** A pull-request payload (real shape) with some fields changed. */
export function pullRequestPayload(changes: {
  number?: number;
  branch?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  merged_at?: string | null;
  closed_at?: string | null;
  title?: string;
  headRepo?: string;
}): Record<string, unknown> {
  const pr = fixture<
    Record<string, unknown> & { head: Record<string, unknown> & { repo: Record<string, unknown> } }
  >('pull-request');
  const number = changes.number ?? 42;
  const branch = changes.branch ?? 'basepin/all';
  return {
    ...pr,
    number,
    url: `${api}${repoPath}/pulls/${number}`,
    html_url: `https://github.com/octo-org/webapp/pull/${number}`,
    title: changes.title ?? pr['title'],
    body: changes.body === undefined ? pr['body'] : changes.body,
    state: changes.state ?? 'open',
    merged_at: changes.merged_at ?? null,
    closed_at: changes.closed_at ?? null,
    head: {
      ...pr.head,
      label: `octo-org:${branch}`,
      ref: branch,
      repo: { ...pr.head.repo, full_name: changes.headRepo ?? 'octo-org/webapp' },
    },
  };
}

export interface RecordingLog extends GitHubLog {
  readonly lines: string[];
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => undefined,
  };
}

export function testClient(options: Partial<GitHubClientOptions> = {}) {
  return createGitHubClient({
    token: 'ghs_test',
    baseUrl: api,
    retryDelayUnitMs: 1,
    paceWrites: false,
    ...options,
  });
}

export function testRepository(options: Partial<GitHubClientOptions> = {}): GitHubRepository {
  return createGitHubRepository(testClient(options), repo, { consistencyRetry: { attempts: 4, delayMs: 1 } });
}

/** Every request nock saw that matched no interceptor (with net connect disabled, they fail). */
export const unmatched: string[] = [];

/** nock with no way out, and a failure for any interceptor left unused or request left unmatched. */
export function useNock(): void {
  // For fetch, nock passes a Request (`url`); for http, request options (`path`).
  const onNoMatch = (req: { method?: string; path?: string; url?: string }) =>
    unmatched.push(`${req.method} ${req.url ?? req.path}`);
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', onNoMatch);
  });
  beforeEach(() => {
    unmatched.length = 0;
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, 'unused interceptors').toEqual([]);
    expect(unmatched, 'unexpected requests').toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    nock.enableNetConnect();
  });
}
