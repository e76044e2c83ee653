import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A tree larger than the open-file limit scans whole: reads are bounded, not one per file at once.
// The CLI runs from source (Node strips the types) in a shell whose `ulimit -n` is lower than the
// number of Dockerfiles, as on macOS (256 by default) or a CI runner with 1024.

const cliSource = resolve(import.meta.dirname, '../../src/cli.ts');
const openFileLimit = 256;
const fileCount = 600;

function scanUnderLimit(cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const command = `ulimit -n ${openFileLimit} && exec "$0" "$1" scan . --json`;
    const child = spawn('sh', ['-c', command, process.execPath, cliSource], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe(`scan with more Dockerfiles (${fileCount}) than open files allowed (${openFileLimit})`, () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'basepin-ulimit-'));
    for (let i = 0; i < fileCount; i++) {
      const dir = join(root, `svc-${i}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'Dockerfile'), `FROM alpine:3.${i % 20}\nRUN true\n`);
    }
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('reads every file and reports every site', async () => {
    const { code, stdout, stderr } = await scanUnderLimit(root);
    expect(stderr).not.toContain('EMFILE');
    expect(code).toBe(0);
    const { sites } = JSON.parse(stdout) as { sites: { file: string; reference: string }[] };
    expect(sites).toHaveLength(fileCount);
    expect(new Set(sites.map((site) => site.file)).size).toBe(fileCount);
    expect(sites.find((site) => site.file === 'svc-599/Dockerfile')?.reference).toBe('alpine:3.19');
  }, 60_000);
});
