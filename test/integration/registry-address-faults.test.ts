import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import { errorBody } from '../support/hostile-server.ts';
import {
  healthyRepository,
  hostileUser,
  knownSecrets,
  resolveNextToHealthy,
  securityRun,
  startSecurityWorld,
  victimRepository,
  type SecurityRun,
  type SecurityWorld,
} from '../support/security-harness.ts';

// Forbidden addresses are refused where the connection is
// made, before any byte is sent, whatever the spelling; a hostile challenge on
// one repository or a broken header is a typed error for that reference alone.
// Each case runs next to a healthy registry that must still be pinned.

describe('forbidden addresses and hostile headers, next to a healthy registry', () => {
  let world: SecurityWorld;
  let run: SecurityRun | undefined;
  const hostileRef = () => `${world.hostile.host}/evil/app:1`;

  beforeAll(async () => {
    world = await startSecurityWorld();
  });
  afterAll(async () => {
    await world?.stop();
  });
  afterEach(() => {
    run?.dispose();
    run = undefined;
  });

  /** The hostile registry challenges with `realm` on its ping. */
  const challengeWith = (realm: string) =>
    world.hostile.answer(() => ({
      status: 401,
      headers: { 'www-authenticate': `Bearer realm="${realm}",service="evil"` },
      body: errorBody('UNAUTHORIZED', 'authentication required'),
    }));
  const metadataPort = () => world.metadata.port;

  it.each([
    ['IPv4-mapped IPv6', () => `http://[::ffff:169.254.169.254]:${metadataPort()}/token`],
    ['NAT64', () => `http://[64:ff9b::a9fe:a9fe]:${metadataPort()}/token`],
    ['Alibaba metadata', () => `http://100.100.100.200:${metadataPort()}/token`],
    ['AWS IPv6 metadata', () => `http://[fd00:ec2::254]:${metadataPort()}/token`],
    ['the unspecified address', () => `http://0.0.0.0:${metadataPort()}/token`],
    ['decimal IPv4', () => `http://2852039166:${metadataPort()}/token`],
  ])('refuses a realm on %s before any connection', async (_label, realm) => {
    challengeWith(realm());
    run = securityRun(world);
    const error = await resolveNextToHealthy(world, run, hostileRef());
    expect(error.code).toBe('UNSAFE_URL');
    expect(error.message).toContain('WWW-Authenticate realm');
    expect(world.metadata.connections()).toBe(0);
    expect(run.lookups).toEqual([]);
  });

  it.each([
    ['an IPv4 link-local address', '169.254.169.254'],
    ['the unspecified address', '0.0.0.0'],
    ['an IPv4-mapped unspecified address', '::ffff:0.0.0.0'],
    ['a NAT64 metadata address', '64:ff9b::a9fe:a9fe'],
  ])('refuses a realm whose name resolves to %s, at the lookup hook', async (_label, address) => {
    // On Linux 0.0.0.0 reaches the listener on 127.0.0.1: without the hook, the metadata stand-in would see it.
    challengeWith(`http://metadata.test:${metadataPort()}/token`);
    run = securityRun(world, { 'metadata.test': address });
    const error = await resolveNextToHealthy(world, run, hostileRef());
    expect(error).toMatchObject({ code: 'UNSAFE_URL', retryable: false });
    expect(error.message).toContain(`metadata.test resolves to ${address}`);
    expect(run.lookups).toEqual(['metadata.test']);
    expect(world.metadata.connections()).toBe(0);
  });

  it('refuses a redirect to a name that resolves to a forbidden address, with no credentials sent there', async () => {
    world.hostile.answer(({ path }) =>
      path === '/v2/'
        ? { status: 401, headers: { 'www-authenticate': 'Basic realm="evil"' } }
        : { status: 307, headers: { location: `http://metadata.test:${metadataPort()}/latest/meta-data/` } },
    );
    run = securityRun(world, { 'metadata.test': '0.0.0.0' });
    const error = await resolveNextToHealthy(world, run, hostileRef());
    expect(error.code).toBe('UNSAFE_URL');
    expect(world.metadata.connections()).toBe(0);
    expect(run.output([error])).not.toContain(hostileUser.password);
  });

  it('a forbidden realm on one repository does not fail the healthy repositories of the same host', async () => {
    run = securityRun(world);
    const victim = parseImageReference(`${world.proxy.host}/${victimRepository}:1`);
    const challenge = `Bearer realm="http://169.254.169.254/token",service="evil",scope="repository:${victimRepository}:pull"`;
    world.proxy.failNext(`/v2/${victimRepository}/manifests/1`, 1, 401, { 'WWW-Authenticate': challenge });
    await expect(run.client.resolveTag(victim)).rejects.toMatchObject({ code: 'UNSAFE_URL' });
    const healthy = await run.client.resolveTag(
      parseImageReference(`${world.proxy.host}/${healthyRepository}:1`),
    );
    expect(healthy.digest).toBe(world.healthy.digest);
  });

  it.each([
    ['an unparsable Location', 'http://[bad', 'redirect Location header "http://[bad" is not a valid URL'],
    ['a Location with credentials', 'http://user:leaked-pw@127.0.0.1:1/x', 'carries credentials in the URL'],
  ])('turns %s into a typed error naming the header', async (_label, location, message) => {
    world.hostile.answer(({ path }) =>
      path === '/v2/' ? { status: 200 } : { status: 302, headers: { location } },
    );
    run = securityRun(world);
    const error = await resolveNextToHealthy(world, run, hostileRef());
    expect(error.code).toBe('UNSAFE_URL');
    expect(error.message).toContain(message);
    expect(error.message).not.toMatch(/TypeError|Invalid URL|leaked-pw|cannot be constructed/);
  });

  it.each([
    [
      'an unparsable realm',
      'https://[bad/token',
      'WWW-Authenticate realm "https://[bad/token" is not a valid URL',
    ],
    [
      'a realm with credentials',
      'https://user:leaked-pw@auth.example/token',
      'carries credentials in the URL',
    ],
  ])('turns %s into a typed error naming the header', async (_label, realm, message) => {
    challengeWith(realm);
    run = securityRun(world);
    const error = await resolveNextToHealthy(world, run, hostileRef());
    expect(error.code).toBe('UNSAFE_URL');
    expect(error.message).toContain(message);
    expect(error.message).not.toMatch(/TypeError|Invalid URL|leaked-pw|cannot be constructed/);
    expect(run.output([error])).not.toSatisfy((text: string) =>
      knownSecrets(world, run!).some((secret) => text.includes(secret)),
    );
  });
});
