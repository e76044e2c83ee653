/**
 * Kubernetes manifests: the containers of each workload's pod spec, in
 * every document of the file.
 */
import { addScalarSite, type SiteCollector } from './sites.ts';
import { isScalar, itemsOf, lookup, resolved, type YamlDocument } from './yaml-tree.ts';

/** Where each workload kind keeps its pod spec. */
const podSpecPaths: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const containerLists = ['initContainers', 'containers', 'ephemeralContainers'] as const;

const workloadKindLine = new RegExp(
  `^\\uFEFF?kind:[ \\t]*["']?(?:${Object.keys(podSpecPaths).join('|')})["']?[ \\t]*(?:#[^\\r\\n]*)?\\r?$`,
  'm',
);

/**
 * A cheap look before parsing: a file without a top-level `kind:` of a workload
 * (a bundle of CRDs, a ConfigMap) names no image, however large it is.
 */
export function mayHoldWorkload(text: string): boolean {
  return workloadKindLine.test(text);
}

export function kubernetesSites(collector: SiteCollector, document: YamlDocument): void {
  const root = document.contents;
  const kind = resolved(document, lookup(document, root, 'kind'));
  if (!isScalar(kind) || typeof kind.value !== 'string' || lookup(document, root, 'apiVersion') === undefined)
    return;
  const path = Object.hasOwn(podSpecPaths, kind.value) ? podSpecPaths[kind.value] : undefined;
  if (!path) return;
  let spec: unknown = root;
  for (const key of path) spec = lookup(document, spec, key);
  for (const list of containerLists) {
    for (const container of itemsOf(document, lookup(document, spec, list))) {
      addScalarSite(collector, resolved(document, lookup(document, container, 'image')));
    }
  }
}

/** A Go template (`{{ … }}`): not YAML until rendered, so it is not read; each `image:` line says why it is left alone. */
export function templatedImageLines(text: string): { readonly offset: number; readonly written: string }[] {
  const found: { offset: number; written: string }[] = [];
  const pattern = /^[ \t]*(?:- +)?image:[ \t]*(\S[^\r\n]*?)[ \t]*(?:#[^\r\n]*)?$/gm;
  for (const match of text.matchAll(pattern)) {
    const written = match[1] as string;
    found.push({ offset: match.index + match[0].indexOf(written), written });
  }
  return found;
}
