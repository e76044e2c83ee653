export { looksLikeCompose } from './compose.ts';
export { extractSites, maxParsedYaml } from './extract.ts';
export type { ManifestExtraction } from './extract.ts';
export type { LocalInclude } from './gitlab-ci.ts';
export { classifyFile, fileKinds, isFileKind, isYamlPath, kindByName, looksLikeKubernetes } from './kinds.ts';
export type { FileKind, ManifestKind } from './kinds.ts';
export { describeProblem, problemJson } from './problem.ts';
export type { ManifestProblem } from './problem.ts';
export { reasons as manifestReasons } from './reasons.ts';
