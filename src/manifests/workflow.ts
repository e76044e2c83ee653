/**
 * GitHub workflows (`jobs.<id>.container`, `jobs.<id>.services.<id>`,
 * `steps[*].uses: docker://…`) and docker actions (`runs.image: docker://…`).
 */
import type { Node } from 'yaml';
import { addScalarSite, type SiteCollector } from './sites.ts';
import { isMap, isScalar, itemsOf, keysOf, lookup, resolved, type YamlDocument } from './yaml-tree.ts';

const dockerScheme = 'docker://';

export function workflowSites(collector: SiteCollector, document: YamlDocument): void {
  const root = document.contents;
  const jobs = lookup(document, root, 'jobs');
  for (const id of keysOf(document, jobs)) {
    const job = lookup(document, jobs, id);
    containerSite(collector, document, lookup(document, job, 'container'));
    const services = lookup(document, job, 'services');
    for (const name of keysOf(document, services))
      containerSite(collector, document, lookup(document, services, name));
    for (const step of itemsOf(document, lookup(document, job, 'steps'))) {
      dockerUseSite(collector, document, lookup(document, step, 'uses'));
    }
  }
  const runs = lookup(document, root, 'runs');
  const using = resolved(document, lookup(document, runs, 'using'));
  if (isScalar(using) && using.value === 'docker')
    dockerUseSite(collector, document, lookup(document, runs, 'image'));
}

/** `container:` and each service: an image string, or a mapping with `image:`. */
function containerSite(
  collector: SiteCollector,
  document: YamlDocument,
  value: Node | null | undefined,
): void {
  const node = resolved(document, value);
  if (isMap(node)) addScalarSite(collector, resolved(document, lookup(document, node, 'image')));
  else if (isScalar(node)) addScalarSite(collector, node);
}

/** `docker://IMAGE`; anything else (an action, `runs.image: Dockerfile`) names no image. */
function dockerUseSite(
  collector: SiteCollector,
  document: YamlDocument,
  value: Node | null | undefined,
): void {
  const node = resolved(document, value);
  if (isScalar(node) && typeof node.value === 'string' && node.value.startsWith(dockerScheme)) {
    addScalarSite(collector, node, dockerScheme);
  }
}
