import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, runCli } from '../../src/cli/main.ts';

// `pin-arg-repositories` reaches extraction from the flag and the config file.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basepin-arg-repositories-'));
  writeFileSync(join(dir, 'Dockerfile'), 'ARG REPO=mcr.microsoft.com/dotnet/aspnet\nFROM $REPO:8.0-alpine\n');
  return () => rmSync(dir, { recursive: true, force: true });
});

async function scanStatus(...argv: string[]): Promise<{ code: number; status: unknown; reason: unknown }> {
  let stdout = '';
  const code = await runCli(['scan', '--json', ...argv], {
    cwd: dir,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    interactive: false,
    version: 'test',
  });
  const [site] = (JSON.parse(stdout) as { sites: { status: unknown; reason: unknown }[] }).sites;
  return { code, status: site?.status, reason: site?.reason };
}

describe('pin-arg-repositories', () => {
  it('pins FROM $REPO:tag by default', async () => {
    expect(await scanStatus()).toEqual({ code: ExitCode.Done, status: 'pinnable', reason: null });
  });

  it('skips it with --pin-arg-repositories false', async () => {
    const result = await scanStatus('--pin-arg-repositories', 'false');
    expect(result).toMatchObject({ code: ExitCode.Done, status: 'skipped' });
    expect(result.reason).toContain('pin-arg-repositories is off');
  });

  it('skips it with pin-arg-repositories: false in .github/basepin.yml, and a flag wins over the file', async () => {
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/basepin.yml'), 'pin-arg-repositories: false\n');
    expect(await scanStatus()).toMatchObject({ status: 'skipped' });
    expect(await scanStatus('--pin-arg-repositories', 'true')).toMatchObject({ status: 'pinnable' });
  });
});
