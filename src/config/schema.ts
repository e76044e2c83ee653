import { z } from 'zod';

/**
 * The settings shared by the CLI, the action and `.github/basepin.yml`.
 * Keys are kebab-case everywhere, like the action's inputs, so one name
 * works in the workflow, the config file and (as `--name`) on the CLI.
 */

const hostPattern = /^(?:[a-zA-Z0-9.-]+|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;
export const registryHost = z
  .string()
  .regex(hostPattern, 'expected a registry host such as docker.io or localhost:5000');

/**
 * Why `text` is not a registry mirror base URL, or undefined when it is one.
 * The registry client addresses a mirror by origin (`/v2/…` below it), so a
 * path would be silently dropped; so would credentials, which belong in
 * registry-credentials instead.
 */
export function mirrorUrlProblem(text: string): string | undefined {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.host === '') {
    return 'expected an http(s) URL such as https://mirror.gcr.io';
  }
  if (url.username !== '' || url.password !== '') {
    return 'a mirror URL must not hold credentials; give them as registry-credentials';
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return 'expected an http(s) URL with no path, such as https://mirror.gcr.io';
  }
  return undefined;
}

const mirrorUrl = z.string().superRefine((value, context) => {
  const problem = mirrorUrlProblem(value);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

/** `linux/amd64`, `linux/arm64/v8`. */
export const platformPattern = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

/** Why `value` is not a platform, for the message of whoever read it (a flag, an input); undefined when it is one. */
export function platformProblem(value: string): string | undefined {
  return platformPattern.test(value)
    ? undefined
    : `expected os/arch[/variant] such as linux/amd64 but got "${value}"`;
}
const platform = z.string().regex(platformPattern, 'expected os/arch[/variant], e.g. linux/amd64');

const stringList = z.array(z.string().min(1));

export const groupByValues = ['all', 'image', 'directory'] as const;
export type GroupBy = (typeof groupByValues)[number];

/** What `.github/basepin.yml` may contain. Unknown keys are errors, so a typo never passes silently. */
export const configFileSchema = z
  .object({
    paths: stringList.optional(),
    include: stringList.optional(),
    exclude: stringList.optional(),
    'exclude-images': stringList.optional(),
    /** host → mirror URL, or a list of URLs tried in order. */
    'registry-mirrors': z.record(registryHost, z.union([mirrorUrl, z.array(mirrorUrl).min(1)])).optional(),
    'insecure-registries': z.array(registryHost).optional(),
    platform: platform.optional(),
    concurrency: z.number().int().min(1).max(64).optional(),
    // Pull-request settings, read by the action only.
    'group-by': z.enum(groupByValues).optional(),
    'base-branch': z.string().min(1).optional(),
    'branch-prefix': z.string().min(1).optional(),
    labels: stringList.optional(),
    reviewers: stringList.optional(),
    assignees: stringList.optional(),
    draft: z.boolean().optional(),
    'commit-message-prefix': z.string().optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;

/** The resolved settings of a scan/pin run, after defaults. */
export interface ScanSettings {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly excludeImages: readonly string[];
}

export interface PinSettings extends ScanSettings {
  readonly registryMirrors: Readonly<Record<string, readonly string[]>>;
  readonly insecureRegistries: readonly string[];
  /** Pin this platform's manifest instead of the multi-platform index. */
  readonly platform: string | undefined;
  readonly concurrency: number;
}

export const defaultConcurrency = 8;
