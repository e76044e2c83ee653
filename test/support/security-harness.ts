import type { LookupAddress } from 'node:dns';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LookupFunction } from 'node:net';
import { expect } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import { createRegistryClient, RegistryError, type RegistryClient } from '../../src/registry/index.ts';
import type { RegistryOptions } from '../../src/registry/types.ts';
import { createRedactor, type Redactor } from '../../src/text/redactor.ts';
import { createOutboundDispatcher } from '../../src/wiring/proxy.ts';
import { startCountingProxy, type CountingProxy } from './counting-proxy.ts';
import { startHostileServer, type HostileServer } from './hostile-server.ts';
import { pushIndex, type PushedIndex } from './push.ts';
import { startRegistry, type RunningRegistry } from './registry-server.ts';

/**
 * One run of the registry client against a healthy token-auth registry
 * (behind a counting proxy) and a hostile server, both on 127.0.0.1, with
 * an address-checking dispatcher whose DNS is a table: `*.test` names
 * resolve to what the test says. Secrets the client reports go into a
 * redactor, as the entries do; `output()` is everything it would print.
 */

export const healthyRepository = 'healthy/app';
export const victimRepository = 'victim/app';
export const hostileUser = { username: 'hostile-user', password: 'hostile-pass-Zq81' };

export interface SecurityWorld {
  readonly registry: RunningRegistry;
  readonly proxy: CountingProxy;
  readonly hostile: HostileServer;
  /** Stands in for a metadata service: nothing may ever connect to it. */
  readonly metadata: HostileServer;
  readonly healthy: PushedIndex;
  stop(): Promise<void>;
}

export async function startSecurityWorld(): Promise<SecurityWorld> {
  const registry = await startRegistry({ auth: 'token' });
  const proxy = await startCountingProxy(registry);
  const hostile = await startHostileServer();
  const metadata = await startHostileServer();
  const healthy = await pushIndex(registry, healthyRepository, '1', ['linux/amd64']);
  await pushIndex(registry, victimRepository, '1', ['linux/arm64']);
  return {
    registry,
    proxy,
    hostile,
    metadata,
    healthy,
    async stop() {
      await Promise.all([hostile.stop(), metadata.stop(), proxy.stop()]);
      await registry.stop();
    },
  };
}

export interface SecurityRun {
  readonly client: RegistryClient;
  readonly redactor: Redactor;
  readonly secrets: string[];
  readonly logs: string[];
  /** Names the dispatcher's DNS was asked for. */
  readonly lookups: string[];
  readonly dockerConfigDir: string;
  /** The error messages and logs as an entry would print them: redacted. */
  output(errors: readonly unknown[]): string;
  dispose(): void;
}

export function securityRun(
  world: SecurityWorld,
  names: Readonly<Record<string, string>> = {},
  options: RegistryOptions = {},
): SecurityRun {
  const redactor = createRedactor();
  const secrets: string[] = [];
  const logs: string[] = [];
  const lookups: string[] = [];
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    lookups.push(hostname);
    const address = names[hostname];
    if (address === undefined) {
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      return;
    }
    const family = address.includes(':') ? 6 : 4;
    if (lookupOptions.all)
      (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const dockerConfigDir = mkdtempSync(join(tmpdir(), 'basepin-security-'));
  const credentials = { [world.proxy.host]: world.registry.credentials!, [world.hostile.host]: hostileUser };
  // As the entries do: explicit credentials are known before anything runs.
  for (const credential of Object.values(credentials)) {
    redactor.addCredential(credential.username, credential.password);
  }
  const client = createRegistryClient({
    insecureRegistries: [world.proxy.host, world.hostile.host],
    credentials,
    dockerConfigDir,
    requestTimeoutMs: 5_000,
    maxRetries: 1,
    retryBaseDelayMs: 1,
    sleep: async () => undefined,
    credentialHelperTimeoutMs: 1_000,
    dispatcher: createOutboundDispatcher({}, { lookup }),
    onSecret: (secret) => {
      secrets.push(secret);
      redactor.add(secret);
    },
    log: (message) => logs.push(message),
    ...options,
  });
  return {
    client,
    redactor,
    secrets,
    logs,
    lookups,
    dockerConfigDir,
    output: (errors) =>
      redactor.redact([...errors.map((error) => (error as Error).message), ...logs].join('\n')),
    dispose: () => rmSync(dockerConfigDir, { recursive: true, force: true }),
  };
}

/**
 * Resolves the healthy reference and the hostile one in the same run; the
 * healthy one must be pinned whatever the hostile one does. Returns the
 * hostile failure.
 */
export async function resolveNextToHealthy(
  world: SecurityWorld,
  run: SecurityRun,
  hostile: string,
  operation: (ref: ReturnType<typeof parseImageReference>) => Promise<unknown> = (ref) =>
    run.client.resolveTag(ref),
): Promise<RegistryError> {
  const [healthy, bad] = await Promise.allSettled([
    run.client.resolveTag(parseImageReference(`${world.proxy.host}/${healthyRepository}:1`)),
    operation(parseImageReference(hostile)),
  ]);
  expect(healthy).toEqual({
    status: 'fulfilled',
    value: expect.objectContaining({ digest: world.healthy.digest }),
  });
  expect(bad.status).toBe('rejected');
  const error = (bad as PromiseRejectedResult).reason as unknown;
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

/** Every secret of the run, in the forms it was sent in. */
export function knownSecrets(world: SecurityWorld, run: SecurityRun): string[] {
  const pairs = [world.registry.credentials!, hostileUser];
  return [
    ...pairs.flatMap(({ username, password }) => [
      password,
      Buffer.from(`${username}:${password}`).toString('base64'),
    ]),
    ...run.secrets,
  ];
}

/** Controls and bidi characters a terminal or reader would act on. */
export const dangerousCharacters =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;
