import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChangelogCollector } from '../../src/changelog/collect.ts';
import { renderChangelog } from '../../src/changelog/facts/render.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { createRegistryClient } from '../../src/registry/index.ts';
import {
  alpineRebuild,
  bareRebuild,
  dockerCliRebuild,
  windowsOnlyRebuild,
  type Scenario,
} from '../support/changelog-scenarios.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// Changelog facts from a real registry (distribution 2.8, no referrers API) holding published image content
// pushed byte-exact: digests verify, and the requests are counted at the proxy.

describe('changelog facts from distribution 2.8', () => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;
  const now = new Date('2026-11-22T12:00:00Z');

  beforeAll(async () => {
    registry = await startRegistry();
    proxy = await startCountingProxy(registry);
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });
  beforeEach(() => proxy.reset());

  async function collect(repository: string, scenario: Scenario, platforms?: string[]) {
    await pushFixtureRepo(registry, repository, scenario.repo);
    proxy.reset();
    const debug: string[] = [];
    const client = createRegistryClient({ insecureRegistries: [proxy.host], dockerConfigDir: registry.dir });
    const collector = createChangelogCollector({ client, debug: (line) => debug.push(line) });
    const image = `${proxy.host}/${repository}:1`;
    const facts = await collector.collect({
      ref: parseImageReference(image),
      image,
      from: scenario.from,
      to: scenario.to,
      toMediaType: 'application/vnd.oci.image.index.v1+json',
      platforms,
    });
    return { facts, debug };
  }

  const manifestGets = () => proxy.count({ method: 'GET', path: /\/manifests\// });

  it('a Docker-Official-Images-style rebuild: built when, same source, base moved, platforms, size, packages', async () => {
    const { facts } = await collect('library/docker', dockerCliRebuild());
    const body = renderChangelog([facts], { now });
    expect(body).toMatch(
      /rebuilt 2026-11-20 \(2 days old\) · same source · base `alpine:3\.18` moved · 2 of 2 platforms changed · 3 packages upgraded/,
    );
    expect(body).toContain(
      'https://github.com/docker-library/docker/commit/6d541d27b5dd12639e5a33a675ebca04d3837d74',
    );
    expect(body).toContain('**Compressed size**');
    expect(body).toContain('| `busybox` | `1.37.0-r29` | `1.37.0-r30` |');
    // Indexes, the amd64 manifests and attestations: the minimum.
    expect(manifestGets()).toBe(6);
  });

  it('real alpine 3.23.2 (re-digested, placeholder layers) against its derived older build, with a compare link', async () => {
    const { facts } = await collect('library/alpine', alpineRebuild({ placeholderLayers: true }));
    expect(facts.version).toEqual({ from: '3.23.0', to: '3.23.2' });
    expect(facts.source?.compareUrl).toContain('https://github.com/alpinelinux/docker-alpine/compare/');
    expect(facts.platforms?.unchanged).toEqual(['linux/arm64/v8']);
    expect(facts.details?.[0]?.packages?.upgraded).toHaveLength(3);
    expect(manifestGets()).toBe(6);
  });

  it('no metadata: old and new digests and build dates only; the tag list is one page', async () => {
    const scenario = bareRebuild();
    scenario.repo.tags.set('1', scenario.to);
    const { facts } = await collect('bare/app', scenario);
    const body = renderChangelog([facts], { now });
    expect(body).toMatch(/`[0-9a-f]{7}` → `[0-9a-f]{7}` · rebuilt 2026-11-20 \(2 days old\)/);
    expect(body).not.toMatch(/Source|Packages|Version/);
    // One page of tags serves both the sibling tags and the SBOM search: it holds no `sha256-…` artifact
    // tag, so none is asked for. The referrers API is asked once: its 404 says this registry has none.
    expect(proxy.count({ path: /\/tags\/list$/ })).toBe(1);
    expect(proxy.count({ path: /\/referrers\// })).toBe(1);
    expect(proxy.count({ method: 'HEAD' })).toBe(0);
    expect(manifestGets()).toBe(4);
  });

  it('a repository whose tags cannot be listed: artifact tags are asked by GET (no dearer than a HEAD here)', async () => {
    const { facts } = await collect('untagged/app', bareRebuild());
    expect(facts.details?.[0]?.created?.to).toBe('2026-11-20T08:00:00Z');
    expect(proxy.count({ method: 'HEAD' })).toBe(0);
    // The indexes, the amd64 manifests, and per side the fallback, `.sbom` and `.att` tags (404 each).
    expect(manifestGets()).toBe(4 + 2 * 3);
  });

  it('only Windows images changed: the linux/amd64 user is told nothing changed for them', async () => {
    const { facts } = await collect('library/hello-world', windowsOnlyRebuild(), ['linux/amd64']);
    expect(facts.platforms?.usedChanged).toBe(false);
  });
});
