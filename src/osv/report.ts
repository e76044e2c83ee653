import {
  compareVulnerabilities,
  describeVulnerabilities,
  planVulnerabilityQueries,
  shownIds,
  type ListedPackage,
  type VulnerabilityReport,
} from '../vulnerabilities/index.ts';
import type { OsvClient } from './client.ts';

/** The old and the new packages of one change (for several platforms, their concatenation: keys dedupe). */
export interface PackageChange {
  readonly before: readonly ListedPackage[];
  readonly after: readonly ListedPackage[];
}

/**
 * What each change does to known vulnerabilities, asked together: every change's queries in one querybatch
 * per 1,000 (each key once), then the records of the ids shown (fixed and introduced) once each. An entry is
 * undefined when OSV is off, `unavailable` when it could not be asked. Never throws.
 */
export async function reportManyVulnerabilities(
  client: OsvClient,
  changes: readonly PackageChange[],
): Promise<(VulnerabilityReport | undefined)[]> {
  if (client.status() === 'off') return changes.map(() => undefined);
  const plans = changes.map((change) => planVulnerabilityQueries(change.before, change.after));
  const queries = plans.flatMap((plan) => plan.queries);
  const answers = queries.length ? await client.query(queries) : new Map<string, readonly string[]>();
  const comparisons = plans.map((plan) => compareVulnerabilities(plan, answers));
  const records = await client.records(comparisons.flatMap(shownIds));
  return comparisons.map((comparison) => describeVulnerabilities(comparison, records));
}

/** What one change does to known vulnerabilities (`reportManyVulnerabilities` for one change). */
export async function reportVulnerabilities(
  client: OsvClient,
  before: readonly ListedPackage[],
  after: readonly ListedPackage[],
): Promise<VulnerabilityReport | undefined> {
  const [report] = await reportManyVulnerabilities(client, [{ before, after }]);
  return report;
}
