import type { RunEvent } from '../github/index.ts';
import { atLeast } from '../github/index.ts';
import type { RunSettings } from '../config/settings.ts';
import { loadDashboard } from '../dashboard/index.ts';
import { readTickedBoxes } from '../dashboard/issue-body/index.ts';
import { handleComment, type CommentEvent, type CommentOutcome } from '../comments/index.ts';
import { planFiles } from '../pin/index.ts';
import { runAction, type ActionContext, type ActionDeps, type ActionResult } from './run-action.ts';

/** An `issues` event as the entry read it. */
export type IssueEditEvent = Omit<Extract<RunEvent, { kind: 'issues' }>, 'kind' | 'body'>;

/**
 * A comment run: the command's recomputations take the scheduled run's path (runAction) on the
 * checked-out base, limited to the command's pull request; `/basepin pin` reads its files through the API.
 */
export async function runComment(
  settings: RunSettings,
  context: ActionContext,
  deps: ActionDeps,
  event: CommentEvent,
): Promise<CommentOutcome> {
  const baseBranch = settings.baseBranch ?? (await deps.defaultBranch());
  const { cwd: _cwd, paths: _paths, ...pinSettings } = settings;
  return handleComment(
    event,
    {
      commandPermission: settings.commandPermission,
      branchPrefix: settings.branchPrefix,
      baseBranch,
      excludeImages: settings.excludeImages,
      commitMessagePrefix: settings.commitMessagePrefix,
      repo: context.repo,
      serverUrl: context.serverUrl,
      fileKinds: settings.fileKinds,
    },
    {
      github: deps.github,
      log: deps.log,
      // The rules argument is what the command just wrote; runAction reads the same from the dashboard.
      proposePullRequests: async (steer) =>
        (await runAction({ ...settings, baseBranch }, { ...context, steer }, deps)).pullRequests,
      planFiles: (files) => planFiles(files, pinSettings, { registry: deps.registry }),
    },
  );
}

/**
 * A person edited the dashboard (ticked a box): run now instead of at the next schedule, when the editor
 * may run commands. Edits by bots are not runs, nor an edit that leaves no box ticked: basepin never writes
 * a ticked box, so its own redraw under a personal token (an edit by that person) is told apart by what
 * it holds, never by who made it, and the token owner's own ticks run like anyone's.
 */
export async function runDashboardEdit(
  settings: RunSettings,
  context: ActionContext,
  deps: ActionDeps,
  event: IssueEditEvent,
): Promise<ActionResult | { readonly skipped: string }> {
  if (event.action !== 'edited') return { skipped: `an issue ${event.action}, not edited` };
  if (event.senderType === 'Bot') return { skipped: 'an edit by a bot' };
  const dashboard = await loadDashboard(deps.github, deps.log);
  if (dashboard.issue?.number !== event.issueNumber) return { skipped: 'not the dashboard issue' };
  const level = await deps.github.permissionOf(event.sender);
  if (!atLeast(level, settings.commandPermission)) {
    return {
      skipped: `${event.sender} has ${level} permission; ticking boxes needs ${settings.commandPermission}`,
    };
  }
  const ticked = readTickedBoxes(dashboard.issue.body, dashboard.state);
  if (!ticked.rebaseAll && ticked.create.length === 0) return { skipped: 'no box is ticked' };
  return runAction(settings, context, deps);
}
