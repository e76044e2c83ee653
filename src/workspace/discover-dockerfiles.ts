/**
 * Finds Dockerfiles and the other kinds of files basepin reads (listing-rules.ts) under the given
 * paths: the usual names, minus what
 * `.gitignore` files (the working directory's and every nested one) ignore,
 * plus `include` globs, minus `exclude` globs.
 */
import { readdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileKind } from '../manifests/index.ts';
import { repositoryPath, type RepositoryPath } from '../dockerfile/index.ts';
import {
  deepestIgnoreDecides,
  explicitKind,
  kindSet,
  listedKind,
  listFilters,
  skippedFolders,
  type ListedFile,
  type ListedKind,
} from './listing-rules.ts';

export { isDockerfileName } from './listing-rules.ts';

export interface DiscoverOptions {
  readonly cwd: string;
  /** Globs (relative to cwd) of more files to take, whatever their names. */
  readonly include?: readonly string[];
  /** Globs (relative to cwd) of files and folders to leave out. */
  readonly exclude?: readonly string[];
  /** The kinds to list by name (`file-kinds`); unset: every kind. */
  readonly kinds?: readonly FileKind[];
}

/** A path given to discovery that cannot be read. */
export class UnreadablePathError extends Error {
  override readonly name = 'UnreadablePathError';
  readonly path: string;
  /** The system error code, `ENOENT`, `EACCES`, … */
  readonly code: string | undefined;

  constructor(filePath: string, cause: unknown) {
    const code = (cause as { code?: unknown } | undefined)?.code;
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(`cannot read ${filePath}: ${detail}`, { cause });
    this.path = filePath;
    this.code = typeof code === 'string' ? code : undefined;
  }
}

/** Folders read at once; readdir holds a handle only briefly, so this bounds memory more than handles. */
const maxFoldersAtOnce = 16;

interface Pending {
  readonly folder: string;
  readonly levels: readonly IgnoreLevel[];
}

interface IgnoreLevel {
  /** Absolute folder the `.gitignore` sits in. */
  readonly base: string;
  readonly rules: Ignore;
}

/**
 * Sorted, de-duplicated paths (relative to cwd, with `/`, when inside it;
 * absolute otherwise). No paths means `['.']`. Throws `UnreadablePathError`
 * for a path, or a folder below it, that cannot be read.
 */
export async function discoverDockerfiles(
  paths: readonly string[],
  options: DiscoverOptions,
): Promise<RepositoryPath[]> {
  return (await discoverFiles(paths, options)).map((listed) => listed.path);
}

/** `discoverDockerfiles` with what each file is read as (`ListedKind`). */
export async function discoverFiles(
  paths: readonly string[],
  options: DiscoverOptions,
): Promise<ListedFile[]> {
  const givenPaths = paths.length > 0 ? paths : ['.'];
  const cwd = path.resolve(options.cwd);
  const { included, excluded } = listFilters(options);
  const kinds = kindSet(options.kinds);
  // Where a path on disk becomes a repository path, once.
  const display = (absolute: string): RepositoryPath => {
    const relative = path.relative(cwd, absolute);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    return repositoryPath(inside ? relative.split(path.sep).join('/') : absolute);
  };
  const found = new Map<RepositoryPath, ListedKind>();
  const gitignores = new Map<string, Promise<Ignore | undefined>>();
  const rulesIn = (folder: string): Promise<Ignore | undefined> => {
    let rules = gitignores.get(folder);
    if (!rules) {
      rules = readGitignore(folder);
      gitignores.set(folder, rules);
    }
    return rules;
  };

  const isIgnored = (levels: readonly IgnoreLevel[], absolute: string, isFolder: boolean): boolean => {
    return deepestIgnoreDecides(levels, isFolder, (level) => {
      const relative = path.relative(level.base, absolute).split(path.sep).join('/');
      return relative === '' || relative.startsWith('..') ? undefined : relative;
    });
  };
  /** Reads one folder: its Dockerfiles go to `found`, its subfolders are returned to walk. */
  const visit = async (folder: string, levels: readonly IgnoreLevel[]): Promise<Pending[]> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      throw new UnreadablePathError(display(folder), error);
    }
    // Read a .gitignore only where readdir saw one: failed reads cost more than the walk.
    const hasGitignore = entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory());
    const own = hasGitignore ? await rulesIn(folder) : undefined;
    const here = own ? [...levels, { base: folder, rules: own }] : levels;
    const folders: Pending[] = [];
    const names = (): string[] => entries.map((entry) => entry.name);
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      const shown = display(absolute);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files; never links to folders, which may loop.
        isFile = await stat(absolute).then(
          (target) => target.isFile(),
          () => false,
        );
        isFolder = false;
      }
      if (isFolder) {
        if (skippedFolders.has(entry.name) || excluded(shown) || isIgnored(here, absolute, true)) continue;
        folders.push({ folder: absolute, levels: here });
      } else if (isFile) {
        const kind = listedKind(shown, names, kinds, included(shown));
        if (kind !== undefined && !excluded(shown) && !isIgnored(here, absolute, false))
          found.set(shown, kind);
      }
    }
    return folders;
  };

  /** Breadth-first with a few folders read at a time: a wide tree never floods memory or file handles. */
  const walk = async (root: string, levels: readonly IgnoreLevel[]): Promise<void> => {
    const queue: Pending[] = [{ folder: root, levels }];
    let active = 0;
    let failure: unknown;
    await new Promise<void>((done) => {
      const pump = () => {
        while (failure === undefined && active < maxFoldersAtOnce && queue.length > 0) {
          const next = queue.pop() as Pending;
          active += 1;
          visit(next.folder, next.levels).then(
            (folders) => {
              active -= 1;
              queue.push(...folders);
              pump();
            },
            (error: unknown) => {
              active -= 1;
              failure ??= error;
              pump();
            },
          );
        }
        if (active === 0 && (queue.length === 0 || failure !== undefined)) done();
      };
      pump();
    });
    if (failure !== undefined) throw failure;
  };

  for (const given of givenPaths) {
    const absolute = path.resolve(cwd, given);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new UnreadablePathError(given, error);
    }
    if (!info.isDirectory()) {
      // A file named explicitly is always taken.
      const shown = display(absolute);
      found.set(
        shown,
        explicitKind(shown, () => namesIn(path.dirname(absolute))),
      );
      continue;
    }
    await walk(absolute, await ancestorLevels(cwd, absolute, rulesIn));
  }
  return [...found]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, kind]) => ({ path: file, kind }));
}

/** The .gitignore files from cwd down to (not including) `folder`, when `folder` is inside cwd. */
async function ancestorLevels(
  cwd: string,
  folder: string,
  rulesIn: (folder: string) => Promise<Ignore | undefined>,
): Promise<IgnoreLevel[]> {
  const relative = path.relative(cwd, folder);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
  const levels: IgnoreLevel[] = [];
  let base = cwd;
  for (const part of ['', ...relative.split(path.sep).slice(0, -1)]) {
    base = path.join(base, part);
    const rules = await rulesIn(base);
    if (rules) levels.push({ base, rules });
  }
  return levels;
}

async function readGitignore(folder: string): Promise<Ignore | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(folder, '.gitignore'), 'utf8');
  } catch {
    // No .gitignore here (or not a file): nothing to ignore at this level.
    return undefined;
  }
  return ignore().add(text);
}

/** The names in a folder, or none when it cannot be read (a values file then is not a chart's). */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
