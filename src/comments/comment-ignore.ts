import { markComment } from '../text/marks.ts';
import {
  ruleCovers,
  sameTarget,
  withIgnore,
  withoutIgnore,
  type DashboardState,
} from '../dashboard/issue-body/index.ts';
import { codeSpan } from '../text/markdown.ts';
import type { IgnoreTarget } from './commands/index.ts';
import { saveDashboard, withDashboardState } from '../dashboard/index.ts';
import type { CommandPlace, CommandResult, CommentDeps, CommentSettings } from './types.ts';
import { ruleName } from '../hold-back/index.ts';
import { readState, withState } from '../pull-requests/index.ts';
import { commentUrl } from '../text/github-links.ts';

function where(settings: CommentSettings, issue: number, comment: number): string {
  return commentUrl(settings.serverUrl, settings.repo, issue, comment);
}

/** Lists the rules: the dashboard's (with the comment that made each) and the settings' `exclude-images`. */
export function listIgnored(state: DashboardState, settings: CommentSettings): string {
  const rules = state.ignores.map(
    (rule) =>
      `- ${codeSpan(ruleName(rule))}${rule.tag === undefined ? ' (every tag)' : ''}: ` +
      `[by ${codeSpan(rule.source.by)}](${where(settings, rule.source.issue, rule.source.comment)})`,
  );
  const config = settings.excludeImages.map(
    (glob) => `- ${codeSpan(glob)}: \`exclude-images\` in the settings`,
  );
  const lines = [...rules, ...config];
  return lines.length === 0 ? 'No ignore rules.' : ['Ignore rules:', '', ...lines].join('\n');
}

function placeRefusal(name: string, place: CommandPlace): CommandResult | undefined {
  if (place.basepinPullRequest || place.onDashboard) return undefined;
  return {
    kind: 'refused',
    reply: `\`/basepin ${name}\` works on a pull request basepin opened or on the dashboard issue.`,
  };
}

async function saveState(place: CommandPlace, deps: CommentDeps, state: DashboardState): Promise<number> {
  const body = withDashboardState(place.dashboard.issue?.body ?? '', state);
  return (await saveDashboard(deps.github, place.dashboard, body)).issue;
}

/**
 * Records the rule in the dashboard, then brings basepin's pull requests in line: one that proposed only
 * ignored updates is closed with a comment; one that proposed others too is recomputed without them.
 */
export async function ignoreCommand(
  target: IgnoreTarget,
  place: CommandPlace,
  settings: CommentSettings,
  deps: CommentDeps,
): Promise<CommandResult> {
  const refusal = placeRefusal('ignore', place);
  if (refusal !== undefined) return refusal;
  const { event } = place;
  const rule = {
    ...target,
    source: { issue: event.issueNumber, comment: event.commentId, by: event.author },
  };
  const state = withIgnore(place.dashboard.state, rule);
  const dashboard = await saveState(place, deps, state);
  const name = codeSpan(ruleName(rule));

  const open = await deps.github.listOpenPullRequests({
    base: settings.baseBranch,
    headPrefix: settings.branchPrefix,
  });
  const closed: number[] = [];
  const recompute = new Set<string>();
  for (const pr of open) {
    const reading = readState(pr.body);
    if (reading.kind !== 'valid') continue;
    const covered = reading.state.updates.filter((u) => ruleCovers(rule, u.repository, u.tag));
    if (covered.length > 0 && covered.length === reading.state.updates.length) {
      await deps.github.closePullRequest(pr.number, {
        comment: markComment(
          `basepin: ${name} is ignored from now on ([comment](${where(settings, event.issueNumber, event.commentId)})), and this pull request proposed nothing else, so it is closed and \`${pr.headRef}\` deleted.`,
        ),
        body: withState(pr.body, { ...reading.state, closedAs: 'obsolete' }),
      });
      await deps.github.deleteBranch(pr.headRef);
      closed.push(pr.number);
    } else if (covered.length > 0 || reading.state.updates.length === 0) recompute.add(pr.headRef);
  }
  const updated =
    recompute.size === 0
      ? []
      : (
          await deps.proposePullRequests({ onlyBranches: recompute, refresh: recompute }, state.ignores)
        ).filter((o) => o.number !== undefined && o.operation !== 'failed');
  const parts = [
    `basepin no longer proposes updates for ${name}${rule.tag === undefined ? ' (every tag)' : ''}; the rule is kept in the dashboard #${dashboard}.`,
  ];
  if (closed.length > 0) parts.push(`Closed ${closed.map((n) => `#${n}`).join(', ')}.`);
  if (updated.length > 0)
    parts.push(`Recomputed ${updated.map((o) => `#${o.number}`).join(', ')} without it.`);
  return { kind: 'done', reply: parts.join(' ') };
}

export async function unignoreCommand(
  target: IgnoreTarget,
  place: CommandPlace,
  _settings: CommentSettings,
  deps: CommentDeps,
): Promise<CommandResult> {
  const refusal = placeRefusal('unignore', place);
  if (refusal !== undefined) return refusal;
  const name = codeSpan(ruleName(target));
  if (!place.dashboard.state.ignores.some((rule) => sameTarget(rule, target))) {
    return {
      kind: 'refused',
      reply: `There is no ignore rule for ${name}; \`/basepin ignored\` lists them.`,
    };
  }
  await saveState(place, deps, withoutIgnore(place.dashboard.state, target));
  return {
    kind: 'done',
    reply: `${name} is no longer ignored; the next scheduled run proposes its updates again.`,
  };
}
