import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import { homeRelative } from '../../src/registry/docker-config.ts';
import { createRedactor } from '../../src/text/redactor.ts';
import { registryErrorOf, testClient, useNock } from './helpers.ts';
import { testDir } from '../support/temp-dir.ts';

useNock();

// An auth error says whose credentials were sent, and never any part of them.
const password = 'pr0v-s3cret-value';
const helperSecret = 'h3lper-s3cret-value';
const digest = `sha256:${'a'.repeat(64)}`;
const denied = { errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] };
const nameUnknown = { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] };

/** Every form a secret travels in: as given, base64 of `user:secret`, and the base64 alone. */
function secretForms(user: string, secret: string): string[] {
  return [
    secret,
    Buffer.from(`${user}:${secret}`).toString('base64'),
    Buffer.from(secret).toString('base64'),
  ];
}

function expectNoSecret(message: string, forms: readonly string[]): void {
  for (const form of forms) expect(message).not.toContain(form);
  // The backstop has nothing to mask: the redactor, knowing the secret in every form, leaves the line as it is.
  const redactor = createRedactor();
  for (const form of forms) redactor.add(form);
  expect(redactor.redact(message)).toBe(message);
  // Not even a piece of one: no run of 6 characters of the secret.
  for (let start = 0; start + 6 <= password.length; start += 1) {
    expect(message).not.toContain(password.slice(start, start + 6));
  }
}

/** A Basic-auth registry that refuses the credentials it is sent. */
function refusingBasicRegistry(host: string): void {
  nock(`https://${host}`)
    .get('/v2/')
    .reply(401, '', { 'www-authenticate': `Basic realm="${host}"` })
    .head('/v2/team/app/manifests/1')
    // Asked again once with the fresh challenge, then reported.
    .times(2)
    .reply(401, '', { 'www-authenticate': `Basic realm="${host}"` });
}

describe('auth errors name where the credentials came from', () => {
  it('config.json: "authentication failed for HOST (credentials from …/config.json)"', async () => {
    const dir = testDir('docker');
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ auths: { 'registry.example': { username: 'bob', password } } }),
    );
    refusingBasicRegistry('registry.example');
    const { client } = testClient({ dockerConfigDir: dir });

    const error = await registryErrorOf(
      client.resolveTag(parseImageReference('registry.example/team/app:1')),
    );

    expect(error.message).toContain(
      `authentication failed for registry.example (credentials from ${homeRelative(join(dir, 'config.json'))})`,
    );
    expectNoSecret(error.message, secretForms('bob', password));
  });

  it('a flag: the token server refuses "credentials from --registry-credential"', async () => {
    nock('https://quay.io')
      .get('/v2/')
      .reply(401, '', { 'www-authenticate': 'Bearer realm="https://quay.io/v2/auth",service="quay.io"' })
      .get('/v2/auth')
      .query(true)
      .reply(401, denied);
    const { client } = testClient({
      credentials: { 'quay.io': { username: 'robot', password, source: '--registry-credential' } },
    });

    const error = await registryErrorOf(client.resolveTag(parseImageReference('quay.io/coreos/etcd:1')));

    expect(error.message).toContain(
      'authentication failed for quay.io (credentials from --registry-credential)',
    );
    expectNoSecret(error.message, secretForms('robot', password));
  });

  it('nothing sent: "repository … not found or not accessible (anonymous)"', async () => {
    nock('https://ghcr.io')
      .get('/v2/')
      .reply(200, '')
      .get(`/v2/acme/private/manifests/${digest}`)
      .reply(404, nameUnknown);
    const { client } = testClient();

    const error = await registryErrorOf(
      client.fetchManifest(parseImageReference('ghcr.io/acme/private:1'), digest),
    );

    expect(error.message).toContain(
      'repository ghcr.io/acme/private not found or not accessible (anonymous)',
    );
  });

  describe('a credential helper', () => {
    let binDir: string;
    let savedPath: string | undefined;
    beforeEach(() => {
      savedPath = process.env['PATH'];
      binDir = mkdtempSync(join(tmpdir(), 'basepin-provenance-'));
      const helper = join(binDir, 'docker-credential-provtest');
      writeFileSync(helper, `#!/bin/sh\necho '{"Username":"helper-user","Secret":"${helperSecret}"}'\n`);
      chmodSync(helper, 0o755);
      process.env['PATH'] = `${binDir}${delimiter}${savedPath ?? ''}`;
    });
    afterEach(() => {
      process.env['PATH'] = savedPath;
      rmSync(binDir, { recursive: true, force: true });
    });

    it('"access to … denied (credentials from docker-credential-NAME)"', async () => {
      const dir = testDir('docker');
      writeFileSync(
        join(dir, 'config.json'),
        JSON.stringify({ credHelpers: { 'registry.example': 'provtest' } }),
      );
      nock('https://registry.example')
        .get('/v2/')
        .reply(401, '', { 'www-authenticate': 'Basic realm="registry.example"' })
        .head('/v2/team/app/manifests/1')
        .reply(403, '');
      const { client } = testClient({ dockerConfigDir: dir });

      const error = await registryErrorOf(
        client.resolveTag(parseImageReference('registry.example/team/app:1')),
      );

      expect(error.message).toContain(
        'access to registry.example/team/app denied (credentials from docker-credential-provtest)',
      );
      expectNoSecret(error.message, secretForms('helper-user', helperSecret));
    });
  });
});

describe('homeRelative', () => {
  it.each([
    ['/home/me/.docker/config.json', '/home/me', '~/.docker/config.json'],
    ['/home/me', '/home/me', '~'],
    ['/home/meadow/.docker/config.json', '/home/me', '/home/meadow/.docker/config.json'],
    ['/etc/docker/config.json', '/home/me', '/etc/docker/config.json'],
    ['/x/config.json', '/', '/x/config.json'],
  ])('%s under %s is %s', (path, home, shown) => {
    expect(homeRelative(path, home)).toBe(shown);
  });
});
