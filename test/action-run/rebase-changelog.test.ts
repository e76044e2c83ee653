import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAction, type ActionContext, type ActionDeps } from '../../src/action-run/run-action.ts';
import { runComment } from '../../src/action-run/run-comment.ts';
import { defaultRunSettings, type RunSettings } from '../../src/config/settings.ts';
import { createRegistryClient } from '../../src/registry/index.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import { bareRebuild, dockerCliRebuild, type Scenario } from '../support/changelog-scenarios.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { createGitHubStub, type GitHubStub } from '../support/github-stub.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';
import { recordingLog } from '../github/nock-github.ts';
import { comment, repositoryOn } from '../comments/comment-fixtures.ts';

// Pinning and changelogs in the action's runs: `/basepin rebase` recomputes its pull request the way the
// scheduled run does, changelog included, and neither run reads indexes by GET that no changelog will use.
// A real registry with two rebuilt images (one pull request each) behind a counting proxy, and a GitHub stub.

let registry: RunningRegistry;
let proxy: CountingProxy;
let docker: Scenario;
let bare: Scenario;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  proxy = await startCountingProxy(registry);
  docker = dockerCliRebuild();
  docker.repo.tags.set('24-cli', docker.to);
  bare = bareRebuild();
  bare.repo.tags.set('1', bare.to);
  await pushFixtureRepo(registry, 'library/docker', docker.repo);
  await pushFixtureRepo(registry, 'bare/app', bare.repo);
});
afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
});

let stub: GitHubStub;
let settings: RunSettings;
let deps: ActionDeps;

beforeEach(async () => {
  const files = {
    'docker/Dockerfile': `FROM ${proxy.host}/library/docker:24-cli@${docker.from}\n`,
    'bare/Dockerfile': `FROM ${proxy.host}/bare/app:1@${bare.from}\n`,
  };
  stub = await createGitHubStub({ owner: 'octo', repo: 'app', files, permissions: { wes: 'write' } });
  settings = defaultRunSettings({ cwd: '/repository', groupBy: 'image', dashboard: false, concurrency: 2 });
  deps = {
    registry: createRegistryClient({ insecureRegistries: [proxy.host], dockerConfigDir: registry.dir }),
    workspace: new MemoryWorkspace(Object.entries(files)),
    github: repositoryOn(stub),
    defaultBranch: async () => 'main',
    log: recordingLog(),
    now: () => new Date('2026-11-22T12:00:00Z'),
  };
  return () => stub.stop();
});

const context = (): ActionContext => ({
  repo: { owner: stub.owner, repo: stub.repo },
  ref: 'refs/heads/main',
  sha: stub.branchSha('main')!,
  serverUrl: 'https://github.com',
});
const prFor = (image: string) => stub.pullRequests().find((pr) => pr.head.ref.includes(image))!;
const dockerFacts =
  /rebuilt 2026-11-20 \(2 days old\) · same source · base `alpine:3\.18` moved · 2 of 2 platforms changed · 3 packages upgraded/;

const bareRequests = () =>
  proxy.requests
    .filter((r) => r.path.startsWith('/v2/bare/app/'))
    .map((r) => `${r.method} ${r.path.slice('/v2/bare/app/'.length)}`);

describe('the scheduled run', () => {
  it('reads an ignored image’s indexes not at all: its pin is confirmed by HEADs, as the changelog skips it', async () => {
    const rules = {
      v: 1,
      pending: [],
      ignores: [{ repository: `${proxy.host}/bare/app`, source: { issue: 1, comment: 1, by: 'ada' } }],
    };
    stub.openIssue({
      title: 'basepin dashboard',
      user: 'github-actions[bot]',
      labels: ['basepin'],
      body: `<!-- basepin:dashboard ${JSON.stringify(rules)} -->`,
    });
    proxy.reset();
    const run = await runAction(settings, context(), deps);
    expect(run.pullRequests.map((pr) => pr.branch)).toEqual([prFor('docker').head.ref]);
    expect(prFor('docker').body).toMatch(dockerFacts);
    expect(bareRequests()).toEqual([
      'HEAD manifests/1',
      `HEAD manifests/${bare.from}`,
      `HEAD manifests/${bare.to}`,
    ]);
    // The changelog's image: the tag's HEAD, and its indexes by GET (which confirm the pin), no HEAD by digest.
    const dockerHeads = proxy.requests.filter(
      (r) => r.method === 'HEAD' && r.path.startsWith('/v2/library/docker/'),
    );
    expect(dockerHeads.map((r) => r.path)).toEqual(['/v2/library/docker/manifests/24-cli']);
  });
});

describe('/basepin rebase keeps the changelog', () => {
  it('the rebased body has the same facts as the scheduled run wrote, and the other image costs no fact request', async () => {
    await runAction(settings, context(), deps);
    const before = prFor('docker').body ?? '';
    expect(before).toMatch(dockerFacts);
    expect(before).toContain('| `busybox` | `1.37.0-r29` | `1.37.0-r30` |');
    const bareBody = prFor('bare').body ?? '';

    proxy.reset();
    const sha = stub.branchSha(prFor('docker').head.ref);
    const event = comment(stub, prFor('docker').number, 'wes', '/basepin rebase');
    const outcome = await runComment(settings, context(), deps, event);
    expect(outcome).toMatchObject({ kind: 'done', command: 'rebase' });
    expect(stub.branchSha(prFor('docker').head.ref)).not.toBe(sha);

    const after = prFor('docker').body ?? '';
    expect(after).toMatch(dockerFacts);
    expect(after).toContain('| `busybox` | `1.37.0-r29` | `1.37.0-r30` |');
    expect(after).not.toContain('skipped');
    // The other pull request is untouched, and its image was resolved (a tag HEAD) but not read for facts.
    expect(prFor('bare').body).toBe(bareBody);
    expect(bareRequests()).toEqual([
      'HEAD manifests/1',
      `HEAD manifests/${bare.from}`,
      `HEAD manifests/${bare.to}`,
    ]);
  });
});
