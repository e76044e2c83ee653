import { parse as parseYaml } from 'yaml';
import { SettingsError } from './errors.ts';
import { fileSource, type SettingSource } from './sources.ts';

/** The text of `.github/basepin.yml` as a settings source (loaded by `./load.ts` only when there is a file). */
export function configTextSource(shown: string, text: string): SettingSource {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new SettingsError(`${shown}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return fileSource(shown, data);
}
