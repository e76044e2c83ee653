import type { FileWrite } from '../github/types.ts';
import type { FileChange, PlannedUpdate } from './pin-report.ts';
import { repositoryPath } from './group-updates.ts';
import { applyUpdates } from './apply-updates.ts';

/** A file of a group cannot be written to a branch (outside the repository, or its base text is unknown). */
export class GroupFileError extends Error {
  override readonly name = 'GroupFileError';
  readonly file: string;

  constructor(file: string, why: string) {
    super(`${file}: ${why}`);
    this.file = file;
  }
}

export interface BaseTexts {
  /** Full texts of changed files as on the base (`PinReport.changes[].before`). */
  readonly changes: readonly FileChange[];
  /** Fallback for a file not in `changes`. */
  readonly readBaseFile?: ((path: string) => Promise<string>) | undefined;
}

/**
 * The files of one branch: each base text with only this group's pins spliced in, so groups never
 * carry each other's changes. Paths are repository-relative, as a git tree names them.
 */
export async function groupFileWrites(
  updates: readonly PlannedUpdate[],
  base: BaseTexts,
): Promise<FileWrite[]> {
  const byFile = new Map<string, PlannedUpdate[]>();
  for (const update of updates) {
    const path = repositoryPath(update.file);
    if (path.startsWith('/') || path === '..' || path.startsWith('../') || /^[A-Za-z]:/.test(path)) {
      throw new GroupFileError(
        update.file,
        'is not inside the repository; scan with paths relative to its root',
      );
    }
    const list = byFile.get(path);
    if (list) list.push(update);
    else byFile.set(path, [update]);
  }
  const changeByPath = new Map(base.changes.map((change) => [repositoryPath(change.file), change]));
  const writes: FileWrite[] = [];
  for (const [path, fileUpdates] of byFile) {
    const first = fileUpdates[0] as PlannedUpdate;
    const { text: before, encoding } = await baseText(changeByPath.get(path), first.file, base);
    const after = applyUpdates(before, fileUpdates);
    if (after !== before) writes.push({ path, content: after, encoding });
  }
  return writes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function baseText(
  change: FileChange | undefined,
  file: string,
  base: BaseTexts,
): Promise<Pick<FileWrite, 'encoding'> & { text: string }> {
  if (change !== undefined) return { text: change.before, encoding: change.encoding };
  if (base.readBaseFile !== undefined) return { text: await base.readBaseFile(file), encoding: 'utf-8' };
  throw new GroupFileError(file, 'its base text is not in the report and no reader was given');
}
