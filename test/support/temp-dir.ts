import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A fresh folder under the temp directory, removed when the calling test
 * finishes, pass or fail. Call it inside a test; in a `before*` hook, pair
 * `mkdtempSync` with an `after*` hook instead.
 */
export function testDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `basepin-${name}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
