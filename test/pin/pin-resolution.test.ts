import { describe, expect, it } from 'vitest';
import { planPins } from '../../src/pin/plan-pins.ts';
import { defaultRunSettings } from '../../src/config/settings.ts';
import type { ImageReference } from '../../src/reference/index.ts';
import { RegistryError, type ManifestHead, type RegistryClient } from '../../src/registry/index.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';

// Resolution at scale (so a 20,000-file run keeps its memory bounded): each unique reference is asked once, a few at a time per
// registry, and a failing one still never blocks the others.

const index = 'application/vnd.oci.image.index.v1+json';
const digestOf = (name: string) => `sha256:${Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64)}`;

/** A registry stub that answers after a tick, counting asks and the most in flight per host. */
function countingRegistry(failing: ReadonlySet<string>) {
  const asked = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const mostInFlight = new Map<string, number>();
  const head = async (ref: ImageReference, digest: string): Promise<ManifestHead> => {
    const host = ref.domain;
    inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
    mostInFlight.set(host, Math.max(mostInFlight.get(host) ?? 0, inFlight.get(host)!));
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight.set(host, inFlight.get(host)! - 1);
    if (failing.has(ref.path)) {
      throw new RegistryError({
        status: 404,
        code: 'MANIFEST_UNKNOWN',
        retryable: false,
        message: 'no such tag',
      });
    }
    return { digest, mediaType: index };
  };
  const client: RegistryClient = {
    resolveTag: (ref) => {
      asked.set(ref.name, (asked.get(ref.name) ?? 0) + 1);
      return head(ref, digestOf(ref.name));
    },
    describeManifest: (ref, tagOrDigest) => head(ref, tagOrDigest),
    fetchManifest: () => Promise.reject(new Error('not expected')),
    fetchBlob: () => Promise.reject(new Error('not expected')),
    stats: () =>
      ({ head: 0, get: 0, ping: 0, token: 0, dockerHubPulls: 0 }) as ReturnType<RegistryClient['stats']>,
  };
  return { client, asked, mostInFlight };
}

describe('planPins at scale', () => {
  it('asks each unique reference once, at most twice `concurrency` at a time per registry, and isolates failures', async () => {
    const hosts = ['one.example', 'two.example'];
    const files: [string, string][] = [];
    for (let file = 0; file < 60; file++) {
      const lines = [0, 1, 2].map(
        (k) => `FROM ${hosts[(file + k) % 2]}/img-${(file * 3 + k) % 40}:1.0 AS s${k}`,
      );
      files.push([`svc-${file}/Dockerfile`, `${lines.join('\n')}\n`]);
    }
    const { client, asked, mostInFlight } = countingRegistry(new Set(['img-7']));
    const plan = await planPins(
      { ...defaultRunSettings({ cwd: '/repository' }), concurrency: 2 },
      { registry: client, workspace: new MemoryWorkspace(files) },
    );

    expect([...asked.values()].every((count) => count === 1)).toBe(true);
    expect(asked.size).toBe(40); // 180 sites name 40 references, 20 on each host
    for (const host of hosts) expect(mostInFlight.get(host)).toBeLessThanOrEqual(4);
    // img-7 fails; every other site is pinned.
    const failed = plan.errors.map((failure) => failure.reference);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((reference) => reference.includes('/img-7:'))).toBe(true);
    expect(plan.updates).toHaveLength(180 - failed.length);
    expect(plan.changes).toHaveLength(60);
    const update = plan.updates.find((entry) => entry.site.written === 'one.example/img-0:1.0');
    expect(update?.target.digest).toBe(digestOf('one.example/img-0'));
  });
});
