import { describe, expect, it } from 'vitest';
import { emptyDashboardState, renderDashboardBlock } from '../../src/dashboard/issue-body/index.ts';
import { parseCommand } from '../../src/comments/commands/index.ts';
import {
  basepinLabel,
  chooseDashboard,
  commentMarker,
  hasDashboardMark,
  isBasepinComment,
  markComment,
  readChangeTrailer,
  withChangeTrailer,
} from '../../src/text/marks.ts';

describe('the Basepin-Change trailer', () => {
  it.each([
    ['a subject alone', 'Pin node', 'Pin node\n\nBasepin-Change: basepin/all\n'],
    [
      'a subject and a body',
      'Pin node\n\nTwo images.\n',
      'Pin node\n\nTwo images.\n\nBasepin-Change: basepin/all\n',
    ],
    [
      'a last paragraph of trailers',
      'Pin node\n\nSigned-off-by: A <a@example.com>',
      'Pin node\n\nSigned-off-by: A <a@example.com>\nBasepin-Change: basepin/all\n',
    ],
    ['CRLF line ends', 'Pin node\r\n\r\nBody\r\n', 'Pin node\n\nBody\n\nBasepin-Change: basepin/all\n'],
  ])('is written after %s', (_what, message, written) => {
    expect(withChangeTrailer(message, 'basepin/all')).toBe(written);
  });

  it.each(['', 'two words', 'line\nbreak', 'x'.repeat(201), 'é'])('refuses the change id %j', (id) => {
    expect(() => withChangeTrailer('Pin', id)).toThrow(/not a change id/);
  });

  it.each<[string, string, string | undefined]>([
    ['the trailer basepin wrote', 'Pin node\n\nBasepin-Change: basepin/all\n', 'basepin/all'],
    [
      'among other trailers, key in any case',
      'Pin\n\nbody\n\nCo-authored-by: A <a@x>\nbasepin-change: abc123',
      'abc123',
    ],
    ['CRLF', 'Pin\r\n\r\nBasepin-Change: abc\r\n', 'abc'],
    ['the subject only', 'Basepin-Change: abc', undefined],
    ['in the body, not the last paragraph', 'Pin\n\nBasepin-Change: abc\n\nMore text.', undefined],
    ['a last paragraph with a line that is no trailer', 'Pin\n\nBasepin-Change: abc\nsee above', undefined],
    ['two of them', 'Pin\n\nBasepin-Change: a\nBasepin-Change: b', undefined],
    ['an empty value', 'Pin\n\nBasepin-Change:', undefined],
    ['a value with a space', 'Pin\n\nBasepin-Change: a b', undefined],
    ['quoted in a body', 'Revert "Pin"\n\n> Basepin-Change: abc', undefined],
    ['a look-alike key', 'Pin\n\nBasepin-Changes: abc', undefined],
    ['no message', '', undefined],
  ])('reads %s', (_what, message, id) => {
    expect(readChangeTrailer(message)).toBe(id);
  });

  it('reads back what it writes, whatever the message', () => {
    for (const message of ['Pin', 'Pin\n\nbody', 'Pin\n\nA: b', 'Pin\n\nBasepin-Change: old']) {
      const written = withChangeTrailer(message, 'new-id');
      // A message that already carried one now has two: it marks nothing rather than guess.
      expect(readChangeTrailer(written)).toBe(message.includes('Basepin-Change') ? undefined : 'new-id');
    }
  });
});

describe('the comment marker', () => {
  it('opens every reply basepin posts, which is then its own', () => {
    const reply = markComment('Rebased on main.');
    expect(reply.startsWith(`${commentMarker}\n`)).toBe(true);
    expect(isBasepinComment(reply)).toBe(true);
  });

  it.each([
    '/basepin rebase',
    'Rebased.',
    ` ${commentMarker}`,
    `> ${commentMarker}`,
    '<!-- basepin:state {} -->',
  ])('does not mark %j', (body) => {
    expect(isBasepinComment(body)).toBe(false);
  });

  it('makes a reply that quotes a command parse as no command', () => {
    expect(parseCommand('/basepin rebase').kind).toBe('command');
    expect(parseCommand(markComment('/basepin rebase'))).toEqual({ kind: 'none' });
  });
});

describe('the dashboard mark', () => {
  const block = renderDashboardBlock(emptyDashboardState);
  const issue = (
    number: number,
    changes: Partial<{ body: string; labels: string[]; isPullRequest: boolean }> = {},
  ) => ({
    number,
    body: `# basepin dashboard\n\n${block}\n`,
    labels: [basepinLabel],
    isPullRequest: false,
    ...changes,
  });

  it('is the block the dashboard renders', () => {
    expect(hasDashboardMark(issue(1))).toBe(true);
  });

  it.each([
    ['without the label', issue(1, { labels: ['bug'] })],
    ['without the block', issue(1, { body: '# basepin dashboard\n' })],
    ['with a look-alike block', issue(1, { body: '<!-- basepin:dashboards {} -->' })],
    ['a pull request', issue(1, { isPullRequest: true })],
  ])('is not an issue %s', (_what, candidate) => {
    expect(hasDashboardMark(candidate)).toBe(false);
  });

  it('keeps the label’s case-insensitivity', () => {
    expect(hasDashboardMark(issue(1, { labels: ['BasePin'] }))).toBe(true);
  });

  it('chooses the oldest marked issue; the other marked ones are duplicates', () => {
    const chosen = chooseDashboard([issue(9), issue(4, { labels: [] }), issue(7), issue(5)]);
    expect(chosen.dashboard?.number).toBe(5);
    expect(chosen.duplicates.map((i) => i.number)).toEqual([7, 9]);
    expect(chooseDashboard([issue(4, { labels: [] })])).toEqual({ dashboard: undefined, duplicates: [] });
  });
});
