import { describe, expect, it } from 'vitest';
import { repositoryPath } from '../../src/dockerfile/index.ts';
import { fileChanges } from '../../src/pin/plan-pins.ts';
import { ScannedFile } from '../../src/scan/scan.ts';
import type { Update } from '../../src/update/update.ts';
import { decodeDockerfile } from '../../src/dockerfile/index.ts';
import { updateOf } from '../pull-requests/open-prs-fixtures.ts';

const digest = `sha256:${'c'.repeat(64)}`;

function scanned(file: string, bytes: Uint8Array): ScannedFile {
  const decoded = decodeDockerfile(bytes);
  return new ScannedFile(repositoryPath(file), bytes, decoded.text, decoded.encoding);
}

/** The update of `FROM alpine:3.20` on the first line of `file`. */
function update(file: string, to = digest): Update {
  return updateOf({ file, text: 'FROM alpine:3.20\n', written: 'alpine:3.20', to });
}

describe('fileChanges', () => {
  it('applies each file’s updates and keeps its encoding', () => {
    const latin1 = scanned(
      'a/Dockerfile',
      Uint8Array.from([...Buffer.from('FROM alpine:3.20 # caf'), 0xe9, 0x0a]),
    );
    const result = fileChanges([latin1], [update('a/Dockerfile')]);
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
      [
        update('good/Dockerfile'),
        update('bad/Dockerfile'),
        // Two digests for one reference: both would be written at the same point.
        update('bad/Dockerfile', `sha256:${'d'.repeat(64)}`),
      ],
    );
    expect(result.changes.map((change) => change.file)).toEqual(['good/Dockerfile']);
    expect(result.updates.map((u) => u.site.file)).toEqual(['good/Dockerfile']);
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatchObject({ file: 'bad/Dockerfile', line: 1, reference: 'alpine:3.20' });
  });

  it('never writes a digest that is not one', () => {
    const file = scanned('Dockerfile', Buffer.from('FROM alpine:3.20\n'));
    const result = fileChanges([file], [update('Dockerfile', 'sha256:abc\nRUN evil')]);
    expect(result.changes).toEqual([]);
    expect(result.errors).toHaveLength(1);
  });
});
