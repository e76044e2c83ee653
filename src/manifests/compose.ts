/** Compose files: `services.<name>.image`, unless a service builds that image. */
import { addScalarSite, leftAlone, type SiteCollector } from './sites.ts';
import { reasons } from './reasons.ts';
import { parseDocument } from 'yaml';
import { keysOf, lookup, resolved, scalarText, isMap, isScalar, type YamlDocument } from './yaml-tree.ts';

export function composeSites(collector: SiteCollector, document: YamlDocument): void {
  const services = lookup(document, document.contents, 'services');
  const images = keysOf(document, services).map((name) => {
    const service = lookup(document, services, name);
    const image = resolved(document, lookup(document, service, 'image'));
    return { image, builds: lookup(document, service, 'build') !== undefined };
  });
  // Building services first: a scalar one of them builds (an anchor shared with a service that only
  // pulls) is skipped for all, since a digest there would name the build too.
  for (const { image, builds } of images) {
    if (!image || !builds || collector.seen.has(image)) continue;
    collector.seen.add(image);
    const written = isScalar(image) ? scalarText(image, collector.text) : '';
    const line = collector.lines.line(image.range?.[0] ?? 0);
    collector.sites.push(leftAlone(collector, 'skipped', line, written, reasons.composeBuild));
  }
  for (const { image, builds } of images) if (image && !builds) addScalarSite(collector, image);
}

/**
 * Whether a file no name describes is a compose file: a top-level `services:` mapping (GitLab CI's
 * top-level `services:` is a list), in YAML or JSON. A file that does not parse but has a `services:`
 * line is taken, so its syntax error is reported rather than the file passed over.
 */
export function looksLikeCompose(text: string): boolean {
  const servicesLine = /^\uFEFF?services[ \t]*:/m.test(text);
  // JSON is YAML too: `{"services": {…}}`.
  if (!servicesLine && !/"services"\s*:/.test(text)) return false;
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length > 0) return servicesLine;
  return isMap(resolved(document, lookup(document, document.contents, 'services')));
}
