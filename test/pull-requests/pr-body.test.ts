import { describe, expect, it } from 'vitest';
import { maxBodyChars, pullRequestBody } from '../../src/pull-requests/pr-body.ts';
import { buildState, readState } from '../../src/pull-requests/pr-state.ts';
import { renderChangelog } from '../../src/changelog/facts/render.ts';
import { updateOf } from '../support/update.ts';
import { alpineUpdate, baseSha, digest, movedTo, nodeUpdate } from './open-prs-fixtures.ts';

const repo = { owner: 'octo-org', repo: 'webapp' };

describe('pullRequestBody', () => {
  const updates = [alpineUpdate(), nodeUpdate()];
  const state = buildState(updates, baseSha);
  const body = pullRequestBody({
    updates,
    state,
    repo,
    serverUrl: 'https://github.com',
    branch: 'basepin/all',
  });
  const lines = body.split('\n');

  it('links each site on the branch and shows old → new short digests', () => {
    expect(lines).toContain(
      '| [Dockerfile\\:1](https://github.com/octo-org/webapp/blob/basepin/all/Dockerfile#L1) | `alpine:3.20` | unpinned → `1111111` |',
    );
    expect(lines).toContain(
      `| [services/api/Dockerfile\\:2](https://github.com/octo-org/webapp/blob/basepin/all/services/api/Dockerfile#L2) | \`node:22-slim@${digest('a')}\` | \`aaaaaaa\` → \`2222222\` |`,
    );
  });

  it('keeps full digests in a details block', () => {
    const details = body.slice(body.indexOf('<details>'), body.indexOf('</details>'));
    expect(details).toContain(
      `\`services/api/Dockerfile:2\` \`node:22-slim\`: \`${digest('a')}\` → \`${digest('2')}\``,
    );
    expect(details).toContain(`\`Dockerfile:1\` \`alpine:3.20\`: \`unpinned\` → \`${digest('1')}\``);
  });

  it('has the changelog, the commands and the state block', () => {
    expect(body).toContain('### What changed');
    expect(body).toContain(
      '- `node:22-slim`: the tag moved from `aaaaaaa` to `2222222` (multi-platform OCI image index).',
    );
    expect(lines).toContain(
      '- `/basepin rebase`: recompute this pull request on the current base branch and update its branch.',
    );
    expect(lines.some((l) => l.startsWith('- `/basepin ignore <image>[:<tag>]`:'))).toBe(true);
    expect(readState(body)).toEqual({ kind: 'valid', state });
  });

  it('keeps hostile text from a Dockerfile inside its code span and link label', () => {
    // A backtick and a mention in an unused ARG default: the reference is still pinnable, and its text came
    // from whoever wrote the Dockerfile, so it must not close the code span and render as markdown.
    const text = 'ARG R=docker.io\nFROM ${R:-a`@team}/library/alpine:3.19\n';
    const written = '${R:-a`@team}/library/alpine:3.19';
    const hostile = movedTo(
      updateOf({ file: 'Dockerfile', text, written, to: digest('3') }),
      'docs/[x](https://evil.example)/Dockerfile',
    );
    const [row] = pullRequestBody({
      updates: [hostile],
      state: buildState([hostile], baseSha),
      repo,
      serverUrl: 'https://github.com',
      branch: 'basepin/all',
    })
      .split('\n')
      .filter((line) => line.includes('evil'));
    expect(row).toContain('| ``${R:-a`@team}/library/alpine:3.19`` |');
    expect(row).toContain('[docs/\\[x\\]\\(https\\:');
    expect(row).not.toContain('[x](https://evil.example)');
  });

  it('uses the server URL (GitHub Enterprise Server)', () => {
    const ghes = pullRequestBody({
      updates,
      state,
      repo,
      serverUrl: 'https://ghe.example.com/',
      branch: 'basepin/all',
    });
    expect(ghes).toContain('](https://ghe.example.com/octo-org/webapp/blob/basepin/all/Dockerfile#L1)');
  });

  it('stays under GitHub’s limit by truncating the tables, with a note', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      movedTo(alpineUpdate(digest((i % 10).toString())), `services/svc-${i}/Dockerfile`),
    );
    const big = pullRequestBody({
      updates: many,
      state: buildState(many, baseSha),
      repo,
      serverUrl: 'https://github.com',
      branch: 'basepin/all',
    });
    expect(big.length).toBeLessThanOrEqual(maxBodyChars);
    expect(big).toMatch(/…and \d+ more updates, not listed/);
    expect(readState(big).kind).toBe('valid');
  });
});

describe('renderChangelog', () => {
  it('says what changed in digest terms, once per image change', () => {
    const text = renderChangelog([
      {
        image: 'alpine:3.20',
        from: undefined,
        to: digest('1'),
        toMediaType: 'application/vnd.oci.image.index.v1+json',
      },
      {
        image: 'alpine:3.20',
        from: undefined,
        to: digest('1'),
        toMediaType: 'application/vnd.oci.image.index.v1+json',
      },
      {
        image: 'node:22',
        from: digest('a'),
        to: digest('2'),
        fromMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        toMediaType: 'application/vnd.oci.image.index.v1+json',
      },
    ]);
    expect(text.split('\n')).toEqual([
      '- `alpine:3.20`: now pinned to `1111111` (multi-platform OCI image index).',
      '- `node:22`: the tag moved from `aaaaaaa` to `2222222` (multi-platform OCI image index).',
      '  - The manifest kind changed: single-platform Docker image manifest → multi-platform OCI image index.',
    ]);
  });
});
