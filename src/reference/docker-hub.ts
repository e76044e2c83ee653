/**
 * Docker Hub's names, defined once. References call it `docker.io` (older
 * ones `index.docker.io`), its API is served by `registry-1.docker.io`, and
 * `docker login` stores its credentials under `https://index.docker.io/v1/`.
 * https://github.com/distribution/reference/blob/main/normalize.go
 */
export const dockerHub = {
  /** The domain a familiar name (`alpine`) normalises to. */
  domain: 'docker.io',
  /** The domain older references write; normalised to `domain`. */
  legacyDomain: 'index.docker.io',
  /** The host that answers the registry API. */
  registryHost: 'registry-1.docker.io',
  /** The key `docker login` writes for Docker Hub in config.json. */
  configKey: 'https://index.docker.io/v1/',
} as const;

/** Every host name that means Docker Hub, the normalised domain first. */
export const dockerHubAliases: readonly string[] = [
  dockerHub.domain,
  dockerHub.legacyDomain,
  dockerHub.registryHost,
];

export function isDockerHub(host: string): boolean {
  return dockerHubAliases.includes(host.toLowerCase());
}
