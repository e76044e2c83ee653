import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, runCli, type CliIo } from '../../src/cli/main.ts';
import { RegistryError, type RegistryClient } from '../../src/registry/index.ts';

// Exit codes of runCli for invocations that fail before any file is read or any registry asked.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'basepin-cli-main-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\n');
  return () => rmSync(dir, { recursive: true, force: true });
});

/** A run that must fail before any registry is asked: were a check to regress, it meets a registry that throws, never Docker Hub. */
async function cli(...argv: string[]) {
  return cliWith({ registry: () => unreachable }, ...argv);
}

async function cliWith(seams: Pick<CliIo, 'registry' | 'colour'> & { cwd?: string }, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: dir,
    ...seams,
    env: {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    interactive: false,
    version: 'test',
  });
  return { code, stdout, stderr };
}

describe('runCli: bad settings are usage errors (64), like a bad flag', () => {
  it.each([
    [
      'an unknown key in .github/basepin.yml',
      ['scan'],
      'registry-mirror: {}\n',
      /unknown key "registry-mirror"/,
    ],
    ['a bad value in .github/basepin.yml', ['pin'], 'concurrency: 0\n', /basepin\.yml: concurrency/],
    [
      'a host that is not one (check used to exit 0)',
      ['check', '--insecure-registry', 'not a host!!'],
      undefined,
      /--insecure-registry: "not a host!!" is not a host\[:port\]/,
    ],
    ['--config naming a missing file', ['check', '--config', 'missing.yml'], undefined, /missing\.yml/],
    [
      '--sigstore-trusted-root naming a missing file',
      ['check', '--sigstore-trusted-root', 'root.json'],
      undefined,
      /^basepin: sigstore-trusted-root: root\.json cannot be read \(ENOENT\)\n$/,
    ],
    [
      'signature-keys naming a missing key file',
      ['pin'],
      'signature-keys:\n  "acme/*": keys/acme.pem\n',
      /^basepin: signature-keys: acme\/\*: keys\/acme\.pem cannot be read \(ENOENT\)\n$/,
    ],
    [
      'a --signature-policy it does not know',
      ['check', '--signature-policy', 'strict'],
      undefined,
      /signature-policy/,
    ],
    ['a malformed --registry-mirror', ['pin', '--registry-mirror', 'docker.io=ftp://m'], undefined, /mirror/],
    [
      'a malformed --registry-credential (the secret is not echoed)',
      ['pin', '--registry-credential', 'not a host=me:hunter2'],
      undefined,
      /--registry-credential: expected HOST=/,
    ],
  ])('%s', async (_, argv, config, message) => {
    if (config !== undefined) {
      mkdirSync(join(dir, '.github'));
      writeFileSync(join(dir, '.github/basepin.yml'), config);
    }
    const result = await cli(...argv);
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^basepin: [^\n]*\n$/);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('an unreadable PATH is still exit 2', async () => {
    expect((await cli('scan', 'no/such/dir')).code).toBe(ExitCode.Unresolved);
  });
});

describe('runCli: an internal error is a bug, not a registry failure', () => {
  // A client whose alpine lookup hits a bug and whose other lookups fail the ordinary way.
  const buggy: RegistryClient = {
    resolveTag: async (ref) => {
      if (ref.familiarName === 'alpine')
        throw new TypeError("Cannot read properties of undefined (reading 'digest')");
      throw new RegistryError({
        status: 404,
        code: 'MANIFEST_UNKNOWN',
        retryable: false,
        message: `${ref.familiarName}: manifest unknown`,
      });
    },
    describeManifest: async () => ({ digest: '', mediaType: '' }),
    fetchManifest: async () => {
      throw new Error('not used');
    },
    fetchBlob: async () => new Uint8Array(),
    stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
  };

  beforeEach(() => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nFROM busybox:1.36\n');
  });

  it('exits 70, still completes the other sites, and shows the stack only on --debug', async () => {
    const plain = await cliWith({ registry: () => buggy }, 'check', '--json');
    expect(plain.code).toBe(ExitCode.Internal);
    const report = JSON.parse(plain.stdout) as { errors: { reference: string; code: string }[] };
    expect(report.errors).toEqual([
      expect.objectContaining({ reference: 'alpine:3.20', code: 'INTERNAL_ERROR' }),
      expect.objectContaining({ reference: 'busybox:1.36', code: 'MANIFEST_UNKNOWN' }),
    ]);
    expect(plain.stderr).toContain('--debug');
    expect(plain.stderr).not.toMatch(/at .*\.ts:\d+/);

    const debug = await cliWith({ registry: () => buggy }, 'check', '--debug');
    expect(debug.code).toBe(ExitCode.Internal);
    expect(debug.stderr).toMatch(/TypeError: Cannot read properties/);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('runCli: usage, help and version', () => {
  it('with no arguments prints the usage on stderr and exits 64', async () => {
    const result = await cli();
    expect(result.code).toBe(ExitCode.Usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: basepin <command>/);
  });

  it('--help prints the general help on stdout; COMMAND --help that command’s flags and examples', async () => {
    const general = await cli('--help');
    expect(general.code).toBe(ExitCode.Done);
    expect(general.stdout).toMatch(/^Usage: basepin <command>/);
    const pin = await cli('pin', '--help');
    expect(pin.code).toBe(ExitCode.Done);
    expect(pin.stdout).toMatch(/^Usage: basepin pin \[PATH…\]/);
    expect(pin.stdout).toContain('--diff');
    expect(pin.stdout).not.toContain('--strict');
    expect(pin.stdout).toContain('Examples:\n  basepin pin .');
    const scan = await cli('help', 'scan');
    expect(scan.stdout).toMatch(/^Usage: basepin scan/);
    expect(scan.stdout).not.toContain('--registry-mirror');
  });

  it.each([
    ['scan', ['0 done', '2 a path could not be read', '64', '70'], ['1 check found work']],
    ['pin', ['0 done', '2 some references', '64', '70'], ['1 check found work']],
    ['check', ['0 done', '1 check found work', '2 some references', '64', '70'], []],
    [
      'explain',
      ['0 done', '2 the image could not be read', '64', '70'],
      ['1 check found work', 'references'],
    ],
  ])('%s --help lists only the exit codes %s can return', async (command, present, absent) => {
    const { stdout } = await cli(command, '--help');
    const codes = stdout.split('\n').find((line) => line.startsWith('Exit codes:')) ?? '';
    for (const text of present) expect(codes).toContain(text);
    for (const text of absent) expect(codes).not.toContain(text);
  });

  it('org --help lists every flag under Options, with examples and its exit codes', async () => {
    const { stdout, code } = await cli('org', '--help');
    expect(code).toBe(ExitCode.Done);
    const options = stdout.slice(stdout.indexOf('Options:'), stdout.indexOf('Examples:'));
    for (const flag of [
      '--repositories',
      '--app-id',
      '--private-key',
      '--installation-id',
      '--json',
      '--dry-run',
      '--config',
      '--shards N',
      '--shard I',
      '--resolution FILE',
      '--debug',
    ])
      expect(options).toMatch(new RegExp(`^  ${flag}`, 'm'));
    expect(stdout).toContain('Examples:\n  basepin org');
    expect(stdout).toContain('basepin org plan --shards 4 --resolution');
    expect(stdout).toMatch(
      /^Exit codes: 0 done · 2 a repository failed.* · 64 usage error · 70 internal error$/m,
    );
  });

  it('--version prints the version', async () => {
    expect((await cli('--version')).stdout).toBe('basepin test\n');
  });
});

describe('runCli: what it says about the folder it was given', () => {
  it.each(['scan', 'pin', 'check'])(
    '%s: no image files is one line on stderr and exit 0',
    async (command) => {
      const empty = join(dir, 'empty');
      mkdirSync(empty);
      const result = await cliWith({ registry: () => unreachable }, command, 'empty');
      expect(result.stderr).toBe('basepin: no image files found under empty\n');
      expect(result.stdout).toBe('');
      expect(result.code).toBe(ExitCode.Done);
    },
  );

  it.each(['scan', 'pin', 'check'])(
    '%s: with --file-kinds, the line names the kinds looked for',
    async (command) => {
      const result = await cliWith(
        { registry: () => unreachable },
        command,
        '--file-kinds',
        'compose,workflow',
      );
      expect(result.stderr).toBe('basepin: no image files found under . (file kinds: compose, workflow)\n');
      expect(result.code).toBe(ExitCode.Done);
    },
  );

  it('reports paths relative to a folder given outside the current one', async () => {
    mkdirSync(join(dir, 'repo', 'services'), { recursive: true });
    writeFileSync(join(dir, 'repo', 'services', 'Dockerfile'), 'FROM alpine:3.20\n');
    mkdirSync(join(dir, 'elsewhere'));
    const result = await cliWith({ cwd: join(dir, 'elsewhere') }, 'scan', '../repo');
    expect(result.stdout).toBe('services/Dockerfile:1 from alpine:3.20 pinnable\n');
    const absolute = await cliWith({ cwd: join(dir, 'elsewhere') }, 'scan', join(dir, 'repo'));
    expect(absolute.stdout).toBe('services/Dockerfile:1 from alpine:3.20 pinnable\n');
  });

  it('colours statuses only when asked, and never in --json', async () => {
    const coloured = await cliWith({ colour: true }, 'scan');
    expect(coloured.stdout).toContain('\x1b[');
    expect(stripVTControlCharacters(coloured.stdout)).toBe('Dockerfile:1 from alpine:3.20 pinnable\n');
    expect((await cliWith({ colour: false }, 'scan')).stdout).not.toContain('\x1b[');
    expect((await cliWith({ colour: true }, 'scan', '--json')).stdout).not.toContain('\x1b[');
  });
});

/** A registry a test must not reach. */
const unreachable: RegistryClient = {
  resolveTag: async () => {
    throw new Error('no registry in this test');
  },
  describeManifest: async () => {
    throw new Error('no registry in this test');
  },
  fetchManifest: async () => {
    throw new Error('no registry in this test');
  },
  fetchBlob: async () => new Uint8Array(),
  stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
};
