import { renderHelp } from './commands/index.ts';
import { codeSpan } from '../text/markdown.ts';
import { commandPrefix, parseCommand, type Command } from './commands/index.ts';
import { atLeast } from '../github/index.ts';
import { isForkHead } from '../github/index.ts';
import type { PullRequest } from '../github/index.ts';
import { ignoreCommand, listIgnored, unignoreCommand } from './comment-ignore.ts';
import { pinCommand } from './comment-pin.ts';
import { loadDashboard } from '../dashboard/index.ts';
import type { Steering } from '../pull-requests/index.ts';
import { readState } from '../pull-requests/index.ts';
import { isBasepinComment, markComment } from '../text/marks.ts';

export type {
  CommandPlace,
  CommandResult,
  CommentDeps,
  CommentEvent,
  CommentOutcome,
  CommentSettings,
} from './types.ts';
import type {
  CommandPlace,
  CommandResult,
  CommentDeps,
  CommentEvent,
  CommentOutcome,
  CommentSettings,
} from './types.ts';

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
  // basepin's replies are known by their marker, never by their author: with a maintainer's personal
  // token, that maintainer's own comments are commands like anyone's.
  if (isBasepinComment(event.body)) return { kind: 'ignored', why: "basepin's own comment" };
  if (event.authorType === 'Bot') return { kind: 'ignored', why: 'a comment by a bot' };
  const parsed = parseCommand(event.body);
  if (parsed.kind === 'none') return { kind: 'ignored', why: `not a ${commandPrefix} command` };
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
  await deps.github.comment(event.issueNumber, markComment(`basepin: ${outcome.reply}`));
  await react(deps, event.commentId, outcome.kind === 'done' ? '+1' : '-1');
  return outcome;
}
