import type { Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { RepositoryPath } from '../dockerfile/index.ts';
import { fileKinds, kindByName, isYamlPath, type FileKind } from '../manifests/index.ts';

/**
 * Which files a workspace lists, the same on disk (discover-dockerfiles.ts) and in memory
 * (memory-workspace.ts): Dockerfile names and the other kinds' names (`src/manifests/` `kindByName`), the folders never walked, the include/exclude globs, and
 * the `.gitignore` rule that the deepest matching file decides.
 */

// The names docker, BuildKit and buildah build by default, and what Renovate matches by default:
// `(^|/|\.)([Dd]ocker|[Cc]ontainer)file$` and `(^|/)([Dd]ocker|[Cc]ontainer)file[^/]*$`.
const suffixName = /(^|\.)([Dd]ocker|[Cc]ontainer)file$/;
const prefixName = /^([Dd]ocker|[Cc]ontainer)file/;
// `Dockerfile.md`, `Dockerfile.dockerignore`, `dockerfile.go`: docs, configs and code about Dockerfiles.
const notDockerfileExtensions = new Set([
  'bash',
  'bat',
  'c',
  'cjs',
  'cmd',
  'cs',
  'css',
  'diff',
  'dockerignore',
  'gif',
  'go',
  'gz',
  'h',
  'html',
  'ini',
  'java',
  'jpeg',
  'jpg',
  'js',
  'json',
  'jsonnet',
  'log',
  'lock',
  'markdown',
  'md',
  'mjs',
  'patch',
  'pdf',
  'png',
  'ps1',
  'py',
  'rb',
  'rs',
  'rst',
  'sh',
  'svg',
  'swp',
  'tar',
  'tgz',
  'toml',
  'ts',
  'txt',
  'xml',
  'yaml',
  'yml',
  'zip',
]);

/** Whether a file name (no folder) is one a build would read as a Dockerfile. */
export function isDockerfileName(name: string): boolean {
  if (suffixName.test(name)) return true;
  if (!prefixName.test(name)) return false;
  const dot = name.lastIndexOf('.');
  const extension = dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
  return !notDockerfileExtensions.has(extension);
}

/** Folders never walked: git's own data and installed packages. */
export const skippedFolders: ReadonlySet<string> = new Set(['.git', 'node_modules']);

export interface ListMatchers {
  /** A path listed whatever its name (`include` globs). */
  readonly included: (path: string) => boolean;
  /** A path (file or folder) never listed (`exclude` globs). */
  readonly excluded: (path: string) => boolean;
}

/** The `include` and `exclude` globs as matchers of repository paths (dot files match too). */
export function listFilters(filters: {
  readonly include?: readonly string[] | undefined;
  readonly exclude?: readonly string[] | undefined;
}): ListMatchers {
  return {
    included: filters.include?.length ? picomatch([...filters.include], { dot: true }) : () => false,
    excluded: filters.exclude?.length ? picomatch([...filters.exclude], { dot: true }) : () => false,
  };
}

/**
 * Whether `.gitignore` rules ignore a path: the deepest file with a matching rule decides, as in git.
 * `relativeTo` gives the path relative to a level's folder, or undefined when it is not under it.
 */
export function deepestIgnoreDecides<L extends { readonly rules: Ignore }>(
  levels: readonly L[],
  isFolder: boolean,
  relativeTo: (level: L) => string | undefined,
): boolean {
  for (let index = levels.length - 1; index >= 0; index--) {
    const level = levels[index]!;
    const relative = relativeTo(level);
    if (relative === undefined) continue;
    const result = level.rules.test(isFolder ? `${relative}/` : relative);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}

/**
 * What a listed file is read as: a kind its name says; `yaml`, a walked YAML file with no name of its own,
 * a Kubernetes manifest if its text says so (read, then `looksLikeKubernetes`); or `by-content`, a YAML or
 * JSON file someone named (a path or an `include` glob) with no name of its own: read as its text says,
 * with a warning when it is no kind basepin reads.
 */
export type ListedKind = FileKind | 'yaml' | 'by-content';

/** A listed file: its repository path and what the scan reads it as. */
export interface ListedFile {
  readonly path: RepositoryPath;
  readonly kind: ListedKind;
}

/**
 * What a file is read as by its path and the names of the files in its folder (a values file counts only
 * next to a `Chart.yaml`), or undefined when its name says nothing.
 */
export function kindOfPath(path: string, folderFiles: () => Iterable<string>): FileKind | 'yaml' | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (isDockerfileName(name)) return 'dockerfile';
  const named = kindByName(path, valuesName.test(name) ? folderFiles() : []);
  if (named) return named;
  return isYamlPath(path) ? 'yaml' : undefined;
}

const valuesName = /^values(?:[-.][^/]+)?\.ya?ml$/;

/**
 * Whether a walked file is listed, and as what: by its name when its kind is on (`kinds`; a plain YAML
 * file when `kubernetes` is), or whatever its name when an `include` glob takes it (a file no name
 * describes is then read as a Dockerfile, as `include` always did, unless it is YAML or JSON). A file named explicitly is
 * `explicitKind`'s.
 */
export function listedKind(
  path: string,
  folderFiles: () => Iterable<string>,
  kinds: ReadonlySet<FileKind>,
  included: boolean,
): ListedKind | undefined {
  const kind = kindOfPath(path, folderFiles);
  if (included) return namedKind(path, kind);
  if (kind === undefined) return undefined;
  if (kind === 'yaml') return kinds.has('kubernetes') ? kind : undefined;
  return kinds.has(kind) ? kind : undefined;
}

/**
 * A file named explicitly is always taken: as its name says; a YAML or JSON file no name describes by its
 * content (never as a Dockerfile); anything else as a Dockerfile.
 */
export function explicitKind(path: string, folderFiles: () => Iterable<string>): ListedKind {
  return namedKind(path, kindOfPath(path, folderFiles));
}

function namedKind(path: string, kind: ListedKind | undefined): ListedKind {
  if (kind === 'yaml' || (kind === undefined && jsonPath.test(path))) return 'by-content';
  return kind ?? 'dockerfile';
}

const jsonPath = /\.json$/i;

/** The kinds a listing takes: all of them unless the `file-kinds` setting says which. */
export function kindSet(kinds: readonly FileKind[] | undefined): ReadonlySet<FileKind> {
  return new Set(kinds ?? fileKinds);
}
