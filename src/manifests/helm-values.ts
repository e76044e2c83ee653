/**
 * Helm chart values: a mapping with `repository` and `tag` (and maybe
 * `registry`, `digest`) is one image, pinned in its `digest` key; a plain
 * `image: name:tag` string is pinned in place.
 */
import type { Node } from 'yaml';
import { existingDigest } from './digest-key.ts';
import { reasons } from './reasons.ts';
import { addKeyedSite, addScalarSite, leftAlone, type SiteCollector } from './sites.ts';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  lookup,
  ownValue,
  resolved,
  scalarText,
  type YamlDocument,
} from './yaml-tree.ts';

export function helmValuesSites(collector: SiteCollector, document: YamlDocument): void {
  visit(collector, document, document.contents, 0);
}

function visit(collector: SiteCollector, document: YamlDocument, node: unknown, depth: number): void {
  // Aliases are not walked: the node they name is walked where its anchor is.
  if (depth > 64) return;
  if (isSeq(node)) {
    for (const item of node.items) visit(collector, document, item, depth + 1);
    return;
  }
  if (!isMap(node)) return;
  const repository = resolved(document, lookup(document, node, 'repository'));
  const tag = lookup(document, node, 'tag');
  if (isScalar(repository) && typeof repository.value === 'string' && tag !== undefined) {
    imageMapping(collector, document, node, repository.value, repository, resolved(document, tag) ?? null);
    return;
  }
  for (const pair of node.items) {
    const value = pair.value as Node | null;
    if (
      isScalar(pair.key) &&
      pair.key.value === 'image' &&
      isScalar(value) &&
      typeof value.value === 'string'
    ) {
      addScalarSite(collector, value);
    } else visit(collector, document, value, depth + 1);
  }
}

function imageMapping(
  collector: SiteCollector,
  document: YamlDocument,
  map: Node,
  repositoryName: string,
  repository: Node,
  tag: Node | null,
): void {
  if (collector.seen.has(map)) return;
  collector.seen.add(map);
  const { text, lines } = collector;
  const line = lines.line(repository.range?.[0] ?? 0);
  const registryNode = resolved(document, lookup(document, map, 'registry'));
  const registry =
    isScalar(registryNode) && registryNode.value !== null ? scalarText(registryNode, text) : '';
  const name = registry === '' ? repositoryName : `${registry}/${repositoryName}`;
  if (!isScalar(tag) || tag.value === null || tag.value === '') {
    collector.sites.push(leftAlone(collector, 'skipped', line, name, reasons.helmEmptyTag));
    return;
  }
  if (typeof tag.value !== 'string') {
    collector.sites.push(
      leftAlone(collector, 'skipped', line, `${name}:${scalarText(tag, text)}`, reasons.helmNumericTag),
    );
    return;
  }
  const image = `${name}:${tag.value}`;
  const digest = lookup(document, map, 'digest');
  if (digest === undefined) {
    const refused = image.includes('$') || image.includes('{{');
    const reason = refused
      ? image.includes('{{')
        ? reasons.template
        : reasons.helmVariable
      : reasons.helmNoDigestKey;
    collector.sites.push(leftAlone(collector, 'skipped', line, image, reason));
    return;
  }
  // A digest key a merge key brings in, or an alias, is another mapping's: writing there would pin it too.
  const ownDigest = ownValue(document, map, 'digest');
  if (ownDigest === undefined || isAlias(ownDigest)) {
    const reason = ownDigest === undefined ? reasons.helmMergedDigest : reasons.aliasedDigest;
    collector.sites.push(leftAlone(collector, 'skipped', line, image, reason));
    return;
  }
  const target = existingDigest(ownDigest, text);
  if (!target) {
    collector.sites.push(leftAlone(collector, 'skipped', line, image, reasons.escaped));
    return;
  }
  addKeyedSite(collector, line, image, target.current, target);
}
