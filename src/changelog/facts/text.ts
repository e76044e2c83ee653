import type { ChangelogFacts } from './facts.ts';
import { dateWithAge, renderHeadline } from './headline.ts';
import { untrustedText } from '../../text/untrusted.ts';
import { signatureFactLines, signatureFactsJson } from './signature-lines.ts';
import { vulnerabilityTextRows } from './vulnerabilities.ts';

/**
 * The facts for a terminal (`basepin explain`) and for JSON (`--json`, the `changelog` object): the same
 * facts as the markdown, registry text cleaned of control and bidi characters and capped.
 */

const jsonValueChars = 500;
const maxValueChars = 200;

/** A copy of the facts with every string cleaned for output; numbers and booleans as they are. */
export function changelogJson(facts: ChangelogFacts): unknown {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return untrustedText(value, jsonValueChars);
    if (Array.isArray(value)) return value.map(clean);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]));
    }
    return value;
  };
  // The verdict and provenance in their JSON form (`signatureJson`, `provenanceJson`), text already cleaned.
  const { signature: _signature, provenance: _provenance, ...rest } = facts;
  return { ...(clean(rest) as object), ...signatureFactsJson(facts) };
}

/** A registry value on one line: escaped and capped (`src/text/untrusted.ts`). */
const shown = (value: string) => untrustedText(value, maxValueChars);
const show = (value: string | number | undefined) => (value === undefined ? '–' : shown(String(value)));

/** Human text: the headline, then one indented line per fact. */
export function renderChangelogText(facts: ChangelogFacts, now: Date | undefined): string {
  const lines = [renderHeadline(facts, now, 'text')];
  const row = (label: string, text: string) => lines.push(`  ${label.padEnd(10)} ${text}`);
  row('digest', `${facts.from ?? 'unpinned'} → ${facts.to}`);
  if (facts.version) row('version', `${show(facts.version.from)} → ${show(facts.version.to)}`);
  if (facts.tags?.length) row('tags', facts.tags.map((t) => shown(t)).join(', '));
  for (const detail of facts.details ?? []) {
    const platform = shown(detail.platform);
    if (detail.created) {
      const when = (iso: string | undefined) => (iso === undefined ? '–' : dateWithAge(iso, now));
      row('built', `${platform}  ${when(detail.created.from)} → ${when(detail.created.to)}`);
    }
    if (detail.base) {
      const base = (name?: string, digest?: string) =>
        [name, digest]
          .filter(Boolean)
          .map((v) => shown(v!))
          .join(' ') || '–';
      row(
        'base',
        `${platform}  ${base(detail.base.name.from, detail.base.digest.from)} → ${base(detail.base.name.to, detail.base.digest.to)}`,
      );
    }
    if (detail.size) row('size', `${platform}  ${show(detail.size.from)} → ${show(detail.size.to)} bytes`);
    if (detail.packages) {
      const { upgraded, added, removed } = detail.packages;
      if (upgraded.length + added.length + removed.length === 0) row('packages', `${platform}  no changes`);
      for (const p of upgraded)
        row('packages', `${platform}  ${shown(p.name)} ${show(p.from)} → ${show(p.to)}`);
      for (const p of added) row('packages', `${platform}  + ${shown(p.name)} ${show(p.version)}`);
      for (const p of removed) row('packages', `${platform}  - ${shown(p.name)} ${show(p.version)}`);
    }
  }
  const source = facts.source;
  if (source) {
    const where = source.directory ? `${source.repository} (${shown(source.directory)})` : source.repository;
    const commits = source.sameSource
      ? `same commit ${source.to}, rebuilt`
      : (source.compareUrl ?? (source.to === undefined ? '' : `commit ${source.to}`));
    row('source', [where, commits].filter(Boolean).join('  '));
  }
  const platforms = facts.platforms;
  if (platforms) {
    const list = (label: string, items: readonly string[]) =>
      items.length ? `${label}: ${items.map((p) => shown(p)).join(', ')}` : '';
    const parts = [
      list('rebuilt', platforms.changed),
      list('added', platforms.added),
      list('removed', platforms.removed),
      platforms.unchanged.length ? `identical: ${platforms.unchanged.length}` : '',
      platforms.usedChanged === false ? 'none of the platforms used here changed' : '',
    ];
    row('platforms', parts.filter(Boolean).join('; '));
  }
  for (const { label, text } of signatureFactLines(facts, 'plain')) row(label.toLowerCase(), text);
  for (const [label, text] of vulnerabilityTextRows(facts)) row(label, text);
  for (const note of facts.skipped ?? []) row('note', note);
  return lines.join('\n');
}
