import {
  checkboxLine,
  createMarker,
  rebaseAllMarker,
  renderDashboardBlock,
  type DashboardState,
  type IgnoreRule,
} from './state.ts';
import { codeSpan } from '../../text/markdown.ts';

/**
 * The dashboard issue's title: for people only. The issue is found by its marks (`src/text/marks.ts`:
 * basepin's label and its state block), never by title or author.
 */
export const dashboardTitle = 'basepin dashboard';

/** GitHub refuses issue bodies over 65,536 characters; keep a margin. */
export const maxDashboardChars = 65_000;

export type SiteState = 'current' | 'stale' | 'unpinned' | 'skipped' | 'failed';

/** One image reference as the dashboard shows it. Texts come from Dockerfiles and registries: quoted. */
export interface DashboardSite {
  /** Familiar repository, the group heading: `alpine`, `ghcr.io/acme/app`. */
  readonly image: string;
  readonly file: string;
  readonly line: number;
  /** Link to the line on the base branch. */
  readonly url: string;
  readonly reference: string;
  readonly state: SiteState;
  /** The skip reason, the error, or the pending update's headline. */
  readonly detail?: string;
}

export interface DashboardPullRequest {
  readonly number: number;
  readonly url: string;
  readonly branch: string;
  readonly title: string;
}

/** A group with updates but no open pull request (declined earlier, or GitHub refused it). */
export interface DashboardPending {
  readonly branch: string;
  readonly why: string;
}

export interface DashboardView {
  readonly sites: readonly DashboardSite[];
  readonly pullRequests: readonly DashboardPullRequest[];
  readonly pending: readonly DashboardPending[];
  /** Link to a rule's source comment. */
  readonly ruleUrl: (rule: IgnoreRule) => string;
  /** `exclude-images` of the settings. */
  readonly configExcludes: readonly string[];
  readonly state: DashboardState;
}

const stateWords: Readonly<Record<SiteState, string>> = {
  current: 'pinned, current',
  stale: 'pinned, stale',
  unpinned: 'unpinned',
  skipped: 'skipped',
  failed: 'failed',
};

interface Section {
  readonly heading: string;
  readonly rows: readonly string[];
  /** Lines before the rows (a table header). */
  readonly lead?: readonly string[];
  readonly empty: string;
}

function siteRow(site: DashboardSite): string {
  const where = `[${codeSpan(`${site.file}:${site.line}`, { inTable: true })}](${site.url})`;
  const detail = site.detail === undefined ? '' : `: ${codeSpan(site.detail, { inTable: true })}`;
  return `| ${where} | ${codeSpan(site.reference, { inTable: true })} | ${stateWords[site.state]}${detail} |`;
}

function sections(view: DashboardView): Section[] {
  const byImage = Map.groupBy(view.sites, (site) => site.image);
  const imageRows: string[] = [];
  for (const image of [...byImage.keys()].sort()) {
    imageRows.push(`| **${codeSpan(image, { inTable: true })}** | | |`);
    for (const site of byImage.get(image) ?? []) imageRows.push(siteRow(site));
  }
  const ruleRows = [
    ...view.state.ignores.map(
      (rule) =>
        `- ${codeSpan(rule.tag === undefined ? rule.repository : `${rule.repository}:${rule.tag}`)}` +
        `${rule.tag === undefined ? ' (every tag)' : ''}: [by ${codeSpan(rule.source.by)}](${view.ruleUrl(rule)})`,
    ),
    ...view.configExcludes.map((glob) => `- ${codeSpan(glob)}: \`exclude-images\` in the settings`),
  ];
  return [
    {
      heading: 'Open pull requests',
      rows: view.pullRequests.map((pr) => `- #${pr.number} ${codeSpan(pr.title)} (${codeSpan(pr.branch)})`),
      empty: 'None.',
    },
    {
      heading: 'Images',
      lead: ['| Where | Reference | State |', '| --- | --- | --- |'],
      rows: imageRows,
      empty: 'No image references found.',
    },
    { heading: 'Ignore rules', rows: ruleRows, empty: 'None.' },
  ];
}

function renderSection(section: Section, shown: number): string[] {
  if (section.rows.length === 0) return [`## ${section.heading}`, '', section.empty, ''];
  const cut = section.rows.length - shown;
  return [
    `## ${section.heading}`,
    '',
    ...(section.lead ?? []),
    ...section.rows.slice(0, shown),
    ...(cut > 0
      ? ['', `…${cut} more line${cut === 1 ? '' : 's'} cut to stay within GitHub's size limit.`]
      : []),
    '',
  ];
}

function renderBody(view: DashboardView, all: readonly Section[], shown: readonly number[]): string {
  const boxes = [
    checkboxLine(rebaseAllMarker, 'Rebase every open basepin pull request'),
    ...view.pending.map((p) =>
      checkboxLine(createMarker(p.branch), `Create ${codeSpan(p.branch)} now (${codeSpan(p.why)})`),
    ),
  ];
  return [
    'basepin keeps the Dockerfile base images of this repository pinned to digests. This issue shows what it tracks;',
    'it is rewritten by every scheduled run. Comment `/basepin help` for the commands.',
    '',
    '## Actions',
    '',
    'Tick a box; the next run (or, when the workflow listens to issue edits, this edit) acts on it.',
    '',
    ...boxes,
    '',
    ...all.flatMap((section, i) => renderSection(section, shown[i] ?? 0)),
    renderDashboardBlock({ ...view.state, pending: view.pending.map((p) => p.branch) }),
    '',
  ].join('\n');
}

/** The dashboard body; when too long, the longest section is cut first, saying how much was cut. */
export function renderDashboard(view: DashboardView): string {
  const all = sections(view);
  const shown = all.map((s) => s.rows.length);
  let body = renderBody(view, all, shown);
  // Each round halves the longest section's rows: bounded by log2(rows) rounds per section.
  for (let round = 0; body.length > maxDashboardChars && round < 64; round += 1) {
    const sizes = all.map((s, i) => s.rows.slice(0, shown[i]).join('\n').length);
    const longest = sizes.indexOf(Math.max(...sizes));
    if ((shown[longest] ?? 0) === 0) break;
    shown[longest] = Math.floor((shown[longest] ?? 0) / 2);
    body = renderBody(view, all, shown);
  }
  return body;
}
