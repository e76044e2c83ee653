import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs `docker-credential-<name> get` with hard limits (so a helper can neither hang the run nor flood it): a helper
 * that floods stdout, ignores SIGTERM, or leaves a child holding stdout
 * open must cost at most `timeoutMs` and `maxOutputBytes`, and never the run.
 * https://github.com/docker/docker-credential-helpers#development
 */

export interface HelperLimits {
  readonly timeoutMs: number;
  /** stdout and stderr together. */
  readonly maxOutputBytes: number;
}

export const defaultHelperLimits: HelperLimits = { timeoutMs: 15_000, maxOutputBytes: 256 * 1024 };

/** Output still in the pipe when the helper exits; after this a process that kept the pipe is killed. */
const exitGraceMs = 250;

export type HelperOutcome =
  | { readonly kind: 'exited'; readonly code: number; readonly stdout: string; readonly stderr: string }
  /** Did not finish properly: not started, too slow, too much output. `reason` is one line of ours. */
  | { readonly kind: 'failed'; readonly reason: string };

export function runCredentialHelper(
  program: string,
  serverUrl: string,
  limits: HelperLimits = defaultHelperLimits,
): Promise<HelperOutcome> {
  return new Promise((resolve) => {
    // Its own process group, so a timeout kills the helper and everything it started.
    const child = spawn(program, ['get'], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let settled = false;
    let exitCode: number | undefined;
    let grace: NodeJS.Timeout | undefined;

    const finish = (outcome: HelperOutcome | undefined, kill: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(grace);
      if (kill) killGroup(child);
      for (const stream of [child.stdin, child.stdout, child.stderr]) stream?.destroy();
      resolve(
        outcome ?? {
          kind: 'exited',
          code: exitCode ?? 1,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        },
      );
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limits.maxOutputBytes) {
        finish({ kind: 'failed', reason: `printed more than ${kib(limits.maxOutputBytes)}` }, true);
        return;
      }
      into.push(chunk);
    };
    const timer = setTimeout(
      () => finish({ kind: 'failed', reason: `gave no answer in ${limits.timeoutMs / 1000} s` }, true),
      limits.timeoutMs,
    );

    child.stdout?.on('data', collect(stdout));
    child.stderr?.on('data', collect(stderr));
    child.on('error', (error) =>
      finish({ kind: 'failed', reason: `could not be run (${error.message})` }, false),
    );
    child.on('exit', (code) => {
      exitCode = code ?? 1;
      // Do not wait for stdout to close: a child the helper left behind may hold it for minutes.
      grace = setTimeout(() => finish(undefined, true), exitGraceMs);
    });
    child.on('close', () => finish(undefined, false));
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(serverUrl);
  });
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone already, or the platform has no process groups.
    child.kill('SIGKILL');
  }
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}
