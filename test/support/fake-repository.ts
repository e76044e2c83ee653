/**
 * A fake of the one part of GitHub a use case receives (`PullRequestsApi`, `GitDataApi`, … from
 * `src/github/ports.ts`), named by the caller: `fakeRepository<GitDataApi>({ writeCommit })`. The port's
 * methods the test does not list throw, so a use case calling one the test did not expect fails loudly;
 * a method outside the port does not type-check.
 */
export function fakeRepository<Port extends object>(methods: Partial<Port>): Port {
  return new Proxy(methods, {
    get(target, name) {
      if (name in target) return target[name as keyof Port];
      if (name === 'then') return undefined;
      return () => Promise.reject(new Error(`fake GitHub: ${String(name)} was not expected`));
    },
  }) as Port;
}
