import type { GitHubRepository } from '../github/index.ts';

/**
 * The repository with every text basepin writes to GitHub passed through
 * `redact` (so no secret reaches a log, an output or GitHub): pull request titles and bodies, closing comments and
 * commit messages, command replies and the dashboard. File contents are left alone: they are the user's files.
 */
export function redactedGitHubWrites(
  repository: GitHubRepository,
  redact: (text: string) => string,
): GitHubRepository {
  return {
    ...repository,
    commitFiles: (input) => repository.commitFiles({ ...input, message: redact(input.message) }),
    createPullRequest: (input) =>
      repository.createPullRequest({ ...input, title: redact(input.title), body: redact(input.body) }),
    updatePullRequest: (number, content) =>
      repository.updatePullRequest(number, { title: redact(content.title), body: redact(content.body) }),
    closePullRequest: (number, close) =>
      repository.closePullRequest(number, { comment: redact(close.comment), body: redact(close.body) }),
    // Comment commands and the dashboard.
    comment: (issue, body) => repository.comment(issue, redact(body)),
    createIssue: (input) => repository.createIssue({ ...input, body: redact(input.body) }),
    updateIssueBody: (number, body) => repository.updateIssueBody(number, redact(body)),
    writeCommit: (input) => repository.writeCommit({ ...input, message: redact(input.message) }),
  };
}
