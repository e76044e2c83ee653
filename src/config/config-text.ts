import type { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { SettingsError } from './errors.ts';
import { configFileSchema } from './file-schema.ts';
import { settingSpecs, type SettingKey, type SettingSpec } from './schema.ts';
import type { Shape } from './shape.ts';
import type { SettingSource } from './sources.ts';

const specs = settingSpecs as Record<SettingKey, SettingSpec<unknown>>;

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

/** `.github/basepin.yml` after YAML parsing: the schema checks every key, then each value becomes its shape. */
export function fileSource(path: string, data: unknown): SettingSource {
  const result = configFileSchema().safeParse(data ?? {});
  if (!result.success) throw new SettingsError(`${path}: ${describeIssue(result.error.issues[0])}`);
  const values: Partial<Record<SettingKey, Shape>> = {};
  for (const [key, value] of Object.entries(result.data) as [SettingKey, unknown][]) {
    if (value === undefined) continue;
    values[key] = fileShape(key, value);
  }
  return { label: (key) => `${path}: ${key}`, values };
}

function fileShape(key: SettingKey, value: unknown): Shape {
  switch (specs[key].shape) {
    case 'list':
      return { kind: 'list', value: Array.isArray(value) ? (value as string[]) : [String(value)] };
    case 'pairs':
      return {
        kind: 'pairs',
        value: Object.entries(value as Record<string, string | string[]>).flatMap(([host, urls]) =>
          (Array.isArray(urls) ? urls : [urls]).map((url) => [host, url] as const),
        ),
      };
    case 'boolean':
      return { kind: 'boolean', value: value as boolean };
    case 'number':
      return { kind: 'number', value: value as number };
    default:
      return { kind: 'text', value: String(value) };
  }
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid config';
  if (issue.code === 'unrecognized_keys') {
    return `unknown key ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
  }
  const key = issue.path.map(String).join('.');
  return `${key ? `${key}: ` : ''}${issue.message}`;
}
