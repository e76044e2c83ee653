import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, runCli } from '../../src/cli/main.ts';

// Exit codes of runCli for invocations that fail before any file is read or any registry asked.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basepin-cli-main-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\n');
  return () => rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: dir,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    version: 'test',
  });
  return { code, stdout, stderr };
}

describe('runCli: bad settings are usage errors (64), like a bad flag', () => {
  it.each([
    [
      'an unknown key in .github/basepin.yml',
      ['scan'],
      'registry-mirror: {}\n',
      /unknown key "registry-mirror"/,
    ],
    ['a bad value in .github/basepin.yml', ['pin'], 'concurrency: 0\n', /key "concurrency"/],
    ['--config naming a missing file', ['check', '--config', 'missing.yml'], undefined, /missing\.yml/],
    ['a malformed --registry-mirror', ['pin', '--registry-mirror', 'docker.io=ftp://m'], undefined, /mirror/],
    [
      'a malformed --registry-credential (the secret is not echoed)',
      ['pin', '--registry-credential', 'not a host=me:hunter2'],
      undefined,
      /registry credential/,
    ],
  ])('%s', async (_, argv, config, message) => {
    if (config !== undefined) {
      mkdirSync(join(dir, '.github'));
      writeFileSync(join(dir, '.github/basepin.yml'), config);
    }
    const result = await cli(...argv);
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^basepin: [^\n]*\n$/);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('an unreadable PATH is still exit 2', async () => {
    expect((await cli('scan', 'no/such/dir')).code).toBe(ExitCode.Unresolved);
  });
});
