// The GitHub Action (bundled to dist/index.js through src/action-entry.ts): the
// one place that talks to @actions/core and @actions/github, turns results into
// annotations and outputs, and fails the run. Everything below it takes typed
// values. `run()` is exported so `npx @github/local-action . src/action.ts .env`
// can run the action on a workstation, as actions/typescript-action does.
import * as core from '@actions/core';
import { context } from '@actions/github';
import { failureCode, failureMessage, isInternal } from './app/failure.ts';
import { registryClientFor } from './app/registry-client.ts';
import { runAction } from './app/run-action.ts';
import { readActionSettings } from './config/action-settings.ts';
import {
  createGitHubClient,
  createGitHubRepository,
  getDefaultBranch,
  readRunEvent,
} from './github/index.ts';
import { useEnvironmentProxy } from './workspace/proxy.ts';

async function main(): Promise<void> {
  const env = process.env;
  await useEnvironmentProxy(env);
  const event = readRunEvent(context.eventName ?? '', context.payload);
  if (event.kind === 'issue_comment') {
    // Comment commands are the next feature; a comment run must not pin or push anything meanwhile.
    core.info('basepin: comment commands are not handled by this version; nothing to do.');
    return;
  }

  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const { settings, token } = await readActionSettings((name) => core.getInput(name), workspace);
  core.setSecret(token);
  for (const credential of Object.values(settings.credentials)) core.setSecret(credential.password);

  const repo = context.repo;
  const log = { info: core.info, warning: core.warning, debug: core.debug };
  const octokit = createGitHubClient({ token, baseUrl: context.apiUrl, log });
  const registry = registryClientFor(settings, {
    dockerConfigDir: env.DOCKER_CONFIG,
    onSecret: core.setSecret,
    log: core.debug,
  });

  const result = await runAction(
    settings,
    { repo, ref: context.ref, sha: context.sha, serverUrl: context.serverUrl },
    {
      registry,
      github: createGitHubRepository(octokit, repo),
      defaultBranch: () => getDefaultBranch(octokit, repo),
      log,
    },
  );

  if (result.plan.files.length === 0) {
    // An empty workspace is most often a checkout that did not happen: say so instead of a green zero.
    core.warning(
      `no Dockerfiles found under ${settings.paths.join(', ')} in ${workspace}; is actions/checkout a step before basepin, and are paths right?`,
      { title: 'basepin: no Dockerfiles' },
    );
  }
  for (const failure of result.plan.errors) {
    if (isInternal(failure.error)) core.debug(failure.error.detail);
    core.warning(`${failure.reference}: ${failureMessage(failure.error)} (${failureCode(failure.error)})`, {
      file: failure.file,
      startLine: failure.line,
      title: isInternal(failure.error) ? 'basepin: internal error' : 'basepin: not resolved',
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

/** Runs the action once; never throws: a failure fails the step through `core.setFailed`. */
export async function run(): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
