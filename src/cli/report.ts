import { failureMessage } from '../update/index.ts';
import {
  groupUnreachable,
  unreachableLine,
  type PinReport,
  type SiteFailure,
  type SiteNote,
} from '../update/index.ts';
import { updateFrom, updatePlace } from '../update/index.ts';
import { shortDigest } from '../reference/index.ts';
import { plain, type Paint } from './colour.ts';

/** `pin`'s line a site changed, a thousand lines a chunk, written as made (50,000 updates are 5 MB of text). */
export function updateLineChunks(report: PinReport, paint: Paint = plain): Generator<string> {
  return lineChunks(report.updates, (update) => {
    const from = updateFrom(update);
    const { digest: to, fromMirror } = update.target;
    const action = paint(
      'green',
      from ? `${shortDigest(from)} → ${shortDigest(to)}` : `pinned to ${shortDigest(to)}`,
    );
    const unconfirmed = fromMirror ? ` (from mirror ${fromMirror}, unconfirmed)` : '';
    return `${updatePlace(update)} ${update.site.written} ${action}${unconfirmed}\n`;
  });
}

/** `check`'s line a site to change: `file:line reference stale pin|not pinned`. */
export function checkLineChunks(report: PinReport, paint: Paint = plain): Generator<string> {
  return lineChunks(
    report.updates,
    (update) =>
      `${updatePlace(update)} ${update.site.written} ${paint('yellow', updateFrom(update) ? 'stale pin' : 'not pinned')}\n`,
  );
}

const linesPerChunk = 1000;

/** One line an item, joined a thousand at a time: text output never held whole. */
function* lineChunks<T>(items: readonly T[], line: (item: T) => string): Generator<string> {
  for (let start = 0; start < items.length; start += linesPerChunk) {
    yield items
      .slice(start, start + linesPerChunk)
      .map(line)
      .join('');
  }
}

/**
 * `error: file:line reference: message`, one line a failure (`--json` carries the code), like skips'
 * `warning:`; a host that could not be reached is one line for all its other references.
 */
export function errorLines(errors: readonly SiteFailure[], paint: Paint = plain): string {
  const { shown, unreachable } = groupUnreachable(errors);
  const label = paint('red', 'error:');
  return [
    ...shown.map(
      (failure) =>
        `${label} ${failure.file}:${failure.line} ${failure.reference}: ${paint('red', failureMessage(failure.error))}\n`,
    ),
    ...unreachable.map((host) => `${label} ${unreachableLine(host)}\n`),
  ].join('');
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
  const pinned = report.updates.filter((update) => !updateFrom(update)).length;
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
