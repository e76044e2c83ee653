/**
 * vitest globalSetup: gives the suite a temp directory of its own and fails
 * the run when a test leaves anything in it.
 *
 * TMPDIR is set before the workers start, so `os.tmpdir()` in every test
 * file, and in every process a test spawns (the CLI, docker-registry),
 * points inside it. Checking our own folder, rather than counting entries
 * of the shared temp directory, stays right when other suites run beside
 * this one on the same machine.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const dir = mkdtempSync(join(tmpdir(), 'basepin-suite-'));
  process.env['TMPDIR'] = dir;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    if (left.length > 0) {
      process.exitCode = 1;
      throw new Error(
        `the tests left ${left.length} entries in the temp directory: ${left.sort().join(', ')}`,
      );
    }
  };
}
