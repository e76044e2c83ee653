import { untrustedText } from '../text/untrusted.ts';
import type { Finding, VulnerabilityComparison } from './compare.ts';
import { osvIdPattern, type OsvRecord } from './record.ts';
import { cveAlias, severityLevels, severityOf, type SeverityLevel } from './severity.ts';

/** One vulnerability as shown: also the `--json` and `explain --json` shape. */
export interface VulnerabilityEntry {
  /** The OSV id (`ALPINE-CVE-2024-5535`, `DSA-5555-1`). */
  readonly id: string;
  /** The CVE it is about, when the id is not one. */
  readonly cve?: string | undefined;
  readonly severity: SeverityLevel;
  /** CVSS v3 base score, when the record carries a v3 vector. */
  readonly score?: number | undefined;
  readonly package: string;
  readonly ecosystem: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** One sanitised line from the record's summary (or the start of its details). */
  readonly summary?: string | undefined;
  /** `https://osv.dev/vulnerability/<id>`. */
  readonly url: string;
}

/** What a change does to known vulnerabilities: the `vulnerabilities` field of a change's facts and JSON. */
export type VulnerabilityReport =
  | {
      readonly status: 'known';
      readonly fixed: readonly VulnerabilityEntry[];
      readonly introduced: readonly VulnerabilityEntry[];
      readonly stillOpen: number;
      /** Kinds of packages not asked about (`rpm/redhat: …`). */
      readonly unqueried?: readonly string[] | undefined;
    }
  | { readonly status: 'unavailable' };

/** The id people know a vulnerability by: its CVE where there is one, else OSV's id. */
export function displayId(entry: Pick<VulnerabilityEntry, 'id' | 'cve'>): string {
  return entry.cve ?? entry.id;
}

/** Longest summary kept, in code points. */
const maxSummary = 160;

/** The link to an id's advisory page; ids not in OSV's form get none (they never reach a link). */
export function advisoryUrl(id: string): string {
  return osvIdPattern.test(id)
    ? `https://osv.dev/vulnerability/${encodeURIComponent(id)}`
    : 'https://osv.dev/';
}

function summaryOf(record: OsvRecord | undefined): string | undefined {
  const text = record?.summary ?? record?.details?.split(/\n\s*\n/)[0];
  if (text === undefined || text.trim() === '') return undefined;
  return untrustedText(text, maxSummary);
}

function entry(finding: Finding, record: OsvRecord | undefined): VulnerabilityEntry {
  const severity = record ? severityOf(record) : { level: 'unknown' as const };
  return {
    id: finding.id,
    cve: record ? cveAlias(record) : cveAlias({ id: finding.id }),
    severity: severity.level,
    score: severity.score,
    package: finding.package,
    ecosystem: finding.ecosystem,
    from: finding.from,
    to: finding.to,
    summary: summaryOf(record),
    url: advisoryUrl(finding.id),
  };
}

const bySeverityThenId = (a: VulnerabilityEntry, b: VulnerabilityEntry) =>
  severityLevels.indexOf(a.severity) - severityLevels.indexOf(b.severity) ||
  (b.score ?? 0) - (a.score ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The report of a comparison, with each shown id's record where it could be read (a missing record leaves
 * the entry with its id, package and versions, severity unknown). Pure.
 */
export function describeVulnerabilities(
  comparison: VulnerabilityComparison,
  records: ReadonlyMap<string, OsvRecord>,
): VulnerabilityReport {
  if (comparison.status === 'unavailable') return comparison;
  const describe = (findings: readonly Finding[]) =>
    findings.map((finding) => entry(finding, records.get(finding.id))).sort(bySeverityThenId);
  return {
    status: 'known',
    fixed: describe(comparison.fixed),
    introduced: describe(comparison.introduced),
    stillOpen: comparison.stillOpen,
    unqueried: comparison.unqueried.length ? comparison.unqueried : undefined,
  };
}
