import { shortDigest } from '../../reference/index.ts';
import type { ChangelogFacts, PlatformFacts } from './facts.ts';
import { codeSpan } from '../../text/markdown.ts';
import { untrustedText } from '../../text/untrusted.ts';
import { vulnerabilityHeadlinePart } from './vulnerabilities.ts';

const dayMs = 86_400_000;

/** `2026-11-20 (2 days old)`; `now` is passed in so rendering stays pure (without it, no age). */
export function dateWithAge(iso: string, now: Date | undefined): string {
  if (now === undefined) return iso.slice(0, 10);
  const days = Math.floor((now.getTime() - Date.parse(iso)) / dayMs);
  const age =
    days < 0 ? 'in the future' : days === 0 ? 'today' : days === 1 ? '1 day old' : `${days} days old`;
  return `${iso.slice(0, 10)} (${age})`;
}

/** The newest build date of the platforms read: when the image the repository uses was built. */
export function newestCreated(facts: ChangelogFacts): string | undefined {
  const dates = (facts.details ?? []).map((d) => d.created?.to).filter((d): d is string => d !== undefined);
  return dates.sort().at(-1);
}

/** Whole days since the newest build, or undefined when no build date is known. */
export function ageInDays(facts: ChangelogFacts, now: Date): number | undefined {
  const created = newestCreated(facts);
  return created === undefined ? undefined : (now.getTime() - Date.parse(created)) / dayMs;
}

/** The base changed name or digest (a platform that is new has nothing to compare: not "moved"). */
export function baseMoved(detail: PlatformFacts): boolean {
  const base = detail.base;
  if (!base || (base.name.from === undefined && base.digest.from === undefined)) return false;
  return base.name.from !== base.name.to || base.digest.from !== base.digest.to;
}

/** The first platform's package diff: the one a reader of a single-platform repository cares about. */
export function leadPackages(facts: ChangelogFacts): PlatformFacts['packages'] {
  return facts.details?.find((d) => d.packages !== undefined)?.packages;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * One line: `alpine:3.20 → 3.20.3 · rebuilt 2026-11-20 (2 days old) · base alpine:3.18 moved · 3 packages upgraded`.
 * Registry values are escaped; only parts that are known appear.
 */
export function renderHeadline(
  facts: ChangelogFacts,
  now: Date | undefined,
  format: 'markdown' | 'text' = 'markdown',
): string {
  const code =
    format === 'markdown' ? (text: string) => codeSpan(text) : (text: string) => untrustedText(text, 200);
  const digest = format === 'markdown' ? (d: string) => `\`${shortDigest(d)}\`` : shortDigest;
  const parts: string[] = [];
  const version = facts.version?.to ?? facts.tags?.[0];
  const from = facts.version?.from;
  parts.push(
    version === undefined
      ? code(facts.image)
      : from !== undefined && from !== version
        ? `${code(facts.image)} ${code(from)} → ${code(version)}`
        : `${code(facts.image)} → ${code(version)}`,
  );
  if (facts.from === undefined) parts.push(`pinned to ${digest(facts.to)}`);
  else if (facts.from === facts.to) parts.push('digest unchanged');
  else parts.push(`${digest(facts.from)} → ${digest(facts.to)}`);
  const created = newestCreated(facts);
  const rebuilt =
    facts.from !== undefined && (facts.details ?? []).some((d) => d.created?.from !== d.created?.to);
  if (created !== undefined) parts.push(`${rebuilt ? 'rebuilt' : 'built'} ${dateWithAge(created, now)}`);
  if (facts.source?.sameSource) parts.push('same source');
  const moved = facts.details?.find(baseMoved);
  if (moved?.base) {
    const name = moved.base.name.to ?? moved.base.name.from;
    parts.push(name === undefined ? 'base image moved' : `base ${code(name)} moved`);
  }
  const platforms = facts.platforms;
  if (platforms?.usedChanged === false) parts.push('only platforms this repository does not use changed');
  else if (platforms && platforms.changed.length + platforms.added.length + platforms.removed.length > 0) {
    const total = platforms.changed.length + platforms.unchanged.length + platforms.added.length;
    parts.push(
      `${platforms.changed.length + platforms.added.length} of ${plural(total, 'platform')} changed`,
    );
  }
  const packages = leadPackages(facts);
  if (packages) {
    const counts = [
      packages.upgraded.length ? `${plural(packages.upgraded.length, 'package')} upgraded` : '',
      packages.added.length ? `${packages.added.length} added` : '',
      packages.removed.length ? `${packages.removed.length} removed` : '',
    ].filter(Boolean);
    parts.push(counts.length ? counts.join(', ') : 'no package changes');
  }
  const vulnerabilities = vulnerabilityHeadlinePart(facts);
  if (vulnerabilities !== undefined) parts.push(vulnerabilities);
  return parts.join(' · ');
}
