import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import {
  deleteManifest,
  pushImage,
  pushIndex,
  writeDockerConfig,
  type PushedIndex,
} from '../support/push.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

// The bundled CLI (`node dist/cli.js`) as a user runs it: a child process in
// a temp working directory, against real distribution 2.8 registries. Only
// exit codes, stdout/stderr and file bytes are asserted. Run `npm run build`
// first: this tests dist/, not src/. BASEPIN_TEST_NODE runs the CLI under
// another Node than vitest's (scripts/test-node22: the CLI's floor).

const cliPath = resolve(import.meta.dirname, '../../dist/cli.js');
const cliNode = process.env.BASEPIN_TEST_NODE || process.execPath;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Dirs every run gets as HOME/DOCKER_CONFIG, so the machine's ~/.docker never leaks in. */
let isolated: string;

function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(cliNode, [cliPath, ...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: isolated,
        DOCKER_CONFIG: join(isolated, 'docker'),
        NO_COLOR: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** `git …` in `cwd`, resolving with its exit code and output. */
function git(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('git', [...args], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: isolated,
        GIT_CONFIG_NOSYSTEM: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

let dir: string;

function write(path: string, text: string | Uint8Array): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
const readBytes = (path: string): Buffer => readFileSync(join(dir, path));
const read = (path: string): string => readBytes(path).toString('utf8');
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
const digestPattern = /sha256:[0-9a-f]{64}/;

beforeAll(() => {
  isolated = mkdtempSync(join(tmpdir(), 'basepin-blackbox-home-'));
  mkdirSync(join(isolated, 'docker'));
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
});
afterAll(() => rmSync(isolated, { recursive: true, force: true }));
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basepin-blackbox-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

describe('registry without auth', () => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;
  let alpine: PushedIndex;
  let list: PushedIndex;
  let host: string;

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' });
    proxy = await startCountingProxy(registry);
    host = proxy.host;
    alpine = await pushIndex(registry, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64']);
    list = await pushIndex(registry, 'team/node', '22', ['linux/amd64', 'linux/arm64/v8'], {
      kind: 'docker',
    });
    await pushImage(registry, 'team/tool', 'latest');
    await pushImage(registry, 'team/tool', '1.2');
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });
  beforeEach(() => proxy.reset());

  describe('multi-arch', () => {
    it('pins an OCI index and a Docker manifest list as the index digest', async () => {
      write('Dockerfile', `FROM ${host}/library/alpine:3.20 AS a\nFROM ${host}/team/node:22\n`);
      const result = await runCli(['pin'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(read('Dockerfile')).toBe(
        `FROM ${host}/library/alpine:3.20@${alpine.digest} AS a\nFROM ${host}/team/node:22@${list.digest}\n`,
      );
      expect(lines(result.stdout)).toEqual([
        `Dockerfile:1 ${host}/library/alpine:3.20 pinned to ${alpine.digest.slice(7, 14)}`,
        `Dockerfile:2 ${host}/team/node:22 pinned to ${list.digest.slice(7, 14)}`,
        'basepin pin: 2 pinned, 0 refreshed, 0 current, 0 skipped, 0 failed; 1 file scanned, 1 changed',
      ]);
    });

    it('--platform linux/arm64 pins the arm64 child of an index and of a manifest list', async () => {
      write('Dockerfile', `FROM ${host}/library/alpine:3.20\nFROM ${host}/team/node:22\n`);
      const result = await runCli(['pin', '--platform', 'linux/arm64'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const armAlpine = alpine.children.find((c) => c.platform.architecture === 'arm64')!;
      const armNode = list.children.find((c) => c.platform.architecture === 'arm64')!;
      // linux/arm64 matches linux/arm64/v8, as in containerd's platform matcher.
      expect(read('Dockerfile')).toBe(
        `FROM ${host}/library/alpine:3.20@${armAlpine.digest}\nFROM ${host}/team/node:22@${armNode.digest}\n`,
      );
    });

    it('keeps a pin to a single-platform child single-platform when the tag moves', async () => {
      const old = await pushIndex(registry, 'team/moving', '1', ['linux/amd64', 'linux/arm64'], {
        seed: 'old',
      });
      const fresh = await pushIndex(registry, 'team/moving', '1', ['linux/amd64', 'linux/arm64'], {
        seed: 'new',
      });
      const oldArm = old.children[1]!;
      const freshArm = fresh.children[1]!;
      write(
        'Dockerfile',
        `FROM ${host}/team/moving:1@${oldArm.digest}\nFROM ${host}/team/moving:1@${old.digest}\n`,
      );
      const result = await runCli(['pin', '--json'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        updates: [
          {
            file: 'Dockerfile',
            line: 1,
            reference: `${host}/team/moving:1@${oldArm.digest}`,
            repository: `${host}/team/moving`,
            tag: '1',
            from: oldArm.digest,
            to: freshArm.digest,
            fromMirror: null,
          },
          {
            file: 'Dockerfile',
            line: 2,
            reference: `${host}/team/moving:1@${old.digest}`,
            repository: `${host}/team/moving`,
            tag: '1',
            from: old.digest,
            to: fresh.digest,
            fromMirror: null,
          },
        ],
        unchanged: [],
        skipped: [],
        errors: [],
        dockerHubPulls: 0,
      });
      expect(read('Dockerfile')).toBe(
        `FROM ${host}/team/moving:1@${freshArm.digest}\nFROM ${host}/team/moving:1@${fresh.digest}\n`,
      );
      // A second run finds both current and writes nothing.
      const again = await runCli(['check'], dir);
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(
        'basepin check: 0 not pinned, 0 stale, 2 current, 0 skipped, 0 failed; 1 file scanned\n',
      );
    });
    it('refreshes a pin whose digest the registry no longer has to the tag’s index', async () => {
      const old = await pushIndex(registry, 'team/gc', '1', ['linux/amd64', 'linux/arm64'], { seed: 'a' });
      const fresh = await pushIndex(registry, 'team/gc', '1', ['linux/amd64', 'linux/arm64'], { seed: 'b' });
      await deleteManifest(registry, 'team/gc', old.digest);
      await deleteManifest(registry, 'team/gc', old.children[1]!.digest);
      write(
        'Dockerfile',
        `FROM ${host}/team/gc:1@${old.digest}\nFROM ${host}/team/gc:1@${old.children[1]!.digest}\n`,
      );
      const result = await runCli(['pin'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(read('Dockerfile')).toBe(
        `FROM ${host}/team/gc:1@${fresh.digest}\nFROM ${host}/team/gc:1@${fresh.digest}\n`,
      );
    });

    it('does not swap a single-platform pin for another platform when the tag becomes one image', async () => {
      const old = await pushIndex(registry, 'team/flip', '1', ['linux/amd64', 'linux/arm64'], { seed: 'f' });
      const armOnly = await pushImage(registry, 'team/flip', '1', { platform: 'linux/arm64', seed: 'g' });
      const [amd, arm] = old.children;
      const text = `FROM ${host}/team/flip:1@${amd!.digest}\nFROM ${host}/team/flip:1@${arm!.digest}\n`;
      write('Dockerfile', text);
      const result = await runCli(['pin'], dir);
      expect(lines(result.stderr)).toEqual([
        `error: Dockerfile:1 ${host}/team/flip:1@${amd!.digest}: ${host}/team/flip:1 has no linux/amd64 image (available: linux/arm64)`,
      ]);
      expect(result.code).toBe(2);
      // The arm64 pin follows the tag; the amd64 line is left as it was.
      expect(read('Dockerfile')).toBe(
        `FROM ${host}/team/flip:1@${amd!.digest}\nFROM ${host}/team/flip:1@${armOnly.digest}\n`,
      );
    });
  });

  describe('Dockerfile forms', () => {
    it('pins ARG-fed references where the value is defined, and COPY/RUN --mount images', async () => {
      const text =
        `ARG BASE=${host}/library/alpine:3.20\n` +
        `ARG V=1.2\n` +
        `ARG REG=${host}\n` +
        `FROM \${BASE} AS one\n` +
        `FROM ${host}/team/tool:\${V} AS two\n` +
        `FROM \${REG}/team/node:22\n` +
        `COPY --from=${host}/team/tool:latest /bin/tool /bin/tool\n` +
        `RUN --mount=type=bind,from=${host}/library/alpine:3.20,target=/x ls /x\n`;
      write('Dockerfile', text);
      const tool12 = await runCli(['scan', '--json'], dir);
      expect(tool12.code).toBe(0);
      const sites = (JSON.parse(tool12.stdout) as { sites: { kind: string; line: number; status: string }[] })
        .sites;
      expect(sites.map((s) => [s.line, s.kind, s.status])).toEqual([
        [1, 'arg', 'pinnable'],
        [2, 'arg', 'pinnable'],
        [6, 'from', 'pinnable'],
        [7, 'copy-from', 'pinnable'],
        [8, 'mount-from', 'pinnable'],
      ]);

      const result = await runCli(['pin'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const after = read('Dockerfile');
      const toolLatest = /team\/tool:latest@(sha256:[0-9a-f]{64})/.exec(after)?.[1];
      const toolPinned = /ARG V=1\.2@(sha256:[0-9a-f]{64})/.exec(after)?.[1];
      expect(toolLatest).toMatch(digestPattern);
      expect(toolPinned).toMatch(digestPattern);
      expect(after).toBe(
        `ARG BASE=${host}/library/alpine:3.20@${alpine.digest}\n` +
          `ARG V=1.2@${toolPinned}\n` +
          `ARG REG=${host}\n` +
          `FROM \${BASE} AS one\n` +
          `FROM ${host}/team/tool:\${V} AS two\n` +
          `FROM \${REG}/team/node:22@${list.digest}\n` +
          `COPY --from=${host}/team/tool:latest@${toolLatest} /bin/tool /bin/tool\n` +
          `RUN --mount=type=bind,from=${host}/library/alpine:3.20@${alpine.digest},target=/x ls /x\n`,
      );
    });

    it('keeps a CRLF file with a BOM and a file with no final newline byte-identical outside the refs', async () => {
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      write(
        'crlf/Dockerfile',
        Buffer.concat([bom, Buffer.from(`# c\r\nFROM ${host}/library/alpine:3.20 AS b\r\n\tRUN true \r\n`)]),
      );
      write('eof/Dockerfile', `FROM ${host}/team/node:22`);
      const result = await runCli(['pin', '-q'], dir);
      expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readBytes('crlf/Dockerfile')).toEqual(
        Buffer.concat([
          bom,
          Buffer.from(`# c\r\nFROM ${host}/library/alpine:3.20@${alpine.digest} AS b\r\n\tRUN true \r\n`),
        ]),
      );
      expect(read('eof/Dockerfile')).toBe(`FROM ${host}/team/node:22@${list.digest}`);
    });
  });

  describe('check and diff', () => {
    it('check exits 1 while work remains, 0 after pin; --strict fails on skipped; --json has the contract', async () => {
      const text = `FROM ${host}/library/alpine:3.20\nFROM ${host}/library/alpine@${alpine.digest}\n`;
      write('Dockerfile', text);
      const first = await runCli(['check'], dir);
      expect(first.code).toBe(1);
      expect(first.stdout).toBe(
        `Dockerfile:1 ${host}/library/alpine:3.20 not pinned\n` +
          'basepin check: 1 not pinned, 0 stale, 0 current, 1 skipped, 0 failed; 1 file scanned\n',
      );
      expect(lines(first.stderr)).toHaveLength(1);
      expect(first.stderr).toMatch(
        new RegExp(`^warning: Dockerfile:2 ${host}/library/alpine@sha256:[0-9a-f]{64}: .*digest`),
      );
      expect(read('Dockerfile')).toBe(text);

      const json = await runCli(['check', '--json'], dir);
      expect(json.code).toBe(1);
      expect(json.stderr).toBe('');
      const report = JSON.parse(json.stdout) as Record<string, unknown[]>;
      expect(Object.keys(report)).toEqual(['updates', 'unchanged', 'skipped', 'errors', 'dockerHubPulls']);
      expect(report.updates).toEqual([
        {
          file: 'Dockerfile',
          line: 1,
          reference: `${host}/library/alpine:3.20`,
          repository: `${host}/library/alpine`,
          tag: '3.20',
          from: null,
          to: alpine.digest,
          fromMirror: null,
        },
      ]);
      expect(report.skipped).toEqual([
        {
          file: 'Dockerfile',
          line: 2,
          reference: `${host}/library/alpine@${alpine.digest}`,
          reason: expect.stringContaining('digest') as string,
        },
      ]);

      expect((await runCli(['pin', '-q'], dir)).code).toBe(0);
      const clean = await runCli(['check'], dir);
      expect(clean.code).toBe(0);
      const strict = await runCli(['check', '--strict'], dir);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/^error: Dockerfile:2 /);
    });

    it('pin --diff prints a patch that git apply takes, and writes nothing', async () => {
      const before =
        '\ufeff# one\r\n# two\r\n' +
        `FROM ${host}/library/alpine:3.20\r\n` +
        Array.from({ length: 8 }, (_, i) => `RUN echo ${i}\r\n`).join('') +
        `FROM ${host}/team/node:22`;
      write('svc/api.Dockerfile', before);
      write('Dockerfile', `FROM ${host}/team/tool:1.2\n`);
      write('with space/Dockerfile', `FROM ${host}/team/tool:1.2\n`);
      expect((await git(['init', '-q', '.'], dir)).code).toBe(0);

      const result = await runCli(['pin', '--diff'], dir);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(read('svc/api.Dockerfile')).toBe(before);
      const patchPath = join(dir, '.basepin.patch');
      writeFileSync(patchPath, result.stdout);
      const check = await git(['apply', '--check', '-v', patchPath], dir);
      expect(check.stderr).not.toMatch(/error/);
      expect(check.code).toBe(0);
      expect((await git(['apply', patchPath], dir)).code).toBe(0);
      rmSync(patchPath);

      // Applying the diff gives exactly what pin writes.
      const applied = read('svc/api.Dockerfile');
      const other = await runCli(['pin', '-q'], dir);
      expect(other.code).toBe(0);
      expect(read('svc/api.Dockerfile')).toBe(applied);
      expect(applied).toContain(`alpine:3.20@${alpine.digest}\r\n`);
      expect(applied.endsWith(`node:22@${list.digest}`)).toBe(true);
      expect(read('with space/Dockerfile')).toMatch(/tool:1\.2@sha256:[0-9a-f]{64}\n$/);
    });
  });

  describe('files found', () => {
    it('scan --json follows the naming rules, .gitignore, node_modules, --include and --exclude', async () => {
      const from = `FROM ${host}/team/tool:1.2\n`;
      write('.gitignore', 'ignored/\n*.generated.Dockerfile\n');
      write('Dockerfile', from);
      write('Containerfile', from);
      write('api.Dockerfile', from);
      write('svc/Dockerfile.dev', from);
      write('svc/x.generated.Dockerfile', from);
      write('ignored/Dockerfile', from);
      write('node_modules/pkg/Dockerfile', from);
      write('build/docker-image', from);
      write('legacy/Dockerfile', from);
      write('README.md', from);

      const all = await runCli(['scan', '--json'], dir);
      expect(all.stderr).toBe('');
      expect(all.code).toBe(0);
      const files = (run: Run) =>
        (JSON.parse(run.stdout) as { sites: { file: string }[] }).sites.map((site) => site.file);
      expect(files(all)).toEqual([
        'Containerfile',
        'Dockerfile',
        'api.Dockerfile',
        'legacy/Dockerfile',
        'svc/Dockerfile.dev',
      ]);
      const site = (JSON.parse(all.stdout) as { sites: unknown[] }).sites[0];
      expect(site).toEqual({
        file: 'Containerfile',
        line: 1,
        kind: 'from',
        reference: `${host}/team/tool:1.2`,
        resolved: `${host}/team/tool:1.2`,
        status: 'pinnable',
        reason: null,
      });

      const narrowed = await runCli(
        ['scan', '--json', '--include', 'build/*', '--exclude', 'legacy/**', '--exclude', '*.Dockerfile'],
        dir,
      );
      expect(narrowed.code).toBe(0);
      expect(files(narrowed)).toEqual([
        'Containerfile',
        'Dockerfile',
        'build/docker-image',
        'svc/Dockerfile.dev',
      ]);

      // A file named explicitly is read even when .gitignore'd.
      const named = await runCli(['scan', '--json', 'ignored/Dockerfile'], dir);
      expect(files(named)).toEqual(['ignored/Dockerfile']);
      expect(proxy.requests).toHaveLength(0);
    });
  });

  // Settings errors exit 64 like any usage error: nothing was read or written, which exit 2 would claim.
  describe('settings and usage', () => {
    it('a bad key in .github/basepin.yml is one line naming the key', async () => {
      write('.github/basepin.yml', 'paths: [.]\nregistry-mirror:\n  docker.io: https://mirror.gcr.io\n');
      write('Dockerfile', 'FROM alpine:3.20\n');
      for (const command of ['scan', 'pin', 'check']) {
        const result = await runCli([command], dir);
        expect(result.stdout).toBe('');
        expect(lines(result.stderr)).toHaveLength(1);
        expect(result.stderr).toMatch(/^basepin: .*\.github\/basepin\.yml: .*"registry-mirror"/);
        expect(result.code).toBe(64);
      }
      expect(read('Dockerfile')).toBe('FROM alpine:3.20\n');
    });

    it('--config naming a missing file is one line naming it', async () => {
      write('Dockerfile', 'FROM alpine:3.20\n');
      const result = await runCli(['scan', '--config', 'nope.yml'], dir);
      expect(result.stdout).toBe('');
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toMatch(/^basepin: .*nope\.yml/);
      expect(result.code).toBe(64);
    });

    it('usage errors exit 64; --version and --help exit 0', async () => {
      for (const args of [
        ['frobnicate'],
        ['scan', '--no-such-flag'],
        ['scan', '--diff'],
        ['pin', '--diff', '--json'],
        ['check', '--platform', 'amd64'],
        ['pin', '--concurrency', '0'],
      ]) {
        const result = await runCli(args, dir);
        expect({ args, code: result.code }).toEqual({ args, code: 64 });
        expect(result.stdout).toBe('');
        expect(lines(result.stderr)).toHaveLength(1);
        expect(result.stderr).toMatch(/^basepin: /);
      }
      const version = await runCli(['--version'], dir);
      expect(version).toEqual({ code: 0, stdout: 'basepin 0.1.0\n', stderr: '' });
      const help = await runCli(['--help'], dir);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^Usage: basepin <command>/);
      expect(help.stdout).toContain('--registry-mirror HOST=URL');
      expect(help.stderr).toBe('');
    });
  });
});

describe('registry with htpasswd auth', () => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;
  let image: PushedIndex;
  let host: string;
  const secretsOf = () => {
    const { username, password } = registry.credentials!;
    return [password, Buffer.from(`${username}:${password}`).toString('base64')];
  };
  const expectNoSecret = (run: Run) => {
    for (const secret of secretsOf()) {
      expect(run.stdout).not.toContain(secret);
      expect(run.stderr).not.toContain(secret);
    }
  };

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd' });
    proxy = await startCountingProxy(registry);
    host = proxy.host;
    image = await pushIndex(registry, 'private/app', '2', ['linux/amd64', 'linux/arm64']);
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });
  beforeEach(() => {
    proxy.reset();
    write('Dockerfile', `FROM ${host}/private/app:2\n`);
  });
  const pinned = () => `FROM ${host}/private/app:2@${image.digest}\n`;

  it.each([
    ['host:port', (h: string) => h],
    ['http://host:port', (h: string) => `http://${h}`],
  ])('reads credentials from DOCKER_CONFIG config.json auths keyed %s', async (_, key) => {
    const config = join(dir, '.docker-config');
    mkdirSync(config);
    writeDockerConfig(config, key(host), registry.credentials!);
    const result = await runCli(['pin'], dir, { DOCKER_CONFIG: config });
    expectNoSecret(result);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read('Dockerfile')).toBe(pinned());
    expect(proxy.count({ method: 'GET', path: /\/manifests\// })).toBe(0);
  });

  it('takes --registry-credential', async () => {
    const { username, password } = registry.credentials!;
    const result = await runCli(['pin', '--registry-credential', `${host}=${username}:${password}`], dir);
    expectNoSecret(result);
    expect(result.code).toBe(0);
    expect(read('Dockerfile')).toBe(pinned());
  });

  it('takes BASEPIN_REGISTRY_CREDENTIALS, one pair a line', async () => {
    const { username, password } = registry.credentials!;
    const result = await runCli(['check'], dir, {
      BASEPIN_REGISTRY_CREDENTIALS: `# ci\nother.example=a:b\n${host}=${username}:${password}\n`,
    });
    expectNoSecret(result);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      `Dockerfile:1 ${host}/private/app:2 not pinned\n` +
        'basepin check: 1 not pinned, 0 stale, 0 current, 0 skipped, 0 failed; 1 file scanned\n',
    );
    expect(result.code).toBe(1);
  });

  it('wrong or missing credentials: exit 2, one line naming file:line, the reference and UNAUTHORIZED', async () => {
    const wrong = 'not-the-password-4711';
    for (const env of [{ BASEPIN_REGISTRY_CREDENTIALS: `${host}=basepin:${wrong}` }, {}] as Record<
      string,
      string
    >[]) {
      const result = await runCli(['pin'], dir, env);
      expect(result.stdout).toBe(
        'basepin pin: 0 pinned, 0 refreshed, 0 current, 0 skipped, 1 failed; 1 file scanned, 0 changed\n',
      );
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toMatch(new RegExp(`^error: Dockerfile:1 ${host}/private/app:2: .*UNAUTHORIZED`));
      expect(result.stderr).not.toContain(wrong);
      expect(result.stderr).not.toContain(Buffer.from(`basepin:${wrong}`).toString('base64'));
      expect(result.code).toBe(2);
      expect(read('Dockerfile')).toBe(`FROM ${host}/private/app:2\n`);
    }
  });

  it('a malformed --registry-credential is a usage error that does not echo the secret', async () => {
    const result = await runCli(['pin', '--registry-credential', `not a host=user:hunter2`], dir);
    expect(result.stderr).not.toContain('hunter2');
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.code).toBe(64);
  });
});

describe('registry with token auth, anonymous pull', () => {
  let registry: RunningRegistry;
  let proxy: CountingProxy;

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', anonymous: 'pull' });
    proxy = await startCountingProxy(registry);
  });
  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
  });

  it('pins anonymously with one combined-scope token request', async () => {
    const one = await pushIndex(registry, 'lib/one', '1', ['linux/amd64']);
    const two = await pushImage(registry, 'lib/two', '2');
    const three = await pushIndex(registry, 'lib/three', '3', ['linux/amd64'], { kind: 'docker' });
    registry.tokenServer!.reset();
    proxy.reset();
    const host = proxy.host;
    write('a/Dockerfile', `FROM ${host}/lib/one:1\nFROM ${host}/lib/two:2\n`);
    write('b/Dockerfile', `FROM ${host}/lib/three:3\nCOPY --from=${host}/lib/one:1 / /\n`);
    const result = await runCli(['pin'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read('a/Dockerfile')).toBe(
      `FROM ${host}/lib/one:1@${one.digest}\nFROM ${host}/lib/two:2@${two.digest}\n`,
    );
    expect(read('b/Dockerfile')).toBe(
      `FROM ${host}/lib/three:3@${three.digest}\nCOPY --from=${host}/lib/one:1@${one.digest} / /\n`,
    );
    const requests = registry.tokenServer!.requests;
    expect(requests).toHaveLength(1);
    expect(requests[0]!.username).toBeUndefined();
    expect([...requests[0]!.scopes].sort()).toEqual([
      'repository:lib/one:pull',
      'repository:lib/three:pull',
      'repository:lib/two:pull',
    ]);
    // Per tag: a HEAD of the tag, then a HEAD of the digest it names (shown served before it is written).
    expect(proxy.count({ method: 'HEAD', path: /\/manifests\// })).toBe(6);
    expect(proxy.count({ method: 'GET', path: /\/manifests\// })).toBe(0);
  });
});

describe('registry mirror', () => {
  let upstream: RunningRegistry;
  let mirror: RunningRegistry;
  let upstreamProxy: CountingProxy;
  let mirrorProxy: CountingProxy;

  beforeAll(async () => {
    [upstream, mirror] = await Promise.all([startRegistry(), startRegistry()]);
    [upstreamProxy, mirrorProxy] = await Promise.all([
      startCountingProxy(upstream),
      startCountingProxy(mirror),
    ]);
  });
  afterAll(async () => {
    await Promise.all([upstreamProxy?.stop(), mirrorProxy?.stop()]);
    await Promise.all([upstream?.stop(), mirror?.stop()]);
  });

  it('resolves tags on the upstream, never on its mirror, while the upstream answers', async () => {
    const both = await pushIndex(upstream, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64']);
    const copy = await pushIndex(mirror, 'library/alpine', '3.20', ['linux/amd64', 'linux/arm64']);
    expect(copy.digest).toBe(both.digest);
    const onlyUpstream = await pushImage(upstream, 'team/edge', 'nightly');
    upstreamProxy.reset();
    mirrorProxy.reset();
    const host = upstreamProxy.host;
    write('Dockerfile', `FROM ${host}/library/alpine:3.20\nFROM ${host}/team/edge:nightly\n`);

    const result = await runCli(['pin', '--json', '--registry-mirror', `${host}=${mirrorProxy.url}`], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read('Dockerfile')).toBe(
      `FROM ${host}/library/alpine:3.20@${both.digest}\nFROM ${host}/team/edge:nightly@${onlyUpstream.digest}\n`,
    );
    const report = JSON.parse(result.stdout) as { updates: { fromMirror: string | null }[] };
    expect(report.updates.map((update) => update.fromMirror)).toEqual([null, null]);
    expect(mirrorProxy.count({ method: 'HEAD' })).toBe(0);
    expect(upstreamProxy.count({ method: 'HEAD', path: '/v2/library/alpine/manifests/3.20' })).toBe(1);
    expect(upstreamProxy.count({ method: 'HEAD', path: '/v2/team/edge/manifests/nightly' })).toBe(1);
  });

  it('falls back to the mirror when the upstream cannot be reached, and says the digest is unconfirmed', async () => {
    const copy = await pushIndex(mirror, 'library/alpine', '3.21', ['linux/amd64']);
    const dead = `127.0.0.1:${new URL(upstream.url).port === '1' ? '2' : '1'}`;
    write('Dockerfile', `FROM ${dead}/library/alpine:3.21\n`);
    const result = await runCli(['pin', '--registry-mirror', `${dead}=${mirrorProxy.url}`], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`(from mirror ${mirrorProxy.host}, unconfirmed)`);
    expect(read('Dockerfile')).toBe(`FROM ${dead}/library/alpine:3.21@${copy.digest}\n`);
  });

  it('a reference on localhost:PORT resolves over plain http without --insecure-registry', async () => {
    const image = await pushImage(upstream, 'team/local', '1');
    const port = new URL(upstream.url).port;
    write('Dockerfile', `FROM localhost:${port}/team/local:1\n`);
    const result = await runCli(['pin'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(read('Dockerfile')).toBe(`FROM localhost:${port}/team/local:1@${image.digest}\n`);
  });
});

describe('a reader that stops early', () => {
  it('closes the pipe: the report is cut short, the command finishes with its own exit code, no EPIPE crash', async () => {
    // More report than a pipe holds (64 KiB), so writes are still pending when the reader goes.
    for (let i = 0; i < 1_500; i++)
      write(`service-${i}/Dockerfile`, 'FROM alpine:3.20\nFROM node:22-slim AS build\n');
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(cliNode, [cliPath, 'scan', '.'], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: isolated, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let errors = '';
      child.stdout.once('data', () => child.stdout.destroy());
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('error', fail);
      child.on('close', (exit) => {
        clearTimeout(timer);
        done({ code: exit, stderr: errors });
      });
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
