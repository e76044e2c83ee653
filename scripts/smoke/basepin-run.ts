import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One run of the built action (dist/index.js) as the runner starts it, on a workspace folder. */
export interface BasepinRun {
  readonly code: number;
  readonly log: string;
  readonly outputs: string;
  readonly seconds: number;
}

export interface RunTarget {
  readonly repository: string;
  readonly apiUrl: string;
  readonly workspace: string;
  readonly branch: string;
  readonly sha: string;
}

export function runBasepin(
  target: RunTarget,
  token: string,
  inputs: Readonly<Record<string, string>>,
  event: { readonly name: string; readonly payload: unknown } = {
    name: 'schedule',
    payload: { schedule: '0 5 * * *' },
  },
): Promise<BasepinRun> {
  const dir = mkdtempSync(join(tmpdir(), 'basepin-smoke-'));
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
  };
  writeFileSync(files.event, JSON.stringify(event.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: target.repository,
    GITHUB_WORKSPACE: target.workspace,
    GITHUB_API_URL: target.apiUrl,
    GITHUB_SERVER_URL: process.env['GITHUB_SERVER_URL'] ?? 'https://github.com',
    GITHUB_REF: `refs/heads/${target.branch}`,
    GITHUB_SHA: target.sha,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    INPUT_TOKEN: token,
    'INPUT_BASE-BRANCH': target.branch,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../dist/index.js')], {
      cwd: target.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        log,
        outputs: readFileSync(files.output, 'utf8'),
        seconds: Math.round((Date.now() - started) / 1000),
      }),
    );
  });
}
