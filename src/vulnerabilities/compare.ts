import type { PlannedQuery, VulnerabilityPlan } from './plan.ts';

/** A vulnerability known for one side of a change, before its record is read. */
export interface Finding {
  readonly id: string;
  /** The package OSV advises (the source package for distributions). */
  readonly package: string;
  readonly ecosystem: string;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** The SBOM's packages built from it (`libssl3`, `libcrypto3`). */
  readonly packages: readonly string[];
}

export type VulnerabilityComparison =
  | {
      readonly status: 'known';
      /** Known for the old digest's packages, not for the new one's. */
      readonly fixed: readonly Finding[];
      /** Known for the new digest's packages, not for the old one's. */
      readonly introduced: readonly Finding[];
      /** Known on both sides (among the changed packages). */
      readonly stillOpen: number;
      readonly unqueried: readonly string[];
    }
  | { readonly status: 'unavailable' };

/** OSV's answer: the vulnerability ids per query key; undefined when OSV could not be asked. */
export type VulnerabilityAnswers = ReadonlyMap<string, readonly string[]> | undefined;

const nameKey = (entry: PlannedQuery) => `${entry.query.ecosystem}\n${entry.query.name}`;

/** Which ids each side has, and the package version on the other side. Pure. */
export function compareVulnerabilities(
  plan: VulnerabilityPlan,
  answers: VulnerabilityAnswers,
): VulnerabilityComparison {
  if (answers === undefined) return { status: 'unavailable' };
  const idsOf = (side: readonly PlannedQuery[]) =>
    new Map(side.flatMap((entry) => (answers.get(entry.key) ?? []).map((id) => [id, entry] as const)));
  const before = idsOf(plan.before);
  const after = idsOf(plan.after);
  const versions = (side: readonly PlannedQuery[]) =>
    new Map(side.map((entry) => [nameKey(entry), entry.query.version]));
  const oldVersions = versions(plan.before);
  const newVersions = versions(plan.after);
  const fixed = [...before]
    .filter(([id]) => !after.has(id))
    .map(([id, entry]) => ({
      id,
      package: entry.query.name,
      ecosystem: entry.query.ecosystem,
      from: entry.query.version,
      to: newVersions.get(nameKey(entry)),
      packages: entry.packages,
    }));
  const introduced = [...after]
    .filter(([id]) => !before.has(id))
    .map(([id, entry]) => ({
      id,
      package: entry.query.name,
      ecosystem: entry.query.ecosystem,
      from: oldVersions.get(nameKey(entry)),
      to: entry.query.version,
      packages: entry.packages,
    }));
  const stillOpen = [...before.keys()].filter((id) => after.has(id)).length;
  return { status: 'known', fixed, introduced, stillOpen, unqueried: plan.unqueried };
}

/** The ids whose records are worth reading: the ones shown (fixed and introduced). */
export function shownIds(comparison: VulnerabilityComparison): string[] {
  if (comparison.status !== 'known') return [];
  return [...new Set([...comparison.fixed, ...comparison.introduced].map((finding) => finding.id))];
}
