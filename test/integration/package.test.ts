import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The npm package as a user gets it: `npm pack`, installed into an empty prefix
// with no registry access, then run. Run `npm run build` first: this packs dist/.

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

interface PackResult {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

describe('the packed npm package', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let pack: PackResult;
  let project: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'basepin-pack-'));
    // Its own npm cache and config, so nothing is read from or left in the user's.
    env = {
      PATH: process.env.PATH,
      HOME: dir,
      npm_config_cache: join(dir, 'npm-cache'),
      npm_config_userconfig: join(dir, 'npmrc'),
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      NO_COLOR: '1',
    };
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, env });
    pack = (JSON.parse(stdout) as PackResult[])[0]!;
    project = join(dir, 'project');
    mkdirSync(join(project, 'services', 'api'), { recursive: true });
    writeFileSync(join(project, 'services', 'api', 'Dockerfile'), 'FROM alpine:3.20\n');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds the bundle, its licences and the usual documents, not the sources or tests', () => {
    const paths = pack.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/licenses.txt', 'package.json']));
    expect(paths).toEqual(expect.arrayContaining(['README.md', 'LICENSE']));
    const unexpected = paths.filter(
      (path) => !path.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(path),
    );
    expect(unexpected).toEqual([]);
  });

  it('installs into an empty prefix with zero dependencies and no registry, and runs', async () => {
    const prefix = join(dir, 'prefix');
    await run('npm', ['install', '--global', '--offline', '--prefix', prefix, join(dir, pack.filename)], {
      cwd: dir,
      env,
    });
    const installed = join(prefix, 'lib', 'node_modules', 'basepin');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies?: object;
    };
    expect(manifest.dependencies ?? {}).toEqual({});

    const bin = join(prefix, 'bin', 'basepin');
    const scan = await run(bin, ['scan', '.'], { cwd: project, env });
    expect(scan.stdout).toBe('services/api/Dockerfile:1 from alpine:3.20 pinnable\n');
    const version = await run(bin, ['--version'], { cwd: project, env });
    expect(version.stdout.trim()).toBe(
      `basepin ${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}`,
    );
  }, 120_000);

  it('runs with npx from the tarball', async () => {
    const { stdout } = await run(
      'npm',
      ['exec', '--yes', '--offline', `--package=${join(dir, pack.filename)}`, '--', 'basepin', 'scan', '.'],
      { cwd: project, env },
    );
    expect(stdout).toBe('services/api/Dockerfile:1 from alpine:3.20 pinnable\n');
  }, 120_000);

  it('ships dist/cli.js executable with its shebang (so installing changes no mode in git)', () => {
    expect(readFileSync(join(root, 'dist', 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(join(root, 'dist', 'cli.js')).mode & 0o111).not.toBe(0);
  });
});
