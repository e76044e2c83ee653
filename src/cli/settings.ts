import { resolve } from 'node:path';
import { defaultConfigPath, loadConfigFile, mirrorList } from '../config/load.ts';
import { parseCredentialPairs, parseMirrorPairs } from '../config/pairs.ts';
import { defaultConcurrency, platformProblem, type PinSettings } from '../config/schema.ts';
import type { RegistryCredential } from '../registry/types.ts';
import { UsageError, type CliArgs } from './args.ts';

export interface CliSettings extends PinSettings {
  readonly credentials: Record<string, RegistryCredential>;
}

/** Flags win over `.github/basepin.yml`, which wins over defaults. */
export async function resolveCliSettings(
  args: CliArgs,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<CliSettings> {
  const configPath = args.config ?? defaultConfigPath;
  const config = await loadConfigFile(resolve(cwd, configPath), { required: args.config !== undefined });

  const platform = args.platform ?? config.platform;
  const badPlatform = platform === undefined ? undefined : platformProblem(platform);
  if (badPlatform) throw new UsageError(`--platform: ${badPlatform}`);
  let concurrency = config.concurrency ?? defaultConcurrency;
  if (args.concurrency !== undefined) {
    concurrency = Number(args.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      throw new UsageError(
        `--concurrency: expected a whole number from 1 to 64 but got "${args.concurrency}"`,
      );
    }
  }
  const mirrors = args.registryMirrors.length
    ? parseMirrorPairs(args.registryMirrors)
    : mirrorList(config['registry-mirrors']);
  const credentials = parseCredentialPairs([
    ...(env.BASEPIN_REGISTRY_CREDENTIALS ? [env.BASEPIN_REGISTRY_CREDENTIALS] : []),
    ...args.registryCredentials,
  ]);
  return {
    cwd,
    paths: args.paths.length ? args.paths : (config.paths ?? ['.']),
    include: args.include.length ? args.include : (config.include ?? []),
    exclude: args.exclude.length ? args.exclude : (config.exclude ?? []),
    excludeImages: args.excludeImages.length ? args.excludeImages : (config['exclude-images'] ?? []),
    registryMirrors: mirrors,
    insecureRegistries: [...(config['insecure-registries'] ?? []), ...args.insecureRegistries],
    platform,
    concurrency,
    credentials,
  };
}
