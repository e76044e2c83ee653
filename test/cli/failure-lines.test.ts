import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, runCli, type CliIo } from '../../src/cli/main.ts';
import { createRegistryClient, type RegistryClient } from '../../src/registry/index.ts';
import { startHostileServer } from '../support/hostile-server.ts';
import { testDir } from '../support/temp-dir.ts';

// What `check` and `pin` say about references they could not do, as a user reads it: one line each,
// `error:` first, the reference once, the failure in plain words, and a dead host summed up in one line.

async function run(dir: string, registry: CliIo['registry'], ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: dir,
    env: {},
    ...(registry ? { registry } : {}),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    version: 'test',
  });
  return { code, stdout, stderr };
}

/** A real client whose every connection fails the way a DNS miss does. */
function dnsMisses(): RegistryClient {
  return createRegistryClient({
    dockerConfigDir: join(import.meta.dirname, 'no-docker-config'),
    sleep: async () => {},
    fetch: async (input) => {
      const { hostname } = new URL(String(input instanceof Request ? input.url : input));
      const miss = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      throw new TypeError('fetch failed', { cause: miss });
    },
  });
}

describe('failure lines in a user’s words', () => {
  it('a DNS miss says host not found, once per host; the other references of that host are one line', async () => {
    const dir = testDir('failure-lines');
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM gcr.io/distroless/static:nonroot\nFROM gcr.io/distroless/base:nonroot\nFROM gcr.io/distroless/cc:nonroot\n',
    );
    for (const command of ['check', 'pin']) {
      const result = await run(dir, () => dnsMisses(), command, '--quiet');
      expect(result.code).toBe(ExitCode.Unresolved);
      expect(result.stderr).toBe(
        'error: Dockerfile:1 gcr.io/distroless/static:nonroot: host not found: gcr.io\n' +
          'error: gcr.io unreachable: 2 references not checked\n',
      );
    }
  });

  it('--json keeps one entry a reference, each with its code', async () => {
    const dir = testDir('failure-lines');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM gcr.io/a/b:1\nFROM gcr.io/a/c:1\n');
    const result = await run(dir, () => dnsMisses(), 'check', '--json');
    const report = JSON.parse(result.stdout) as {
      errors: { reference: string; code: string; error: string }[];
    };
    expect(report.errors).toEqual([
      {
        file: 'Dockerfile',
        line: 1,
        reference: 'gcr.io/a/b:1',
        code: 'NETWORK_ERROR',
        error: 'host not found: gcr.io',
      },
      {
        file: 'Dockerfile',
        line: 2,
        reference: 'gcr.io/a/c:1',
        code: 'NETWORK_ERROR',
        // Asked at the same time as the first, or after it: either way it says why.
        error: expect.stringContaining('host not found: gcr.io'),
      },
    ]);
    expect(result.stderr).toBe('');
  });

  it('a refused connection names the host; an invalid reference prints the reference once', async () => {
    const closed = await startHostileServer();
    const { host } = closed;
    await closed.stop();
    const dir = testDir('failure-lines');
    writeFileSync(join(dir, 'Dockerfile'), `FROM Alpine:3.20\nFROM ${host}/team/app:1\n`);
    const result = await run(dir, undefined, 'check');
    expect(result.code).toBe(ExitCode.Unresolved);
    expect(result.stderr).toBe(
      'error: Dockerfile:1 Alpine:3.20: repository name must be lowercase\n' +
        `error: Dockerfile:2 ${host}/team/app:1: connection refused by ${host}\n`,
    );
  });

  it('an invalid reference read through an ARG says what it became', async () => {
    const dir = testDir('failure-lines');
    writeFileSync(join(dir, 'Dockerfile'), 'ARG OWNER=Team\nFROM ghcr.io/${OWNER}/app:1\n');
    const result = await run(dir, undefined, 'check');
    expect(result.stderr).toMatch(
      /^error: Dockerfile:2 ghcr\.io\/\$\{OWNER\}\/app:1: repository name must be lowercase \(after ARG substitution: "ghcr\.io\/Team\/app:1"\)\n$/,
    );
  });
});
