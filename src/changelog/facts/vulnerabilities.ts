import {
  unavailableNote,
  vulnerabilityDataUnavailable,
  type VulnerabilityEntry,
  vulnerabilityDetailLines,
  vulnerabilityHeadline,
} from '../../vulnerabilities/index.ts';
import type { ChangelogFacts } from './facts.ts';

/**
 * Where a change's known vulnerabilities (`ChangelogFacts.vulnerabilities`) appear in the changelog's
 * words: the headline's part, the details' section (markdown) and the CLI's rows. "Unavailable" is said
 * once per changelog (`vulnerabilityNote`), never per image.
 */

/** `fixes 3 known vulnerabilities (1 high)`; undefined when nothing is known to change. */
export function vulnerabilityHeadlinePart(facts: ChangelogFacts): string | undefined {
  return vulnerabilityHeadline(facts.vulnerabilities);
}

/** One list's lines (`- …`), without its title: each list is rendered on its own. */
function listLines(
  entries: readonly VulnerabilityEntry[],
  format: 'markdown' | 'text',
  maxItems?: number,
): string[] {
  return vulnerabilityDetailLines(
    { status: 'known', fixed: entries, introduced: [], stillOpen: 0 },
    { format, ...(maxItems === undefined ? {} : { maxItems }) },
  ).filter((line) => line.startsWith('- '));
}

/** The details' section: the fixed and introduced lists, one line each; nothing when unknown or unavailable. */
export function vulnerabilitySection(facts: ChangelogFacts, maxItems: number): string[] {
  const report = facts.vulnerabilities;
  if (report?.status !== 'known') return [];
  const max = Number.isFinite(maxItems) ? Math.max(0, maxItems) : undefined;
  const lines: string[] = [];
  const list = (title: string, entries: readonly VulnerabilityEntry[]) => {
    if (entries.length) lines.push(`**${title}**`, '', ...listLines(entries, 'markdown', max), '');
  };
  list('Known vulnerabilities fixed', report.fixed);
  list('Known vulnerabilities introduced', report.introduced);
  if (!lines.length) lines.push('**Known vulnerabilities**: none fixed or introduced.', '');
  if (report.stillOpen > 0) lines.push(`Still open in the changed packages: ${report.stillOpen}.`, '');
  return lines;
}

/** The CLI's rows: `fixed  ALPINE-CVE-… — CVE-… — high (7.5) · openssl 3.3.1-r0 → 3.3.1-r1 · … · link`. */
export function vulnerabilityTextRows(facts: ChangelogFacts): [label: string, text: string][] {
  const report = facts.vulnerabilities;
  if (report === undefined) return [];
  if (report.status === 'unavailable') return [['vulns', vulnerabilityDataUnavailable]];
  const items = (label: string, entries: readonly VulnerabilityEntry[]) =>
    listLines(entries, 'text').map((line): [string, string] => [label, line.slice(2)]);
  const rows = [...items('fixed', report.fixed), ...items('introduced', report.introduced)];
  if (!rows.length) rows.push(['vulns', 'none fixed or introduced']);
  if (report.stillOpen > 0) rows.push(['vulns', `still open in the changed packages: ${report.stillOpen}`]);
  return rows;
}

/** `vulnerability data unavailable`, once for all the changelog's images, when any could not be checked. */
export function vulnerabilityNote(facts: readonly ChangelogFacts[]): string | undefined {
  return unavailableNote(facts.map((fact) => fact.vulnerabilities));
}
