import type { ImageReference } from '../reference/index.ts';
import type { RegistryClient } from '../registry/index.ts';

/** Docker Hub pulls the changelog leaves for pinning, unless a caller says otherwise. */
export const defaultDockerHubReserve = 30;

/**
 * Docker Hub counts manifest GETs as pulls: facts (changelog, signatures, provenance) may spend `pulls` of
 * them only while the pins keep their reserve. Other registries have no such budget. Pinning asks the same
 * question before it lets a GET it would share with the changelog stand in for a HEAD.
 */
export function factsMaySpend(
  client: RegistryClient,
  ref: ImageReference,
  pulls: number,
  reserve = defaultDockerHubReserve,
): boolean {
  if (ref.domain !== 'docker.io') return true;
  const left = client.dockerHubPullsLeft?.();
  return left === undefined || left - pulls >= reserve;
}
