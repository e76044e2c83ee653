import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBundledAction } from '../support/action-run.ts';
import { createGitHubStub } from '../support/github-stub.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';
import { publisher, rebuilt } from '../support/signed-images.ts';
import { testDir } from '../support/temp-dir.ts';

// Signatures end to end: the bundled action against the real registry holding signed rebuilds (cosign `.sig`
// manifests, BuildKit's real provenance statement) and the GitHub API stub. The key comes from the
// repository's own file, named by `signature-keys` in .github/basepin.yml, as a user would set it.

let registry: RunningRegistry;
let images: ReturnType<typeof rebuilt>[];

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  images = [
    rebuilt(registry.host, 'acme/kept', { from: 'publisher', to: 'publisher' }, true),
    rebuilt(registry.host, 'acme/dropped', { from: 'publisher', to: undefined }),
  ];
  for (const image of images) await pushFixtureRepo(registry, image.name, image.repo);
});

afterAll(async () => {
  await registry?.stop();
});

async function setup() {
  const host = registry.host;
  const files: Record<string, string> = {
    'kept/Dockerfile': `FROM ${host}/acme/kept:1@${images[0]!.from}\n`,
    'dropped/Dockerfile': `FROM ${host}/acme/dropped:1@${images[1]!.from}\n`,
    '.github/basepin.yml': `signature-keys:\n  "${host}/acme/*": .github/acme.pem\n`,
    '.github/acme.pem': publisher.pem,
  };
  const workspace = testDir('signatures');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  return { workspace, stub: await createGitHubStub({ owner: 'octo', repo: 'app', files }) };
}

describe('signatures in pull requests, the job summary and the dashboard', () => {
  it('shows signer and provenance in the PR; same-identity holds back the image that lost its signature, and says why', async () => {
    const { workspace, stub } = await setup();
    try {
      const run = await runBundledAction(workspace, stub, {
        'group-by': 'image',
        'signature-policy': 'same-identity',
      });
      expect(run.stdout).not.toMatch(/::error/);
      expect(run.code).toBe(0);
      const prs = stub.pullRequests();
      expect(prs.map((pr) => pr.title)).toEqual([expect.stringContaining('acme/kept')]);
      const body = prs[0]!.body ?? '';
      expect(body).toContain(
        `- Signature: signed by the key configured for \`${registry.host}/acme/*\`, same as before`,
      );
      expect(body).toContain(
        '- Provenance: built by `https://github.com/docker-library` from `https://github.com/alpinelinux/docker-alpine@13b62f5f47ffa526f9c372e0bd73b33ef2a5f865`, as the image says',
      );
      expect(run.summary).toMatch(
        /dropped\/Dockerfile:1 .*signature\\?-policy same\\?-identity\\?: signature missing \\?\(the previous digest was signed\\?\)/,
      );
      const dashboard = stub.issues().find((issue) => issue.labels.includes('basepin'));
      expect(dashboard?.body).toContain(
        'signature-policy same-identity: signature missing (the previous digest was signed)',
      );
    } finally {
      await stub.stop();
    }
  });

  it('a sigstore-trusted-root that cannot be read fails the run with one line naming the input and file', async () => {
    const { workspace, stub } = await setup();
    try {
      const run = await runBundledAction(workspace, stub, { 'sigstore-trusted-root': 'missing-root.json' });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toContain(
        '::error::sigstore-trusted-root: missing-root.json cannot be read (ENOENT)',
      );
      expect(stub.pullRequests()).toEqual([]);
    } finally {
      await stub.stop();
    }
  });
});
