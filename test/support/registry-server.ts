import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commandExists,
  freePort,
  pollUntil,
  removeTempDir,
  spawnGuarded,
  trackTempDir,
  type GuardedProcess,
} from './processes.ts';
import {
  startTokenServer,
  type AnonymousAccess,
  type RunningTokenServer,
  type TestUser,
} from './token-server.ts';

/**
 * A real distribution 2.8 registry (Debian's `docker-registry`) on
 * 127.0.0.1, one per test file. Config reference:
 * https://distribution.github.io/distribution/about/configuration/
 */

export type RegistryAuth = 'none' | 'htpasswd' | 'token';

export interface StartRegistryOptions {
  readonly auth?: RegistryAuth;
  /** Users for htpasswd or the token server; a default user is made when auth needs one. */
  readonly users?: readonly TestUser[];
  /** Token mode: what a client without credentials may do (default `none`: 401 from the token server). */
  readonly anonymous?: AnonymousAccess;
}

export interface RunningRegistry {
  /** `127.0.0.1:PORT`, the registry part of image references. */
  readonly host: string;
  readonly url: string;
  readonly auth: RegistryAuth;
  readonly users: readonly TestUser[];
  /** The first user: what the push helpers log in with. */
  readonly credentials: TestUser | undefined;
  /** Present in token mode. */
  readonly tokenServer: RunningTokenServer | undefined;
  /** The registry's temp dir (config, storage, certs). */
  readonly dir: string;
  /** Everything the registry wrote to stderr (log level `error`). */
  stderr(): string;
  stop(): Promise<void>;
}

export const defaultTestUser: TestUser = { username: 'basepin', password: 'basepin-secret' };
const tokenService = 'basepin-test-registry';
const tokenIssuer = 'basepin-test-token-issuer';

export class RegistryNotInstalledError extends Error {
  constructor(missing: string) {
    super(
      `${missing} is not installed. The integration tests run a real registry: ` +
        'run scripts/test once (it installs the Debian packages docker-registry, apache2-utils and openssl).',
    );
    this.name = 'RegistryNotInstalledError';
  }
}

function requireCommands(auth: RegistryAuth): void {
  const needed = [
    'docker-registry',
    ...(auth === 'htpasswd' ? ['htpasswd'] : []),
    ...(auth === 'token' ? ['openssl'] : []),
  ];
  for (const command of needed) if (!commandExists(command)) throw new RegistryNotInstalledError(command);
}

/** JSON strings are valid YAML scalars, so every value below is quoted with JSON.stringify. */
const q = (value: string): string => JSON.stringify(value);

function writeHtpasswd(dir: string, users: readonly TestUser[]): string {
  // distribution's htpasswd auth only accepts bcrypt entries.
  const lines = users.map((u) =>
    execFileSync('htpasswd', ['-Bbn', u.username, u.password], { encoding: 'utf8' }).trim(),
  );
  const path = join(dir, 'htpasswd');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function makeSigningCertificate(dir: string): { keyPath: string; certPath: string } {
  const keyPath = join(dir, 'token-key.pem');
  const certPath = join(dir, 'token-cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=basepin-test-token-issuer',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  ); // prettier-ignore
  return { keyPath, certPath };
}

function authSection(
  auth: RegistryAuth,
  dir: string,
  users: readonly TestUser[],
  token?: RunningTokenServer,
  certPath?: string,
): string {
  if (auth === 'htpasswd') {
    return `auth:\n  htpasswd:\n    realm: ${q('basepin-test')}\n    path: ${q(writeHtpasswd(dir, users))}\n`;
  }
  if (auth === 'token' && token !== undefined && certPath !== undefined) {
    return (
      `auth:\n  token:\n    realm: ${q(token.realm)}\n    service: ${q(token.service)}\n` +
      `    issuer: ${q(token.issuer)}\n    rootcertbundle: ${q(certPath)}\n`
    );
  }
  return '';
}

export async function startRegistry(options: StartRegistryOptions = {}): Promise<RunningRegistry> {
  const auth = options.auth ?? 'none';
  requireCommands(auth);
  const users = options.users ?? (auth === 'none' ? [] : [defaultTestUser]);
  const dir = mkdtempSync(join(tmpdir(), 'basepin-registry-'));
  trackTempDir(dir);
  let tokenServer: RunningTokenServer | undefined;
  let registry: GuardedProcess | undefined;
  try {
    let certPath: string | undefined;
    if (auth === 'token') {
      const made = makeSigningCertificate(dir);
      certPath = made.certPath;
      tokenServer = await startTokenServer({
        service: tokenService,
        issuer: tokenIssuer,
        privateKey: createPrivateKey(readFileSync(made.keyPath)),
        certificateDer: new X509Certificate(readFileSync(made.certPath)).raw,
        users,
        anonymous: options.anonymous ?? 'none',
      });
    }
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const config =
      'version: 0.1\n' +
      'log:\n  level: error\n  accesslog:\n    disabled: true\n' +
      `storage:\n  filesystem:\n    rootdirectory: ${q(join(dir, 'storage'))}\n` +
      '  delete:\n    enabled: true\n  maintenance:\n    uploadpurging:\n      enabled: false\n' +
      `http:\n  addr: ${q(host)}\n  secret: ${q('basepin-test-secret')}\n` +
      'health:\n  storagedriver:\n    enabled: false\n' +
      authSection(auth, dir, users, tokenServer, certPath);
    const configPath = join(dir, 'config.yml');
    writeFileSync(configPath, config);

    const running = spawnGuarded('docker-registry', ['serve', configPath], {
      cwd: dir,
      orphanCleanupDir: dir,
    });
    registry = running;
    const url = `http://${host}`;
    await pollUntil(
      async () => {
        try {
          const response = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1_000) });
          await response.body?.cancel();
          return response.status === 200 || response.status === 401;
        } catch {
          return false;
        }
      },
      { attempts: 200, intervalMs: 50, what: `docker-registry on ${host}` },
      () => (running.hasExited() ? `exited early: ${running.stderr().trim() || '(no stderr)'}` : undefined),
    );

    let stopped = false;
    return {
      host,
      url,
      auth,
      users,
      credentials: users[0],
      tokenServer,
      dir,
      stderr: () => running.stderr(),
      async stop() {
        if (stopped) return;
        stopped = true;
        await running.stop();
        await tokenServer?.stop();
        removeTempDir(dir);
      },
    };
  } catch (error) {
    await registry?.stop();
    await tokenServer?.stop();
    removeTempDir(dir);
    throw error;
  }
}
