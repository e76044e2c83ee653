import { commandHelp } from '../comments/commands/index.ts';
import { renderChangelog, type ChangelogFacts } from '../changelog/facts/index.ts';
import { changelogKey, type Changelogs } from '../changelog/index.ts';
import type { RepoRef } from '../github/index.ts';
import { shortDigest } from '../reference/index.ts';
import { codeSpan, markdownLink, untrustedMarkdown } from '../text/markdown.ts';
import { updateImageName } from '../update/index.ts';
import { updateFrom, type Update } from '../update/index.ts';
import { renderStateBlock, type PullRequestState } from './pr-state.ts';
import { fileLineUrl } from '../text/github-links.ts';

/** GitHub refuses PR bodies over 65,536 characters; keep a margin. */
export const maxBodyChars = 65_000;

/** The comment commands (src/comments/commands/help.ts) people can use on a basepin pull request. */
export const commentCommands: readonly { readonly usage: string; readonly effect: string }[] =
  commandHelp.filter((c) => c.name !== 'pin');

export interface PullRequestBodyInput {
  readonly updates: readonly Update[];
  readonly state: PullRequestState;
  readonly repo: RepoRef;
  /** `https://github.com` or a GitHub Enterprise Server address (`GITHUB_SERVER_URL`). */
  readonly serverUrl: string;
  readonly branch: string;
  /** Facts collected for the updates (`addChangelogs`); without them the changelog names the digests only. */
  readonly changelogs?: Changelogs | undefined;
  /** The time ages are measured from. */
  readonly now?: Date | undefined;
}

function fileLink(input: PullRequestBodyInput, update: Update): string {
  const { file, line } = update.site;
  const url = fileLineUrl(input.serverUrl, input.repo, input.branch, file, line);
  return markdownLink(`${file}:${line}`, url);
}

function digestChange(update: Update): string {
  const from = updateFrom(update);
  const to = update.target.digest;
  return `${from === undefined ? 'unpinned' : `\`${shortDigest(from)}\``} → \`${shortDigest(to)}\`${mirrorNote(update)}`;
}

/** ` (from mirror HOST, unconfirmed)` when a mirror, not the registry, gave the digest; else nothing. */
export function mirrorNote(update: Update): string {
  const { fromMirror } = update.target;
  return fromMirror ? ` (from mirror ${untrustedMarkdown(fromMirror)}, unconfirmed)` : '';
}

export function changelogFacts(updates: readonly Update[], changelogs?: Changelogs): ChangelogFacts[] {
  return updates.map(
    (u) =>
      changelogs?.get(changelogKey(u)) ?? {
        image: updateImageName(u),
        from: updateFrom(u),
        to: u.target.digest,
        toMediaType: u.target.mediaType,
      },
  );
}

const changelogMarker = '\u0000changelog\u0000';

function render(input: PullRequestBodyInput, shown: readonly Update[]): string {
  const hidden = input.updates.length - shown.length;
  const lines = [
    'basepin pins the images this repository builds and runs to immutable digests and keeps those pins fresh.',
    '',
    '| File | Reference | Digest |',
    '| --- | --- | --- |',
    ...shown.map(
      (u) =>
        `| ${fileLink(input, u)} | ${codeSpan(u.site.written, { inTable: true })} | ${digestChange(u)} |`,
    ),
  ];
  if (hidden > 0) {
    lines.push(
      '',
      `…and ${hidden} more update${hidden === 1 ? '' : 's'}, not listed to keep this description within GitHub's size limit; the commit has them all.`,
    );
  }
  lines.push(
    '',
    '<details>',
    '<summary>Full digests</summary>',
    '',
    ...shown.map(
      (u) =>
        `- ${codeSpan(`${u.site.file}:${u.site.line}`)} ${codeSpan(updateImageName(u))}: \`${updateFrom(u) ?? 'unpinned'}\` → \`${u.target.digest}\``,
    ),
    '',
    '</details>',
    '',
    '### What changed',
    '',
    changelogMarker,
    '',
    '### Commands',
    '',
    'Comment on this pull request:',
    '',
    ...commentCommands.map((c) => `- \`${c.usage}\`: ${c.effect}.`),
    '',
    renderStateBlock(input.state),
    '',
  );
  const frame = lines.join('\n');
  // The changelog gets what the rest of the body leaves of GitHub's limit; it cuts its own lists to fit.
  const changelog = renderChangelog(changelogFacts(shown, input.changelogs), {
    now: input.now,
    maxChars: Math.max(1_000, maxBodyChars - (frame.length - changelogMarker.length)),
  });
  return frame.replace(changelogMarker, () => changelog);
}

/** The description of a basepin pull request, with its hidden state block; tables shrink to fit GitHub's limit. */
export function pullRequestBody(input: PullRequestBodyInput): string {
  const full = render(input, input.updates);
  if (full.length <= maxBodyChars) return full;
  let low = 0;
  let high = input.updates.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (render(input, input.updates.slice(0, middle)).length <= maxBodyChars) low = middle;
    else high = middle - 1;
  }
  return render(input, input.updates.slice(0, low));
}
