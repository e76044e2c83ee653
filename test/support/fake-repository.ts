import type { GitHubRepository } from '../../src/github/repository.ts';

/** A `GitHubRepository` whose unlisted methods throw: a use case calling one the test did not expect fails loudly. */
export function fakeRepository(methods: Partial<GitHubRepository>): GitHubRepository {
  return new Proxy(methods, {
    get(target, name) {
      if (name in target) return target[name as keyof GitHubRepository];
      if (name === 'then') return undefined;
      return () => Promise.reject(new Error(`fake GitHub: ${String(name)} was not expected`));
    },
  }) as GitHubRepository;
}
