import { failureMessage } from '../app/failure.ts';
import type { PinReport, SiteFailure, SiteNote } from '../app/pin-report.ts';
import type { Changelogs } from '../app/changelog.ts';
import { pinReportJson } from '../app/report-json.ts';
import { shortDigest } from '../reference/index.ts';
import { plain, type Paint } from './colour.ts';

export { scanJson, scanText } from './scan-report.ts';

/** The `pin --json` / `check --json` contract (README, "JSON output"). */
export function pinJson(report: PinReport, changelogs?: Changelogs): string {
  return JSON.stringify(pinReportJson(report, changelogs));
}

export function updateLines(report: PinReport, paint: Paint = plain): string {
  return report.updates
    .map((update) => {
      const action = paint(
        'green',
        update.from
          ? `${shortDigest(update.from)} → ${shortDigest(update.to)}`
          : `pinned to ${shortDigest(update.to)}`,
      );
      const unconfirmed = update.fromMirror ? ` (from mirror ${update.fromMirror}, unconfirmed)` : '';
      return `${update.file}:${update.line} ${update.reference} ${action}${unconfirmed}\n`;
    })
    .join('');
}

/** `file:line reference: message`, one line a failure (`--json` carries the code). */
export function errorLines(errors: readonly SiteFailure[], paint: Paint = plain): string {
  return errors
    .map(
      (failure) =>
        `${failure.file}:${failure.line} ${failure.reference}: ${paint('red', failureMessage(failure.error))}\n`,
    )
    .join('');
}

export function skippedLines(skipped: readonly SiteNote[], label: string, paint: Paint = plain): string {
  const style = label === 'error:' ? 'red' : 'yellow';
  return skipped
    .map(
      (note) => `${paint(style, label)} ${note.file}:${note.line} ${note.reference}: ${note.reason ?? ''}\n`,
    )
    .join('');
}

/**
 * `pin` says what it did; `check` wrote nothing, so it says what is left to do, in its per-line
 * words. Both count the files scanned (a check of 11 files that changes none is not "0 files").
 */
export function summaryLine(report: PinReport, verb: 'pin' | 'check', filesScanned: number): string {
  const pinned = report.updates.filter((update) => !update.from).length;
  const refreshed = report.updates.length - pinned;
  const parts = [
    verb === 'pin' ? `${pinned} pinned` : `${pinned} not pinned`,
    verb === 'pin' ? `${refreshed} refreshed` : `${refreshed} stale`,
    `${report.unchanged.length} current`,
    `${report.skipped.length} skipped`,
    `${report.errors.length} failed`,
    ...(report.dockerHubPulls ? [`${report.dockerHubPulls} Docker Hub pull(s)`] : []),
  ];
  const files = `${filesScanned} ${filesScanned === 1 ? 'file' : 'files'} scanned`;
  const changed = verb === 'pin' ? `, ${report.changes.length} changed` : '';
  return `basepin ${verb}: ${parts.join(', ')}; ${files}${changed}\n`;
}
