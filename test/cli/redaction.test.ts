import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import {
  echoCredentialsFromTokenServer,
  startHostileServer,
  type HostileServer,
} from '../support/hostile-server.ts';

// Redaction end to end: a token server that echoes the Authorization header in its
// error. Whatever the command and format, nothing the CLI prints holds the password
// or its base64 user:password form, and nothing a terminal would act on.

const user = 'u5203';
const password = 'cli-secret-9f3b2';
const basic = Buffer.from(`${user}:${password}`).toString('base64');

describe('the CLI prints no secret', () => {
  let server: HostileServer;
  let dir: string;

  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'basepin-cli-redaction-'));
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${server.host}/evil/app:1\n`);
    echoCredentialsFromTokenServer(server, '\x1b]0;owned\x07');
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it.each([['check'], ['check', '--json'], ['pin'], ['pin', '--json'], ['pin', '--diff']])(
    'basepin %s',
    async (...argv) => {
      let output = '';
      const code = await runCli([...argv, '--registry-credential', `${server.host}=${user}:${password}`], {
        cwd: dir,
        env: {},
        stdout: (text) => (output += text),
        stderr: (text) => (output += text),
        interactive: false,
        version: 'test',
      });
      expect(code).toBe(2);
      // The echo reached the output path: the token server saw the credentials and the error is reported.
      expect(server.requests.some((request) => request.authorization === `Basic ${basic}`)).toBe(true);
      expect(output).toContain('bad credentials: Basic ***');
      expect(output).not.toContain(basic);
      expect(output).not.toContain(password);
      expect(output).not.toContain('\x1b]0;');
    },
  );
});
