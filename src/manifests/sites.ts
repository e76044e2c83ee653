/**
 * The shapes a manifest site takes: an image written in one scalar (pinned
 * as `name:tag@sha256:…` in place), an image whose digest has a key of its
 * own (Helm values, kustomize), and a site left alone with its reason.
 */
import { isScalar, type Node } from 'yaml';
import {
  compactSite,
  judgeReference,
  type DigestKey,
  type ImageSite,
  type ManifestSiteKind,
  type PinTarget,
  type SourceRange,
} from '../dockerfile/index.ts';
import type { Lines } from './lines.ts';
import { reasons } from './reasons.ts';
import { scalarText, valueRange } from './yaml-tree.ts';

/** One extraction: the file, its text, and the sites found so far. */
export interface SiteCollector {
  readonly kind: ManifestSiteKind;
  readonly file: string;
  readonly text: string;
  readonly lines: Lines;
  /** Where `text` starts in the file (a document of a Kubernetes stream): added to every range. */
  readonly base: number;
  /** Why a value with `$` is not an image yet, in this kind's words. */
  readonly variableReason: string;
  readonly sites: ImageSite[];
  /** Scalars already made a site: an alias to an image is one site, at its anchor. */
  readonly seen: Set<Node>;
  /** The site each scalar made and the prefix it was read with, for a scalar read again another way. */
  readonly scalarSites: Map<Node, { readonly prefix: string; readonly site: ImageSite }>;
}

/**
 * The site of an image written in one YAML scalar. `prefix` is text before
 * the image inside the value (`docker://`), not part of the site's range.
 */
export function addScalarSite(collector: SiteCollector, node: Node | null | undefined, prefix = ''): void {
  if (!node) return;
  const earlier = collector.scalarSites.get(node);
  if (earlier) {
    if (earlier.prefix !== prefix) refuseIfRefused(collector, node, prefix, earlier.site);
    return;
  }
  if (collector.seen.has(node)) return;
  collector.seen.add(node);
  const count = collector.sites.length;
  judgeScalar(collector, node, prefix);
  const made = collector.sites[count];
  if (made) collector.scalarSites.set(node, { prefix, site: made });
}

/**
 * A scalar read again another way (a workflow's `docker://` step and a job's `container:` through one
 * anchor): it is pinned only when every place would pin it, so a place that refuses it wins.
 */
function refuseIfRefused(collector: SiteCollector, node: Node, prefix: string, earlier: ImageSite): void {
  if (!earlier.pin) return;
  const scratch: SiteCollector = { ...collector, sites: [], seen: new Set(), scalarSites: new Map() };
  judgeScalar(scratch, node, prefix);
  const refusal = scratch.sites[0];
  if (!refusal || refusal.pin) return;
  collector.sites[collector.sites.indexOf(earlier)] = refusal;
  collector.scalarSites.set(node, { prefix, site: refusal });
}

function judgeScalar(collector: SiteCollector, node: Node, prefix: string): void {
  if (!isScalar(node)) {
    const line = collector.lines.line(node.range?.[0] ?? 0);
    collector.sites.push(leftAlone(collector, 'invalid', line, '', reasons.notText));
    return;
  }
  const value = scalarText(node, collector.text);
  const written = value.slice(prefix.length);
  const range = valueRange(node, collector.text);
  // The line of the image text itself: a block scalar's starts on the line after its `|` or `>`.
  const line = collector.lines.line(range?.start ?? node.range?.[0] ?? 0);
  addTextSite(
    collector,
    line,
    written,
    range && { start: collector.base + range.start + prefix.length, end: collector.base + range.end },
    reasons.escaped,
  );
}

/** The site of an image whose text sits at `range` (undefined: it cannot be edited in place, for `noRange`). */
export function addTextSite(
  collector: SiteCollector,
  line: number,
  written: string,
  range: SourceRange | undefined,
  noRange: string,
): void {
  const refusal = refusalOf(collector, written);
  if (refusal) {
    collector.sites.push(leftAlone(collector, refusal.status, line, written, refusal.reason));
    return;
  }
  if (!range) {
    collector.sites.push(leftAlone(collector, 'skipped', line, written, noRange));
    return;
  }
  const judged = judgeReference(written, false);
  const at = written.indexOf('@');
  const digestRange =
    at === -1 ? { start: range.end, end: range.end } : { start: range.start + at, end: range.end };
  const pin: PinTarget | undefined = judged.pinnable
    ? { range, digestRange, addLatestTag: judged.addLatestTag }
    : undefined;
  collector.sites.push(
    site(collector, line, written, written, judged.reference, pin, judged.status, judged.reason),
  );
}

/**
 * The site of an image whose digest is written in a key of its own: `image`
 * is the reference without digest, `digest` the key's current value (empty
 * when none), `target` where the bare digest goes.
 */
export function addKeyedSite(
  collector: SiteCollector,
  line: number,
  image: string,
  digest: string,
  target: { readonly range: SourceRange; readonly key: DigestKey },
): void {
  const refusal = refusalOf(collector, image) ?? refusalOf(collector, digest || 'x');
  if (refusal) {
    collector.sites.push(leftAlone(collector, refusal.status, line, image, refusal.reason));
    return;
  }
  const resolved = digest === '' ? image : `${image}@${digest}`;
  const judged = judgeReference(resolved, false);
  // The tag is the chart's or the kustomization's to keep: no `:latest` is added to a key.
  const range = { start: collector.base + target.range.start, end: collector.base + target.range.end };
  const pin: PinTarget | undefined = judged.pinnable
    ? { range, digestRange: range, addLatestTag: false, digestKey: target.key }
    : undefined;
  collector.sites.push(
    site(collector, line, image, resolved, judged.reference, pin, judged.status, judged.reason),
  );
}

/** A site left alone: skipped with its reason, or invalid with the parser's. */
export function leftAlone(
  collector: SiteCollector,
  status: 'skipped' | 'invalid',
  line: number,
  written: string,
  reason: string,
): ImageSite {
  const reference =
    status === 'skipped' && written !== '' && !written.includes('$')
      ? judgeReference(written, false).reference
      : undefined;
  return site(collector, line, written, undefined, reference, undefined, status, reason);
}

function refusalOf(
  collector: SiteCollector,
  written: string,
): { readonly status: 'skipped' | 'invalid'; readonly reason: string } | undefined {
  // `$` first: a workflow's `${{ … }}` is an expression, not a template.
  if (written.includes('$')) return { status: 'skipped', reason: collector.variableReason };
  if (written.includes('{{')) return { status: 'skipped', reason: reasons.template };
  if (written.trim() === '') return { status: 'invalid', reason: reasons.empty };
  return undefined;
}

function site(
  collector: SiteCollector,
  line: number,
  written: string,
  resolved: string | undefined,
  reference: ImageSite['reference'],
  pin: PinTarget | undefined,
  status: ImageSite['status'],
  reason: string | undefined,
): ImageSite {
  return compactSite({
    file: collector.file,
    line,
    kind: collector.kind,
    written,
    resolved,
    reference,
    pin,
    stage: undefined,
    platform: undefined,
    status,
    reason,
  });
}
