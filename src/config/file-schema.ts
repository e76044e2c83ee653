import { z } from 'zod';
import { settingSpecs, type SettingSpec } from './schema.ts';

let configFile: z.ZodType<Record<string, unknown>> | undefined;

/**
 * What `.github/basepin.yml` may contain, built from `settingSpecs` on first
 * use: zod loads only when there is a config file to check (cold start).
 * Unknown keys are errors, so a typo never passes silently.
 */
export function configFileSchema(): z.ZodType<Record<string, unknown>> {
  configFile ??= z
    .object(
      Object.fromEntries(
        Object.entries(settingSpecs as Record<string, SettingSpec<unknown>>).flatMap(([key, spec]) =>
          spec.file ? [[key, spec.file(z).describe(spec.description).optional()]] : [],
        ),
      ),
    )
    .strict();
  return configFile;
}
