import { changelogJson } from '../changelog/facts/index.ts';
import { changelogKey, type Changelogs } from '../changelog/index.ts';
import { failureCode, failureMessage } from '../update/index.ts';
import type { PinReport, SiteFailure, SiteNote } from '../update/index.ts';
import { updateFrom, updateRepository, updateTag, type Update } from '../update/index.ts';
import { jsonArrayChunks } from '../text/json-chunks.ts';
import { problemJson, type ManifestProblem } from '../manifests/index.ts';

/**
 * The JSON shapes of a pin run, shared by `basepin pin --json` / `check --json`
 * and the action's outputs, so scripts read one contract (README documents it).
 */
export function updatesJson(report: Pick<PinReport, 'updates'>, changelogs?: Changelogs) {
  return report.updates.map((update) => updateJson(update, changelogs));
}

export function updateJson(update: Update, changelogs?: Changelogs) {
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
    // What the registry says changed; present when the facts were collected.
    ...(facts ? { changelog: changelogJson(facts) } : {}),
  };
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

/**
 * The `pin --json` / `check --json` contract (README, "JSON output") as a
 * sequence of chunks: each entry is built and stringified only when its chunk
 * is written, so a 20,000-file report never exists as 60,000 objects plus one
 * 16 MB string (so a 20,000-file run keeps its memory bounded). A chunk ends between entries, never inside a value,
 * so a secret is always whole within one chunk for the redactor.
 */
export function* pinReportJsonChunks(
  report: PinReport & { readonly problems?: readonly ManifestProblem[] },
  changelogs?: Changelogs,
): Generator<string> {
  // Key order is part of the contract: test/pipeline/report-shapes.test.ts holds the exact bytes.
  yield* jsonArrayChunks('{"updates":', report.updates, (update) => updateJson(update, changelogs));
  yield* jsonArrayChunks(',"unchanged":', report.unchanged, noteJson);
  yield* jsonArrayChunks(',"skipped":', report.skipped, noteJson);
  yield* jsonArrayChunks(',"errors":', report.errors, failureJson);
  // Only when a file could not be read, so a run without warnings keeps its bytes.
  if (report.problems?.length) yield* jsonArrayChunks(',"warnings":', report.problems, problemJson);
  yield `,"dockerHubPulls":${JSON.stringify(report.dockerHubPulls ?? 0)}}`;
}
