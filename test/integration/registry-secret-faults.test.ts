import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { echoCredentialsFromTokenServer, errorBody } from '../support/hostile-server.ts';
import {
  dangerousCharacters,
  hostileUser,
  knownSecrets,
  resolveNextToHealthy,
  securityRun,
  startSecurityWorld,
  type SecurityRun,
  type SecurityWorld,
} from '../support/security-harness.ts';

// Registries that echo credentials, error texts built to
// rewrite the terminal, credential helpers that flood or hang, a config.json
// that would quote its password. Each next to a healthy registry that must be
// pinned; nothing printed may hold a secret or a control character.

describe('secrets and hostile text, next to a healthy registry', () => {
  let world: SecurityWorld;
  let run: SecurityRun | undefined;
  let binDir: string | undefined;
  const savedPath = process.env['PATH'];
  const hostileRef = () => `${world.hostile.host}/evil/app:1`;
  const getManifest = (ref: Parameters<SecurityRun['client']['fetchManifest']>[0]) =>
    run!.client.fetchManifest(ref, '1');
  const leaks = (text: string) => knownSecrets(world, run!).filter((secret) => text.includes(secret));

  beforeAll(async () => {
    world = await startSecurityWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });
  afterEach(() => {
    run?.dispose();
    run = undefined;
    process.env['PATH'] = savedPath;
    if (binDir) rmSync(binDir, { recursive: true, force: true });
    binDir = undefined;
  });

  /** The hostile registry wants Basic and answers every other request with `reply(authorization)`. */
  const basicRegistry = (reply: (authorization: string) => { status: number; body: string }) =>
    world.hostile.answer(({ path, authorization }) =>
      path === '/v2/'
        ? { status: 401, headers: { 'www-authenticate': 'Basic realm="evil"' } }
        : { ...reply(authorization ?? ''), headers: { 'content-type': 'application/json' } },
    );

  it('masks credentials a registry echoes in its error message', async () => {
    basicRegistry((authorization) => ({
      status: 403,
      body: errorBody('DENIED', `credentials ${authorization} are not allowed`),
    }));
    run = securityRun(world);
    const error = await resolveNextToHealthy(world, run, hostileRef(), getManifest);
    // The echo happened, so the test can fail…
    expect(leaks(error.message)).not.toEqual([]);
    // …and nothing basepin would print holds it.
    expect(leaks(run.output([error]))).toEqual([]);
    expect(run.output([error])).toContain('403 DENIED: credentials Basic *** are not allowed');
  });

  it('masks the start of an echoed credential that the length cap cut off', async () => {
    basicRegistry((authorization) => ({
      status: 403,
      body: errorBody('DENIED', `${'x'.repeat(280)} ${authorization}`),
    }));
    run = securityRun(world);
    const error = await resolveNextToHealthy(world, run, hostileRef(), getManifest);
    const basic = Buffer.from(`${hostileUser.username}:${hostileUser.password}`).toString('base64');
    expect(error.message).toContain(`Basic ${basic.slice(0, 8)}`);
    expect(run.output([error])).not.toContain(basic.slice(0, 8));
    expect(run.output([error])).toContain('Basic ***…');
  });

  it('masks credentials a token server echoes', async () => {
    echoCredentialsFromTokenServer(world.hostile, '');
    run = securityRun(world);
    const error = await resolveNextToHealthy(world, run, hostileRef());
    expect(leaks(error.message)).not.toEqual([]);
    expect(leaks(run.output([error]))).toEqual([]);
  });

  it('escapes control and bidi characters in registry codes and messages, and caps their length', async () => {
    world.hostile.answer(({ path }) =>
      path === '/v2/'
        ? { status: 200 }
        : {
            status: 404,
            body: errorBody(
              '\x1b]0;pwned\x07MANIFEST_UNKNOWN' + 'Z'.repeat(500),
              `all bad\r\x1b[2Kall good \u202Etxt.exe\u009b2J ${'A'.repeat(1_000_000)}`,
            ),
          },
    );
    run = securityRun(world);
    const error = await resolveNextToHealthy(world, run, hostileRef(), getManifest);
    expect(error.message).not.toMatch(dangerousCharacters);
    expect(error.code).not.toMatch(dangerousCharacters);
    expect(error.message).toContain('all bad\\x0d\\x1b[2Kall good \\u202etxt.exe\\x9b2J');
    expect(error.message.length).toBeLessThan(2_100);
    expect(error.code.length).toBeLessThanOrEqual(65);
  });

  it('escapes a C1 control in a header value quoted in an error', async () => {
    world.hostile.answer(({ path }) =>
      path === '/v2/'
        ? { status: 200 }
        : { status: 200, headers: { 'content-type': 'text/\x9b2Jhtml' }, body: '{}' },
    );
    run = securityRun(world);
    const error = await resolveNextToHealthy(world, run, hostileRef(), getManifest);
    expect(error.message).toContain('\\x9b2jhtml');
    expect(error.message).not.toMatch(dangerousCharacters);
    for (const line of run.logs) expect(line).not.toMatch(dangerousCharacters);
  });

  /** The hostile host's credentials come from docker-credential-evil, written as `script`. */
  const helperRun = (script: string) => {
    binDir = mkdtempSync(join(tmpdir(), 'basepin-evil-helper-'));
    writeFileSync(join(binDir, 'docker-credential-evil'), `#!/bin/sh\n${script}\n`);
    chmodSync(join(binDir, 'docker-credential-evil'), 0o755);
    process.env['PATH'] = `${binDir}${delimiter}${savedPath ?? ''}`;
    run = securityRun(
      world,
      {},
      {
        credentials: { [world.proxy.host]: world.registry.credentials! },
      },
    );
    writeFileSync(
      join(run.dockerConfigDir, 'config.json'),
      JSON.stringify({ credHelpers: { [world.hostile.host]: 'evil' } }),
    );
    basicRegistry(() => ({ status: 200, body: '{}' }));
    return run;
  };

  it('fails only the helper’s registry, in one line, when the helper floods stdout', async () => {
    const current = helperRun('exec yes "$(printf "%01000d" 0)"');
    const error = await resolveNextToHealthy(world, current, hostileRef());
    expect(error.code).toBe('CREDENTIAL_HELPER_FAILED');
    expect(error.message).toMatch(/^docker-credential-evil get 127\.0\.0\.1:\d+ printed more than 256 KiB$/);
  });

  it('fails only the helper’s registry when the helper ignores SIGTERM past the timeout', async () => {
    const current = helperRun("trap '' TERM; sleep 60 & wait");
    const error = await resolveNextToHealthy(world, current, hostileRef());
    expect(error.code).toBe('CREDENTIAL_HELPER_FAILED');
    expect(error.message).toContain('gave no answer in 1 s');
  });

  it('names file and line of a broken config.json, never its content', async () => {
    run = securityRun(world, {}, { credentials: { [world.proxy.host]: world.registry.credentials! } });
    const password = 'pw-in-the-snippet-81x';
    writeFileSync(
      join(run.dockerConfigDir, 'config.json'),
      `{\n  "auths": {\n    "${world.hostile.host}": {"username": "u", "password": "${password}", x}\n  }\n}\n`,
    );
    basicRegistry(() => ({ status: 200, body: '{}' }));
    const error = await resolveNextToHealthy(world, run, hostileRef());
    expect(error.code).toBe('DOCKER_CONFIG_INVALID');
    expect(error.message).toContain(`${join(run.dockerConfigDir, 'config.json')}:3:`);
    expect(error.message).not.toContain(password);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(password);
  });
});
