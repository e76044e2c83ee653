import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands, flagDocs, flagsByCommand, type Flag } from '../../src/cli/args.ts';

// README's Command-line options table is the manual: every flag the CLI accepts has a row naming the
// commands that take it, so a flag added to ./args.ts without its row fails here.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('| option | commands | meaning |'));
const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);

/** The commands cell of the row whose first cell names `--flag`. */
function commandsCell(flag: string): string | undefined {
  const row = rows.find((line) => new RegExp(`^\\| [^|]*\`--${flag}[\` ]`).test(line));
  return row?.split(' | ')[1];
}

describe('README options table', () => {
  it.each(Object.keys(flagDocs).filter((flag) => flag !== 'help' && flag !== 'version') as Flag[])(
    '--%s has a row naming exactly the commands that take it',
    (flag) => {
      const takers = commands.filter((command) => flagsByCommand[command].includes(flag));
      expect(commandsCell(flag)).toBe(takers.join(', '));
    },
  );

  it('has rows for --help and --version', () => {
    expect(commandsCell('help')).toBeDefined();
    expect(commandsCell('version')).toBeDefined();
  });
});
