/**
 * Which kind of file a repository path is, from its name (and, for
 * Kubernetes manifests, its text): what discovery asks before reading.
 */

/** Every kind of file basepin reads, the values of the `file-kinds` setting. */
export const fileKinds = [
  'dockerfile',
  'compose',
  'workflow',
  'kubernetes',
  'helm-values',
  'kustomize',
  'devcontainer',
  'gitlab-ci',
] as const;

export type FileKind = (typeof fileKinds)[number];
export type ManifestKind = Exclude<FileKind, 'dockerfile'>;

export function isFileKind(name: string): name is FileKind {
  return (fileKinds as readonly string[]).includes(name);
}

const composeNames = /^(?:docker-)?compose(?:\.[^/]+)?\.ya?ml$/;
const workflowPath = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const actionNames = /^action\.ya?ml$/;
const valuesNames = /^values(?:[-.][^/]+)?\.ya?ml$/;
const kustomizationNames = /^(?:kustomization\.ya?ml|Kustomization)$/;
const devcontainerPath = /(?:^|\/)(?:\.devcontainer\/(?:[^/]+\/)?devcontainer\.json|\.devcontainer\.json)$/;
const yamlPath = /\.ya?ml$/;

/**
 * The kind a path's name alone says, or undefined (then it may still be a
 * Kubernetes manifest: `isYamlPath`, then `looksLikeKubernetes` on its text).
 * `folderFiles` are the names of the files in the path's folder: values files
 * count only next to a `Chart.yaml`. Dockerfiles are named by the workspace's
 * own rules. A `.gitlab-ci.yml`'s local includes are GitLab CI by being
 * included (`ManifestExtraction.includes`), not by name.
 */
export function kindByName(path: string, folderFiles: Iterable<string>): ManifestKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (workflowPath.test(path)) return 'workflow';
  if (devcontainerPath.test(path)) return 'devcontainer';
  if (name === '.gitlab-ci.yml') return 'gitlab-ci';
  if (composeNames.test(name)) return 'compose';
  if (actionNames.test(name)) return 'workflow';
  if (kustomizationNames.test(name)) return 'kustomize';
  if (valuesNames.test(name) && [...folderFiles].includes('Chart.yaml')) return 'helm-values';
  return undefined;
}

export function isYamlPath(path: string): boolean {
  return yamlPath.test(path);
}

/**
 * A cheap look before any parse: a document with top-level `apiVersion:` and
 * `kind:` keys. The extractor then reads it properly; a Go-templated file
 * (a Helm template) is a Kubernetes file it does not parse.
 */
export function looksLikeKubernetes(text: string): boolean {
  // A UTF-8 BOM stays in the decoded text, before the first key.
  return /^\uFEFF?apiVersion[ \t]*:/m.test(text) && /^\uFEFF?kind[ \t]*:/m.test(text);
}

/** The kind of a file: by name, else a YAML file whose text looks like Kubernetes. */
export function classifyFile(
  path: string,
  folderFiles: Iterable<string>,
  text?: string,
): ManifestKind | undefined {
  const named = kindByName(path, folderFiles);
  if (named) return named;
  if (text !== undefined && isYamlPath(path) && looksLikeKubernetes(text)) return 'kubernetes';
  return undefined;
}
