/** Compose files: `services.<name>.image`, unless the service builds that image. */
import { addScalarSite, leftAlone, type SiteCollector } from './sites.ts';
import { reasons } from './reasons.ts';
import { keysOf, lookup, resolved, scalarText, isScalar, type YamlDocument } from './yaml-tree.ts';

export function composeSites(collector: SiteCollector, document: YamlDocument): void {
  const services = lookup(document, document.contents, 'services');
  for (const name of keysOf(document, services)) {
    const service = lookup(document, services, name);
    const image = resolved(document, lookup(document, service, 'image'));
    if (!image) continue;
    if (lookup(document, service, 'build') !== undefined) {
      if (collector.seen.has(image)) continue;
      collector.seen.add(image);
      const written = isScalar(image) ? scalarText(image, collector.text) : '';
      const line = collector.lines.line(image.range?.[0] ?? 0);
      collector.sites.push(leftAlone(collector, 'skipped', line, written, reasons.composeBuild));
      continue;
    }
    addScalarSite(collector, image);
  }
}
