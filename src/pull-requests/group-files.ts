import { encodeDockerfile } from '../dockerfile/index.ts';
import type { FileWrite } from '../github/index.ts';
import { applyUpdates } from '../update/index.ts';
import type { FileChange } from '../update/index.ts';
import type { Update } from '../update/index.ts';

/** A file of a group cannot be written to a branch (outside the repository, base text unknown, unencodable). */
export class GroupFileError extends Error {
  override readonly name = 'GroupFileError';
  readonly file: string;

  constructor(file: string, why: string) {
    super(`${file}: ${why}`);
    this.file = file;
  }
}

/** What the run's pin plan computed: the base texts, and every update of each file. */
export interface PlannedTexts {
  readonly changes: readonly FileChange[];
  readonly updates: readonly Update[];
}

/**
 * The files of one branch: each base text with only this group's pins spliced in, so groups never
 * carry each other's changes. A group that takes every update of a file reuses the text the plan
 * computed. Paths are the repository paths the workspace listed (src/workspace/types.ts); bytes are encoded as the file was read.
 */
export function groupFileWrites(updates: readonly Update[], plan: PlannedTexts): FileWrite[] {
  const byFile = new Map<string, Update[]>();
  for (const update of updates) {
    const path = update.site.file;
    if (path.startsWith('/') || path === '..' || path.startsWith('../') || /^[A-Za-z]:/.test(path)) {
      throw new GroupFileError(
        update.site.file,
        'is not inside the repository; scan with paths relative to its root',
      );
    }
    const list = byFile.get(path);
    if (list) list.push(update);
    else byFile.set(path, [update]);
  }
  const changeByPath = new Map<string, FileChange>(plan.changes.map((change) => [change.file, change]));
  const planned = new Map<string, number>();
  for (const update of plan.updates) {
    planned.set(update.site.file, (planned.get(update.site.file) ?? 0) + 1);
  }
  const writes: FileWrite[] = [];
  for (const [path, fileUpdates] of byFile) {
    const change = changeByPath.get(path);
    if (change === undefined) {
      throw new GroupFileError(path, 'its base text is not in the pin plan');
    }
    const after =
      planned.get(path) === fileUpdates.length ? change.after : applyUpdates(change.before, fileUpdates);
    if (after === change.before) continue;
    try {
      writes.push({ path, bytes: encodeDockerfile(after, change.encoding) });
    } catch (error) {
      throw new GroupFileError(path, (error as Error).message);
    }
  }
  return writes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
