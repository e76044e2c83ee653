import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { configFileSchema, type ConfigFile } from './schema.ts';

export const defaultConfigPath = '.github/basepin.yml';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads `.github/basepin.yml`. A missing file at the default path is an empty
 * config; a missing file the user named, bad YAML or a bad key is an error
 * naming the file and the key.
 */
export async function loadConfigFile(path: string, options: { required: boolean }): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!options.required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`${path}: cannot read config file (${(error as Error).message})`);
  }
  return parseConfigText(path, text);
}

export function parseConfigText(path: string, text: string): ConfigFile {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new ConfigError(`${path}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = configFileSchema.safeParse(data);
  if (!result.success) throw new ConfigError(`${path}: ${describeIssue(result.error.issues[0])}`);
  return result.data;
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid config';
  if (issue.code === 'unrecognized_keys') {
    return `unknown key ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
  }
  const key = issue.path.map(String).join('.');
  return `${key ? `key "${key}": ` : ''}${issue.message}`;
}

/** `registry-mirrors` values may be one URL or a list. */
export function mirrorList(mirrors: ConfigFile['registry-mirrors']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [host, value] of Object.entries(mirrors ?? {}))
    out[host] = Array.isArray(value) ? value : [value];
  return out;
}
