import type { ChangelogFacts, PlatformFacts } from './facts.ts';
import { baseMoved, dateWithAge } from './headline.ts';
import type { PackageDiff } from './sbom.ts';
import { codeSpan, markdownLink } from '../../text/markdown.ts';
import { vulnerabilitySection } from './vulnerabilities.ts';

/** How long a list may get; `Infinity` shows everything. The renderer lowers it until the body fits. */
export interface ListLimit {
  readonly maxItems: number;
}

const dash = '–';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** At most `limit.maxItems` rows (only those are built), then a row saying how many were left out. */
function capped<T>(
  items: readonly T[],
  row: (item: T) => string[],
  width: number,
  limit: ListLimit,
): string[][] {
  const shown = items.slice(0, limit.maxItems).map(row);
  if (items.length <= limit.maxItems) return shown;
  const left = items.length - limit.maxItems;
  return [...shown, [`…and ${left} more, left out to fit`, ...Array<string>(width - 1).fill('')]];
}

/** A registry value in a table cell. */
function cell(text: string): string {
  return codeSpan(text, { inTable: true });
}

function value(text: string | undefined, inTable = true): string {
  return text === undefined ? dash : codeSpan(text, { inTable });
}

/** Decimal units, as Docker Hub shows sizes. */
function megabytes(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

function sizeChange(from: number | undefined, to: number): string {
  if (from === undefined || from === 0) return dash;
  const delta = to - from;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${megabytes(Math.abs(delta))} (${sign}${((Math.abs(delta) / from) * 100).toFixed(1)}%)`;
}

function whenSection(details: readonly PlatformFacts[], now: Date | undefined): string[] {
  const rows = details
    .filter((d) => d.created)
    .map((d) => [
      cell(d.platform),
      d.created?.from ? dateWithAge(d.created.from, now) : dash,
      d.created?.to ? dateWithAge(d.created.to, now) : dash,
    ]);
  return rows.length ? ['**Built**', '', ...table(['Platform', 'Before', 'After'], rows), ''] : [];
}

function sourceSection(facts: ChangelogFacts): string[] {
  const source = facts.source;
  if (!source) return [];
  const lines = [
    `**Source**: ${markdownLink(source.repository.replace(/^https:\/\//, ''), source.repository)}`,
  ];
  if (source.directory) lines[0] += ` (directory ${codeSpan(source.directory)})`;
  const commit = (hash: string) =>
    source.commitUrl ? markdownLink(hash.slice(0, 12), source.commitUrl) : codeSpan(hash.slice(0, 12));
  if (source.sameSource && source.to) lines.push(`same source commit ${commit(source.to)}, rebuilt`);
  else if (source.compareUrl && source.from && source.to) {
    const range = `${source.from.slice(0, 12)}...${source.to.slice(0, 12)}`;
    lines.push(`commits ${markdownLink(range, source.compareUrl)}`);
  } else if (source.to) lines.push(`commit ${commit(source.to)}`);
  return [lines.join(' · '), ''];
}

function versionSection(facts: ChangelogFacts): string[] {
  const lines: string[] = [];
  const version = facts.version;
  if (version?.from !== undefined && version.to !== undefined && version.from === version.to) {
    lines.push(`**Version**: ${value(version.to, false)} (unchanged)`);
  } else if (version) lines.push(`**Version**: ${value(version.from, false)} → ${value(version.to, false)}`);
  if (facts.tags?.length) lines.push(`**Also tagged**: ${facts.tags.map((t) => codeSpan(t)).join(', ')}`);
  return lines.length ? [lines.join(' · '), ''] : [];
}

function baseSection(details: readonly PlatformFacts[]): string[] {
  const withBase = details.filter((d) => d.base);
  if (withBase.length > 0 && !withBase.some(baseMoved)) {
    const names = [...new Set(withBase.map((d) => d.base!.name.to).filter((n) => n !== undefined))];
    return names.length ? [`**Base image**: ${names.map((n) => codeSpan(n)).join(', ')}, unchanged`, ''] : [];
  }
  const rows = withBase.map((d) => {
    const base = d.base!;
    const show = (name?: string, digest?: string) =>
      name === undefined && digest === undefined
        ? dash
        : [name, digest?.slice(0, 19)]
            .filter(Boolean)
            .map((p) => cell(p!))
            .join(' ');
    return [cell(d.platform), show(base.name.from, base.digest.from), show(base.name.to, base.digest.to)];
  });
  return rows.length ? ['**Base image**', '', ...table(['Platform', 'Before', 'After'], rows), ''] : [];
}

function platformSection(facts: ChangelogFacts, limit: ListLimit): string[] {
  const p = facts.platforms;
  if (!p) return [];
  const mark = (platform: string) =>
    p.used?.includes(platform) ? `${cell(platform)} (used here)` : cell(platform);
  const items = [
    ...p.changed.map((x) => [x, 'rebuilt'] as const),
    ...p.added.map((x) => [x, 'added'] as const),
    ...p.removed.map((x) => [x, 'removed'] as const),
  ];
  if (items.length === 0) return [];
  const rows = capped(items, ([platform, change]) => [mark(platform), change], 2, limit);
  const lines = ['**Platforms**', '', ...table(['Platform', 'Change'], rows)];
  if (p.unchanged.length)
    lines.push(
      '',
      `${p.unchanged.length} other platform${p.unchanged.length === 1 ? '' : 's'} byte-identical.`,
    );
  if (p.usedChanged === false) lines.push('', 'None of the platforms this repository uses changed.');
  return [...lines, ''];
}

function sizeSection(details: readonly PlatformFacts[]): string[] {
  const rows = details
    .filter((d) => d.size?.to !== undefined)
    .map((d) => [
      cell(d.platform),
      d.size?.from === undefined ? dash : megabytes(d.size.from),
      megabytes(d.size!.to!),
      sizeChange(d.size?.from, d.size!.to!),
    ]);
  return rows.length
    ? ['**Compressed size**', '', ...table(['Platform', 'Before', 'After', 'Change'], rows), '']
    : [];
}

type PackageItem = readonly [name: string, before: string | undefined, after: string | undefined];

const itemsCache = new WeakMap<PackageDiff, { items: PackageItem[]; signature: string }>();

/** Upgraded first, then added, then removed; each already alphabetical. Cached: the renderer tries several limits. */
function packageItems(diff: PackageDiff): { items: PackageItem[]; signature: string } {
  const cached = itemsCache.get(diff);
  if (cached) return cached;
  const items = listPackages(diff);
  const entry = { items, signature: JSON.stringify(items) };
  itemsCache.set(diff, entry);
  return entry;
}

function listPackages(diff: PackageDiff): PackageItem[] {
  return [
    ...diff.upgraded.map((p): PackageItem => [p.name, p.from, p.to]),
    ...diff.added.map((p): PackageItem => [p.name, undefined, p.version]),
    ...diff.removed.map((p): PackageItem => [p.name, p.version, undefined]),
  ];
}

function packageSection(details: readonly PlatformFacts[], limit: ListLimit): string[] {
  const lines: string[] = [];
  let previous: string | undefined;
  for (const detail of details) {
    if (!detail.packages) continue;
    const { items, signature } = packageItems(detail.packages);
    // Platforms built from one recipe usually share a diff: show it once.
    if (signature === previous) continue;
    previous = signature;
    const rows = capped(
      items,
      ([name, before, after]) => [cell(name), value(before), value(after)],
      3,
      limit,
    );
    lines.push(`**Packages** (${codeSpan(detail.platform)})`, '');
    lines.push(...(items.length ? table(['Package', 'Before', 'After'], rows) : ['No package changes.']), '');
  }
  return lines;
}

/** The `<details>` body for one image: short tables, only for facts that are known. */
export function renderDetails(facts: ChangelogFacts, now: Date | undefined, limit: ListLimit): string[] {
  const details = facts.details ?? [];
  return [
    ...versionSection(facts),
    ...whenSection(details, now),
    ...sourceSection(facts),
    ...baseSection(details),
    ...platformSection(facts, limit),
    ...sizeSection(details),
    ...packageSection(details, limit),
    ...vulnerabilitySection(facts, limit.maxItems),
    ...(facts.skipped ?? []).map((note) => `_${note}._\n`),
  ];
}
