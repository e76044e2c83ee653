import { shortDigest } from '../reference/index.ts';
import { describeProblem, type ManifestProblem } from '../manifests/index.ts';
import { codeSpan, untrustedMarkdown } from '../text/markdown.ts';
import { failureCode, failureMessage } from '../update/index.ts';
import type { PullRequestOutcome } from '../pull-requests/index.ts';
import { groupUnreachable, unreachableLine, type PinReport } from '../update/index.ts';
import { renderChangelog } from '../changelog/facts/index.ts';
import type { Changelogs } from '../changelog/index.ts';
import { changelogFacts, mirrorNote } from '../pull-requests/index.ts';
import { updateImageName } from '../update/index.ts';
import { updateFrom, updatePlace } from '../update/index.ts';

/** GitHub takes job summaries up to 1 MiB; the changelog keeps well within it. */
const maxChangelogChars = 500_000;

/**
 * The run's job summary (markdown): the same update table the pull requests carry, plus what was left alone.
 * Failure and skip reasons quote registries and Dockerfiles: escaped, so they cannot add markup or control characters.
 */
export function renderJobSummary(
  report: PinReport & { readonly problems?: readonly ManifestProblem[] },
  pullRequests: readonly PullRequestOutcome[],
  dryRun: boolean,
  changelog?: { readonly changelogs: Changelogs; readonly now: Date },
): string {
  const lines: string[] = [`## basepin${dryRun ? ' (dry run)' : ''}`, ''];
  const pinned = report.updates.filter((update) => updateFrom(update) === undefined).length;
  lines.push(
    `${pinned} to pin, ${report.updates.length - pinned} to refresh, ${report.unchanged.length} current, ` +
      `${report.skipped.length} skipped, ${report.errors.length} failed` +
      (report.dockerHubPulls ? `, ${report.dockerHubPulls} Docker Hub pull(s).` : '.'),
    '',
  );
  if (report.updates.length) {
    lines.push('| File | Image | Digest |', '| --- | --- | --- |');
    for (const update of report.updates) {
      const from = updateFrom(update);
      const to = update.target.digest;
      const change = from
        ? `\`${shortDigest(from)}\` → \`${shortDigest(to)}\``
        : `pin \`${shortDigest(to)}\``;
      lines.push(
        `| ${untrustedMarkdown(updatePlace(update))} | ${codeSpan(updateImageName(update), { inTable: true })} | ${change}${mirrorNote(update)} |`,
      );
    }
    lines.push('');
    if (changelog) {
      const facts = changelogFacts(report.updates, changelog.changelogs);
      lines.push(
        '### What changed',
        '',
        renderChangelog(facts, { now: changelog.now, maxChars: maxChangelogChars }),
        '',
      );
    }
  }
  if (pullRequests.length) {
    lines.push('### Pull requests', '');
    for (const pr of pullRequests) {
      const link = pr.url ? `[#${pr.number}](${pr.url})` : `\`${pr.branch}\``;
      lines.push(
        `- ${link} ${pr.operation}${pr.dryRun ? ' (would be)' : ''}${pr.reason ? `: ${pr.reason}` : ''}`,
      );
    }
    lines.push('');
  }
  if (report.problems?.length) {
    // A file that could not be read is not a file without images: say which, and where the parser stopped.
    lines.push(
      '### Files not read',
      '',
      ...report.problems.map((problem) => `- ${untrustedMarkdown(describeProblem(problem), 2_000)}`),
      '',
    );
  }
  const { shown, unreachable } = groupUnreachable(report.errors);
  const leftAlone = [
    ...shown.map(
      (failure) =>
        `- ${failure.file}:${failure.line} \`${failure.reference}\`: ${untrustedMarkdown(failureMessage(failure.error), 2_000)} (\`${failureCode(failure.error)}\`)`,
    ),
    ...unreachable.map((host) => `- ${untrustedMarkdown(unreachableLine(host))}`),
    ...report.skipped.map(
      (note) =>
        `- ${note.file}:${note.line} \`${note.reference}\`: ${untrustedMarkdown(note.reason ?? 'skipped', 2_000)}`,
    ),
  ];
  if (leftAlone.length)
    lines.push(
      '<details><summary>Failed and skipped references</summary>',
      '',
      ...leftAlone,
      '',
      '</details>',
      '',
    );
  return lines.join('\n');
}
