import { readFile } from 'node:fs/promises';
import { SettingsError } from '../config/errors.ts';
import type { SettingSource } from '../config/sources.ts';

export const defaultConfigPath = '.github/basepin.yml';

/**
 * Reads `.github/basepin.yml` as a settings source. A missing file at the
 * default path is an empty source; a missing file the user named, bad YAML or
 * a bad key is an error naming the file and the key (`shown` is how the path
 * appears in messages). The YAML parser and the file's schema load only when
 * there is a file: most runs have none, and they are most of a cold start.
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
  const { configTextSource } = await import('../config/config-text.ts');
  return configTextSource(options.shown, text);
}
