import type { Ignore } from 'ignore';
import picomatch from 'picomatch';

/**
 * Which files a workspace lists, the same on disk (discover-dockerfiles.ts) and in memory
 * (memory-workspace.ts): Dockerfile names, the folders never walked, the include/exclude globs, and
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
