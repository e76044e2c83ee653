import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerCliRebuild, windowsOnlyRebuild, type Scenario } from '../support/changelog-scenarios.ts';
import { runBundledAction } from '../support/action-run.ts';
import { createGitHubStub, type GitHubStub } from '../support/github-stub.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// Changelogs end to end: the bundled action against a real registry holding a Docker-Official-Images-style
// rebuild (annotations + BuildKit SBOM attestations) and a Windows-only rebuild, and a GitHub API stub.

const temps: string[] = [];

function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

const runAction = (workspace: string, stub: GitHubStub, inputs: Record<string, string>) =>
  runBundledAction(workspace, stub, { 'group-by': 'image', ...inputs });

let registry: RunningRegistry;
let docker: Scenario;
let hello: Scenario;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  docker = dockerCliRebuild();
  hello = windowsOnlyRebuild();
  hello.repo.tags.set('latest', hello.to);
  await pushFixtureRepo(registry, 'library/docker', docker.repo);
  await pushFixtureRepo(registry, 'library/hello-world', hello.repo);
});

afterAll(async () => {
  await registry?.stop();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  const host = registry.host;
  const files = {
    'docker/Dockerfile': `FROM ${host}/library/docker:24-cli@${docker.from}\n`,
    'hello/Dockerfile': `FROM --platform=linux/amd64 ${host}/library/hello-world:latest@${hello.from}\n`,
  };
  const workspace = temp('basepin-workspace-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  return { workspace, stub: await createGitHubStub({ owner: 'octo', repo: 'app', files }) };
}

describe('pull requests with changelogs', () => {
  it('a rebuilt official-style image gets its facts; a Windows-only rebuild opens no PR and is in the summary', async () => {
    const { workspace, stub } = await setup();
    try {
      const run = await runAction(workspace, stub, {});
      expect(run.stdout).not.toMatch(/::error/);
      expect(run.code).toBe(0);
      const prs = stub.pullRequests();
      expect(prs).toHaveLength(1);
      const body = prs[0]!.body ?? '';
      expect(body).toMatch(
        /· rebuilt 20\d\d-\d\d-\d\d \(\d+ days old\) · same source · base `alpine:3\.18` moved · 2 of 2 platforms changed · 3 packages upgraded, 1 added, 1 removed/,
      );
      expect(body).toContain(
        '[6d541d27b5dd](https://github.com/docker-library/docker/commit/6d541d27b5dd12639e5a33a675ebca04d3837d74)',
      );
      expect(body).toContain('**Compressed size**');
      expect(body).toContain('| `busybox` | `1.37.0-r29` | `1.37.0-r30` |');
      expect(body.length).toBeLessThan(65_536);
      expect(run.summary).toContain('### What changed');
      expect(run.summary).toMatch(
        /hello\/Dockerfile:1 .*changed only platforms this repository does not use .*skip\\?-unchanged\\?-platforms/,
      );
    } finally {
      await stub.stop();
    }
  });

  it('minimum-age holds a fresh digest back and lets it through once it is old enough', async () => {
    const { workspace, stub } = await setup();
    try {
      const held = await runAction(workspace, stub, { 'minimum-age': '36500d' });
      expect(held.code).toBe(0);
      expect(stub.pullRequests()).toHaveLength(0);
      expect(held.summary).toMatch(/less than minimum\\?-age 36500d/);
      const through = await runAction(workspace, stub, { 'minimum-age': '1d' });
      expect(through.code).toBe(0);
      expect(stub.pullRequests()).toHaveLength(1);
    } finally {
      await stub.stop();
    }
  });
});
