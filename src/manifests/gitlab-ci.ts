/**
 * GitLab CI: `image` (a string, or `name:` in a mapping) and `services`
 * entries (likewise), at the top level, under `default:` and in every job;
 * and the local files its `include:` names, which are read as GitLab CI too.
 */
import type { Node } from 'yaml';
import { addScalarSite, type SiteCollector } from './sites.ts';
import { isMap, isScalar, itemsOf, keysOf, lookup, resolved, type YamlDocument } from './yaml-tree.ts';

/** A local file an `include:` names: a repository path, or a glob of them (`configs/*.yml`). */
export interface LocalInclude {
  /** Relative to the repository's root (GitLab's leading `/` removed). */
  readonly path: string;
  /** `*` in the path: GitLab expands it against the repository's files. */
  readonly glob: boolean;
}

/** Top-level keys that are not jobs. */
const globalKeywords = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'spec',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
]);

export function gitlabSites(collector: SiteCollector, document: YamlDocument): void {
  const root = document.contents;
  imageOf(collector, document, root);
  imageOf(collector, document, lookup(document, root, 'default'));
  for (const key of keysOf(document, root)) {
    if (globalKeywords.has(key)) continue;
    const job = resolved(document, lookup(document, root, key));
    if (isMap(job)) imageOf(collector, document, job);
  }
}

function imageOf(collector: SiteCollector, document: YamlDocument, owner: unknown): void {
  if (!isMap(resolved(document, owner))) return;
  nameSite(collector, document, lookup(document, owner, 'image'));
  for (const service of itemsOf(document, lookup(document, owner, 'services')))
    nameSite(collector, document, service);
}

/** A string, or the `name:` of a mapping. */
function nameSite(collector: SiteCollector, document: YamlDocument, value: Node | null | undefined): void {
  const node = resolved(document, value);
  if (isMap(node)) addScalarSite(collector, resolved(document, lookup(document, node, 'name')));
  else if (isScalar(node)) addScalarSite(collector, node);
}

/** The local files `include:` names: `include: a.yml`, a list of them, or `- local: a.yml`. Remote, project, template and component includes are not files of this repository. */
export function localIncludes(document: YamlDocument): LocalInclude[] {
  const include = resolved(document, lookup(document, document.contents, 'include'));
  const entries = isScalar(include) || isMap(include) ? [include] : itemsOf(document, include);
  const found: LocalInclude[] = [];
  for (const entry of entries) {
    const node = isMap(entry) ? resolved(document, lookup(document, entry, 'local')) : entry;
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    const path = node.value.trim();
    // A string include that is a URL is a remote one; `$` paths are known only when the pipeline runs.
    if (path === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.includes('$')) continue;
    const relative = path.replace(/^(\.?\/)+/, '');
    if (relative === '' || relative.split('/').includes('..')) continue;
    found.push({ path: relative, glob: relative.includes('*') });
  }
  return found;
}
