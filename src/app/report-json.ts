import { changelogJson } from '../changelog/text.ts';
import { changelogKey, type Changelogs } from './changelog.ts';
import { failureCode, failureMessage } from './failure.ts';
import type { PinReport, SiteFailure, SiteNote } from './pin-report.ts';
import { updateFrom, updateRepository, updateTag } from './update.ts';

/**
 * The JSON shapes of a pin run, shared by `basepin pin --json` / `check --json`
 * and the action's outputs, so scripts read one contract (README documents it).
 */
export function updatesJson(report: Pick<PinReport, 'updates'>, changelogs?: Changelogs) {
  return report.updates.map((update) => {
    const facts = changelogs?.get(changelogKey(update));
    return {
      file: update.site.file,
      line: update.site.line,
      reference: update.site.written,
      repository: updateRepository(update),
      tag: updateTag(update),
      from: updateFrom(update) ?? null,
      to: update.target.digest,
      fromMirror: update.target.fromMirror ?? null,
      // What the registry says changed (issue 9); present when the facts were collected.
      ...(facts ? { changelog: changelogJson(facts) } : {}),
    };
  });
}

export function failureJson(failure: SiteFailure) {
  return {
    file: failure.file,
    line: failure.line,
    reference: failure.reference,
    code: failureCode(failure.error),
    error: failureMessage(failure.error),
  };
}

export function noteJson(note: SiteNote) {
  return { file: note.file, line: note.line, reference: note.reference, reason: note.reason ?? null };
}

export function pinReportJson(report: PinReport, changelogs?: Changelogs) {
  return {
    updates: updatesJson(report, changelogs),
    unchanged: report.unchanged.map(noteJson),
    skipped: report.skipped.map(noteJson),
    errors: report.errors.map(failureJson),
    dockerHubPulls: report.dockerHubPulls ?? 0,
  };
}
