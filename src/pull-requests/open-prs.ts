import { GitHubError } from '../github/index.ts';
import { BranchMovedError } from '../github/index.ts';
import type { PullRequest } from '../github/index.ts';
import { shortDigest } from '../reference/index.ts';
import { GroupFileError, groupFileWrites } from './group-files.ts';
import { groupUpdates, type UpdateGroup } from './group-updates.ts';
import { pullRequestBody } from './pr-body.ts';
import { updateImageName } from '../update/index.ts';
import { pullRequestTitle } from './pr-title.ts';
import { updateFrom } from '../update/index.ts';
import { foreignRefusal, replaceBranch } from './replace-branch.ts';
import { knownChanges } from './ownership.ts';
import { withChangeTrailer } from '../text/marks.ts';
import { closeObsolete, type OpenBasepinPullRequest } from './close-obsolete.ts';
import { buildState, readState, sameProposal, type PullRequestState } from './pr-state.ts';
import { done, shortSha, type PullRequestOutcome } from './pr-outcome.ts';

export type { PullRequestOperation, PullRequestOutcome } from './pr-outcome.ts';
export type {
  OpenPullRequestsDeps,
  OpenPullRequestsInput,
  OpenPullRequestsResult,
  PullRequestSettings,
  Steering,
} from './types.ts';
import type { OpenPullRequestsDeps, OpenPullRequestsInput, OpenPullRequestsResult } from './types.ts';

/** Turns a pin report into one branch and pull request per group, idempotently. */
export async function openPullRequests(
  input: OpenPullRequestsInput,
  deps: OpenPullRequestsDeps,
): Promise<OpenPullRequestsResult> {
  const only = input.steer?.onlyBranches;
  const groups = groupUpdates(input.report.updates, input.groupBy, input.branchPrefix).filter(
    (group) => only === undefined || only.has(group.branch),
  );
  const open = await openBasepinPullRequests(input, deps).catch((error: unknown) => {
    if (!(error instanceof GitHubError)) throw error;
    return error;
  });
  // A listing that failed is not an empty one: opening a pull request for a branch whose open one could
  // not be listed would make a second. Nothing is written; the next run tries again.
  if (open instanceof GitHubError) {
    const reason = `the open pull requests could not be listed (${open.message})`;
    deps.log.warning(`${reason}: no pull request was opened, updated or closed this run`);
    return { pullRequests: groups.map((group) => done(undefined, group.branch, 'skipped', { reason })) };
  }
  const branches = new Set(groups.map((g) => g.branch));
  const limit = input.maxPullRequests;
  // Open basepin pull requests after this run: those of obsolete groups are about to close. A command
  // touches its own pull request only and closes no other, so every open one counts.
  let openCount =
    only !== undefined
      ? open.size
      : [...open].filter(([branch, pr]) => branches.has(branch) || pr.state === undefined).length;
  if (only !== undefined) for (const branch of [...open.keys()]) if (!only.has(branch)) open.delete(branch);
  const outcomes: PullRequestOutcome[] = [];
  for (const group of groups) {
    const existing = open.get(group.branch);
    if (existing === undefined && openCount >= limit) {
      const reason = `${openCount} basepin pull requests are open (max-pull-requests: ${limit}); a later run opens this one`;
      deps.log.info(`${group.branch}: waiting: ${reason}`);
      outcomes.push(done(undefined, group.branch, 'waiting', { reason }));
      continue;
    }
    const outcome = await guarded(group.branch, () => proposeGroup(input, deps, group, existing));
    if (existing === undefined && outcome.operation === 'created') openCount++;
    outcomes.push(outcome);
  }
  for (const [branch, existing] of open) {
    if (branches.has(branch) || existing.state === undefined) continue;
    outcomes.push(
      await guarded(branch, () => closeObsolete(input, deps, existing, existing.state as PullRequestState)),
    );
  }
  return { pullRequests: outcomes };
}

async function guarded(branch: string, step: () => Promise<PullRequestOutcome>): Promise<PullRequestOutcome> {
  try {
    return await step();
  } catch (error) {
    if (
      error instanceof GitHubError ||
      error instanceof GroupFileError ||
      error instanceof BranchMovedError
    ) {
      return { branch, operation: 'failed', reason: error.message };
    }
    throw error;
  }
}

async function openBasepinPullRequests(
  input: OpenPullRequestsInput,
  deps: OpenPullRequestsDeps,
): Promise<Map<string, OpenBasepinPullRequest>> {
  const prs = await deps.github.listOpenPullRequests({
    base: input.baseBranch,
    headPrefix: input.branchPrefix,
  });
  const byBranch = new Map<string, OpenBasepinPullRequest>();
  for (const pr of prs) {
    const reading = readState(pr.body);
    if (reading.kind === 'invalid')
      deps.log.warning(`#${pr.number} (${pr.headRef}): ignoring its state: ${reading.reason}`);
    byBranch.set(pr.headRef, { pr, state: reading.kind === 'valid' ? reading.state : undefined });
  }
  return byBranch;
}

async function proposeGroup(
  input: OpenPullRequestsInput,
  deps: OpenPullRequestsDeps,
  group: UpdateGroup,
  existing: OpenBasepinPullRequest | undefined,
): Promise<PullRequestOutcome> {
  const { github, log } = deps;
  const state = buildState(group.updates, input.baseSha);
  const refresh =
    (input.steer?.refresh?.has(group.branch) ?? false) ||
    (existing !== undefined && input.steer?.refreshAll === true);
  if (!refresh && existing?.state !== undefined && sameProposal(existing.state, state)) {
    log.info(`${group.branch}: #${existing.pr.number} already proposes this on ${shortSha(input.baseSha)}`);
    return done(existing.pr, group.branch, 'unchanged');
  }
  const overwrite = input.steer?.overwrite?.has(group.branch) ?? false;
  // The sha every later move starts from: a branch only moves from what was read (and checked) here.
  const head = existing === undefined ? undefined : await github.readBranch(existing.pr.headRef);
  const known = knownChanges(existing?.state, state);
  if (existing !== undefined && head !== undefined && !overwrite) {
    const reason = await foreignRefusal(github, input.baseBranch, head, known);
    if (reason !== undefined) {
      log.warning(`${group.branch}: #${existing.pr.number} ${reason}`);
      return done(existing.pr, group.branch, 'unchanged', { reason });
    }
  }
  if (existing === undefined && !refresh) {
    const declined = await declinedBy(deps, group.branch, state);
    if (declined !== undefined) {
      const reason =
        `#${declined.number} proposing these same digests was closed without merging` +
        `${declined.closedAt ? ` on ${declined.closedAt.slice(0, 10)}` : ''}; a newer digest will be proposed`;
      log.info(`${group.branch}: skipped: ${reason}`);
      return done(undefined, group.branch, 'skipped', { reason });
    }
  }
  const files = groupFileWrites(group.updates, input.report);
  if (files.length === 0) {
    return done(existing?.pr, group.branch, 'skipped', { reason: 'the updates leave every file as it is' });
  }
  const title = pullRequestTitle(group.updates, input.commitMessagePrefix);
  const body = pullRequestBody({
    updates: group.updates,
    state,
    repo: input.repo,
    serverUrl: input.serverUrl,
    branch: group.branch,
    changelogs: input.changelogs,
    now: input.now,
  });
  const operation = existing === undefined ? 'created' : 'updated';
  if (input.dryRun) {
    log.info(
      `${group.branch}: dry run: would have ${operation} a pull request "${title}" changing ${files.map((f) => f.path).join(', ')}`,
    );
    return done(existing?.pr, group.branch, operation, { dryRun: true });
  }
  // The trailer is how later runs know this commit for basepin's, whoever the token is.
  const message = withChangeTrailer(commitMessage(title, group), state.changeId);
  let sha: string;
  if (head === undefined) {
    sha = await github.commitFiles({ branch: group.branch, baseSha: input.baseSha, message, files });
  } else {
    const replaced = await replaceBranch(github, {
      branch: group.branch,
      head,
      baseBranch: input.baseBranch,
      baseSha: input.baseSha,
      message,
      files,
      overwrite,
      known,
    });
    if (replaced.kind === 'refused') {
      log.warning(`${group.branch}: ${replaced.reason}`);
      return done(existing?.pr, group.branch, 'unchanged', { reason: replaced.reason });
    }
    sha = replaced.sha;
  }
  log.info(`${group.branch}: pushed ${shortSha(sha)} on ${shortSha(input.baseSha)}`);
  if (existing !== undefined) {
    const pr = await github.updatePullRequest(existing.pr.number, { title, body });
    return done(pr, group.branch, 'updated');
  }
  const { pullRequest, created } = await github.createPullRequest({
    head: group.branch,
    base: input.baseBranch,
    title,
    body,
    draft: input.draft,
  });
  if (!created) return done(pullRequest, group.branch, 'updated', { reason: 'another run opened it first' });
  await decorate(input, deps, pullRequest);
  return done(pullRequest, group.branch, 'created');
}

/** Labels, reviewers, assignees: a failure is reported, the pull request stands. */
async function decorate(
  input: OpenPullRequestsInput,
  deps: OpenPullRequestsDeps,
  pr: PullRequest,
): Promise<void> {
  const steps: [readonly string[], (n: number, names: readonly string[]) => Promise<void>][] = [
    [input.labels, (n, names) => deps.github.addLabels(n, names)],
    [input.reviewers, (n, names) => deps.github.requestReviewers(n, names)],
    [input.assignees, (n, names) => deps.github.addAssignees(n, names)],
  ];
  for (const [names, step] of steps) {
    if (names.length === 0) continue;
    try {
      await step(pr.number, names);
    } catch (error) {
      if (!(error instanceof GitHubError)) throw error;
      deps.log.warning(`#${pr.number}: ${error.message}`);
    }
  }
}

/** The most recent closed PR of the branch, when a person closed it unmerged while it proposed these targets. */
async function declinedBy(
  deps: OpenPullRequestsDeps,
  branch: string,
  state: PullRequestState,
): Promise<PullRequest | undefined> {
  const [latest] = await deps.github.listClosedPullRequests(branch);
  if (latest === undefined || latest.merged) return undefined;
  const reading = readState(latest.body);
  if (reading.kind !== 'valid' || reading.state.closedAs !== undefined) return undefined;
  return reading.state.targetId === state.targetId ? latest : undefined;
}

function digestOrUnpinned(digest: string | undefined): string {
  return digest ? shortDigest(digest) : 'unpinned';
}

function commitMessage(title: string, group: UpdateGroup): string {
  const lines = group.updates.map(
    (u) =>
      `- ${u.site.file}:${u.site.line} ${updateImageName(u)} ${digestOrUnpinned(updateFrom(u))} → ${shortDigest(u.target.digest)}`,
  );
  return `${title}\n\n${lines.join('\n')}\n`;
}
