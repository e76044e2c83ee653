import { describe, expect, it } from 'vitest';
import { pullRequestTitle } from '../../src/pull-requests/pr-title.ts';
import type { Update } from '../../src/update/update.ts';
import { digest, updateOf } from './open-prs-fixtures.ts';

const old = `sha256:${'a'.repeat(64)}`;
/** The update of `FROM repository:tag` (pinned to `from`, when given). */
function update(repository: string, tag: string, from?: string): Update {
  const written = `${repository}:${tag}${from === undefined ? '' : `@${from}`}`;
  return updateOf({ file: 'Dockerfile', text: `FROM ${written}\n`, written, to: digest('1') });
}
const pin = (repository: string, tag: string) => update(repository, tag);
const refresh = (repository: string, tag: string) => update(repository, tag, old);

const alpine = 'docker.io/library/alpine';
const node = 'docker.io/library/node';
const golang = 'docker.io/library/golang';

describe('pullRequestTitle', () => {
  it.each([
    ['one pin', [pin(alpine, '3.20')], 'Pin alpine:3.20 digest'],
    ['one image pinned in two files', [pin(alpine, '3.20'), pin(alpine, '3.20')], 'Pin alpine:3.20 digest'],
    ['one refresh', [refresh(node, '22-slim')], 'Update node:22-slim digest'],
    [
      'two refreshes',
      [refresh(alpine, '3.20'), refresh(node, '22-slim')],
      'Update alpine:3.20 and node:22-slim digests',
    ],
    [
      'a pin and a refresh',
      [pin(alpine, '3.20'), refresh(node, '22-slim')],
      'Pin and update alpine:3.20 and node:22-slim digests',
    ],
    [
      'three images, in the order of the updates',
      [pin(golang, '1.23'), pin(alpine, '3.20'), pin(node, '22')],
      'Pin golang:1.23, alpine:3.20 and node:22 digests',
    ],
    [
      'two tags of one image are two digests',
      [pin(alpine, '3.19'), pin(alpine, '3.20')],
      'Pin alpine:3.19 and alpine:3.20 digests',
    ],
    [
      'a registry other than Docker Hub keeps its host',
      [pin('ghcr.io/org/app', '1')],
      'Pin ghcr.io/org/app:1 digest',
    ],
    [
      'seven images are counted, three named',
      [
        pin(alpine, '3.20'),
        pin(node, '22'),
        pin(golang, '1.23'),
        pin(node, '20'),
        pin('docker.io/library/python', '3.12'),
        pin('docker.io/library/rust', '1'),
        pin('docker.io/library/nginx', '1.27'),
      ],
      'Pin 7 base image digests (alpine, node, golang, …)',
    ],
    [
      'four images of three repositories name all three',
      [refresh(alpine, '3.19'), refresh(alpine, '3.20'), refresh(node, '22'), refresh(golang, '1.23')],
      'Update 4 base image digests (alpine, node, golang)',
    ],
    [
      'names too long for a title are counted, named as far as they fit',
      [
        pin('registry.example.com/platform/runtime', '2026.11.1'),
        pin('registry.example.com/platform/builder', '2026.11.1'),
      ],
      'Pin 2 base image digests (registry.example.com/platform/runtime, …)',
    ],
  ])('%s', (_name, updates, title) => expect(pullRequestTitle(updates)).toBe(title));

  it('names no image when not even one fits', () => {
    const long = `registry.example.com/${'platform/'.repeat(6)}runtime`;
    expect(pullRequestTitle([pin(long, '1'), pin(long, '2')])).toBe('Pin 2 base image digests');
  });

  it('starts with the commit message prefix', () => {
    expect(pullRequestTitle([pin(alpine, '3.20')], 'chore(deps): ')).toBe(
      'chore(deps): Pin alpine:3.20 digest',
    );
  });
});
