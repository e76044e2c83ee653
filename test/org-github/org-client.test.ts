import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createOrgClient,
  isWrite,
  listInstallationRepositories,
  OrgAuthError,
  orgAuthFrom,
  WritePacer,
} from '../../src/org-github/index.ts';
import { createGitHubOrgStub, type GitHubOrgStub } from '../support/github-org-stub.ts';
import { fakeClock } from './fake-clock.ts';

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let stub: GitHubOrgStub;
afterEach(async () => {
  await stub?.stop();
  stub = undefined as unknown as GitHubOrgStub;
});

const repositories = [{ name: 'api', files: { Dockerfile: 'FROM alpine:3.20\n' } }];

describe('orgAuthFrom', () => {
  it.each([
    [{ token: ' ghs_x ' }, { kind: 'token', token: 'ghs_x' }],
    [
      {
        appId: '12',
        privateKey: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
        installationId: '7',
      },
      {
        kind: 'app',
        appId: '12',
        privateKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
        installationId: 7,
      },
    ],
    [
      { appId: '12', privateKey: '-----BEGIN RSA PRIVATE KEY-----\n…', token: 'ghs_ignored' },
      { kind: 'app', appId: '12', privateKey: '-----BEGIN RSA PRIVATE KEY-----\n…' },
    ],
  ])('%j', (values, expected) => {
    expect(orgAuthFrom(values)).toEqual(expected);
  });

  it.each([
    [{}, /needs a GitHub App/],
    [{ appId: 'twelve', privateKey: '-----BEGIN PRIVATE KEY-----' }, /^app-id: /],
    [{ appId: '12' }, /^private-key: /],
    [{ appId: '12', privateKey: 'secret' }, /^private-key: /],
    [{ appId: '12', privateKey: '-----BEGIN PRIVATE KEY-----', installationId: 'x' }, /^installation-id: /],
  ])('refuses %j with one line', (values, message) => {
    expect(() => orgAuthFrom(values)).toThrow(OrgAuthError);
    expect(() => orgAuthFrom(values)).toThrow(message);
  });
});

describe('App authentication', () => {
  it('finds the installation, mints a token, and mints a new one before the old expires', async () => {
    const clock = fakeClock();
    stub = await createGitHubOrgStub({
      owner: 'acme',
      repositories,
      appId: 12,
      appPublicKey: publicKey,
      limits: { now: clock.now },
    });
    const { octokit, installationId } = await createOrgClient({
      auth: { kind: 'app', appId: '12', privateKey, owner: 'acme' },
      pacer: new WritePacer({ clock }),
      baseUrl: stub.url,
      clock,
    });
    expect(installationId).toBe(4242);
    await listInstallationRepositories(octokit);
    await listInstallationRepositories(octokit);
    expect(stub.tokensMinted()).toBe(1);
    // 55 minutes on: the stand-in still takes the old token for 5 more, but the run has moved on.
    clock.advance(55 * 60_000);
    await listInstallationRepositories(octokit);
    expect(stub.tokensMinted()).toBe(2);
    expect(stub.requests.filter((r) => r.status === 401)).toEqual([]);
  });

  it('refuses an App key the installation does not know', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    stub = await createGitHubOrgStub({ owner: 'acme', repositories, appId: 12, appPublicKey: publicKey });
    await expect(
      createOrgClient({
        auth: { kind: 'app', appId: '12', privateKey: other.privateKey, installationId: 4242 },
        pacer: new WritePacer(),
        baseUrl: stub.url,
      }).then(({ octokit }) => listInstallationRepositories(octokit)),
    ).rejects.toThrow(/401/);
  });
});

describe('paced writes against the stand-in', () => {
  async function writes(count: number, pacer: WritePacer, clock: ReturnType<typeof fakeClock>) {
    stub = await createGitHubOrgStub({
      owner: 'acme',
      repositories,
      staticTokens: ['ghs_ready'],
      limits: { now: clock.now },
    });
    const { octokit } = await createOrgClient({
      auth: { kind: 'token', token: 'ghs_ready' },
      pacer,
      baseUrl: stub.url,
      retryDelayUnitMs: 1,
    });
    for (let i = 0; i < count; i++) {
      await octokit.rest.git.createBlob({ owner: 'acme', repo: 'api', content: `blob ${i}` });
    }
  }

  it('never exceeds the content-creation limits, and reports the time that cost', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock, writeSpacingMs: 0 });
    await writes(170, pacer, clock);
    expect(stub.limits.violations).toBe(0);
    expect(stub.count('write')).toBe(170);
    // 170 writes at 80 a minute: two full minutes waited.
    expect(pacer.report()).toMatchObject({ writes: 170, waitedMs: 120_000, limitAnswers: 0 });
  });

  it('would exceed them unpaced (the stand-in refuses)', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock, writeSpacingMs: 0, writesPerMinute: 1000, limitRetries: 0 });
    await expect(writes(90, pacer, clock)).rejects.toThrow(/secondary rate limit/);
    expect(stub.limits.violations).toBe(1);
  });

  it('waits out a secondary-limit answer and sends the write again', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock, writeSpacingMs: 0 });
    await writes(0, pacer, clock);
    stub.limits.forceSecondary(2);
    const warnings: string[] = [];
    const { octokit } = await createOrgClient({
      auth: { kind: 'token', token: 'ghs_ready' },
      pacer,
      baseUrl: stub.url,
      retryDelayUnitMs: 1,
      log: { info: () => undefined, warning: (line) => warnings.push(line) },
    });
    await octokit.rest.git.createBlob({ owner: 'acme', repo: 'api', content: 'after the limit' });
    // The pacer waited the answers out: nothing "gave up", so nothing says so.
    expect(warnings.filter((line) => /rate limit/.test(line))).toEqual([]);
    expect(stub.limits.secondaryAnswers).toBe(2);
    expect(stub.requests.filter((r) => r.kind === 'write').map((r) => r.status)).toEqual([403, 403, 201]);
    expect(pacer.report()).toMatchObject({ limitAnswers: 2, waitedMs: 120_000 });
  });

  it('waits for the primary reset when the installation is nearly out of requests', async () => {
    const clock = fakeClock();
    const pacer = new WritePacer({ clock, primaryReserve: 5 });
    await writes(0, pacer, clock);
    stub.limits.setRemaining(7, 600_000);
    const { octokit } = await createOrgClient({
      auth: { kind: 'token', token: 'ghs_ready' },
      pacer,
      baseUrl: stub.url,
    });
    for (let i = 0; i < 4; i++)
      await octokit.rest.git
        .getBlob({ owner: 'acme', repo: 'api', file_sha: 'a'.repeat(40) })
        .catch(() => undefined);
    expect(stub.limits.primaryAnswers).toBe(0);
    expect(pacer.report().readWaitedMs).toBe(600_000);
  });
});

describe('isWrite', () => {
  it.each([
    [{ method: 'GET', url: '/repos/a/b' }, false],
    [{ method: 'POST', url: '/repos/a/b/git/blobs' }, true],
    [{ method: 'PATCH', url: '/repos/a/b/pulls/1' }, true],
    [{ method: 'POST', url: '/app/installations/1/access_tokens' }, false],
    [{ method: 'POST', url: '/graphql', query: 'query { viewer { login } }' }, false],
    [{ method: 'POST', url: '/graphql', query: 'mutation { x }' }, true],
  ])('%j', (options, expected) => {
    expect(isWrite(options)).toBe(expected);
  });
});
