import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterEach, beforeEach, expect } from 'vitest';
import { createRegistryClient, RegistryError, type RegistryOptions } from '../../src/registry/index.ts';

const fixturesDir = fileURLToPath(new URL('../fixtures/registry/', import.meta.url));

/** A fixture's exact bytes. */
export function fixture(name: string): Buffer {
  return readFileSync(join(fixturesDir, name));
}

export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export function fixtureDigest(name: string): string {
  return sha256(fixture(name));
}

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const ACCEPT_ALL = [OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

export const HUB = 'https://registry-1.docker.io';
export const HUB_AUTH = 'https://auth.docker.io';
export const HUB_CHALLENGE = 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"';
export const HUB_TOKEN = JSON.parse(fixture('dockerhub-token.json').toString()).token as string;

/** nock with no real network; every test must use every interceptor it declares. */
export function useNock(): void {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, 'unused interceptors').toEqual([]);
  });
}

export interface TestClient {
  readonly client: ReturnType<typeof createRegistryClient>;
  readonly secrets: string[];
  readonly waits: number[];
  readonly logs: string[];
}

/** A client with no real docker config, instant waits recorded, and secrets collected. */
export function testClient(options: RegistryOptions = {}): TestClient {
  const secrets: string[] = [];
  const waits: number[] = [];
  const logs: string[] = [];
  const client = createRegistryClient({
    // A folder that does not exist: no credentials, and nothing to clean up.
    dockerConfigDir: join(import.meta.dirname, 'no-docker-config'),
    retryBaseDelayMs: 1,
    sleep: async (ms) => {
      waits.push(ms);
    },
    onSecret: (secret) => secrets.push(secret),
    log: (message) => logs.push(message),
    ...options,
  });
  return { client, secrets, waits, logs };
}

/** Docker Hub's anonymous handshake: ping 401 then a token for `repository:<repo>:pull`. */
export function hubAnonymousAuth(repositories: readonly string[], token = HUB_TOKEN): void {
  nock(HUB)
    .get('/v2/')
    .reply(
      401,
      { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }] },
      { 'www-authenticate': HUB_CHALLENGE },
    );
  for (const repository of repositories) {
    nock(HUB_AUTH, { badheaders: ['authorization'] })
      .get('/token')
      .query({ service: 'registry.docker.io', scope: `repository:${repository}:pull` })
      .reply(200, { token, expires_in: 300, issued_at: '2025-01-08T17:53:43Z' });
  }
}

export function hubHeaders(digest: string, mediaType: string, remaining = 98): Record<string, string> {
  return {
    'content-type': mediaType,
    'docker-content-digest': digest,
    'docker-distribution-api-version': 'registry/2.0',
    'ratelimit-limit': '100;w=21600',
    'ratelimit-remaining': `${remaining};w=21600`,
    'docker-ratelimit-source': '203.0.113.7',
  };
}

export async function registryErrorOf(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}
