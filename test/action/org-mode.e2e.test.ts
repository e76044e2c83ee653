import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgDashboardTitle } from '../../src/org/index.ts';
import { startOrgWorld, type OrgWorld } from '../org-run/org-world.ts';
import { runBundledAction } from '../support/action-run.ts';
import { createGitHubOrgStub, type GitHubOrgStub } from '../support/github-org-stub.ts';
import { testDir } from '../support/temp-dir.ts';

// The bundled action (dist/index.js) in organisation mode (input `repositories`), as a workflow in
// `acme/platform` runs it with a token from `actions/create-github-app-token`: the organisation stand-in,
// the real local registry answering for Docker Hub, the org-wide settings in the running repository.

let world: OrgWorld;
let stub: GitHubOrgStub;
beforeAll(async () => {
  // Two tags: node:1.0 and python:1.1 (org-world's naming).
  world = await startOrgWorld(2);
  stub = await createGitHubOrgStub({
    owner: 'acme',
    repositories: [
      { name: 'svc-a', files: { Dockerfile: 'FROM node:1.0\nRUN make\n' } },
      { name: 'svc-b', files: { Dockerfile: 'FROM python:1.1\nRUN make\n' } },
      { name: 'svc-c', files: { 'README.md': '# no Dockerfile\n' } },
      {
        name: 'svc-denied',
        files: { Dockerfile: 'FROM node:1.0\n' },
        failing: { kind: 'tree', status: 403, message: 'Resource not accessible by integration' },
      },
      { name: 'svc-old', files: { Dockerfile: 'FROM node:1.0\n' }, archived: true },
      { name: 'platform', files: { 'README.md': '# platform\n' } },
    ],
    staticTokens: ['ghs_testtoken'],
  });
}, 60_000);
afterAll(async () => {
  await stub?.stop();
  await world?.stop();
});

function checkout(): string {
  const dir = testDir('org-action');
  mkdirSync(join(dir, '.github'));
  writeFileSync(
    join(dir, '.github/basepin.yml'),
    `registry-aliases:\n  docker.io: ${world.proxy.url}\ninsecure-registries: ['${world.proxy.host}']\n`,
  );
  return dir;
}

function run(repositories: string) {
  return runBundledAction(
    checkout(),
    { url: stub.url, branchSha: () => stub.state('platform').refs.get('main') },
    { repositories },
    undefined,
    { GITHUB_REPOSITORY: 'acme/platform', DOCKER_CONFIG: world.registry.dir },
  );
}

function openPulls(name: string) {
  return [...stub.state(name).pulls.values()].filter((pr) => pr.state === 'open');
}

describe('the action in organisation mode', () => {
  it('opens the pull requests, writes the org dashboard and the job summary; a failing repository fails the step', async () => {
    const result = await run('acme/svc-*');
    // Exit code 2 of `basepin org` (a repository failed) is a failed step; the others still ran.
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('some repositories failed');
    for (const name of ['svc-a', 'svc-b']) {
      const pulls = openPulls(name);
      expect(pulls).toHaveLength(1);
      expect(stub.state(name).refs.has(pulls[0]!.head)).toBe(true);
    }
    expect(openPulls('svc-c')).toEqual([]);
    expect(openPulls('svc-old')).toEqual([]);
    expect(openPulls('svc-denied')).toEqual([]);
    // One row each, the failure with its cause, the archived one skipped with its reason.
    expect(result.summary).toMatch(/\| `acme\/svc-denied` \|[^\n]*failed[^\n]*Resource not accessible/);
    expect(result.summary).toMatch(/\| `acme\/svc-old` \|[^\n]*skipped/);
    expect(result.summary).toMatch(/\| `acme\/svc-a` \|[^\n]*proposed/);
    expect(result.summary).not.toContain('acme/platform`');
    const dashboards = [...stub.state('platform').issues.values()];
    expect(dashboards.map((issue) => issue.title)).toEqual([orgDashboardTitle]);
    expect(dashboards[0]!.body).toContain('svc-denied');
  }, 180_000);

  it('succeeds when no selected repository fails, keeping the pull requests it opened', async () => {
    const result = await run('acme/svc-a, acme/svc-b, acme/svc-c');
    expect(result.stdout).not.toContain('some repositories failed');
    expect(result.code).toBe(0);
    expect(openPulls('svc-a')).toHaveLength(1);
    expect(openPulls('svc-b')).toHaveLength(1);
    expect([...stub.state('platform').issues.values()]).toHaveLength(1);
  }, 180_000);
});
