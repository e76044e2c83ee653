import {
  decodeDockerfile,
  extractImageSites,
  type ImageSite,
  type RepositoryPath,
  type TextEncoding,
} from '../dockerfile/index.ts';
import {
  extractSites,
  looksLikeCompose,
  looksLikeKubernetes,
  type FileKind,
  type LocalInclude,
  type ManifestProblem,
} from '../manifests/index.ts';
import type { ListedFile, ListedKind, Workspace } from '../workspace/index.ts';

/**
 * Reading listed files by their kind: a Dockerfile by `src/dockerfile/`, the others by `src/manifests/`
 * (a plain YAML file only when its text looks like a Kubernetes manifest), then the local files a GitLab
 * CI file includes, each once.
 */

export interface ReadOptions<F> {
  readonly pinArgRepositories?: boolean | undefined;
  /** Follow the local `include:` files of GitLab CI files (when `gitlab-ci` is read). */
  readonly followIncludes: boolean;
  /** The scan's record of a file read. */
  readonly makeFile: (
    file: RepositoryPath,
    bytes: Uint8Array,
    text: string,
    encoding: TextEncoding,
    kind: FileKind,
  ) => F;
}

export interface ReadResult<F> {
  readonly files: F[];
  readonly sites: ImageSite[];
  readonly problems: ManifestProblem[];
}

interface ReadOne<F> {
  readonly file: F | undefined;
  readonly sites: readonly ImageSite[];
  readonly problem: ManifestProblem | undefined;
  readonly includes: readonly PendingInclude[];
}

/** A local include and where it was named (for a warning when it cannot be read). */
interface PendingInclude extends LocalInclude {
  readonly from: string;
  readonly line: number;
}

const nothing = { file: undefined, sites: [], problem: undefined, includes: [] } as const;

export async function readListed<F>(
  workspace: Workspace,
  listed: readonly ListedFile[],
  options: ReadOptions<F>,
): Promise<ReadResult<F>> {
  const kinds = new Map(listed.map((entry) => [entry.path, entry.kind]));
  const read = await workspace.read([...kinds.keys()], (file, bytes) =>
    readOne(file, bytes, kinds.get(file) ?? 'dockerfile', options),
  );
  const result: ReadResult<F> = { files: [], sites: [], problems: [] };
  const pending: PendingInclude[] = [];
  // A file read as some kind is not read again as an include; a plain YAML file that was not a
  // Kubernetes manifest may still be a GitLab CI include.
  const visited = new Set<RepositoryPath>();
  for (const [index, entry] of read.entries()) {
    if (entry.file !== undefined) visited.add(listed[index]!.path);
    collect(result, entry, pending);
  }
  if (options.followIncludes) await followIncludes(workspace, pending, visited, result, options);
  return result;
}

function collect<F>(result: ReadResult<F>, entry: ReadOne<F>, pending: PendingInclude[]): void {
  if (entry.file !== undefined) result.files.push(entry.file);
  for (const site of entry.sites) result.sites.push(site);
  if (entry.problem) result.problems.push(entry.problem);
  pending.push(...entry.includes);
}

function readOne<F>(
  file: RepositoryPath,
  bytes: Uint8Array,
  listedAs: ListedKind,
  options: ReadOptions<F>,
): ReadOne<F> {
  const { text, encoding } = decodeDockerfile(bytes);
  if (listedAs === 'dockerfile') {
    const sites = extractImageSites(file, text, { pinArgRepositories: options.pinArgRepositories });
    return { ...nothing, file: options.makeFile(file, bytes, text, encoding, 'dockerfile'), sites };
  }
  const kind = listedAs === 'yaml' || listedAs === 'by-content' ? kindByContent(text, listedAs) : listedAs;
  if (kind === undefined) {
    // A file someone named is never passed over in silence; a walked YAML file that is none of these is.
    if (listedAs === 'yaml') return nothing;
    return { ...nothing, problem: { file, line: 1, column: 1, reason: 'not a file kind basepin reads' } };
  }
  const made = options.makeFile(file, bytes, text, encoding, kind);
  // YAML and JSON are UTF-8: other bytes are no text a parser reads as the tools do.
  if (encoding !== 'utf-8') {
    return { ...nothing, file: made, problem: { file, line: 1, column: 1, reason: 'not UTF-8 text' } };
  }
  const extraction = extractSites(kind, file, text);
  const includes = extraction.includes.map((include) => ({
    ...include,
    from: file,
    line: lineNaming(text, include.path),
  }));
  return { file: made, sites: extraction.sites, problem: extraction.problem, includes };
}

/** A walked YAML file is read only as Kubernetes; a named YAML or JSON file as compose too. */
function kindByContent(text: string, listedAs: 'yaml' | 'by-content'): FileKind | undefined {
  if (looksLikeKubernetes(text)) return 'kubernetes';
  if (listedAs === 'by-content' && looksLikeCompose(text)) return 'compose';
  return undefined;
}

/** The line that names an include, for its warning; the first line when the text spells it otherwise. */
function lineNaming(text: string, path: string): number {
  const at = text.indexOf(path);
  if (at === -1) return 1;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < at; index = text.indexOf('\n', index + 1))
    line += 1;
  return line;
}

/**
 * GitLab CI includes, breadth-first: each file once, read as GitLab CI, its own includes followed. An
 * include that cannot be read is a warning on the line that names it, never an absence.
 */
async function followIncludes<F>(
  workspace: Workspace,
  pending: PendingInclude[],
  visited: Set<RepositoryPath>,
  result: ReadResult<F>,
  options: ReadOptions<F>,
): Promise<void> {
  const warn = (include: PendingInclude, reason: string): void => {
    result.problems.push({ file: include.from, line: include.line, column: 1, reason });
  };
  while (pending.length > 0) {
    const include = pending.shift()!;
    // Through the workspace's listing, so an included path is a listed one: a file named is taken as it
    // is (or fails to be found), a glob lists what it matches.
    let paths: readonly RepositoryPath[];
    try {
      paths = include.glob
        ? await workspace.list(['.'], { include: [include.path], kinds: [] })
        : await workspace.list([include.path], { kinds: [] });
    } catch (error) {
      warn(include, includeFailure(include.path, error));
      continue;
    }
    for (const path of paths) {
      if (visited.has(path)) continue;
      visited.add(path);
      try {
        const [entry] = await workspace.read([path], (file, bytes) =>
          readOne(file, bytes, 'gitlab-ci', options),
        );
        collect(result, entry!, pending);
      } catch (error) {
        warn(include, includeFailure(path, error));
      }
    }
  }
}

/**
 * Why an include could not be read, in a user's words and with the repository path only: the system's
 * message names the absolute path (and the workspace's repeats the path before it).
 */
function includeFailure(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `the included ${path} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `the included ${path} cannot be read: permission denied`;
    default:
      return `the included ${path} cannot be read${typeof code === 'string' ? ` (${code})` : ''}`;
  }
}
