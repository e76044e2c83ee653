import type { CommandName } from './parse.ts';

export interface CommandHelp {
  readonly name: CommandName;
  readonly usage: string;
  readonly effect: string;
  /** Where the command works. */
  readonly where: 'basepin pull request' | 'basepin pull request or dashboard' | 'pull request' | 'anywhere';
}

/** The comment commands, in the order the help lists them. */
export const commandHelp: readonly CommandHelp[] = [
  {
    name: 'rebase',
    usage: '/basepin rebase',
    effect: 'recompute this pull request on the current base branch and update its branch',
    where: 'basepin pull request',
  },
  {
    name: 'recreate',
    usage: '/basepin recreate',
    effect: 'like rebase, also when the branch carries commits basepin did not make (they are dropped)',
    where: 'basepin pull request',
  },
  {
    name: 'ignore',
    usage: '/basepin ignore <image>[:<tag>]',
    effect: 'stop proposing updates for that image or tag (e.g. `/basepin ignore alpine`)',
    where: 'basepin pull request or dashboard',
  },
  {
    name: 'unignore',
    usage: '/basepin unignore <image>[:<tag>]',
    effect: 'undo an ignore',
    where: 'basepin pull request or dashboard',
  },
  {
    name: 'ignored',
    usage: '/basepin ignored',
    effect: 'list the ignore rules and where each came from',
    where: 'anywhere',
  },
  {
    name: 'pin',
    usage: '/basepin pin',
    effect:
      'pin the unpinned and stale references in the Dockerfiles this pull request changes, as one commit on its branch (branches of this repository only)',
    where: 'pull request',
  },
  { name: 'help', usage: '/basepin help', effect: 'show this list', where: 'anywhere' },
];

/** The markdown help: one line per command. Only our own text. */
export function renderHelp(): string {
  return [
    'basepin commands (a comment whose first line is the command; people with write access):',
    '',
    ...commandHelp.map((c) => `- \`${c.usage}\` (${c.where}): ${c.effect}.`),
  ].join('\n');
}
