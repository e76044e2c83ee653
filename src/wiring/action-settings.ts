import { resolve } from 'node:path';
import { SettingsError } from '../config/errors.ts';
import { defaultConfigPath, loadConfigSource } from '../config-file/index.ts';
import { runSettings, type RunSettings } from '../config/settings.ts';
import { credentialLines, inputSource } from '../config/sources.ts';

/** Reads one input by its action.yml name; '' when unset (as @actions/core's getInput does). */
export type InputReader = (name: string) => string;

export interface ActionSettings {
  readonly settings: RunSettings;
  readonly token: string;
}

/**
 * The action's settings: inputs > `.github/basepin.yml` > defaults (which is
 * why action.yml gives those inputs an empty default), plus the token.
 */
export async function readActionSettings(input: InputReader, workspace: string): Promise<ActionSettings> {
  const configPath = input('config-file') || defaultConfigPath;
  const file = await loadConfigSource(resolve(workspace, configPath), {
    required: configPath !== defaultConfigPath,
    shown: configPath,
  });
  const token = input('token');
  if (!token)
    throw new SettingsError('input token: a GitHub token is required (the default is github.token)');
  const settings = runSettings({
    cwd: workspace,
    sources: [inputSource(input), file],
    credentials: credentialLines('input registry-credentials', [input('registry-credentials')]),
  });
  return { settings, token };
}
