import type { RunSettings } from '../config/settings.ts';
import { createRegistryClient, type RegistryClient } from '../registry/index.ts';

export interface RegistryClientHooks {
  /** Folder of docker's config.json (`$DOCKER_CONFIG`, else `~/.docker`), read by the entry. */
  readonly dockerConfigDir: string | undefined;
  /** Every secret the client holds or receives, so the entry can mask it. */
  readonly onSecret?: (secret: string) => void;
  readonly log?: (message: string) => void;
}

/** The one way both entries build the registry client from a run's settings. */
export function registryClientFor(settings: RunSettings, hooks: RegistryClientHooks): RegistryClient {
  return createRegistryClient({
    mirrors: settings.registryMirrors,
    registryAliases: settings.registryAliases,
    hostDeadlineMs: settings.registryDeadlineMs,
    insecureRegistries: settings.insecureRegistries,
    credentials: settings.credentials,
    concurrencyPerRegistry: settings.concurrency,
    ...(hooks.dockerConfigDir === undefined ? {} : { dockerConfigDir: hooks.dockerConfigDir }),
    ...(hooks.onSecret === undefined ? {} : { onSecret: hooks.onSecret }),
    ...(hooks.log === undefined ? {} : { log: hooks.log }),
  });
}
