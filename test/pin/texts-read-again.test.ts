import { describe, expect, it } from 'vitest';
import { repositoryPath, type RepositoryPath } from '../../src/dockerfile/index.ts';
import { planPins } from '../../src/pin/plan-pins.ts';
import { failureCode } from '../../src/update/failure.ts';
import { filesPerWrite, writeChanges } from '../../src/pin/write-changes.ts';
import { defaultRunSettings } from '../../src/config/settings.ts';
import type { RegistryClient } from '../../src/registry/index.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import type { Workspace } from '../../src/workspace/types.ts';

// A run that holds a hash a file instead of its text (`keepTexts: false`, as the CLI runs, so memory stays bounded at 20,000 files)
// reads a changed file again when it writes it, and never writes a pin into a text it did not scan.

const digest = `sha256:${'d'.repeat(64)}`;
const index = 'application/vnd.oci.image.index.v1+json';

const registry: RegistryClient = {
  resolveTag: async () => ({ digest, mediaType: index }),
  describeManifest: async (_ref, tagOrDigest) => ({ digest: tagOrDigest, mediaType: index }),
  fetchManifest: () => Promise.reject(new Error('not expected')),
  fetchBlob: () => Promise.reject(new Error('not expected')),
  stats: () =>
    ({ head: 0, get: 0, ping: 0, token: 0, dockerHubPulls: 0 }) as ReturnType<RegistryClient['stats']>,
};

const files: [string, string][] = [
  ['a/Dockerfile', 'FROM alpine:3.20\nRUN true\n'],
  ['b/Dockerfile', '# caf\u00e9\nFROM debian:12 AS base\nFROM base\n'],
  ['c/Dockerfile', 'FROM busybox:1.36\n'],
];

/** The memory workspace, counting the files read again; `gone` files cannot be read again. */
function counting(workspace: MemoryWorkspace, gone: readonly string[] = []) {
  const readAgain: string[] = [];
  const wrapped: Workspace = {
    list: (paths, filters) => workspace.list(paths, filters),
    listFiles: (paths, filters) => workspace.listFiles(paths, filters),
    read: (names, use) => workspace.read(names, use),
    write: (written) => workspace.write(written),
    readAgain: (file) => {
      readAgain.push(file);
      if (gone.includes(file)) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
      return workspace.readAgain(file);
    },
  };
  return { workspace: wrapped, readAgain };
}

async function plan(workspace: Workspace, keepTexts: boolean) {
  return planPins(defaultRunSettings({ cwd: '/repository' }), { registry, workspace, keepTexts });
}

describe('a run that lets go of file texts', () => {
  it('plans and writes what a run that keeps them does, reading each changed file again only to write it', async () => {
    const kept = new MemoryWorkspace(files);
    const keptPlan = await plan(kept, true);
    await writeChanges(kept, keptPlan);

    const memory = new MemoryWorkspace(files);
    const { workspace, readAgain } = counting(memory);
    const hashed = await plan(workspace, false);
    expect(readAgain).toEqual([]);
    expect(hashed.updates.map((update) => update.site.written)).toEqual(
      keptPlan.updates.map((update) => update.site.written),
    );
    expect(hashed.changes.map((change) => [change.file, change.before, change.after])).toEqual(
      keptPlan.changes.map((change) => [change.file, change.before, change.after]),
    );
    readAgain.length = 0;

    expect(await writeChanges(workspace, hashed)).toEqual([]);
    expect(readAgain).toEqual(['a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile']);
    for (const [file] of files) expect(memory.text(file)).toBe(kept.text(file));
    expect(memory.text('a/Dockerfile')).toBe(`FROM alpine:3.20@${digest}\nRUN true\n`);
  });

  it('refuses a file changed or gone since the scan with a one-line reason, and still writes the others', async () => {
    const memory = new MemoryWorkspace(files);
    const { workspace } = counting(memory, ['c/Dockerfile']);
    const planned = await plan(workspace, false);
    // Someone edits b/Dockerfile while the run resolves.
    const edited = '# caf\u00e9\nFROM debian:12 AS base\nRUN apt-get update\nFROM base\n';
    await memory.write([{ file: repositoryPath('b/Dockerfile'), bytes: Buffer.from(edited) }]);

    const failures = await writeChanges(workspace, planned);

    expect(failures.map((failure) => [failure.file, failureCode(failure.error)])).toEqual([
      ['b/Dockerfile', 'WRITE_FAILED'],
      ['c/Dockerfile', 'WRITE_FAILED'],
    ]);
    expect(failures[0]?.error.message).toBe('changed since basepin read it; run basepin again');
    expect(failures[1]?.error.message).toBe(
      "cannot be read again: ENOENT: no such file or directory, open 'c/Dockerfile'",
    );
    expect(failures.every((failure) => !failure.error.message.includes('\n'))).toBe(true);
    expect(memory.text('b/Dockerfile')).toBe(edited);
    expect(memory.text('c/Dockerfile')).toBe('FROM busybox:1.36\n');
    expect(memory.text('a/Dockerfile')).toBe(`FROM alpine:3.20@${digest}\nRUN true\n`);
  });

  it('refuses a changed file in a diff too: its texts throw instead of showing another text', async () => {
    const memory = new MemoryWorkspace(files);
    const planned = await plan(memory, false);
    await memory.write([{ file: repositoryPath('a/Dockerfile'), bytes: Buffer.from('FROM alpine:3.21\n') }]);
    const change = planned.changes.find((entry) => entry.file === 'a/Dockerfile')!;
    expect(() => change.after).toThrow('changed since basepin read it');
    expect(() => change.before).toThrow('changed since basepin read it');
  });
});

describe('a Dockerfile reached by two paths (a symlink)', () => {
  it('is pinned once, not refused as changed when its second path comes in a later batch', async () => {
    const real = Array.from({ length: filesPerWrite + 10 }, (_, i): [string, string] => [
      `s${String(i).padStart(3, '0')}/Dockerfile`,
      `FROM alpine:3.${i}\n`,
    ]);
    const memory = new MemoryWorkspace(real);
    // `zz/Dockerfile` is a link to the first file: listed after every other, read and written through it.
    const target = (file: RepositoryPath) => (file === 'zz/Dockerfile' ? repositoryPath(real[0]![0]) : file);
    const linked: Workspace = {
      list: async (paths, filters) => [
        ...(await memory.list(paths, filters)),
        repositoryPath('zz/Dockerfile'),
      ],
      listFiles: async (paths, filters) => [
        ...(await memory.listFiles(paths, filters)),
        { path: repositoryPath('zz/Dockerfile'), kind: 'dockerfile' },
      ],
      read: (names, use) =>
        Promise.all(
          names.map(
            async (name) => (await memory.read([target(name)], (_file, bytes) => use(name, bytes)))[0]!,
          ),
        ),
      write: (written) => memory.write(written.map((entry) => ({ ...entry, file: target(entry.file) }))),
      readAgain: (file) => memory.readAgain(target(file)),
    };
    const hashed = await plan(linked, false);
    expect(hashed.changes.map((change) => change.file)).toContain('zz/Dockerfile');
    expect(await writeChanges(linked, hashed)).toEqual([]);
    expect(new TextDecoder().decode(memory.readAgain(repositoryPath(real[0]![0])))).toBe(
      `FROM alpine:3.0@${digest}\n`,
    );
  });

  it('a file that really changed is still refused, whatever this run wrote elsewhere', async () => {
    const memory = new MemoryWorkspace(files);
    const hashed = await plan(memory, false);
    await memory.write([
      { file: repositoryPath('c/Dockerfile'), bytes: new TextEncoder().encode('FROM busybox:1.37\n') },
    ]);
    const failures = await writeChanges(memory, hashed);
    expect(failures.map((failure) => [failure.file, failure.error.message])).toEqual([
      ['c/Dockerfile', 'changed since basepin read it; run basepin again'],
    ]);
  });
});
