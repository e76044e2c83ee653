import { shortDigest } from '../../reference/index.ts';
import { renderDetails } from './details.ts';
import type { ChangelogFacts } from './facts.ts';
import { renderHeadline } from './headline.ts';
import { signatureFactLines } from './signature-lines.ts';
import { codeSpan } from '../../text/markdown.ts';
import { vulnerabilityNote } from './vulnerabilities.ts';

export type { ChangelogFacts } from './facts.ts';

/** https://github.com/opencontainers/image-spec/blob/main/media-types.md and Docker's manifest v2 schema 2. */
const manifestKinds: Readonly<Record<string, string>> = {
  'application/vnd.oci.image.index.v1+json': 'multi-platform OCI image index',
  'application/vnd.docker.distribution.manifest.list.v2+json': 'multi-platform Docker manifest list',
  'application/vnd.oci.image.manifest.v1+json': 'single-platform OCI image manifest',
  'application/vnd.docker.distribution.manifest.v2+json': 'single-platform Docker image manifest',
};

export function manifestKind(mediaType: string): string {
  return manifestKinds[mediaType] ?? codeSpan(mediaType);
}

export interface RenderOptions {
  /** The time ages are measured from; without it dates are shown without an age. */
  readonly now?: Date | undefined;
  /** Most characters the whole changelog may take; lists are cut, then details dropped, to fit. */
  readonly maxChars?: number | undefined;
}

/** Facts beyond the digests: worth a headline and a details block. */
function hasDetails(facts: ChangelogFacts): boolean {
  return (
    facts.version !== undefined ||
    facts.tags !== undefined ||
    facts.source !== undefined ||
    facts.platforms !== undefined ||
    facts.details !== undefined ||
    facts.skipped !== undefined ||
    facts.vulnerabilities !== undefined
  );
}

/** The one-line form, for an image the registry told nothing more about. */
function digestLine(facts: ChangelogFacts): string[] {
  const to = `\`${shortDigest(facts.to)}\``;
  const lines = [
    facts.from === undefined
      ? `- ${codeSpan(facts.image)}: now pinned to ${to} (${manifestKind(facts.toMediaType)}).`
      : facts.from === facts.to
        ? `- ${codeSpan(facts.image)}: pinned to ${to} (unchanged digest).`
        : `- ${codeSpan(facts.image)}: the tag moved from \`${shortDigest(facts.from)}\` to ${to} (${manifestKind(facts.toMediaType)}).`,
  ];
  if (facts.fromMediaType !== undefined && facts.fromMediaType !== facts.toMediaType) {
    lines.push(
      `  - The manifest kind changed: ${manifestKind(facts.fromMediaType)} → ${manifestKind(facts.toMediaType)}.`,
    );
  }
  return lines;
}

/** One image: the headline, then `<details>` with the tables (unless `maxItems` is negative: headline only). */
export function renderImageSection(facts: ChangelogFacts, now: Date | undefined, maxItems: number): string {
  // Signature and provenance under the headline, never in it: "not signed" is said once, without noise.
  const signed = signatureFactLines(facts, 'markdown')
    .map(({ label, text }) => `\n  - ${label}: ${text}`)
    .join('');
  if (!hasDetails(facts)) return `${digestLine(facts).join('\n')}${signed}`;
  const headline = `- ${renderHeadline(facts, now)}${signed}`;
  if (maxItems < 0) return headline;
  const body = renderDetails(facts, now, { maxItems });
  if (body.length === 0) return headline;
  return [
    headline,
    '',
    '<details>',
    '<summary>What changed inside</summary>',
    '',
    ...body,
    '</details>',
    '',
  ].join('\n');
}

/** List lengths tried in turn until the changelog fits; -1 leaves only headlines. */
const listLimits = [Infinity, 200, 100, 50, 20, 10, 5, 0, -1];

function dedupe(facts: readonly ChangelogFacts[]): ChangelogFacts[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.image}\n${fact.from ?? ''}\n${fact.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A table row is never shorter than this; it lets the fitting skip list lengths that cannot fit. */
const minRowChars = 16;

function lowerBound(facts: readonly ChangelogFacts[], limit: number): number {
  // Every image has at least its headline.
  const headlines = facts.reduce((sum, fact) => sum + fact.image.length + 40, 0);
  if (limit < 0) return headlines;
  let rows = 0;
  for (const fact of facts) {
    const platforms = fact.platforms;
    if (platforms)
      rows += Math.min(limit, platforms.changed.length + platforms.added.length + platforms.removed.length);
    // Identical diffs of several platforms are shown once: only the largest one is sure to appear.
    const packages = (fact.details ?? []).map((d) =>
      d.packages ? d.packages.upgraded.length + d.packages.added.length + d.packages.removed.length : 0,
    );
    rows += Math.min(limit, Math.max(0, ...packages));
  }
  return headlines + rows * minRowChars;
}

/** Markdown for the "what changed" part of a pull request or job summary; one entry per distinct image change. */
export function renderChangelog(facts: readonly ChangelogFacts[], options: RenderOptions = {}): string {
  // OSV could not be asked: said once for the whole changelog, after the images.
  const note = vulnerabilityNote(facts);
  if (note === undefined) return renderImages(facts, options);
  const suffix = `\n\n_${note}._`;
  return `${renderImages(facts, { ...options, maxChars: (options.maxChars ?? Infinity) - suffix.length })}${suffix}`;
}

function renderImages(facts: readonly ChangelogFacts[], options: RenderOptions): string {
  const unique = dedupe(facts);
  const max = options.maxChars ?? Infinity;
  let text = '';
  for (const limit of listLimits) {
    if (lowerBound(unique, limit) > max) continue;
    text = unique.map((fact) => renderImageSection(fact, options.now, limit)).join('\n');
    if (text.length <= max) return text;
  }
  // Headlines alone are still too long: keep as many whole ones as fit and count the rest.
  const lines = text.split('\n');
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 200 > max) break;
    kept.push(line);
    used += line.length + 1;
  }
  kept.push(`- …and ${lines.length - kept.length} more images, left out to fit GitHub's size limit.`);
  return kept.join('\n');
}
