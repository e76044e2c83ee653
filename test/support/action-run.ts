import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeTempDir, trackTempDir } from './processes.ts';
import type { GitHubStub } from './github-stub.ts';
import { webhookProblems } from './openapi-webhooks.ts';

const actionPath = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const scheduleEvent = fileURLToPath(new URL('../fixtures/events/schedule.json', import.meta.url));

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/** An event other than the default schedule: its name and the payload written to GITHUB_EVENT_PATH. */
export interface RunEvent {
  readonly name: string;
  readonly payload: unknown;
}

/**
 * The bundled action (dist/index.js) run the way the runner runs it: INPUT_* and GITHUB_* variables, an
 * event payload file (a schedule unless `event` says otherwise), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, against a GitHub API stub.
 */
export function runBundledAction(
  workspace: string,
  stub: Pick<GitHubStub, 'url' | 'branchSha'>,
  inputs: Record<string, string>,
  event?: RunEvent,
  /** Runner variables that differ from the single-repository defaults (the running repository, DOCKER_CONFIG). */
  runner: Record<string, string> = {},
): Promise<ActionRun> {
  const runDir = mkdtempSync(join(tmpdir(), 'basepin-run-'));
  trackTempDir(runDir);
  const eventPath = join(runDir, 'event.json');
  if (event !== undefined) {
    // A payload GitHub would never send proves nothing: it must fit the webhook's published schema.
    const problems = webhookProblems(event.name, event.payload) ?? [];
    if (problems.length > 0) throw new Error(`${event.name} payload: ${problems.join('; ')}`);
    writeFileSync(eventPath, JSON.stringify(event.payload));
  }
  const outputFile = join(runDir, 'output');
  const summaryFile = join(runDir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: runDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event?.name ?? 'schedule',
    GITHUB_EVENT_PATH: event === undefined ? scheduleEvent : eventPath,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: stub.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: stub.branchSha('main')!,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    INPUT_TOKEN: 'ghs_testtoken',
    'INPUT_CONFIG-FILE': '.github/basepin.yml',
    ...runner,
  };
  // No test reaches the public OSV: a run asks it only when the test names a stand-in.
  for (const [name, value] of Object.entries({ 'osv-api': 'off', ...inputs }))
    env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    // Asynchronous spawn: the GitHub stub answers from this process.
    const child = spawn(process.execPath, [actionPath], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const run = {
        code: code ?? -1,
        stdout,
        outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
      };
      removeTempDir(runDir);
      resolve(run);
    });
  });
}

/** GITHUB_OUTPUT's `name<<DELIMITER\nvalue\nDELIMITER` records. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([^]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

const commentEventFixture = fileURLToPath(new URL('../fixtures/events/issue_comment.json', import.meta.url));

/** A person's comment on the stub, and the `issue_comment` event the runner would hand the action for it. */
export function commented(
  stub: GitHubStub,
  number: number,
  login: string,
  body: string,
): { readonly event: RunEvent; readonly id: number } {
  const id = stub.addComment(number, login, body);
  const payload = JSON.parse(readFileSync(commentEventFixture, 'utf8')) as {
    issue: Record<string, unknown>;
    comment: Record<string, unknown> & { user: Record<string, unknown> };
  };
  payload.issue.number = number;
  payload.comment.id = id;
  payload.comment.body = body;
  payload.comment.user = { ...payload.comment.user, login, type: 'User' };
  return { event: { name: 'issue_comment', payload }, id };
}
