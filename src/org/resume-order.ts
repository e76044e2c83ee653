import type { OrgRepository } from './repository.ts';

/** When each repository was last done, by lower-cased `owner/name` (ISO 8601), from the org dashboard. */
export type LastDone = Readonly<Record<string, string>>;

/**
 * The order a run works in: repositories never done first (by name), then the one done longest ago. A run
 * cut short by a job's timeout leaves the ones it did not reach at the front of the next run, so every
 * repository is reached in turn however often runs are cut.
 */
export function resumeOrder(repositories: readonly OrgRepository[], lastDone: LastDone): OrgRepository[] {
  const at = (repository: OrgRepository): number => {
    const when = lastDone[repository.fullName.toLowerCase()];
    const time = when === undefined ? Number.NaN : Date.parse(when);
    return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
  };
  return [...repositories]
    .map((repository) => ({ repository, time: at(repository), key: repository.fullName.toLowerCase() }))
    .sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ repository }) => repository);
}
