import { osvQueryFor, queryKey, type ListedPackage, type OsvQuery } from './ecosystem.ts';

/** One OSV query and the SBOM packages behind it (many binary packages share one source). */
export interface PlannedQuery {
  readonly key: string;
  readonly query: OsvQuery;
  readonly packages: readonly string[];
}

/** What to ask OSV about one change. */
export interface VulnerabilityPlan {
  /** Each (ecosystem, name, version) once: the old and the new side's changed packages. */
  readonly queries: readonly OsvQuery[];
  readonly before: readonly PlannedQuery[];
  readonly after: readonly PlannedQuery[];
  /** Why some packages were not asked about (`rpm/redhat: …`), each reason once. */
  readonly unqueried: readonly string[];
}

function plannedQueries(
  packages: readonly ListedPackage[],
  unqueried: Set<string>,
): Map<string, PlannedQuery> {
  const planned = new Map<string, { query: OsvQuery; packages: Set<string> }>();
  for (const pkg of packages) {
    const mapping = osvQueryFor(pkg);
    if ('unqueried' in mapping) {
      // Packages without a purl are many and say nothing about OSV; only kinds basepin skips are named.
      if (mapping.unqueried !== 'no purl') unqueried.add(mapping.unqueried);
      continue;
    }
    const key = queryKey(mapping.query);
    const entry = planned.get(key) ?? { query: mapping.query, packages: new Set<string>() };
    entry.packages.add(pkg.name);
    planned.set(key, entry);
  }
  return new Map(
    [...planned].map(([key, entry]) => [
      key,
      { key, query: entry.query, packages: [...entry.packages].sort() },
    ]),
  );
}

/**
 * The queries for a change: only the (ecosystem, source, version) keys on one side and not the other, since
 * an unchanged package has the same known vulnerabilities before and after. Pure.
 */
export function planVulnerabilityQueries(
  before: readonly ListedPackage[],
  after: readonly ListedPackage[],
): VulnerabilityPlan {
  const unqueried = new Set<string>();
  const old = plannedQueries(before, unqueried);
  const now = plannedQueries(after, unqueried);
  const oldOnly = [...old.values()].filter((entry) => !now.has(entry.key));
  const newOnly = [...now.values()].filter((entry) => !old.has(entry.key));
  return {
    queries: [...oldOnly, ...newOnly].map((entry) => entry.query),
    before: oldOnly,
    after: newOnly,
    unqueried: [...unqueried].sort(),
  };
}
