import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { pushImage } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';
import { simulatedOrganisation, type SimulatedOrg } from '../support/simulated-org.ts';

/** The real local registry behind a counting proxy, holding every tag a simulated organisation names. */
export interface OrgWorld {
  readonly registry: RunningRegistry;
  readonly proxy: CountingProxy;
  readonly tagCount: number;
  /** A simulated organisation whose pinned references carry, one in two, the registry's digest (current) or a made-up one (stale). */
  organisation(repositories: number): SimulatedOrg;
  stop(): Promise<void>;
}

const bases = [
  'node',
  'python',
  'golang',
  'alpine',
  'debian',
  'ubuntu',
  'nginx',
  'redis',
  'postgres',
  'eclipse-temurin',
];

export async function startOrgWorld(tagCount = 12): Promise<OrgWorld> {
  const registry = await startRegistry({ auth: 'none' });
  const proxy = await startCountingProxy(registry);
  const digests = new Map<string, string>();
  // The simulated organisation's tag names (`node:1.0`), pushed as `library/<name>` on the local registry.
  for (let i = 0; i < tagCount; i++) {
    const image = `${bases[i % bases.length]}:${Math.floor(i / bases.length) + 1}.${i % 7}`;
    const [name = '', tag = ''] = image.split(':');
    const pushed = await pushImage(registry, `library/${name}`, tag, { seed: `org-${i}` });
    digests.set(image, pushed.digest);
  }
  return {
    registry,
    proxy,
    tagCount,
    organisation: (repositories) => {
      let flip = false;
      return simulatedOrganisation({
        repositories,
        tags: tagCount,
        archived: 2,
        forks: 2,
        empty: 2,
        truncated: 2,
        failing: 5,
        digestOf: (image) => {
          flip = !flip;
          return flip ? digests.get(image)! : `sha256:${'ab'.repeat(32)}`;
        },
      });
    },
    stop: async () => {
      await proxy.stop();
      await registry.stop();
    },
  };
}
