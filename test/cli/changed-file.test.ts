import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, runCli } from '../../src/cli/main.ts';
import type { RegistryClient } from '../../src/registry/index.ts';

// The CLI holds a hash a file, not its text (so a 20,000-file run keeps its memory bounded): a Dockerfile edited while the run resolves
// is refused with one line naming it, and the other files are still pinned.

const digest = `sha256:${'e'.repeat(64)}`;
const index = 'application/vnd.oci.image.index.v1+json';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basepin-cli-changed-'));
  mkdirSync(join(dir, 'api'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'api/Dockerfile'), 'FROM alpine:3.20\n');
  writeFileSync(join(dir, 'web/Dockerfile'), 'FROM busybox:1.36\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A registry whose first answer comes after someone edited web/Dockerfile. */
function editingRegistry(): RegistryClient {
  let edited = false;
  return {
    resolveTag: async () => {
      if (!edited) writeFileSync(join(dir, 'web/Dockerfile'), 'FROM busybox:1.37\n');
      edited = true;
      return { digest, mediaType: index };
    },
    describeManifest: async (_ref, tagOrDigest) => ({ digest: tagOrDigest, mediaType: index }),
    fetchManifest: () => Promise.reject(new Error('not expected')),
    fetchBlob: () => Promise.reject(new Error('not expected')),
    stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
  };
}

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: dir,
    env: {},
    registry: editingRegistry,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    version: 'test',
  });
  return { code, stdout, stderr };
}

describe('basepin pin: a file edited during the run', () => {
  it('is not written, with one line naming it; the others are pinned', async () => {
    const result = await cli('pin');
    expect(result.code).toBe(ExitCode.Unresolved);
    expect(result.stderr).toBe(
      'web/Dockerfile: not written: changed since basepin read it; run basepin again\n',
    );
    expect(readFileSync(join(dir, 'web/Dockerfile'), 'utf8')).toBe('FROM busybox:1.37\n');
    expect(readFileSync(join(dir, 'api/Dockerfile'), 'utf8')).toBe(`FROM alpine:3.20@${digest}\n`);
  });

  it('is refused by --diff too, which still shows the other files', async () => {
    const result = await cli('pin', '--diff');
    expect(result.code).toBe(ExitCode.Unresolved);
    expect(result.stderr).toBe(
      'web/Dockerfile: not written: changed since basepin read it; run basepin again\n',
    );
    expect(result.stdout).toContain(`+FROM alpine:3.20@${digest}`);
    expect(result.stdout).not.toContain('web/Dockerfile');
    expect(readFileSync(join(dir, 'api/Dockerfile'), 'utf8')).toBe('FROM alpine:3.20\n');
  });
});
