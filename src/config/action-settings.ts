import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError, defaultConfigPath, loadConfigFile, mirrorList } from './load.ts';
import { parseCredentialPairs, parseMirrorPairs } from './pairs.ts';
import {
  defaultConcurrency,
  groupByValues,
  platformProblem,
  type GroupBy,
  registryHost,
  type PinSettings,
} from './schema.ts';
import type { RegistryCredential } from '../registry/types.ts';

/** Everything one action run needs, typed and validated once (actions/checkout's input-helper pattern). */
export interface ActionSettings extends PinSettings {
  readonly token: string;
  readonly credentials: Readonly<Record<string, RegistryCredential>>;
  readonly groupBy: GroupBy;
  /** Undefined: the repository's default branch. */
  readonly baseBranch: string | undefined;
  readonly branchPrefix: string;
  readonly labels: readonly string[];
  readonly reviewers: readonly string[];
  readonly assignees: readonly string[];
  readonly draft: boolean;
  readonly commitMessagePrefix: string;
  readonly dryRun: boolean;
  readonly failOnUnpinned: boolean;
}

/** Reads one input by its action.yml name; '' when unset (as @actions/core's getInput does). */
export type InputReader = (name: string) => string;

/** Comma- or newline-separated list input. */
export function listInput(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
}

function booleanInput(name: string, value: string): boolean | undefined {
  if (value === '') return undefined;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^(false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`input ${name}: expected true or false but got ${JSON.stringify(value)}`);
}

function checked<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ConfigError(
    `input ${name}: ${result.error.issues[0]?.message ?? 'invalid'} (got ${JSON.stringify(value)})`,
  );
}

/**
 * An input that is set wins over the config file's key, which wins over the
 * default. That is why action.yml gives these inputs an empty default.
 */
export async function readActionSettings(input: InputReader, workspace: string): Promise<ActionSettings> {
  const configPath = input('config-file') || defaultConfigPath;
  const config = await loadConfigFile(resolve(workspace, configPath), {
    required: configPath !== defaultConfigPath,
  });
  const list = (name: string, fallback: readonly string[] | undefined) => {
    const values = listInput(input(name));
    return values.length ? values : [...(fallback ?? [])];
  };

  const platform = input('platform') || config.platform;
  const badPlatform = platform ? platformProblem(platform) : undefined;
  if (badPlatform) throw new ConfigError(`input platform: ${badPlatform}`);
  const groupBy = input('group-by')
    ? checked('group-by', z.enum(groupByValues), input('group-by'))
    : (config['group-by'] ?? 'all');
  const mirrorLines = input('registry-mirrors');
  const insecure = list('insecure-registries', config['insecure-registries']);
  for (const host of insecure) checked('insecure-registries', registryHost, host);
  const token = input('token');
  if (!token) throw new ConfigError('input token: a GitHub token is required (the default is github.token)');

  return {
    cwd: workspace,
    paths: list('paths', config.paths ?? ['.']),
    include: list('include', config.include),
    exclude: list('exclude', config.exclude),
    excludeImages: list('exclude-images', config['exclude-images']),
    registryMirrors: mirrorLines ? parseMirrorPairs([mirrorLines]) : mirrorList(config['registry-mirrors']),
    insecureRegistries: insecure,
    platform: platform || undefined,
    concurrency: config.concurrency ?? defaultConcurrency,
    token,
    credentials: parseCredentialPairs([input('registry-credentials')]),
    groupBy,
    baseBranch: input('base-branch') || config['base-branch'] || undefined,
    branchPrefix: input('branch-prefix') || config['branch-prefix'] || 'basepin/',
    labels: list('labels', config.labels),
    reviewers: list('reviewers', config.reviewers),
    assignees: list('assignees', config.assignees),
    draft: booleanInput('draft', input('draft')) ?? config.draft ?? false,
    commitMessagePrefix: input('commit-message-prefix') || config['commit-message-prefix'] || '',
    dryRun: booleanInput('dry-run', input('dry-run')) ?? false,
    failOnUnpinned: booleanInput('fail-on-unpinned', input('fail-on-unpinned')) ?? false,
  };
}
