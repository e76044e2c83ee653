import { applyEdits, isPinnableSite, pinEdit } from '../../src/dockerfile/index.ts';
import type { ImageSite } from '../../src/dockerfile/index.ts';
import { extractSites, type FileKind } from '../../src/manifests/index.ts';

export const digestA = `sha256:${'a'.repeat(64)}`;
export const digestB = `sha256:${'b'.repeat(64)}`;

/** What a table row says of a site: line, status, written text, and the pin range's text or the reason. */
export type Row = readonly [line: number, status: string, written: string, rangeOrReason: string];

export function rowsOf(kind: FileKind, text: string, file = 'file'): Row[] {
  const { sites, problem } = extractSites(kind, file, text);
  if (problem) throw new Error(`unexpected problem: ${problem.line}:${problem.column} ${problem.reason}`);
  return sites.map((site) => rowOf(site, text));
}

export function rowOf(site: ImageSite, text: string): Row {
  const rangeText = site.pin ? text.slice(site.pin.range.start, site.pin.range.end) : undefined;
  return [site.line, site.status, site.written, rangeText ?? site.reason ?? ''];
}

/** Every pinnable or pinned site of the text pinned to `digest`. */
export function pinAll(kind: FileKind, text: string, digest: string): string {
  const { sites } = extractSites(kind, 'file', text);
  return applyEdits(
    text,
    sites.filter(isPinnableSite).map((site) => pinEdit(site.pin, digest)),
  );
}
