import type { ChangelogFacts } from './facts/index.ts';
import type { ChangelogCollector } from './collect.ts';
import { reportManyVulnerabilities, type OsvClient } from '../osv/index.ts';

/**
 * Adds what each change does to known vulnerabilities to its facts: every image change with both SBOMs
 * read (once, however many updates share it) is asked in one `reportManyVulnerabilities`: one querybatch
 * per 1,000 keys for the whole run, then each shown id's record once. OSV off leaves the facts as they
 * are; OSV unreachable marks them `unavailable` after one failed request; neither fails nor holds an update.
 */
export async function addVulnerabilities<T>(
  osv: OsvClient | undefined,
  collector: Pick<ChangelogCollector, 'packagesOf'>,
  collected: readonly (readonly [T, ChangelogFacts])[],
): Promise<(readonly [T, ChangelogFacts])[]> {
  if (osv === undefined || osv.status() === 'off') return [...collected];
  const changes = new Map(
    collected.flatMap(([, facts]) => {
      const change = collector.packagesOf(facts);
      return change ? [[facts, change] as const] : [];
    }),
  );
  if (!changes.size) return [...collected];
  const reports = await reportManyVulnerabilities(osv, [...changes.values()]);
  const withReport = new Map(
    [...changes.keys()].map((facts, i) => {
      const report = reports[i];
      return [facts, report ? { ...facts, vulnerabilities: report } : facts] as const;
    }),
  );
  return collected.map(([key, facts]) => [key, withReport.get(facts) ?? facts] as const);
}
