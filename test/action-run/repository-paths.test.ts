import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readState } from '../../src/pull-requests/pr-state.ts';
import { runAction } from '../../src/action-run/run-action.ts';
import { defaultRunSettings } from '../../src/config/settings.ts';
import { openFileWorkspace } from '../../src/workspace/file-workspace.ts';
import type { GitHubStub } from '../support/github-stub.ts';
import { testDir } from '../support/temp-dir.ts';
import { recordingLog } from '../github/nock-github.ts';
import { fakeRegistry, repositoryOn, served, startStub } from '../comments/comment-fixtures.ts';

// Paths are made repository-relative once, when the workspace lists the files: however the `paths`
// setting writes a folder (`./services/`, `services/../services/api`), every later step — the JSON
// outputs, the pull-request body's links, its hidden state block, the branch's commit — names the file
// as the git tree does.

let stub: GitHubStub;
beforeEach(async () => {
  stub = await startStub();
});
afterEach(async () => {
  await stub.stop();
});

/** The checkout of main on disk, as actions/checkout leaves it. */
function checkout(): string {
  const root = testDir('paths');
  for (const [path, text] of Object.entries(stub.filesAt('main') ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('repository paths, from the listing to the pull request', () => {
  it.each([[['./services/', './Dockerfile']], [['services/../services/api', 'Dockerfile']], [['.']]])(
    'paths %j',
    async (paths) => {
      const root = checkout();
      const settings = defaultRunSettings({ cwd: root, paths, groupBy: 'all', concurrency: 2 });
      const result = await runAction(
        settings,
        {
          repo: { owner: stub.owner, repo: stub.repo },
          ref: 'refs/heads/main',
          sha: stub.branchSha('main')!,
          serverUrl: 'https://github.com',
        },
        {
          registry: fakeRegistry(),
          workspace: openFileWorkspace(root),
          github: repositoryOn(stub),
          defaultBranch: async () => 'main',
          log: recordingLog(),
        },
      );
      const files = ['Dockerfile', 'services/api/Dockerfile'];
      expect(JSON.parse(result.outputs['changed-files'])).toEqual(files);
      const updated = JSON.parse(result.outputs.updates) as { file: string }[];
      expect([...new Set(updated.map((update) => update.file))]).toEqual(files);

      const [pr] = stub.pullRequests();
      const body = pr!.body ?? '';
      expect(body).toContain('](https://github.com/octo/app/blob/basepin/all/services/api/Dockerfile#L');
      expect(body).toContain('](https://github.com/octo/app/blob/basepin/all/Dockerfile#L1)');
      expect(body).not.toContain('./');
      const state = readState(body);
      expect(state.kind === 'valid' && [...new Set(state.state.updates.map((u) => u.file))]).toEqual(files);
      expect(stub.fileAt('basepin/all', 'services/api/Dockerfile')).toContain(
        served('docker.io/library/node', '22-slim'),
      );
    },
  );
});
