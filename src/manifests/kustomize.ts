/**
 * Kustomizations: each `images:` entry `{name, newName?, newTag?, digest?}`
 * is the image `newName` (else `name`) at `newTag`; its digest is written in
 * the entry's `digest:` key (added when missing), which kustomize then uses.
 */
import { digestOnlyReason } from '../dockerfile/index.ts';
import { existingDigest, newDigestKey } from './digest-key.ts';
import { reasons } from './reasons.ts';
import { addKeyedSite, leftAlone, type SiteCollector } from './sites.ts';
import {
  isAlias,
  isScalar,
  itemsOf,
  lookup,
  ownValue,
  resolved,
  scalarText,
  type YamlDocument,
} from './yaml-tree.ts';

export function kustomizeSites(collector: SiteCollector, document: YamlDocument): void {
  const { text, lines } = collector;
  for (const entry of itemsOf(document, lookup(document, document.contents, 'images'))) {
    const textOf = (key: string): string | undefined => {
      const node = resolved(document, lookup(document, entry, key));
      return isScalar(node) && node.value !== null ? scalarText(node, text) : undefined;
    };
    const line = lines.line(entry.range?.[0] ?? 0);
    const name = textOf('newName') ?? textOf('name');
    const tag = textOf('newTag');
    const digestNode = lookup(document, entry, 'digest');
    if (name === undefined) {
      collector.sites.push(leftAlone(collector, 'invalid', line, '', reasons.kustomizeNoName));
      continue;
    }
    if (tag === undefined) {
      const reason = digestNode === undefined ? reasons.kustomizeNoTag : digestOnlyReason;
      collector.sites.push(leftAlone(collector, 'skipped', line, name, reason));
      continue;
    }
    const image = `${name}:${tag}`;
    // Only the entry's own `digest:` is its pin: one a merge key brings in is another entry's, and an
    // own key written after the merge overrides it, so a missing one is added as for any entry.
    const ownDigest = ownValue(document, entry, 'digest');
    if (isAlias(ownDigest)) {
      collector.sites.push(leftAlone(collector, 'skipped', line, image, reasons.aliasedDigest));
      continue;
    }
    const target = ownDigest === undefined ? newDigestKey(entry, text) : existingDigest(ownDigest, text);
    if (!target) {
      collector.sites.push(leftAlone(collector, 'skipped', line, image, reasons.escaped));
      continue;
    }
    addKeyedSite(collector, line, image, target.current, target);
  }
}
