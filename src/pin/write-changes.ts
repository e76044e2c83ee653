import { encodeDockerfile, type RepositoryPath } from '../dockerfile/index.ts';
import type { FileBytes, Workspace } from '../workspace/index.ts';
import { asFailure, WriteError, type Failure } from '../update/index.ts';
import type { PinReport } from '../update/index.ts';
import { contentHash, FileChangedError } from '../scan/index.ts';

export interface WriteFailure {
  readonly file: RepositoryPath;
  readonly error: Failure;
}

/**
 * Files read again, encoded and handed to the workspace at once: as many as a
 * disk workspace writes side by side (16), so a file's check that it did not
 * change comes just before its own write, not hundreds of fsyncs earlier, and
 * new texts and bytes live only that long.
 */
export const filesPerWrite = 16;

/**
 * Writes each changed file whole, encoded as it was read (UTF-8 with its
 * BOM, or latin1), a batch at a time, so a 20,000-file run never holds every
 * new text and its bytes at once (so a 20,000-file run keeps its memory bounded). A file that cannot be encoded,
 * read again unchanged (`ScannedFile.text`) or written is reported and left
 * as it was; the others are still written. Failures come in the order of the
 * changes.
 */
export async function writeChanges(
  workspace: Workspace,
  plan: Pick<PinReport, 'changes'>,
): Promise<WriteFailure[]> {
  const failures = new Map<RepositoryPath, WriteFailure>();
  // What this run wrote for a scanned content: a file reached again by another path (a symlink) that now
  // holds exactly that was pinned by this run, not changed by someone else, and needs no second write.
  const wroteFor = new Map<string, string>();
  const { changes } = plan;
  for (let start = 0; start < changes.length; start += filesPerWrite) {
    const encoded: FileBytes[] = [];
    for (const change of changes.slice(start, start + filesPerWrite)) {
      try {
        const bytes = encodeDockerfile(change.after, change.encoding);
        if (change.sourceHash !== undefined) wroteFor.set(change.sourceHash, contentHash(bytes));
        encoded.push({ file: change.file, bytes });
      } catch (error) {
        const pinnedByThisRun =
          error instanceof FileChangedError &&
          change.sourceHash !== undefined &&
          wroteFor.get(change.sourceHash) === error.found;
        if (!pinnedByThisRun) failures.set(change.file, { file: change.file, error: asFailure(error) });
      }
    }
    for (const { file, error } of await workspace.write(encoded)) {
      failures.set(file, { file, error: new WriteError(error.message, { cause: error.cause ?? error }) });
    }
  }
  if (failures.size === 0) return [];
  return changes.flatMap((change) => failures.get(change.file) ?? []);
}
