import { describe, expect, it } from 'vitest';
import { fileChanges } from '../../src/app/pin.ts';
import type { PlannedUpdate } from '../../src/app/pin-report.ts';
import type { ScannedFile } from '../../src/app/scan.ts';
import { decodeDockerfile } from '../../src/dockerfile/index.ts';

const digest = `sha256:${'c'.repeat(64)}`;

function scanned(file: string, bytes: Uint8Array): ScannedFile {
  return { file, decoded: decodeDockerfile(bytes), sites: [] };
}

function update(file: string, start: number, end: number, to = digest): PlannedUpdate {
  return {
    file,
    line: 1,
    kind: 'from',
    reference: 'alpine:3.20',
    repository: 'docker.io/library/alpine',
    tag: '3.20',
    from: undefined,
    to,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    pin: { range: { start, end }, addLatestTag: true },
  };
}

describe('fileChanges', () => {
  it('applies each file’s updates and keeps its encoding', () => {
    const latin1 = scanned(
      'a/Dockerfile',
      Uint8Array.from([...Buffer.from('FROM alpine:3.20 # caf'), 0xe9, 0x0a]),
    );
    const result = fileChanges([latin1], [update('a/Dockerfile', 5, 16)]);
    expect(result.errors).toEqual([]);
    // `after` is made from the text when read (a getter), so read each field.
    const changes = result.changes.map(({ file, before, after, encoding }) => ({
      file,
      before,
      after,
      encoding,
    }));
    expect(changes).toEqual([
      {
        file: 'a/Dockerfile',
        before: 'FROM alpine:3.20 # café\n',
        after: `FROM alpine:3.20@${digest} # café\n`,
        encoding: 'latin1',
      },
    ]);
  });

  it('turns edits that do not fit one file into errors for that file and still changes the others', () => {
    const good = scanned('good/Dockerfile', Buffer.from('FROM alpine:3.20\n'));
    const bad = scanned('bad/Dockerfile', Buffer.from('FROM alpine:3.20\n'));
    const result = fileChanges(
      [good, bad],
      [update('good/Dockerfile', 5, 16), update('bad/Dockerfile', 5, 16), update('bad/Dockerfile', 8, 12)],
    );
    expect(result.changes.map((change) => change.file)).toEqual(['good/Dockerfile']);
    expect(result.updates.map((u) => u.file)).toEqual(['good/Dockerfile']);
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatchObject({ file: 'bad/Dockerfile', line: 1, reference: 'alpine:3.20' });
  });

  it('never writes a digest that is not one', () => {
    const file = scanned('Dockerfile', Buffer.from('FROM alpine:3.20\n'));
    const result = fileChanges([file], [update('Dockerfile', 5, 16, 'sha256:abc\nRUN evil')]);
    expect(result.changes).toEqual([]);
    expect(result.errors).toHaveLength(1);
  });
});
