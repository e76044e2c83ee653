import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The bundled CLI on a Node older than its floor prints one line and exits 64
// before reading anything. Run `npm run build` first: this tests dist/.

const cliPath = resolve(import.meta.dirname, '../../dist/cli.js');
const cliNode = process.env.BASEPIN_TEST_NODE || process.execPath;

/** Pretends to be another Node release before the CLI's first line runs. */
function pretendNode(version: string): string {
  const script = [
    `Object.defineProperty(process, 'version', { value: 'v${version}' });`,
    `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });`,
  ].join('');
  return `data:text/javascript,${encodeURIComponent(script)}`;
}

/** A Node older than 22 on this machine's PATH (Debian's is 20), if there is one. */
function findOldNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
      if (Number(version.slice(1).split('.')[0]) < 22) return candidate;
    } catch {
      // Not there: try the next one.
    }
  }
  return undefined;
}

describe('the Node floor', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'basepin-floor-'));
    // A folder that would be rewritten if the CLI got as far as pinning. Its image names a registry on a
    // loopback port nothing listens on, so a regressed floor check fails here instead of asking Docker Hub.
    writeFileSync(join(dir, 'Dockerfile'), 'FROM 127.0.0.1:9/alpine:3.20\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['20.20.2', '18.0.0', '21.7.3'])('on Node %s prints one line and exits 64', (version) => {
    const run = spawnSync(cliNode, ['--import', pretendNode(version), cliPath, 'pin', '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1' },
    });
    expect(run.stderr).toBe(`basepin needs Node 22 or newer; this is v${version}\n`);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(64);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM 127.0.0.1:9/alpine:3.20\n');
  });

  it('on Node 22 and newer runs the command', () => {
    const run = spawnSync(cliNode, ['--import', pretendNode('22.0.0'), cliPath, '--version'], {
      encoding: 'utf8',
    });
    expect(run.stdout).toMatch(/^basepin \d+\.\d+\.\d+/);
    expect(run.status).toBe(0);
  });

  const oldNode = findOldNode();
  it.skipIf(!oldNode)('on the real old Node of this machine prints one line and exits 64', () => {
    const run = spawnSync(oldNode!, [cliPath, 'pin', '.'], { cwd: dir, encoding: 'utf8' });
    const version = execFileSync(oldNode!, ['--version'], { encoding: 'utf8' }).trim();
    expect(run.stderr).toBe(`basepin needs Node 22 or newer; this is ${version}\n`);
    expect(run.status).toBe(64);
  });
});
