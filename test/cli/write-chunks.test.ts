import { describe, expect, it } from 'vitest';
import { writeChunks } from '../../src/cli/command-setup.ts';
import type { CliIo } from '../../src/cli/io.ts';

// A pipe read slower than a report is made must not queue the whole report in memory (so memory stays bounded at 20,000 files).

describe('writeChunks', () => {
  it('writes the next chunk only once stdout has room again, then the end', async () => {
    const written: string[] = [];
    const waiting: (() => void)[] = [];
    const io = {
      stdout: (text: string) => written.push(text),
      stdoutDrained: () => new Promise<void>((resolve) => waiting.push(resolve)),
    } as unknown as CliIo;

    const done = writeChunks(io, ['{"a":[1', ',2]', '}']);
    expect(written).toEqual(['{"a":[1']);
    await Promise.resolve();
    expect(written).toEqual(['{"a":[1']);
    waiting.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toEqual(['{"a":[1', ',2]']);
    waiting.shift()!();
    await new Promise((resolve) => setImmediate(resolve));
    waiting.shift()!();
    await done;
    expect(written).toEqual(['{"a":[1', ',2]', '}', '\n']);
  });

  it('writes straight through when stdout never fills, and adds no end when asked for none', async () => {
    const written: string[] = [];
    await writeChunks({ stdout: (text: string) => written.push(text) } as unknown as CliIo, ['a', 'b'], '');
    expect(written).toEqual(['a', 'b']);
  });
});
