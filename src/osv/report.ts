import {
  compareVulnerabilities,
  describeVulnerabilities,
  planVulnerabilityQueries,
  shownIds,
  type ListedPackage,
  type VulnerabilityReport,
} from '../vulnerabilities/index.ts';
import type { OsvClient } from './client.ts';

/**
 * What a change does to known vulnerabilities: the changed packages' queries (one querybatch per 1,000),
 * then the records of the ids shown (fixed and introduced). Undefined when OSV is off; `unavailable` when it
 * could not be asked. Never throws.
 */
export async function reportVulnerabilities(
  client: OsvClient,
  before: readonly ListedPackage[],
  after: readonly ListedPackage[],
): Promise<VulnerabilityReport | undefined> {
  if (client.status() === 'off') return undefined;
  const plan = planVulnerabilityQueries(before, after);
  const answers = plan.queries.length
    ? await client.query(plan.queries)
    : new Map<string, readonly string[]>();
  const comparison = compareVulnerabilities(plan, answers);
  const records = await client.records(shownIds(comparison));
  return describeVulnerabilities(comparison, records);
}
