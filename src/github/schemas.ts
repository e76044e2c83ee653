import { z } from 'zod';
import { parseReply } from './errors.ts';
import type { PullRequest } from './types.ts';

/**
 * The part of GitHub's "pull-request-simple" / "pull-request" objects basepin reads.
 * https://docs.github.com/en/rest/pulls/pulls#list-pull-requests
 * `merged` only exists on the single-PR endpoint, so merging is read from `merged_at`.
 */
export const PullRequestSchema = z.object({
  number: z.number().int().positive(),
  html_url: z.string(),
  state: z.enum(['open', 'closed']),
  title: z.string(),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  merged_at: z.string().nullable().optional(),
  closed_at: z.string().nullable().optional(),
  head: z.object({
    ref: z.string(),
    sha: z.string(),
    repo: z.object({ full_name: z.string() }).nullable().optional(),
  }),
  base: z.object({ ref: z.string() }),
});

/** A pull request from a REST reply; a reply of another shape is a GitHubPayloadError naming `operation`. */
export function toPullRequest(payload: unknown, operation = 'read pull request'): PullRequest {
  const number = (payload as { number?: unknown } | null)?.number;
  const pr = parseReply(
    PullRequestSchema,
    payload,
    operation,
    typeof number === 'number' ? `#${number}` : 'a pull request',
  );
  return {
    number: pr.number,
    url: pr.html_url,
    state: pr.state,
    title: pr.title,
    body: pr.body ?? '',
    headRef: pr.head.ref,
    headRepository: pr.head.repo?.full_name,
    headSha: pr.head.sha,
    baseRef: pr.base.ref,
    merged: pr.merged_at != null,
    closedAt: pr.closed_at ?? undefined,
    draft: pr.draft ?? false,
  };
}

/** https://docs.github.com/en/rest/git/commits#get-a-commit-object */
export const GitCommitSchema = z.object({ sha: z.string(), tree: z.object({ sha: z.string() }) });
export type GitCommit = z.infer<typeof GitCommitSchema>;

/** https://docs.github.com/en/rest/git/blobs#create-a-blob, …/trees#create-a-tree, …/commits#create-a-commit */
export const GitObjectSchema = z.object({ sha: z.string() });

/** https://docs.github.com/en/rest/git/trees#get-a-tree (one directory: `path` is an entry's name) */
export const GitTreeSchema = z.object({
  tree: z.array(z.object({ path: z.string(), mode: z.string(), type: z.string(), sha: z.string() })),
});

/** https://docs.github.com/en/rest/git/blobs#get-a-blob */
export const GitBlobSchema = z.object({ content: z.string(), encoding: z.string() });
