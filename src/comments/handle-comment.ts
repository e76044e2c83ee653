import type { IgnoreRule } from '../dashboard/issue-body/index.ts';
import { renderHelp } from './commands/index.ts';
import { codeSpan } from '../text/markdown.ts';
import { commandPrefix, parseCommand, type Command } from './commands/index.ts';
import type { RunEvent } from '../github/event.ts';
import { atLeast, type PermissionLevel } from '../github/permission.ts';
import { isForkHead } from '../github/pull-request-files.ts';
import type { GitHubRepository } from '../github/repository.ts';
import type { GitHubLog, PullRequest, RepoRef } from '../github/types.ts';
import { ignoreCommand, listIgnored, unignoreCommand } from './comment-ignore.ts';
import { pinCommand } from './comment-pin.ts';
import { loadDashboard, type LoadedDashboard } from '../dashboard/index.ts';
import type { PullRequestOutcome, Steering } from '../pull-requests/index.ts';
import type { PinReport } from '../update/index.ts';
import { readState } from '../pull-requests/index.ts';

/** The `issue_comment` event as the entry read it; `author_association` is never used for authorisation. */
export type CommentEvent = Omit<Extract<RunEvent, { kind: 'issue_comment' }>, 'kind' | 'authorAssociation'>;

export interface CommentSettings {
  /** Least permission that may run commands (`command-permission`, default `write`). */
  readonly commandPermission: PermissionLevel;
  readonly branchPrefix: string;
  readonly baseBranch: string;
  readonly excludeImages: readonly string[];
  readonly commitMessagePrefix: string;
  readonly repo: RepoRef;
  readonly serverUrl: string;
}

export interface CommentDeps {
  readonly github: GitHubRepository;
  readonly log: GitHubLog;
  /** The scheduled run's pull-request path on the checked-out base, steered, with these ignore rules. */
  readonly proposePullRequests: (
    steer: Steering,
    rules: readonly IgnoreRule[],
  ) => Promise<readonly PullRequestOutcome[]>;
  /** Pins planned for Dockerfile texts read through the API (repository path → bytes). */
  readonly planFiles: (files: ReadonlyMap<string, Buffer>) => Promise<PinReport>;
}

/** `ignored`: no reaction, no reply. Otherwise the comment got 👀, then 👍 (`done`) or 👎 and `reply`. */
export type CommentOutcome =
  | { readonly kind: 'ignored'; readonly why: string }
  | {
      readonly kind: 'done' | 'refused' | 'failed';
      readonly command: Command['name'] | undefined;
      readonly reply: string;
    };

/** What a command handler answers: `done` (👍) or `refused` (👎), and the reply's text (markdown, ours). */
export interface CommandResult {
  readonly kind: 'done' | 'refused';
  readonly reply: string;
}

/** Where the comment was written. */
export interface CommandPlace {
  readonly event: CommentEvent;
  readonly pullRequest: PullRequest | undefined;
  /** A pull request basepin opened: its branch, not a fork, with a state block. */
  readonly basepinPullRequest: boolean;
  readonly dashboard: LoadedDashboard;
  readonly onDashboard: boolean;
}

function isBasepinPullRequest(pr: PullRequest, settings: CommentSettings): boolean {
  return (
    pr.headRef.startsWith(settings.branchPrefix) &&
    !isForkHead(pr, settings.repo) &&
    readState(pr.body).kind !== 'absent'
  );
}

/**
 * One comment: authorise, parse, act, answer. Anyone who can comment reaches this, so nothing is written
 * before the permission check except the 👀 reaction, and a refused comment causes no other write.
 */
export async function handleComment(
  event: CommentEvent,
  settings: CommentSettings,
  deps: CommentDeps,
): Promise<CommentOutcome> {
  const { github, log } = deps;
  // An edited comment would replay a command with today's token (slash-command-dispatch ignores them too).
  if (event.action !== 'created') return { kind: 'ignored', why: `a comment ${event.action}, not created` };
  if (event.authorType === 'Bot') return { kind: 'ignored', why: 'a comment by a bot' };
  const parsed = parseCommand(event.body);
  if (parsed.kind === 'none') return { kind: 'ignored', why: `not a ${commandPrefix} command` };
  if (event.author.toLowerCase() === (await github.identity()).toLowerCase()) {
    return { kind: 'ignored', why: "basepin's own comment" };
  }
  await react(deps, event.commentId, 'eyes');

  const level = await github.permissionOf(event.author);
  if (!atLeast(level, settings.commandPermission)) {
    return finish(deps, event, {
      kind: 'refused',
      command: parsed.kind === 'command' ? parsed.command.name : undefined,
      reply: `basepin commands need ${settings.commandPermission} permission on this repository; ${codeSpan(event.author)} has ${level}. Nothing was done.`,
    });
  }
  if (parsed.kind === 'invalid') {
    return finish(deps, event, {
      kind: 'refused',
      command: undefined,
      reply: `${parsed.reason}.\n\n${renderHelp()}`,
    });
  }
  const command = parsed.command;
  try {
    const result = await runCommand(command, await placeOf(event, settings, deps), settings, deps);
    return finish(deps, event, { ...result, command: command.name });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warning(`${commandPrefix} ${command.name} on #${event.issueNumber}: ${message}`);
    return finish(deps, event, {
      kind: 'failed',
      command: command.name,
      reply: `\`${commandPrefix} ${command.name}\` failed: ${codeSpan(message, { max: 500 })}`,
    });
  }
}

async function placeOf(
  event: CommentEvent,
  settings: CommentSettings,
  deps: CommentDeps,
): Promise<CommandPlace> {
  const pullRequest = event.onPullRequest ? await deps.github.getPullRequest(event.issueNumber) : undefined;
  const dashboard = await loadDashboard(deps.github, deps.log);
  return {
    event,
    pullRequest,
    basepinPullRequest: pullRequest !== undefined && isBasepinPullRequest(pullRequest, settings),
    dashboard,
    onDashboard: !event.onPullRequest && dashboard.issue?.number === event.issueNumber,
  };
}

async function runCommand(
  command: Command,
  place: CommandPlace,
  settings: CommentSettings,
  deps: CommentDeps,
): Promise<CommandResult> {
  switch (command.name) {
    case 'help':
      return { kind: 'done', reply: renderHelp() };
    case 'ignored':
      return { kind: 'done', reply: listIgnored(place.dashboard.state, settings) };
    case 'rebase':
    case 'recreate':
      return rebaseCommand(command.name, place, deps);
    case 'ignore':
      return ignoreCommand(command.target, place, settings, deps);
    case 'unignore':
      return unignoreCommand(command.target, place, settings, deps);
    case 'pin':
      return pinCommand(place, settings, deps);
  }
}

async function rebaseCommand(
  name: 'rebase' | 'recreate',
  place: CommandPlace,
  deps: CommentDeps,
): Promise<CommandResult> {
  const pr = place.pullRequest;
  if (pr === undefined || !place.basepinPullRequest) {
    return { kind: 'refused', reply: `\`${commandPrefix} ${name}\` works on a pull request basepin opened.` };
  }
  const branch = new Set([pr.headRef]);
  const steer: Steering = {
    onlyBranches: branch,
    refresh: branch,
    ...(name === 'recreate' ? { overwrite: branch } : {}),
  };
  const outcomes = await deps.proposePullRequests(steer, place.dashboard.state.ignores);
  const outcome = outcomes.find((o) => o.branch === pr.headRef);
  const why = outcome?.reason === undefined ? '' : ` (${codeSpan(outcome.reason, { max: 500 })})`;
  switch (outcome?.operation) {
    case 'created':
    case 'updated':
      return {
        kind: 'done',
        reply: `${name === 'recreate' ? 'Recreated' : 'Rebased'} this pull request on the current base.`,
      };
    case 'closed':
      return {
        kind: 'done',
        reply: 'Nothing is left to propose on the current base, so this pull request is closed.',
      };
    case 'unchanged':
      return outcome.reason === undefined
        ? { kind: 'done', reply: 'This pull request already proposes the current pins.' }
        : { kind: 'refused', reply: `Nothing was changed${why}.` };
    case 'skipped':
    case 'waiting':
      return { kind: 'done', reply: `Nothing was pushed${why}.` };
    case 'failed':
      return { kind: 'refused', reply: `GitHub refused the update${why}.` };
    case undefined:
      return {
        kind: 'done',
        reply: 'Nothing to do: this pull request proposes nothing basepin can recompute.',
      };
  }
}

async function react(deps: CommentDeps, commentId: number, content: 'eyes' | '+1' | '-1'): Promise<void> {
  try {
    await deps.github.react(commentId, content);
  } catch (error) {
    // A reaction is a courtesy; the reply still says what happened.
    deps.log.warning(`reaction ${content} on comment ${commentId}: ${(error as Error).message}`);
  }
}

async function finish(
  deps: CommentDeps,
  event: CommentEvent,
  outcome: Exclude<CommentOutcome, { kind: 'ignored' }>,
): Promise<CommentOutcome> {
  await deps.github.comment(event.issueNumber, `basepin: ${outcome.reply}`);
  await react(deps, event.commentId, outcome.kind === 'done' ? '+1' : '-1');
  return outcome;
}
