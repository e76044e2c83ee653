// The GitHub Action (bundled to dist/index.js through src/action-entry.ts): the
// one place that talks to @actions/core and @actions/github, turns results into
// annotations and outputs, and fails the run. Everything below it takes typed
// values. `run()` is exported so `npx @github/local-action . src/action.ts .env`
// can run the action on a workstation, as actions/typescript-action does.
import * as core from '@actions/core';
import { context } from '@actions/github';
import { failureCode, failureMessage, isInternal } from './update/index.ts';
import { groupUnreachable, unreachableLine } from './update/index.ts';
import { redactedGitHubWrites } from './wiring/index.ts';
import { osvClientFor, registryClientFor } from './wiring/index.ts';
import { runAction } from './action-run/index.ts';
import { runOrgCommand } from './cli/org-command.ts';
import { renderJobSummary, runComment, runDashboardEdit } from './action-run/index.ts';
import { readActionSettings, signatureTrustFor } from './wiring/index.ts';
import {
  createGitHubClient,
  createGitHubRepository,
  getDefaultBranch,
  readRunEvent,
} from './github/index.ts';
import { createRedactor } from './text/redactor.ts';
import { openFileWorkspace } from './workspace/index.ts';
import { useGuardedDispatcher } from './wiring/index.ts';

// Every text this entry hands to the runner or to GitHub goes through `redact` (so no secret reaches a log, an output or GitHub).
const redactor = createRedactor();
const redact = (text: string): string => redactor.redact(text);
/** Masked by the runner in its log, and by the redactor everywhere else (summary, outputs, PRs). */
function secret(value: string): void {
  core.setSecret(value);
  redactor.add(value);
}

async function main(): Promise<void> {
  const env = process.env;
  useGuardedDispatcher(env);
  if (core.getInput('repositories').trim() !== '') return runOrgMode(env);
  const event = readRunEvent(context.eventName ?? '', context.payload);
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const { settings, token } = await readActionSettings((name) => core.getInput(name), workspace);
  secret(token);
  for (const { username, password } of Object.values(settings.credentials)) {
    secret(password);
    secret(Buffer.from(`${username}:${password}`).toString('base64'));
  }

  const repo = context.repo;
  const log = {
    info: (message: string) => core.info(redact(message)),
    warning: (message: string) => core.warning(redact(message)),
    debug: (message: string) => core.debug(redact(message)),
  };
  const octokit = createGitHubClient({ token, baseUrl: context.apiUrl, log });
  const registry = registryClientFor(settings, {
    dockerConfigDir: env.DOCKER_CONFIG,
    onSecret: secret,
    log: log.debug,
  });

  const runContext = { repo, ref: context.ref, sha: context.sha, serverUrl: context.serverUrl };
  // Built once per run: a bad sigstore-trusted-root or signature-keys file fails here, naming it.
  const signatureTrust = await signatureTrustFor(settings);
  const deps = {
    signatureTrust,
    registry,
    workspace: openFileWorkspace(settings.cwd),
    github: redactedGitHubWrites(createGitHubRepository(octokit, repo), redact),
    defaultBranch: () => getDefaultBranch(octokit, repo),
    log,
    osv: osvClientFor(settings, log.debug),
  };
  if (event.kind === 'issue_comment') {
    const outcome = await runComment(settings, runContext, deps, event);
    core.info(
      outcome.kind === 'ignored'
        ? `basepin: comment ignored: ${outcome.why}`
        : `basepin: /basepin ${outcome.command ?? '(invalid)'}: ${outcome.kind}`,
    );
    core.setOutput('command', JSON.stringify(outcome));
    return;
  }
  const result =
    event.kind === 'issues'
      ? await runDashboardEdit(settings, runContext, deps, event)
      : await runAction(settings, runContext, deps);
  if ('skipped' in result) {
    core.info(`basepin: nothing to do: ${result.skipped}`);
    return;
  }

  if (result.plan.files.length === 0) {
    // An empty workspace is most often a checkout that did not happen: say so instead of a green zero.
    core.warning(
      `no image files found under ${settings.paths.join(', ')} in ${workspace}; is actions/checkout a step before basepin, and are paths right?`,
      { title: 'basepin: no image files' },
    );
  }
  const { shown, unreachable } = groupUnreachable(result.plan.errors);
  for (const failure of shown) {
    if (isInternal(failure.error)) log.debug(failure.error.detail);
    core.warning(
      redact(`${failure.reference}: ${failureMessage(failure.error)} (${failureCode(failure.error)})`),
      {
        file: failure.file,
        startLine: failure.line,
        title: isInternal(failure.error) ? 'basepin: internal error' : 'basepin: not resolved',
      },
    );
  }
  // A host that could not be reached is annotated at its first reference; the others are one line.
  for (const host of unreachable)
    core.warning(redact(unreachableLine(host)), { title: 'basepin: not resolved' });
  // A file that could not be read as its kind: one annotation on the line and column the parser named.
  for (const problem of result.plan.problems) {
    core.warning(redact(problem.reason), {
      file: problem.file,
      startLine: problem.line,
      startColumn: problem.column,
      title: 'basepin: file not read',
    });
  }
  for (const note of result.plan.skipped) {
    core.warning(redact(`${note.reference}: ${note.reason ?? 'skipped'}`), {
      file: note.file,
      startLine: note.line,
      title: 'basepin: skipped',
    });
  }
  const summary = renderJobSummary(result.plan, result.pullRequests, settings.dryRun, {
    changelogs: result.changelogs,
    now: result.now,
  });
  await core.summary
    .addRaw(redact(summary))
    .write()
    .catch((error: unknown) => {
      log.debug(`job summary not written: ${(error as Error).message}`);
    });
  for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, redact(value));
  if (result.failure) core.setFailed(redact(result.failure));
}

/**
 * Organisation mode (input `repositories`): `basepin org` over the App installation's repositories, its
 * progress lines in the log, its job summary in the step's, and the step failed when a repository failed.
 */
async function runOrgMode(env: NodeJS.ProcessEnv): Promise<void> {
  const token = core.getInput('token');
  const privateKey = core.getInput('private-key');
  for (const value of [token, privateKey]) if (value) secret(value);
  const flag = (name: string, input = name) => {
    const value = core.getInput(input).trim();
    return value === '' ? [] : [`--${name}`, value];
  };
  const configFile = core.getInput('config-file');
  const argv = [
    ...flag('repositories'),
    ...flag('app-id'),
    ...flag('installation-id'),
    ...(configFile && configFile !== '.github/basepin.yml' ? ['--config', configFile] : []),
    ...(core.getInput('dry-run').trim() === 'true' ? ['--dry-run'] : []),
  ];
  const code = await runOrgCommand(
    argv,
    {
      cwd: env.GITHUB_WORKSPACE ?? process.cwd(),
      env: { ...env, BASEPIN_TOKEN: token, BASEPIN_APP_PRIVATE_KEY: privateKey },
      stdout: (text) => core.info(redact(text.trimEnd())),
      stderr: (text) => core.info(redact(text.trimEnd())),
      interactive: true,
      version: 'action',
    },
    redactor,
  );
  if (code === 2) core.setFailed('basepin: some repositories failed; see the job summary');
  else if (code !== 0) core.setFailed(`basepin: the organisation run did not start (exit ${code})`);
}

/** Runs the action once; never throws: a failure fails the step through `core.setFailed`. */
export async function run(): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof Error && error.stack) core.debug(redact(error.stack));
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  }
}
