import { describe, expect, it } from 'vitest';
import { repositoryPath } from '../../src/dockerfile/index.ts';
import { writeChanges } from '../../src/pin/write-changes.ts';
import type { FileChange } from '../../src/update/pin-report.ts';
import type { Workspace } from '../../src/workspace/types.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';

// The use case: encode each change as it was read and hand it to the workspace; the disk's part (atomic
// renames, modes, temp files) is tested on the adapter, test/workspace/file-workspace.test.ts.

const change = (file: string, after: string, encoding: FileChange['encoding'] = 'utf-8'): FileChange => ({
  file: repositoryPath(file),
  before: '',
  after,
  encoding,
});

/** A workspace whose disk refuses the files named. */
function refusing(workspace: MemoryWorkspace, ...refused: string[]): Workspace {
  return {
    list: (paths, filters) => workspace.list(paths, filters),
    listFiles: (paths, filters) => workspace.listFiles(paths, filters),
    read: (files, use) => workspace.read(files, use),
    write: async (files) => [
      ...(await workspace.write(files.filter(({ file }) => !refused.includes(file)))),
      ...files
        .filter(({ file }) => refused.includes(file))
        .map(({ file }) => ({ file, error: new Error(`ENOENT: no such file or directory, open '${file}'`) })),
    ],
  };
}

describe('writeChanges', () => {
  it('writes each file in the encoding it was read in: UTF-8 with its BOM, latin1 byte for byte', async () => {
    const workspace = new MemoryWorkspace();
    const failures = await writeChanges(workspace, {
      changes: [
        change('Dockerfile', '\uFEFFFROM a:latest@sha256:1\r\n'),
        change('legacy/Dockerfile', '# caf\u00e9\nFROM b@sha256:2\n', 'latin1'),
      ],
    });
    expect(failures).toEqual([]);
    expect(Buffer.from(workspace.files.get('Dockerfile')!)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('FROM a:latest@sha256:1\r\n')]),
    );
    expect(Buffer.from(workspace.files.get('legacy/Dockerfile')!)).toEqual(
      Buffer.from('# caf\u00e9\nFROM b@sha256:2\n', 'latin1'),
    );
  });

  it('reports a file the workspace cannot write (WRITE_FAILED, the reason) and still writes the others', async () => {
    const workspace = new MemoryWorkspace();
    const failures = await writeChanges(refusing(workspace, 'gone/Dockerfile'), {
      changes: [change('gone/Dockerfile', 'FROM b@x\n'), change('ok/Dockerfile', 'FROM a@x\n')],
    });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ file: 'gone/Dockerfile', error: { code: 'WRITE_FAILED' } });
    expect(failures[0]?.error.message).toContain('ENOENT');
    expect(workspace.text('ok/Dockerfile')).toBe('FROM a@x\n');
  });

  it('leaves a file whose new text its encoding cannot hold as it was, with the reason', async () => {
    const workspace = new MemoryWorkspace([['Dockerfile', 'FROM a\n']]);
    const failures = await writeChanges(workspace, {
      changes: [change('Dockerfile', 'FROM a\u0100\n', 'latin1'), change('b/Dockerfile', 'FROM b@x\n')],
    });
    expect(failures).toEqual([
      { file: 'Dockerfile', error: expect.objectContaining({ encoding: 'latin1' }) },
    ]);
    expect(workspace.text('Dockerfile')).toBe('FROM a\n');
    expect(workspace.text('b/Dockerfile')).toBe('FROM b@x\n');
  });
});
