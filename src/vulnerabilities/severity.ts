import { cvss3BaseScore } from './cvss.ts';
import type { OsvRecord } from './record.ts';

export type SeverityLevel = 'critical' | 'high' | 'medium' | 'low' | 'none' | 'unknown';

/** Highest first: the order counts and lists are shown in. */
export const severityLevels: readonly SeverityLevel[] = [
  'critical',
  'high',
  'medium',
  'low',
  'none',
  'unknown',
];

export interface Severity {
  readonly level: SeverityLevel;
  /** The CVSS v3 base score, when the record carries a v3 vector. */
  readonly score?: number | undefined;
}

/** CVSS v3.1 qualitative rating scale (section 5). */
export function levelOfScore(score: number): SeverityLevel {
  if (score === 0) return 'none';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}

/**
 * Words databases write: GitHub's `MODERATE`, Ubuntu's priorities (`negligible`), Red Hat's `Important`,
 * Debian's urgencies (`unimportant`, `not yet assigned` → unknown).
 */
const levelWords: Readonly<Record<string, SeverityLevel>> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  medium: 'medium',
  moderate: 'medium',
  low: 'low',
  negligible: 'low',
  unimportant: 'low',
  none: 'none',
};

function levelOfWord(value: unknown): SeverityLevel | undefined {
  if (typeof value !== 'string') return undefined;
  return levelWords[value.trim().toLowerCase()];
}

function wordIn(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

const rank = (level: SeverityLevel) => severityLevels.indexOf(level);

/**
 * The severity of a record: computed from the highest CVSS v3 vector it carries (top-level or per
 * package); else the text the database wrote (`database_specific.severity`, a per-package
 * `ecosystem_specific`/`database_specific` severity, Ubuntu's `severity[{type: "Ubuntu"}]`); else unknown.
 */
export function severityOf(record: OsvRecord): Severity {
  const entries = [...(record.severity ?? []), ...(record.affected ?? []).flatMap((a) => a.severity ?? [])];
  const scores = entries
    .filter((entry) => entry.type === 'CVSS_V3')
    .map((entry) => cvss3BaseScore(entry.score))
    .filter((score): score is number => score !== undefined);
  if (scores.length) {
    const score = Math.max(...scores);
    return { level: levelOfScore(score), score };
  }
  const words = [
    wordIn(record.database_specific, 'severity'),
    ...entries.filter((entry) => !entry.type.startsWith('CVSS')).map((entry) => entry.score),
    ...(record.affected ?? []).flatMap((a) => [
      wordIn(a.ecosystem_specific, 'severity'),
      wordIn(a.ecosystem_specific, 'urgency'),
      wordIn(a.database_specific, 'severity'),
    ]),
  ]
    .map(levelOfWord)
    .filter((level): level is SeverityLevel => level !== undefined);
  if (words.length === 0) return { level: 'unknown' };
  return { level: words.reduce((best, level) => (rank(level) < rank(best) ? level : best)) };
}

/** The CVE a record is about, for display: its id when it is one, else an alias or upstream id. */
export function cveAlias(record: Pick<OsvRecord, 'id' | 'aliases' | 'upstream'>): string | undefined {
  const isCve = (id: string) => /^CVE-\d{4}-\d{4,}$/.test(id);
  if (isCve(record.id)) return undefined;
  const listed = [...(record.aliases ?? []), ...(record.upstream ?? [])].find(isCve);
  // Distribution ids wrap the CVE they track: `ALPINE-CVE-2024-5535`, `DEBIAN-CVE-2023-50387`.
  return listed ?? /-(CVE-\d{4}-\d{4,})$/.exec(record.id)?.[1];
}
