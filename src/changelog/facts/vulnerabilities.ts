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

/** The details' section: the fixed and introduced lists, one line each; nothing when unknown or unavailable. */
export function vulnerabilitySection(facts: ChangelogFacts, maxItems: number): string[] {
  const report = facts.vulnerabilities;
  if (report?.status !== 'known') return [];
  const lines = vulnerabilityDetailLines(report, {
    format: 'markdown',
    maxItems: Number.isFinite(maxItems) ? maxItems : undefined,
  });
  if (!lines.length) return ['**Known vulnerabilities**: none fixed or introduced.', ''];
  // The list titles become bold labels; their items stay a markdown list.
  return [...lines.map((line) => (line.startsWith('- ') ? line : `**${line.replace(/:$/, '')}**`)), ''];
}

/** The CLI's rows: `fixed  ALPINE-CVE-… — CVE-… — high (7.5) · openssl 3.3.1-r0 → 3.3.1-r1 · … · link`. */
export function vulnerabilityTextRows(facts: ChangelogFacts): [label: string, text: string][] {
  const report = facts.vulnerabilities;
  if (report === undefined) return [];
  if (report.status === 'unavailable') return [['vulns', vulnerabilityDataUnavailable]];
  // Each list on its own, so its lines carry their label and no title.
  const items = (label: string, entries: VulnerabilityEntry[]) =>
    vulnerabilityDetailLines(
      { status: 'known', fixed: entries, introduced: [], stillOpen: 0 },
      { format: 'text' },
    )
      .filter((line) => line.startsWith('- '))
      .map((line): [string, string] => [label, line.slice(2)]);
  const rows = [...items('fixed', [...report.fixed]), ...items('introduced', [...report.introduced])];
  if (report.stillOpen > 0) rows.push(['vulns', `still open in the changed packages: ${report.stillOpen}`]);
  if (!report.fixed.length && !report.introduced.length) rows.unshift(['vulns', 'none fixed or introduced']);
  return rows;
}

/** `vulnerability data unavailable`, once for all the changelog's images, when any could not be checked. */
export function vulnerabilityNote(facts: readonly ChangelogFacts[]): string | undefined {
  return unavailableNote(facts.map((fact) => fact.vulnerabilities));
}
