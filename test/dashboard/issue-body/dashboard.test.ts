import { describe, expect, it } from 'vitest';
import {
  maxDashboardChars,
  renderDashboard,
  type DashboardSite,
  type DashboardView,
} from '../../../src/dashboard/issue-body/render.ts';
import {
  emptyDashboardState,
  readDashboardState,
  readTickedBoxes,
  renderDashboardBlock,
  ruleCovers,
  withIgnore,
  withoutIgnore,
  type DashboardState,
  type IgnoreRule,
} from '../../../src/dashboard/issue-body/state.ts';

const rule = (repository: string, tag?: string, by = 'monalisa'): IgnoreRule => ({
  repository,
  tag,
  source: { issue: 7, comment: 1234, by },
});

const site = (changes: Partial<DashboardSite> = {}): DashboardSite => ({
  image: 'alpine',
  file: 'Dockerfile',
  line: 1,
  url: 'https://github.com/o/r/blob/main/Dockerfile#L1',
  reference: 'alpine:3.20',
  state: 'stale',
  ...changes,
});

function view(changes: Partial<DashboardView> = {}): DashboardView {
  return {
    sites: [site(), site({ image: 'node', reference: 'node:22', state: 'current', line: 5 })],
    pullRequests: [
      { number: 12, url: 'https://github.com/o/r/pull/12', branch: 'basepin/all', title: 'Pin' },
    ],
    pending: [{ branch: 'basepin/node', why: 'declined in #9' }],
    ruleUrl: (r) => `https://github.com/o/r/issues/${r.source.issue}#issuecomment-${r.source.comment}`,
    configExcludes: ['ghcr.io/acme/*'],
    state: withIgnore(emptyDashboardState, rule('docker.io/library/redis', '7')),
    ...changes,
  };
}

describe('the dashboard state block', () => {
  it('round-trips through a rendered body', () => {
    const body = renderDashboard(view());
    const reading = readDashboardState(body);
    expect(reading).toEqual({
      kind: 'valid',
      state: {
        v: 1,
        ignores: [rule('docker.io/library/redis', '7')],
        pending: ['basepin/node'],
      },
    });
  });

  it('escapes what could close the comment', () => {
    const state = { ...emptyDashboardState, pending: ['a-->b'] } as DashboardState;
    expect(renderDashboardBlock(state)).not.toMatch(/-->.*-->/);
  });

  it.each([
    ['not JSON', '<!-- basepin:dashboard {nope -->', /not JSON/],
    ['unclosed', '<!-- basepin:dashboard {"v":1}', /not closed/],
    ['another version', '<!-- basepin:dashboard {"v":2,"ignores":[],"pending":[]} -->', /schema/],
    [
      'a rule that is not a reference',
      `<!-- basepin:dashboard ${JSON.stringify({ v: 1, pending: [], ignores: [{ repository: '$(id)', source: { issue: 1, comment: 1, by: 'x' } }] })} -->`,
      /not a fully qualified/,
    ],
    [
      'a familiar name where a full one belongs',
      `<!-- basepin:dashboard ${JSON.stringify({ v: 1, pending: [], ignores: [{ repository: 'alpine', source: { issue: 1, comment: 1, by: 'x' } }] })} -->`,
      /not a fully qualified/,
    ],
    [
      'a login with markdown',
      `<!-- basepin:dashboard ${JSON.stringify({ v: 1, pending: [], ignores: [{ repository: 'docker.io/library/alpine', source: { issue: 1, comment: 1, by: '[x](y)' } }] })} -->`,
      /source\.by/,
    ],
    [
      'a pending branch with a space',
      '<!-- basepin:dashboard {"v":1,"ignores":[],"pending":["a b"]} -->',
      /pending/,
    ],
  ])('refuses %s with a reason', (_name, body, reason) => {
    const reading = readDashboardState(body);
    expect(reading.kind).toBe('invalid');
    expect((reading as { reason: string }).reason).toMatch(reason);
  });

  it('is absent from an ordinary body', () => {
    expect(readDashboardState('hello')).toEqual({ kind: 'absent' });
  });
});

describe('ignore rules', () => {
  it('adds, replaces and removes by target', () => {
    let state = withIgnore(emptyDashboardState, rule('docker.io/library/alpine'));
    state = withIgnore(state, rule('docker.io/library/alpine', undefined, 'octocat'));
    expect(state.ignores).toEqual([rule('docker.io/library/alpine', undefined, 'octocat')]);
    state = withoutIgnore(state, { repository: 'docker.io/library/alpine', tag: undefined });
    expect(state.ignores).toEqual([]);
  });

  it.each([
    [{ repository: 'docker.io/library/alpine', tag: undefined }, '3.20', true],
    [{ repository: 'docker.io/library/alpine', tag: '3.20' }, '3.20', true],
    [{ repository: 'docker.io/library/alpine', tag: '3.19' }, '3.20', false],
    [{ repository: 'docker.io/library/node', tag: undefined }, '3.20', false],
  ])('%o covers alpine:%s: %s', (target, tag, expected) => {
    expect(ruleCovers(target, 'docker.io/library/alpine', tag)).toBe(expected);
  });
});

describe('checkboxes', () => {
  const state: DashboardState = { ...emptyDashboardState, pending: ['basepin/node'] };

  it('reads nothing from an untouched body', () => {
    expect(readTickedBoxes(renderDashboard(view()), state)).toEqual({ rebaseAll: false, create: [] });
  });

  it('reads the boxes a person ticked', () => {
    const body = renderDashboard(view())
      .replace('- [ ] <!-- basepin:rebase-all -->', '- [x] <!-- basepin:rebase-all -->')
      .replace('- [ ] <!-- basepin:create:basepin/node -->', '- [X] <!-- basepin:create:basepin/node -->');
    expect(readTickedBoxes(body, state)).toEqual({ rebaseAll: true, create: ['basepin/node'] });
  });

  it('ignores a create box for a branch the dashboard did not offer', () => {
    const body = '- [x] <!-- basepin:create:main --> sneaky\r\n- [x] <!-- basepin:create:basepin/node -->';
    expect(readTickedBoxes(body, state)).toEqual({ rebaseAll: false, create: ['basepin/node'] });
  });
});

describe('rendering', () => {
  it('groups references by image with their state and links, and lists PRs and rules', () => {
    const body = renderDashboard(view());
    expect(body).toContain('| **`alpine`** | | |');
    expect(body).toContain(
      '| [`Dockerfile:1`](https://github.com/o/r/blob/main/Dockerfile#L1) | `alpine:3.20` | pinned, stale |',
    );
    expect(body).toContain('- #12 `Pin` (`basepin/all`)');
    expect(body).toContain(
      '- `docker.io/library/redis:7`: [by `monalisa`](https://github.com/o/r/issues/7#issuecomment-1234)',
    );
    expect(body).toContain('- `ghcr.io/acme/*`: `exclude-images` in the settings');
    expect(body).toContain('- [ ] <!-- basepin:create:basepin/node --> Create `basepin/node` now');
  });

  it('quotes hostile texts from Dockerfiles and registries', () => {
    const body = renderDashboard(
      view({
        sites: [site({ reference: 'x|y <img src=x> @admin', state: 'failed', detail: 'boom\n## injected' })],
      }),
    );
    expect(body).toContain('`x\\|y <img src=x> @admin`');
    // A newline folds to a space, as an inline code span renders it anyway.
    expect(body).toContain('failed: `boom ## injected`');
    expect(body).not.toMatch(/^## injected/m);
  });

  it('cuts the longest section to fit GitHub’s limit and says so', () => {
    const sites = Array.from({ length: 3000 }, (_, i) =>
      site({ line: i + 1, file: `services/s${i}/Dockerfile` }),
    );
    const body = renderDashboard(view({ sites }));
    expect(body.length).toBeLessThanOrEqual(maxDashboardChars);
    expect(body).toMatch(/…\d+ more lines cut to stay within GitHub's size limit/);
    expect(readDashboardState(body).kind).toBe('valid');
  });
});
