import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCredentialHelper } from '../../src/registry/credential-helper.ts';
import { pollUntil } from '../support/processes.ts';

// Real helper processes (sh scripts). Each misbehaving helper records the pids it
// started; the test then checks they are all gone, not merely that we stopped waiting.

const reply = '{"Username":"u","Secret":"s"}';

describe('running a credential helper with hard limits', () => {
  let dir: string;
  const helper = (body: string): string => {
    const path = join(dir, 'docker-credential-test');
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const pids = () => readFileSync(join(dir, 'pids'), 'utf8').split(/\s+/).filter(Boolean).map(Number);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const allGone = (what: string) =>
    pollUntil(async () => pids().every((pid) => !alive(pid)), { attempts: 50, intervalMs: 100, what });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'basepin-helper-limits-'));
  });
  afterEach(() => {
    for (const pid of (() => {
      try {
        return pids();
      } catch {
        return [];
      }
    })())
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a well-behaved reply and the server URL on stdin', async () => {
    const path = helper(`read server; echo "$server" > ${dir}/asked; echo '${reply}'`);
    const outcome = await runCredentialHelper(path, 'registry.example');
    expect(outcome).toEqual({ kind: 'exited', code: 0, stdout: `${reply}\n`, stderr: '' });
    expect(readFileSync(join(dir, 'asked'), 'utf8')).toBe('registry.example\n');
  });

  it('stops a helper that floods stdout at the cap, and kills it', async () => {
    const path = helper(`echo $$ > ${dir}/pids; exec yes 0123456789abcdef`);
    const outcome = await runCredentialHelper(path, 'x', { timeoutMs: 60_000, maxOutputBytes: 64 * 1024 });
    expect(outcome).toEqual({ kind: 'failed', reason: 'printed more than 64 KiB' });
    await allGone('flooding helper');
  });

  it('kills the whole group of a helper that ignores SIGTERM at the timeout', async () => {
    const path = helper(`trap '' TERM; sleep 120 & echo "$$ $!" > ${dir}/pids; wait`);
    const outcome = await runCredentialHelper(path, 'x', { timeoutMs: 500, maxOutputBytes: 1024 });
    expect(outcome).toEqual({ kind: 'failed', reason: 'gave no answer in 0.5 s' });
    await allGone('helper and its child');
  });

  it('answers when the helper exits, though a child it left behind holds stdout', async () => {
    // With a 60 s limit and a 120 s child, waiting for stdout to close would time the test out.
    const path = helper(`sleep 120 & echo $! > ${dir}/pids; echo '${reply}'; exit 0`);
    const outcome = await runCredentialHelper(path, 'x', { timeoutMs: 60_000, maxOutputBytes: 1024 });
    expect(outcome).toEqual({ kind: 'exited', code: 0, stdout: `${reply}\n`, stderr: '' });
    await allGone('the child left holding stdout');
  });

  it('reports a helper that cannot be run', async () => {
    const outcome = await runCredentialHelper(join(dir, 'docker-credential-missing'), 'x');
    expect(outcome).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^could not be run/) });
  });
});
