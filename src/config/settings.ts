import type { Platform } from '../reference/index.ts';
import type { OsvApi, VulnerabilityPolicy } from '../vulnerabilities/settings/index.ts';
import type { SignaturePolicy } from '../signatures/index.ts';
import type { FileKind } from '../manifests/index.ts';
import { SettingsError } from './errors.ts';
import {
  settingSpecs,
  type CommandPermission,
  type GroupBy,
  type SettingKey,
  type SettingSpec,
} from './schema.ts';
import type { SettingSource } from './sources.ts';
import type { Mirror, RegistryCredential } from './values.ts';

/**
 * The settings of one run, parsed once from every source by one rule:
 * a flag or input that is set > `.github/basepin.yml` > the default.
 * Everything below the entries takes this, never raw text.
 *
 * To add a setting: `settingSpecs` in `./schema.ts` (shape, parser, default,
 * description), a field here and in `runSettings` below, then action.yml and
 * `src/cli/args.ts` if it is an input or a flag.
 */
export interface RunSettings {
  /** Folder that paths are relative to (the repository root in the action). */
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** The kinds of files read (`file-kinds`). */
  readonly fileKinds: readonly FileKind[];
  readonly excludeImages: readonly string[];
  /** Pin `FROM $REPO:tag` in the FROM line (`src/dockerfile` ExtractOptions). */
  readonly pinArgRepositories: boolean;
  /** Registry host → mirrors, tried in order. */
  readonly registryMirrors: Readonly<Record<string, readonly Mirror[]>>;
  /** Registry host → the one place asked instead (never the registry itself). */
  readonly registryAliases: Readonly<Record<string, Mirror>>;
  /** How long a registry host may make no progress while work waits on it, in milliseconds. */
  readonly registryDeadlineMs: number;
  readonly insecureRegistries: readonly string[];
  /** Explicit credentials per host; they win over docker's config.json. */
  readonly credentials: Readonly<Record<string, RegistryCredential>>;
  /** Pin this platform's manifest instead of the multi-platform index. */
  readonly platform: Platform | undefined;
  readonly concurrency: number;
  readonly groupBy: GroupBy;
  /** New pull requests wait while this many basepin ones are open. */
  readonly maxPullRequests: number;
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
  /** Keep the dashboard issue current (scheduled and dispatched runs). */
  readonly dashboard: boolean;
  /** Least permission that may run comment commands. */
  readonly commandPermission: CommandPermission;
  /** Hold back updates whose image changed only in platforms this repository does not use. */
  readonly skipUnchangedPlatforms: boolean;
  /** Milliseconds a digest must have existed (from its build date) before it is proposed; undefined: off. */
  readonly minimumAgeMs: number | undefined;
  /** The OSV API asked for known vulnerabilities, or `off`. */
  readonly osvApi: OsvApi;
  /** `hold-introduced` holds back updates that introduce a known vulnerability. */
  readonly vulnerabilityPolicy: VulnerabilityPolicy;
  /** `report`, or hold back updates whose signature is not the pinned digest's (`same-identity`) or none (`require`). */
  readonly signaturePolicy: SignaturePolicy;
  /** Image globs `signaturePolicy` applies to; empty: every image. */
  readonly signaturePolicyImages: readonly string[];
  /** Image glob → PEM public key or the path of a file holding one (config file only). */
  readonly signatureKeys: Readonly<Record<string, string>>;
  /** A Sigstore trusted root file; undefined: the public-good root shipped with basepin. */
  readonly sigstoreTrustedRoot: string | undefined;
}

export interface SettingsInput {
  readonly cwd: string;
  /** Highest precedence first: flags or inputs, then the config file. */
  readonly sources: readonly SettingSource[];
  readonly credentials?: Readonly<Record<string, RegistryCredential>>;
}

const specs = settingSpecs as Record<SettingKey, SettingSpec<unknown>>;

/**
 * Every value of every source is parsed (a bad config-file value fails even
 * when a flag overrides it, so the file is never silently broken); the first
 * source that sets a key wins.
 */
export function runSettings(input: SettingsInput): RunSettings {
  const chosen = new Map<SettingKey, unknown>();
  for (const source of [...input.sources].reverse()) {
    for (const [key, raw] of Object.entries(source.values) as [SettingKey, NonNullable<unknown>][]) {
      const parsed = specs[key].parse(raw as Parameters<SettingSpec<unknown>['parse']>[0]);
      if ('problem' in parsed) throw new SettingsError(`${source.label(key)}: ${parsed.problem}`);
      chosen.set(key, parsed.value);
    }
  }
  const get = <T>(key: SettingKey): T => (chosen.has(key) ? chosen.get(key) : specs[key].fallback) as T;
  return {
    cwd: input.cwd,
    paths: get('paths'),
    include: get('include'),
    exclude: get('exclude'),
    fileKinds: get('file-kinds'),
    excludeImages: get('exclude-images'),
    pinArgRepositories: get('pin-arg-repositories'),
    registryMirrors: get('registry-mirrors'),
    registryAliases: get('registry-aliases'),
    registryDeadlineMs: get('registry-deadline'),
    insecureRegistries: get('insecure-registries'),
    credentials: input.credentials ?? {},
    platform: get('platform'),
    concurrency: get('concurrency'),
    groupBy: get('group-by'),
    maxPullRequests: get('max-pull-requests'),
    baseBranch: get('base-branch'),
    branchPrefix: get('branch-prefix'),
    labels: get('labels'),
    reviewers: get('reviewers'),
    assignees: get('assignees'),
    draft: get('draft'),
    commitMessagePrefix: get('commit-message-prefix'),
    dryRun: get('dry-run'),
    failOnUnpinned: get('fail-on-unpinned'),
    dashboard: get('dashboard'),
    commandPermission: get('command-permission'),
    skipUnchangedPlatforms: get('skip-unchanged-platforms'),
    minimumAgeMs: get('minimum-age'),
    osvApi: get('osv-api'),
    vulnerabilityPolicy: get('vulnerability-policy'),
    signaturePolicy: get('signature-policy'),
    signaturePolicyImages: get('signature-policy-images'),
    signatureKeys: get('signature-keys'),
    sigstoreTrustedRoot: get('sigstore-trusted-root'),
  };
}

/** Defaults everywhere: for tests and for callers that set a few fields. */
export function defaultRunSettings(overrides: Partial<RunSettings> & { cwd: string }): RunSettings {
  return { ...runSettings({ cwd: overrides.cwd, sources: [] }), ...overrides };
}
