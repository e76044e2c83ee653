import type { GitHubClient } from './client.ts';
import { parseReply, withGitHubError } from './errors.ts';
import { CommentSchema } from './schemas-conversation.ts';
import type { RepoRef } from './types.ts';

/** The reactions basepin leaves on a command: 👀 received, 👍 done, 👎 refused or failed. */
export type CommandReaction = 'eyes' | '+1' | '-1';

export interface PostedComment {
  readonly id: number;
  readonly url: string;
}

/** https://docs.github.com/en/rest/issues/comments#create-an-issue-comment (pull requests are issues here) */
export async function createComment(
  octokit: GitHubClient,
  repo: RepoRef,
  issue: number,
  body: string,
): Promise<PostedComment> {
  const resource = `#${issue} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError('comment on', resource, () =>
    octokit.rest.issues.createComment({ ...repo, issue_number: issue, body }),
  );
  const comment = parseReply(CommentSchema, response.data, 'comment on', resource);
  return { id: comment.id, url: comment.html_url };
}

/** https://docs.github.com/en/rest/reactions/reactions#create-reaction-for-an-issue-comment (200 when it exists) */
export async function reactToComment(
  octokit: GitHubClient,
  repo: RepoRef,
  commentId: number,
  content: CommandReaction,
): Promise<void> {
  await withGitHubError('react to comment', `${commentId} in ${repo.owner}/${repo.repo}`, () =>
    octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content }),
  );
}
