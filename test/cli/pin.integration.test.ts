import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { pushImage, pushIndex, type PushedIndex } from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// `basepin pin` and `basepin check` end to end against a real distribution
// registry (through the counting proxy), run in-process through runCli.

let registry: RunningRegistry;
let proxy: CountingProxy;
let alpine: PushedIndex;
let node: PushedIndex;
let dir: string;

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const network = argv[0] === 'scan' ? [] : ['--insecure-registry', proxy.host];
  const code = await runCli([...argv, ...network], {
    cwd: dir,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    version: 'test',
  });
  return { code, stdout, stderr };
}

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' });
  proxy = await startCountingProxy(registry);
  alpine = await pushIndex(registry, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64']);
  node = await pushIndex(registry, 'team/node', '22-slim', ['linux/amd64', 'linux/arm64'], {
    kind: 'docker',
  });
  await pushImage(registry, 'team/tool', 'latest');
});

afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basepin-cli-'));
  proxy.reset();
  return () => rmSync(dir, { recursive: true, force: true });
});

describe('basepin pin', () => {
  it('pins every site in place, keeping the tag and every other byte', async () => {
    const host = proxy.host;
    write(
      'Dockerfile',
      `# syntax is not here on purpose\r\nFROM ${host}/library/alpine:3.20 AS base\r\nFROM ${host}/team/node:22-slim\r\nCOPY --from=base /x /x\r\n\tRUN echo hi   `,
    );
    write(
      'svc/api/Dockerfile',
      `ARG BASE=${host}/team/tool\nFROM \${BASE}\nFROM ${host}/library/alpine:3.20\n`,
    );
    chmodSync(join(dir, 'Dockerfile'), 0o640);

    const result = await cli('pin');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read('Dockerfile')).toBe(
      `# syntax is not here on purpose\r\nFROM ${host}/library/alpine:3.20@${alpine.digest} AS base\r\nFROM ${host}/team/node:22-slim@${node.digest}\r\nCOPY --from=base /x /x\r\n\tRUN echo hi   `,
    );
    expect(read('svc/api/Dockerfile')).toMatch(
      new RegExp(`^ARG BASE=${host}/team/tool:latest@sha256:[a-f0-9]{64}\n`),
    );
    expect(statSync(join(dir, 'Dockerfile')).mode & 0o777).toBe(0o640);
    // alpine:3.20 is named twice but asked once.
    expect(proxy.count({ method: 'HEAD', path: '/v2/library/alpine/manifests/3.20' })).toBe(1);
    expect(proxy.count({ method: 'GET', path: /\/manifests\// })).toBe(0);

    const again = await cli('pin');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 pinned, 0 refreshed, 4 current');
    expect(read('Dockerfile')).toContain(`alpine:3.20@${alpine.digest} AS base`);
  });

  it('refreshes a stale pin to the tag’s new index', async () => {
    const stale = await pushIndex(registry, 'team/moving', '1', ['linux/amd64'], { seed: 'old' });
    const fresh = await pushIndex(registry, 'team/moving', '1', ['linux/amd64'], { seed: 'new' });
    write('Dockerfile', `FROM ${proxy.host}/team/moving:1@${stale.digest}\n`);

    const result = await cli('pin', '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.updates).toEqual([
      {
        file: 'Dockerfile',
        line: 1,
        reference: `${proxy.host}/team/moving:1@${stale.digest}`,
        repository: `${proxy.host}/team/moving`,
        tag: '1',
        from: stale.digest,
        to: fresh.digest,
        fromMirror: null,
      },
    ]);
    expect(report.dockerHubPulls).toBe(0);
    expect(read('Dockerfile')).toBe(`FROM ${proxy.host}/team/moving:1@${fresh.digest}\n`);
  });

  it('writes every resolvable file and exits 2 naming file:line for the one that fails', async () => {
    write('a/Dockerfile', `FROM ${proxy.host}/library/alpine:3.20\n`);
    write('b/Dockerfile', `FROM ${proxy.host}/team/missing:1\n`);

    const result = await cli('pin');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: b\/Dockerfile:1 127\.0\.0\.1:\d+\/team\/missing:1: .*MANIFEST_UNKNOWN/m,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(read('a/Dockerfile')).toBe(`FROM ${proxy.host}/library/alpine:3.20@${alpine.digest}\n`);
  });

  it('--diff prints a unified diff and writes nothing', async () => {
    const text = `FROM ${proxy.host}/library/alpine:3.20\n`;
    write('Dockerfile', text);
    const result = await cli('pin', '--diff');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,1 +1,1 @@\n-${text}+FROM ${proxy.host}/library/alpine:3.20@${alpine.digest}\n`,
    );
    expect(read('Dockerfile')).toBe(text);
  });

  it('pins one platform’s manifest with --platform', async () => {
    write('Dockerfile', `FROM ${proxy.host}/library/alpine:3.20\n`);
    const arm = alpine.children.find((child) => child.platform.architecture === 'arm64')!;
    expect((await cli('pin', '--platform', 'linux/arm64')).code).toBe(0);
    expect(read('Dockerfile')).toBe(`FROM ${proxy.host}/library/alpine:3.20@${arm.digest}\n`);
  });
});

describe('basepin check', () => {
  it('exits 1 listing unpinned sites, writes nothing, and exits 0 once pinned', async () => {
    const text = `FROM ${proxy.host}/library/alpine:3.20\nFROM ${proxy.host}/library/alpine@${alpine.digest}\n`;
    write('Dockerfile', text);

    const first = await cli('check');
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^Dockerfile:1 .*alpine:3\.20 not pinned$/m);
    expect(first.stderr).toMatch(/^warning: Dockerfile:2 .*digest-only/m);
    expect(read('Dockerfile')).toBe(text);

    expect((await cli('pin')).code).toBe(0);
    expect((await cli('check')).code).toBe(0);
    expect((await cli('check', '--strict')).code).toBe(1);
  });
});

describe('basepin scan', () => {
  it('prints the JSON contract without touching the network', async () => {
    write(
      'Dockerfile',
      `ARG V=3.20\nFROM ${proxy.host}/library/alpine:\${V} AS base\nFROM base\nFROM scratch\n`,
    );
    const result = await cli('scan', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      sites: [
        {
          file: 'Dockerfile',
          line: 1,
          kind: 'arg',
          reference: '3.20',
          resolved: `${proxy.host}/library/alpine:3.20`,
          status: 'pinnable',
          reason: null,
        },
      ],
    });
    expect(proxy.requests).toHaveLength(0);
  });

  it('exits 2 with one line naming an unreadable path', async () => {
    const result = await cli('scan', 'no/such/dir');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^basepin: .*no\/such\/dir.*\n$/);
  });
});
