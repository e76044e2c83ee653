import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDir } from '../support/temp-dir.ts';
import type { PinPlan } from '../../src/app/pin.ts';
import { writeChanges } from '../../src/app/write-changes.ts';
import { decodeDockerfile } from '../../src/dockerfile/index.ts';

function planFor(dir: string, files: Record<string, { before: string; after: string }>): PinPlan {
  return {
    files: Object.entries(files).map(([file, { before }]) => ({
      file,
      decoded: decodeDockerfile(new TextEncoder().encode(before)),
      sites: [],
    })),
    changes: Object.entries(files).map(([file, { before, after }]) => ({
      file,
      before,
      after,
      encoding: 'utf-8',
    })),
    sites: [],
    updates: [],
    unchanged: [],
    skipped: [],
    errors: [],
  };
}

describe('writeChanges', () => {
  it('writes whole files, keeps the mode and the BOM, and leaves no temp file', async () => {
    const dir = testDir('write');
    writeFileSync(join(dir, 'Dockerfile'), '\uFEFFFROM a\r\n');
    chmodSync(join(dir, 'Dockerfile'), 0o600);
    const failures = await writeChanges(
      dir,
      planFor(dir, { Dockerfile: { before: '\uFEFFFROM a\r\n', after: '\uFEFFFROM a:latest@sha256:1\r\n' } }),
    );
    expect(failures).toEqual([]);
    expect(readFileSync(join(dir, 'Dockerfile'))).toEqual(Buffer.from('\uFEFFFROM a:latest@sha256:1\r\n'));
    expect(statSync(join(dir, 'Dockerfile')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['Dockerfile']);
  });

  it('reports a file it cannot write and still writes the others', async () => {
    const dir = testDir('write');
    mkdirSync(join(dir, 'ok'));
    writeFileSync(join(dir, 'ok/Dockerfile'), 'FROM a\n');
    // The folder of gone/Dockerfile vanished after the scan.
    const failures = await writeChanges(
      dir,
      planFor(dir, {
        'gone/Dockerfile': { before: 'FROM b\n', after: 'FROM b@x\n' },
        'ok/Dockerfile': { before: 'FROM a\n', after: 'FROM a@x\n' },
      }),
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ file: 'gone/Dockerfile', error: { code: 'WRITE_FAILED' } });
    expect(failures[0]?.error.message).toContain('ENOENT');
    expect(readFileSync(join(dir, 'ok/Dockerfile'), 'utf8')).toBe('FROM a@x\n');
  });
});
