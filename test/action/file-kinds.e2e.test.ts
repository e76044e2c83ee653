import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerCliRebuild, type Scenario } from '../support/changelog-scenarios.ts';
import { runBundledAction } from '../support/action-run.ts';
import { createGitHubStub } from '../support/github-stub.ts';
import { pushIndex, type PushedIndex } from '../support/push.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';
import { testDir } from '../support/temp-dir.ts';

// The bundled action on a repository whose images are named in a Dockerfile and in every other kind of
// file: one pull request covers them all, with the changelog of each image, against a real registry and
// the GitHub stub.

let registry: RunningRegistry;
let docker: Scenario;
let tool: PushedIndex;

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  docker = dockerCliRebuild();
  await pushFixtureRepo(registry, 'library/docker', docker.repo);
  tool = await pushIndex(registry, 'team/tool', '1', ['linux/amd64', 'linux/arm64']);
});

afterAll(async () => {
  await registry?.stop();
});

function repository(): Record<string, string> {
  const host = registry.host;
  const stale = `${host}/library/docker:24-cli@${docker.from}`;
  return {
    Dockerfile: `FROM ${stale}\nRUN true\n`,
    'compose.yaml': `services:\n  tool:\n    image: ${host}/team/tool:1\n`,
    '.github/workflows/ci.yml': `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container:\n      image: '${stale}'\n    services:\n      tool: ${host}/team/tool:1\n    steps:\n      - run: true\n`,
    'k8s/deploy.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${host}/team/tool:1\n`,
    'chart/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
    'chart/values.yaml': `image:\n  registry: ${host}\n  repository: library/docker\n  tag: 24-cli\n  digest: "${docker.from}"\n`,
    'overlay/kustomization.yaml': `images:\n  - name: tool\n    newName: ${host}/team/tool\n    newTag: "1"\n`,
    '.devcontainer/devcontainer.json': `{\n  // the dev image\n  "image": "${host}/team/tool:1",\n}\n`,
    '.gitlab-ci.yml': `image: ${stale}\ntest:\n  script: [true]\n`,
  };
}

describe('the action on every kind of file', () => {
  it('opens one pull request covering the Dockerfile and the other files, with each image’s changelog', async () => {
    const files = repository();
    const workspace = testDir('action-kinds');
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), text);
    }
    const stub = await createGitHubStub({ owner: 'octo', repo: 'app', files });
    try {
      const run = await runBundledAction(workspace, stub, { 'insecure-registries': registry.host });
      expect(run.stdout).not.toMatch(/::error/);
      expect(run.code).toBe(0);
      const prs = stub.pullRequests();
      expect(prs).toHaveLength(1);
      const branch = prs[0]!.head.ref;
      const changed = Object.keys(files).filter((path) => stub.fileAt(branch, path) !== files[path]);
      expect(changed.sort()).toEqual(
        [
          'Dockerfile',
          'compose.yaml',
          '.github/workflows/ci.yml',
          'k8s/deploy.yaml',
          'chart/values.yaml',
          'overlay/kustomization.yaml',
          '.devcontainer/devcontainer.json',
          '.gitlab-ci.yml',
        ].sort(),
      );
      const to = docker.repo.tags.get('24-cli')!;
      expect(stub.fileAt(branch, 'chart/values.yaml')).toBe(
        files['chart/values.yaml']!.replace(docker.from, to),
      );
      expect(stub.fileAt(branch, 'overlay/kustomization.yaml')).toBe(
        `${files['overlay/kustomization.yaml']}    digest: ${tool.digest}\n`,
      );
      expect(stub.fileAt(branch, '.devcontainer/devcontainer.json')).toBe(
        files['.devcontainer/devcontainer.json']!.replace('team/tool:1"', `team/tool:1@${tool.digest}"`),
      );
      const body = prs[0]!.body ?? '';
      // Each site is linked at its file and line on the branch; each image has its changelog, once.
      const link = (path: string, line: number) =>
        `(https://github.com/octo/app/blob/${branch}/${path}#L${line})`;
      for (const [path, line] of [
        ['Dockerfile', 1],
        ['compose.yaml', 3],
        ['.github/workflows/ci.yml', 6],
        ['.github/workflows/ci.yml', 8],
        ['k8s/deploy.yaml', 10],
        ['chart/values.yaml', 3],
        ['overlay/kustomization.yaml', 2],
        ['.devcontainer/devcontainer.json', 3],
        ['.gitlab-ci.yml', 1],
      ] as const) {
        expect(body).toContain(link(path, line));
      }
      const changelog = body.slice(body.indexOf('### What changed'));
      expect(changelog.match(/^- `127\.0\.0\.1:\d+\/team\/tool:1` · pinned to `[0-9a-f]{7}`/gm)).toHaveLength(
        1,
      );
      expect(
        changelog.match(
          /^- `127\.0\.0\.1:\d+\/library\/docker:24-cli` .* 3 packages upgraded, 1 added, 1 removed$/gm,
        ),
      ).toHaveLength(1);
    } finally {
      await stub.stop();
    }
  });
});
