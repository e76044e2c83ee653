import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { youngGenerationCapBytes } from '../../src/cli/young-generation.ts';

const moduleUrl = new URL('../../src/cli/young-generation.ts', import.meta.url).href;

/**
 * A child process that keeps ~100 MB of small objects (as a big scan keeps its sites), yielding to
 * the event loop as a run does, and prints the largest young generation it saw.
 */
function largestYoungGeneration(flags: string): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { setImmediate as turn } from 'node:timers/promises';
    const { capYoungGeneration } = await import(${JSON.stringify(moduleUrl)});
    capYoungGeneration(${JSON.stringify(flags)});
    const size = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    const kept = [];
    let largest = 0;
    for (let i = 0; i < 1_000_000; i++) {
      kept.push({ file: 'services/api/Dockerfile', line: i, written: 'alpine:' + i, range: { start: i, end: i + 1 } });
      if (i % 2_000 === 0) { largest = Math.max(largest, size()); await turn(); }
    }
    console.log(largest);
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '../..'),
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  return Number(child.stdout.trim());
}

describe('capYoungGeneration', () => {
  it('stops the young generation growing at the cap while the old generation keeps what survives', () => {
    const largest = largestYoungGeneration('');
    expect(largest).toBeGreaterThan(0);
    // The space's size counts a few pages V8 may hold besides the semi-spaces, never the next doubling.
    expect(largest).toBeLessThan(2 * youngGenerationCapBytes);
  });

  // V8 lets the young generation grow past the cap only where it sizes it from 16 GB or more of memory.
  it.runIf(totalmem() >= 16 * 2 ** 30)('leaves it alone when the user sized it with a flag', () => {
    expect(largestYoungGeneration('--max-semi-space-size=64')).toBeGreaterThanOrEqual(
      2 * youngGenerationCapBytes,
    );
  });
});
