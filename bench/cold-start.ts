/**
 * Cold start of the bundled CLI: the wall time of a whole `node dist/cli.js …`
 * process minus that of `node -e 0`, median of alternating runs (a figure for
 * `npm run bench`, not a test; the target is in README.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cliPath = join(import.meta.dirname, '../dist/cli.js');

function wallMs(args: readonly string[], cwd: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}`);
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface ColdStart {
  readonly baselineMs: number;
  /** Median milliseconds over `node -e 0`, by command line. */
  readonly overBaseline: readonly { readonly command: string; readonly ms: number }[];
}

export function measureColdStart(runs = Number(process.env.BENCH_STARTUP_RUNS ?? 21)): ColdStart {
  const dir = mkdtempSync(join(tmpdir(), 'basepin-bench-start-'));
  try {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\n');
    const commands = [['--version'], ['scan', '.']];
    const baseline: number[] = [];
    const times = commands.map((): number[] => []);
    for (let i = 0; i < runs; i++) {
      baseline.push(wallMs(['-e', '0'], dir));
      commands.forEach((command, c) => times[c]!.push(wallMs([cliPath, ...command], dir)));
    }
    const baselineMs = median(baseline);
    return {
      baselineMs,
      overBaseline: commands.map((command, c) => ({
        command: `basepin ${command.join(' ')}`,
        ms: median(times[c]!) - baselineMs,
      })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `basepin --version: +38 ms over node -e 0 (41 ms)`, one line per command. */
export function coldStartLines(result: ColdStart): string[] {
  return result.overBaseline.map(
    ({ command, ms }) =>
      `${command}: ${ms >= 0 ? '+' : ''}${ms.toFixed(0)} ms over node -e 0 (${result.baselineMs.toFixed(0)} ms)`,
  );
}
