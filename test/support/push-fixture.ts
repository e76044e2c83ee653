import { readJson, sha256, type FixtureRepo, type StoredContent } from './fixture-repo.ts';
import { pushBlob, pushManifest } from './push.ts';
import type { RegistryTarget } from './registry-http.ts';

/**
 * Pushes fixture content byte-exact into a real registry: every blob, then every manifest once all the
 * manifests it names are there (a registry refuses an index whose children it lacks), then the tags.
 * Every piece is checked to hash to its digest first, so a fixture that was re-serialized without
 * `rewriteDigests` fails here rather than as a confusing registry error.
 */
export async function pushFixtureRepo(
  target: RegistryTarget,
  repository: string,
  repo: FixtureRepo,
): Promise<void> {
  const check = (content: StoredContent) => {
    if (sha256(content.bytes) !== content.digest)
      throw new Error(`fixture ${content.digest} does not hash to its digest`);
  };
  for (const blob of repo.blobs.values()) {
    check(blob);
    await pushBlob(target, repository, blob);
  }
  const pushed = new Set<string>();
  const pending = [...repo.manifests.values()];
  const childrenOf = (content: StoredContent): string[] => {
    const json = readJson(content.bytes) as { manifests?: { digest: string }[] };
    return (json.manifests ?? []).map((entry) => entry.digest).filter((digest) => repo.manifests.has(digest));
  };
  // Bounded: each round pushes at least one manifest or stops.
  for (let round = 0; pending.length > 0 && round <= repo.manifests.size; round += 1) {
    for (let i = 0; i < pending.length;) {
      const content = pending[i]!;
      if (childrenOf(content).every((digest) => pushed.has(digest))) {
        check(content);
        await pushManifest(target, repository, content.digest, content);
        pushed.add(content.digest);
        pending.splice(i, 1);
      } else i += 1;
    }
  }
  if (pending.length > 0)
    throw new Error(`${pending.length} fixture manifests name manifests that are not in the fixture`);
  for (const [tag, digest] of repo.tags) {
    const content = repo.manifests.get(digest);
    if (content) await pushManifest(target, repository, tag, content);
  }
}
