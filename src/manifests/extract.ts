/**
 * One face for every kind: the image sites of a file, the problem that kept
 * it from being read, and (GitLab CI) the local files it includes. Never
 * throws: a file that does not parse is one problem, and the others go on.
 */
import { extractImageSites, type ImageSite, type ManifestSiteKind } from '../dockerfile/index.ts';
import { composeSites } from './compose.ts';
import { devcontainerSites } from './devcontainer.ts';
import { gitlabSites, localIncludes, type LocalInclude } from './gitlab-ci.ts';
import { helmValuesSites } from './helm-values.ts';
import type { FileKind } from './kinds.ts';
import { kubernetesSites, mayHoldWorkload, templatedImageLines } from './kubernetes.ts';
import { kustomizeSites } from './kustomize.ts';
import { documentParts } from './documents.ts';
import { LineIndex } from './lines.ts';
import type { ManifestProblem } from './problem.ts';
import { reasons } from './reasons.ts';
import { leftAlone, type SiteCollector } from './sites.ts';
import { workflowSites } from './workflow.ts';
import { readYaml, type YamlDocument } from './yaml-tree.ts';

export interface ManifestExtraction {
  /** In file order. */
  readonly sites: readonly ImageSite[];
  /** Why the file could not be read (its first syntax error); then there are no sites. */
  readonly problem: ManifestProblem | undefined;
  /** GitLab CI: the local files its `include:` names; empty for other kinds. */
  readonly includes: readonly LocalInclude[];
}

type YamlKind = Exclude<ManifestSiteKind, 'devcontainer'>;

const yamlExtractors: Readonly<Record<YamlKind, (collector: SiteCollector, document: YamlDocument) => void>> =
  {
    compose: composeSites,
    workflow: workflowSites,
    kubernetes: kubernetesSites,
    'helm-values': helmValuesSites,
    kustomize: kustomizeSites,
    'gitlab-ci': gitlabSites,
  };

/** Words a file must hold to name an image at all: a file without them is not parsed. */
const cheapHints: Readonly<Record<ManifestSiteKind, readonly string[]>> = {
  compose: ['image'],
  workflow: ['container', 'services', 'docker://'],
  kubernetes: ['image'],
  'helm-values': ['image', 'repository'],
  kustomize: ['images'],
  devcontainer: ['image'],
  'gitlab-ci': ['image', 'services', 'include'],
};

const variableReasons: Readonly<Record<ManifestSiteKind, string>> = {
  compose: reasons.composeVariable,
  workflow: reasons.workflowExpression,
  kubernetes: reasons.kubernetesVariable,
  'helm-values': reasons.helmVariable,
  kustomize: reasons.kustomizeVariable,
  devcontainer: reasons.devcontainerVariable,
  'gitlab-ci': reasons.gitlabVariable,
};

const nothing: ManifestExtraction = { sites: [], problem: undefined, includes: [] };

/**
 * YAML parsed per file at most, in UTF-16 units. The `yaml` parser reads about 1 MB a second on a busy
 * machine, so a file with more YAML to parse than this (after the cheap looks: only the Kubernetes
 * documents that may name images count) is one warning instead of seconds of a run.
 */
export const maxParsedYaml = 1_000_000;

function tooLarge(file: string, size: number): ManifestExtraction {
  const megabytes = (size / 1_000_000).toFixed(1);
  const reason = `not read: ${megabytes} MB of YAML to parse, over basepin's limit of ${maxParsedYaml / 1_000_000} MB a file; pin its images by hand or split the file`;
  return { sites: [], problem: { file, line: 1, column: 1, reason }, includes: [] };
}

export function extractSites(kind: FileKind, file: string, text: string): ManifestExtraction {
  if (kind === 'dockerfile')
    return { sites: extractImageSites(file, text), problem: undefined, includes: [] };
  if (!cheapHints[kind].some((hint) => text.includes(hint))) return nothing;
  const lines = new LineIndex(text);
  const collector: SiteCollector = {
    kind,
    file,
    text,
    lines,
    base: 0,
    variableReason: variableReasons[kind],
    sites: [],
    seen: new Set(),
    scalarSites: new Map(),
  };
  if (kind === 'devcontainer') {
    const problem = devcontainerSites(collector);
    return { sites: collector.sites, problem, includes: [] };
  }
  if (kind === 'kubernetes' && text.includes('{{')) {
    for (const { offset, written } of templatedImageLines(text)) {
      collector.sites.push(
        leftAlone(collector, 'skipped', lines.line(offset), written, reasons.kubernetesTemplate),
      );
    }
    return { sites: collector.sites, problem: undefined, includes: [] };
  }
  if (kind === 'kubernetes') return kubernetesStream(collector, lines);
  if (text.length > maxParsedYaml) return tooLarge(file, text.length);
  const reading = readYaml(file, text, lines);
  if (!reading.ok) return { sites: [], problem: reading.problem, includes: [] };
  const extractor = yamlExtractors[kind];
  for (const document of reading.documents) extractor(collector, document);
  const includes = kind === 'gitlab-ci' ? reading.documents.flatMap(localIncludes) : [];
  return {
    sites: collector.sites.sort((a, b) => a.line - b.line || startOf(a) - startOf(b)),
    problem: undefined,
    includes,
  };
}

function startOf(site: ImageSite): number {
  return site.pin?.range.start ?? 0;
}

/**
 * A Kubernetes stream, one document at a time: only a document with a
 * workload `kind:` and the word `image` is parsed, its ranges shifted to the
 * file's. A syntax error in a document that is not read is not basepin's to
 * report (kubectl will).
 */
function kubernetesStream(collector: SiteCollector, lines: LineIndex): ManifestExtraction {
  const { file, text } = collector;
  const parts = documentParts(text).filter((part) => {
    const partText = text.slice(part.start, part.end);
    return partText.includes('image') && mayHoldWorkload(partText);
  });
  const parsed = parts.reduce((sum, part) => sum + part.end - part.start, 0);
  if (parsed > maxParsedYaml) return tooLarge(file, parsed);
  for (const part of parts) {
    const partText = text.slice(part.start, part.end);
    const partLines = lines.shifted(part.start);
    const reading = readYaml(file, partText, partLines);
    if (!reading.ok) return { sites: [], problem: reading.problem, includes: [] };
    const partCollector: SiteCollector = { ...collector, text: partText, lines: partLines, base: part.start };
    for (const document of reading.documents) kubernetesSites(partCollector, document);
  }
  return {
    sites: collector.sites.sort((a, b) => a.line - b.line || startOf(a) - startOf(b)),
    problem: undefined,
    includes: [],
  };
}
