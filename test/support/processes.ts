import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Child process groups and temp dirs still alive, so a crashed or aborted
 * test run never leaves a registry behind: they are killed on exit, and each
 * child also dies on its own when our end of its stdin closes (see
 * `spawnGuarded`).
 */
const liveGroups = new Set<number>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    // Synchronous context: ask each wrapper to stop its command; closing our
    // end of their stdin does the same if the signal is lost.
    for (const pid of liveGroups) signal(pid, 'SIGTERM');
    for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  });
}

/** A negative pid signals the whole process group. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

export function trackTempDir(dir: string): void {
  installExitHook();
  liveDirs.add(dir);
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  liveDirs.delete(dir);
}

/** A port nobody listens on right now (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not read a free port');
  return address.port;
}

export function commandExists(command: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' }).status === 0;
}

export interface GuardedProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far (bounded to 64 KiB). */
  stderr(): string;
  /** Resolves with the exit code once the wrapper exits. */
  readonly exited: Promise<number | null>;
  hasExited(): boolean;
  /** SIGTERM the wrapper (it stops and reaps the command), SIGKILL the group after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs `command args…` under `sh` in its own process group. The wrapper
 * holds our end of a pipe on fd 3: when this Node process dies for any reason
 * (even SIGKILL, when no exit hook runs), the pipe closes and the watcher kills
 * the command, then removes `orphanCleanupDir`. `stop()` keeps the pipe open,
 * so a normal stop leaves the dir to the caller.
 */
export function spawnGuarded(
  command: string,
  args: readonly string[],
  options: { cwd: string; orphanCleanupDir?: string },
): GuardedProcess {
  installExitHook();
  // The trap makes the wrapper reap the command before exiting: PID 1 in some
  // sandboxes never reaps orphans, so a killed wrapper would leave zombies.
  const script = [
    'exec 3<&0',
    '"$@" </dev/null 3<&- & child=$!',
    // Our stderr pipe is gone once the parent dies; the wrapper must not die of SIGPIPE.
    "exec 2>/dev/null; trap '' PIPE",
    '(read -r _ <&3; [ -n "$BASEPIN_GUARD_DIR" ] && : >"$BASEPIN_GUARD_DIR/.orphaned"; kill "$child" 2>/dev/null) & watcher=$!',
    'trap \'kill "$child" 2>/dev/null\' TERM INT',
    'wait "$child"; status=$?',
    'wait "$child" 2>/dev/null',
    'kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null',
    '[ -n "$BASEPIN_GUARD_DIR" ] && [ -e "$BASEPIN_GUARD_DIR/.orphaned" ] && rm -rf "$BASEPIN_GUARD_DIR"',
    'exit "$status"',
  ].join('\n');
  const child = spawn('sh', ['-c', script, 'basepin-guard', command, ...args], {
    cwd: options.cwd,
    env: { ...process.env, BASEPIN_GUARD_DIR: options.orphanCleanupDir ?? '' },
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`could not start ${command}`);
  liveGroups.add(pgid);
  let stderrText = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderrText.length < 65_536) stderrText += chunk;
  });
  let exited = false;
  const exitedPromise = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      liveGroups.delete(pgid);
      resolve(code);
    });
  });
  return {
    child,
    stderr: () => stderrText,
    exited: exitedPromise,
    hasExited: () => exited,
    async stop(graceMs = 3_000) {
      if (exited) return;
      signal(pgid, 'SIGTERM');
      // Last resort, only if the wrapper ignores SIGTERM: kill the whole group.
      const timer = setTimeout(() => signal(-pgid, 'SIGKILL'), graceMs);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` every `intervalMs`, at most `attempts` times. */
export async function pollUntil(
  probe: () => Promise<boolean>,
  { attempts, intervalMs, what }: { attempts: number; intervalMs: number; what: string },
  giveUp?: () => string | undefined,
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const reason = giveUp?.();
    if (reason !== undefined) throw new Error(`${what}: ${reason}`);
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${what}: not ready after ${attempts} attempts ${intervalMs} ms apart`);
}
