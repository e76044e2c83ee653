// The GitHub Action entry (bundled to dist/index.js): the one place that reads
// the runner's environment, talks to @actions/core, and fails the run.
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { runAction } from './app/run-action.ts';
import { readActionSettings } from './config/action-settings.ts';
import {
  createGitHubClient,
  createGitHubRepository,
  getDefaultBranch,
  readRunEvent,
} from './github/index.ts';
import { createRegistryClient } from './registry/index.ts';
import { useEnvironmentProxy } from './workspace/proxy.ts';

async function main(): Promise<void> {
  const env = process.env;
  useEnvironmentProxy(env);
  const event = readRunEvent(env.GITHUB_EVENT_NAME ?? '', readEventPayload(env.GITHUB_EVENT_PATH));
  if (event.kind === 'issue_comment') {
    // Comment commands are the next feature; a comment run must not pin or push anything meanwhile.
    core.info('basepin: comment commands are not handled by this version; nothing to do.');
    return;
  }

  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const settings = await readActionSettings((name) => core.getInput(name), workspace);
  core.setSecret(settings.token);
  for (const credential of Object.values(settings.credentials)) core.setSecret(credential.password);

  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set to owner/repo');
  const log = { info: core.info, warning: core.warning, debug: core.debug };
  const octokit = createGitHubClient({ token: settings.token, baseUrl: env.GITHUB_API_URL, log });
  const registry = createRegistryClient({
    mirrors: settings.registryMirrors,
    insecureRegistries: settings.insecureRegistries,
    credentials: settings.credentials,
    concurrencyPerRegistry: settings.concurrency,
    onSecret: core.setSecret,
    log: core.debug,
  });

  const result = await runAction(
    settings,
    {
      repo: { owner, repo },
      eventName: env.GITHUB_EVENT_NAME ?? '',
      ref: env.GITHUB_REF,
      sha: env.GITHUB_SHA ?? '',
      serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    },
    {
      registry,
      github: createGitHubRepository(octokit, { owner, repo }),
      defaultBranch: () => getDefaultBranch(octokit, { owner, repo }),
      log,
    },
  );

  for (const error of result.plan.errors) {
    core.warning(`${error.reference}: ${error.error}`, {
      file: error.file,
      startLine: error.line,
      title: 'basepin: not resolved',
    });
  }
  for (const note of result.plan.skipped) {
    core.warning(`${note.reference}: ${note.reason ?? 'skipped'}`, {
      file: note.file,
      startLine: note.line,
      title: 'basepin: skipped',
    });
  }
  await core.summary
    .addRaw(result.summary)
    .write()
    .catch((error: unknown) => {
      core.debug(`job summary not written: ${(error as Error).message}`);
    });
  for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
  if (result.failure) core.setFailed(result.failure);
}

function readEventPayload(path: string | undefined): unknown {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`GITHUB_EVENT_PATH ${path}: cannot read the event payload (${(error as Error).message})`);
  }
}

main().catch((error: unknown) => {
  core.setFailed(error instanceof Error ? error.message : String(error));
});
