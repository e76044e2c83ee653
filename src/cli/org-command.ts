import { appendFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defaultConfigPath, loadConfigSource } from '../config-file/index.ts';
import { SettingsError } from '../config/errors.ts';
import { runSettings, type SettingsInput } from '../config/settings.ts';
import { credentialLines, type SettingSource } from '../config/sources.ts';
import { createGitHubRepository, GitHubError, type GitHubLog } from '../github/index.ts';
import {
  assignShards,
  countsLine,
  orgExitCode,
  parseRepositorySelection,
  renderOrgSummary,
  RepositorySelectionError,
  ResolutionFileError,
  rowsJson,
  ShardCountError,
  shardMatrix,
  shardOf,
  type RepositoryRow,
} from '../org/index.ts';
import { BlobCache, createOrgClient, OrgAuthError, orgAuthFrom, WritePacer } from '../org-github/index.ts';
import {
  readResolutionFile,
  recordResolution,
  resolutionClient,
  writeResolutionFile,
} from '../org-resolution/index.ts';
import { runOrganisation } from '../org-run/index.ts';
import type { Redactor } from '../text/redactor.ts';
import { osvClientFor, registryClientFor, signatureTrustFor } from '../wiring/index.ts';
import { ExitCode, type CliIo } from './io.ts';
import { UsageError } from './args.ts';
import { parseOrgArgs, type OrgArgs } from './org-args.ts';

// `basepin org`: the organisation run's entry. It reads the environment and the flags, builds the paced
// GitHub client, the registry client (or the plan's recording of it, or a shard's replay of the plan), and
// turns the rows into a progress line, --json, the job summary and the exit code.

/** GitHub's content-creation limits, shared by every job of one installation: a shard takes 1/N of them. */
function pacerFor(shards: number, io: CliIo): WritePacer {
  return new WritePacer({
    writesPerMinute: Math.max(1, Math.floor(80 / shards)),
    writesPerHour: Math.max(1, Math.floor(500 / shards)),
    ...(io.pacerClock === undefined ? {} : { clock: io.pacerClock }),
  });
}

async function orgSettings(args: OrgArgs, io: CliIo, dryRun: boolean): Promise<SettingsInput> {
  const configPath = args.config ?? defaultConfigPath;
  const file = await loadConfigSource(resolve(io.cwd, configPath), {
    required: args.config !== undefined,
    shown: configPath,
  });
  const flags: SettingSource = {
    label: (key) => `--${key}`,
    values: dryRun ? { 'dry-run': { kind: 'boolean', value: true } } : {},
  };
  const env = io.env.BASEPIN_REGISTRY_CREDENTIALS;
  return {
    cwd: io.cwd,
    sources: [flags, file],
    credentials: credentialLines('BASEPIN_REGISTRY_CREDENTIALS', env ? [env] : []),
  };
}

function progressLine(row: RepositoryRow, done: number, total: number): string {
  const prs = row.pullRequests.length ? ` (${row.pullRequests.map((pr) => `#${pr.number}`).join(', ')})` : '';
  const error = row.error === undefined ? '' : `: ${row.error}`;
  return `[${done}/${total}] ${row.repository}: ${row.state}${prs}${error}\n`;
}

/** Runs `basepin org …` (argv after `org`); every user error is one line and exit 64. */
export async function runOrgCommand(argv: readonly string[], io: CliIo, redactor: Redactor): Promise<number> {
  try {
    return await orgCommand(parseOrgArgs(argv), io, redactor);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof SettingsError ||
      error instanceof OrgAuthError ||
      error instanceof RepositorySelectionError ||
      error instanceof ResolutionFileError ||
      error instanceof ShardCountError
    ) {
      io.stderr(`basepin: ${error.message}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof GitHubError) {
      // The installation could not be listed or authenticated: nothing was run.
      io.stderr(`basepin: ${error.message}\n`);
      return ExitCode.Unresolved;
    }
    throw error;
  }
}

async function orgCommand(args: OrgArgs, io: CliIo, redactor: Redactor): Promise<number> {
  const env = io.env;
  const selection = parseRepositorySelection(args.repositories);
  const token = env.BASEPIN_TOKEN || env.GITHUB_TOKEN || undefined;
  // A key's text from the environment (the action's `private-key` input), or a file named by the flag.
  const privateKey =
    args.privateKey === undefined
      ? env.BASEPIN_APP_PRIVATE_KEY || undefined
      : await readFile(resolve(io.cwd, args.privateKey), 'utf8').catch(() => {
          throw new OrgAuthError(`--private-key: ${args.privateKey} cannot be read`);
        });
  for (const secret of [token, privateKey]) if (secret) redactor.add(secret);
  const running = env.GITHUB_REPOSITORY;
  const owner =
    (selection.kind === 'patterns'
      ? selection.patterns.find((p) => p.includes('/'))?.split('/')[0]
      : undefined) ?? running?.split('/')[0];
  const auth = orgAuthFrom({
    token,
    appId: args.appId,
    privateKey,
    installationId: args.installationId,
    owner,
  });
  const resolution =
    args.mode === 'run' ? await readResolutionFile(resolve(io.cwd, args.resolution!)) : undefined;
  const only = resolution === undefined ? undefined : shardOf(resolution, args.shard!);
  const dryRun = args.dryRun || args.mode === 'plan';
  const org = await orgSettings(args, io, dryRun);
  const settings = runSettings(org);
  for (const { username, password } of Object.values(settings.credentials))
    redactor.addCredential(username, password);
  await io.prepareNetwork?.();

  const log: GitHubLog = {
    info: (line) => (args.debug ? io.stderr(`${line}\n`) : undefined),
    warning: (line) => io.stderr(`basepin: ${line}\n`),
    debug: (line) => (args.debug ? io.stderr(`${line}\n`) : undefined),
  };
  const { octokit } = await createOrgClient({
    auth,
    pacer: pacerFor(resolution?.shards.length ?? 1, io),
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    log,
    ...(io.pacerClock === undefined ? {} : { clock: io.pacerClock }),
    ...(io.githubRetryDelayUnitMs === undefined ? {} : { retryDelayUnitMs: io.githubRetryDelayUnitMs }),
  });
  const live =
    io.registry?.(settings) ??
    registryClientFor(settings, {
      dockerConfigDir: env.DOCKER_CONFIG,
      onSecret: (secret) => redactor.add(secret),
    });
  // Built once from the org-wide settings and shared by every repository: the OSV client's cache then spans
  // the organisation (one query per unique package version), the trust roots and keys are read once.
  const osv = io.osv?.(settings) ?? osvClientFor(settings, log.debug);
  const signatureTrust = await signatureTrustFor(settings);
  const recording = args.mode === 'plan' ? recordResolution(live) : undefined;
  const registry = resolution !== undefined ? resolutionClient(resolution) : (recording?.client ?? live);
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  // The org dashboard is kept by a one-job run only: shards would race on one issue, a plan writes nothing.
  const dashboardRepo =
    args.mode === 'all' && !dryRun && running !== undefined && running.includes('/')
      ? { owner: running.split('/')[0]!, repo: running.split('/')[1]! }
      : undefined;

  let stop = false;
  const onTerm = () => {
    stop = true;
    io.stderr('basepin: stopping after the current repository\n');
  };
  process.once('SIGTERM', onTerm);
  let result;
  try {
    result = await runOrganisation(
      { selection, ...(only === undefined ? {} : { only }) },
      {
        octokit,
        blobs: new BlobCache(),
        registry,
        org,
        serverUrl,
        log,
        now: io.now ?? (() => new Date()),
        osv,
        signatureTrust,
        ...(dashboardRepo === undefined ? {} : { dashboard: createGitHubRepository(octokit, dashboardRepo) }),
        stopRequested: () => stop,
        onRow: (row, done, total) => {
          if (io.interactive && !args.json) io.stderr(progressLine(row, done, total));
        },
      },
    );
  } finally {
    process.removeListener('SIGTERM', onTerm);
  }
  const { rows, unmatched } = result;
  for (const pattern of unmatched) io.stderr(`basepin: --repositories ${pattern} matched no repository\n`);

  if (recording !== undefined) {
    const items = rows
      .filter((row) => row.state !== 'skipped' && row.state !== 'pending')
      .map((row) => ({ repository: row.repository, weight: row.dockerfiles }));
    const shards = items.length === 0 ? [[]] : assignShards(items, args.shards!);
    await writeResolutionFile(resolve(io.cwd, args.resolution!), {
      createdAt: new Date().toISOString(),
      shards,
      answers: recording.answers(),
    });
    io.stdout(`${JSON.stringify(shardMatrix(shards))}\n`);
    io.stderr(`basepin: ${countsLine(rows)} ${shards.length} shard(s) in ${args.resolution}\n`);
    return orgExitCode(rows);
  }
  if (args.json) io.stdout(`${JSON.stringify(rowsJson(rows), null, 2)}\n`);
  else {
    for (const row of rows.filter((r) => r.state === 'failed'))
      io.stderr(`basepin: ${row.repository}: ${row.error}\n`);
    io.stdout(`${countsLine(rows)}\n`);
  }
  if (env.GITHUB_STEP_SUMMARY)
    await appendFile(env.GITHUB_STEP_SUMMARY, redactor.redact(renderOrgSummary(rows, serverUrl)));
  return orgExitCode(rows);
}
