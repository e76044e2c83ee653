import { codeSpan, markdownLink, untrustedMarkdown } from '../text/markdown.ts';
import { untrustedText } from '../text/untrusted.ts';
import type { VulnerabilityEntry, VulnerabilityReport } from './report.ts';
import type { SeverityLevel } from './severity.ts';

/** Said once per changelog, however many images could not be checked. */
export const vulnerabilityDataUnavailable = 'vulnerability data unavailable';

/** `1 known vulnerability`, `3 known vulnerabilities`. */
const knownVulnerabilities = (count: number) =>
  `${count} known ${count === 1 ? 'vulnerability' : 'vulnerabilities'}`;

/** `(1 high)`, `(critical)`, `(2 critical, 1 high)`; empty when none is high or critical. */
function severityNote(entries: readonly VulnerabilityEntry[]): string {
  if (entries.length === 1) {
    const level = entries[0]?.severity;
    return level === undefined || level === 'unknown' ? '' : ` (${level})`;
  }
  const counts = (['critical', 'high'] as const satisfies readonly SeverityLevel[])
    .map((level) => [level, entries.filter((e) => e.severity === level).length] as const)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${level}`);
  return counts.length ? ` (${counts.join(', ')})` : '';
}

/**
 * The headline's part: `fixes 3 known vulnerabilities (1 high)`, `introduces 1 known vulnerability
 * (critical)`, both joined (`…, introduces 1 (critical)`); undefined when neither, and for unavailable data
 * (said once for the whole changelog: `vulnerabilityDataUnavailable`).
 */
export function vulnerabilityHeadline(report: VulnerabilityReport | undefined): string | undefined {
  if (report?.status !== 'known') return undefined;
  const { fixed, introduced } = report;
  const parts: string[] = [];
  if (fixed.length) parts.push(`fixes ${knownVulnerabilities(fixed.length)}${severityNote(fixed)}`);
  if (introduced.length) {
    const counted = fixed.length ? `${introduced.length}` : knownVulnerabilities(introduced.length);
    parts.push(`introduces ${counted}${severityNote(introduced)}`);
  }
  return parts.length ? parts.join(', ') : undefined;
}

/** `vulnerability data unavailable` once, when any of a changelog's reports is unavailable. */
export function unavailableNote(reports: readonly (VulnerabilityReport | undefined)[]): string | undefined {
  return reports.some((report) => report?.status === 'unavailable')
    ? vulnerabilityDataUnavailable
    : undefined;
}

export interface VulnerabilityLineOptions {
  readonly format: 'markdown' | 'text';
  /** Most entries listed per list; the rest are counted. Default 20. */
  readonly maxItems?: number;
}

function severityText(entry: VulnerabilityEntry): string {
  return entry.score === undefined ? entry.severity : `${entry.severity} (${entry.score.toFixed(1)})`;
}

/** `ALPINE-CVE-2024-5535 — CVE-2024-5535 — critical (9.1) · openssl 3.3.1-r0 → 3.3.1-r1 · summary · link`. */
function line(entry: VulnerabilityEntry, format: 'markdown' | 'text'): string {
  const code = format === 'markdown' ? (t: string) => codeSpan(t) : (t: string) => untrustedText(t, 200);
  const versions =
    entry.from !== undefined && entry.to !== undefined
      ? `${code(entry.from)} → ${code(entry.to)}`
      : entry.from !== undefined
        ? `${code(entry.from)} (removed)`
        : entry.to !== undefined
          ? `${code(entry.to)} (added)`
          : '';
  const head = [code(entry.id), entry.cve === undefined ? undefined : code(entry.cve), severityText(entry)]
    .filter((part) => part !== undefined)
    .join(' — ');
  const summary =
    entry.summary === undefined
      ? undefined
      : format === 'markdown'
        ? untrustedMarkdown(entry.summary)
        : untrustedText(entry.summary);
  const link = format === 'markdown' ? markdownLink('advisory', entry.url) : entry.url;
  return [head, `${code(entry.package)} ${versions}`.trim(), summary, link]
    .filter((part) => part !== undefined)
    .join(' · ');
}

/**
 * The details: a `Fixed` and an `Introduced` list, one line each (ids, severity, package and versions,
 * summary, advisory), and the still-open count. Advisory text is sanitised and, in markdown, escaped.
 */
export function vulnerabilityDetailLines(
  report: VulnerabilityReport | undefined,
  options: VulnerabilityLineOptions,
): string[] {
  if (report === undefined) return [];
  if (report.status === 'unavailable') return [vulnerabilityDataUnavailable];
  const max = options.maxItems ?? 20;
  const lines: string[] = [];
  const list = (title: string, entries: readonly VulnerabilityEntry[]) => {
    if (!entries.length) return;
    lines.push(`${title}:`);
    for (const entry of entries.slice(0, max)) lines.push(`- ${line(entry, options.format)}`);
    if (entries.length > max) lines.push(`- … and ${entries.length - max} more`);
  };
  list('Known vulnerabilities fixed', report.fixed);
  list('Known vulnerabilities introduced', report.introduced);
  if (report.stillOpen > 0) {
    lines.push(`Still open in the changed packages: ${report.stillOpen}`);
  }
  if (report.unqueried?.length) {
    const shown = report.unqueried.map((reason) =>
      options.format === 'markdown' ? untrustedMarkdown(reason) : untrustedText(reason),
    );
    lines.push(`Not checked: ${shown.join('; ')}`);
  }
  return lines;
}
