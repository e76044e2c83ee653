import type { PullRequest } from '../github/index.ts';
import { markComment } from '../text/marks.ts';
import type { OpenPullRequestsDeps, OpenPullRequestsInput } from './types.ts';
import type { PinReport } from '../update/index.ts';
import { withState, type PullRequestState } from './pr-state.ts';
import { done, shortSha, type PullRequestOutcome } from './pr-outcome.ts';

/** An open pull request on a basepin branch, with the state its body carries (undefined when unreadable). */
export interface OpenBasepinPullRequest {
  readonly pr: PullRequest;
  readonly state: PullRequestState | undefined;
}

/** Closes a basepin pull request whose group has nothing left to propose, unless its sites failed this run. */
export async function closeObsolete(
  input: OpenPullRequestsInput,
  deps: OpenPullRequestsDeps,
  existing: OpenBasepinPullRequest,
  state: PullRequestState,
): Promise<PullRequestOutcome> {
  const { pr } = existing;
  const failing = unresolvedSites(input.report, state);
  if (failing.length > 0) {
    const reason = `kept open: resolving ${failing.join(', ')} failed in this run, so its pins may not be current`;
    deps.log.warning(`#${pr.number} (${pr.headRef}): ${reason}`);
    return done(pr, pr.headRef, 'unchanged', { reason });
  }
  if (input.dryRun) {
    deps.log.info(`${pr.headRef}: dry run: would have closed #${pr.number} and deleted its branch`);
    return done(pr, pr.headRef, 'closed', { dryRun: true });
  }
  await deps.github.closePullRequest(pr.number, {
    comment: markComment(
      `basepin: pins are current on \`${input.baseBranch}\` (${shortSha(input.baseSha)}); nothing is left to propose on this branch, so this pull request is closed and \`${pr.headRef}\` deleted.`,
    ),
    body: withState(pr.body, { ...state, closedAs: 'obsolete' }),
  });
  await deps.github.deleteBranch(pr.headRef);
  return done(pr, pr.headRef, 'closed');
}

/** Sites of this PR whose resolution errored in this run (all errors, when the state lists no sites). */
function unresolvedSites(report: PinReport, state: PullRequestState): string[] {
  const listed = new Set(state.updates.map((u) => `${u.file}:${u.line}`));
  return report.errors
    .map((e) => `${e.file}:${e.line}`)
    .filter((site) => state.updates.length === 0 || listed.has(site));
}
