import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { SettingsError } from './errors.ts';
import { fileSource, type SettingSource } from './sources.ts';

export const defaultConfigPath = '.github/basepin.yml';

/**
 * Reads `.github/basepin.yml` as a settings source. A missing file at the
 * default path is an empty source; a missing file the user named, bad YAML or
 * a bad key is an error naming the file and the key (`shown` is how the path
 * appears in messages).
 */
export async function loadConfigSource(
  path: string,
  options: { required: boolean; shown: string },
): Promise<SettingSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!options.required && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { label: (key) => `${options.shown}: ${key}`, values: {} };
    }
    throw new SettingsError(`${options.shown}: cannot read config file (${(error as Error).message})`);
  }
  return configTextSource(options.shown, text);
}

export function configTextSource(shown: string, text: string): SettingSource {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new SettingsError(`${shown}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return fileSource(shown, data);
}
