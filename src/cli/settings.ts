import { resolve } from 'node:path';
import { defaultConfigPath, loadConfigSource } from '../config-file/index.ts';
import { runSettings, type RunSettings } from '../config/settings.ts';
import { credentialLines, flagSource } from '../config/sources.ts';
import type { CliArgs } from './args.ts';

/** Flags > `.github/basepin.yml` (or `--config FILE`) > defaults. */
export async function resolveCliSettings(
  args: CliArgs,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<RunSettings> {
  const configPath = args.config ?? defaultConfigPath;
  const file = await loadConfigSource(resolve(cwd, configPath), {
    required: args.config !== undefined,
    shown: configPath,
  });
  const flags = flagSource(args.settingFlags);
  // Paths are positional arguments: a flag-level source of the `paths` setting.
  const withPaths = args.paths.length
    ? { ...flags, values: { ...flags.values, paths: { kind: 'list', value: args.paths } as const } }
    : flags;
  return runSettings({
    cwd,
    sources: [withPaths, file],
    credentials: {
      ...credentialLines(
        'BASEPIN_REGISTRY_CREDENTIALS',
        env.BASEPIN_REGISTRY_CREDENTIALS ? [env.BASEPIN_REGISTRY_CREDENTIALS] : [],
      ),
      ...credentialLines('--registry-credential', args.registryCredentials),
    },
  });
}
