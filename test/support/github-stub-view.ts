import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { StubPullRequest } from './github-stub-api.ts';
import type { StoredPullRequest, StubState } from './github-stub-state.ts';

/** A folder's files (recursively, `.git` left out) as repository paths → text. */
export function readFilesFromDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (path === '.git' || path.startsWith('.git/')) continue;
    files[path] = readFileSync(full, 'utf8');
  }
  return files;
}

/** What a test sees of a stored pull request. */
export function view(state: StubState, pr: StoredPullRequest): StubPullRequest {
  return structuredClone({
    number: pr.number,
    state: pr.state,
    merged: pr.merged,
    draft: pr.draft,
    title: pr.title,
    body: pr.body,
    html_url: `${state.serverUrl}/${state.owner}/${state.repo}/pull/${pr.number}`,
    head: { ref: pr.head, sha: pr.headSha },
    base: { ref: pr.base },
    labels: pr.labels,
    requestedReviewers: pr.requestedReviewers,
    requestedTeams: pr.requestedTeams,
    assignees: pr.assignees,
    comments: (state.comments.get(pr.number) ?? []).map((c) => c.body),
  });
}
