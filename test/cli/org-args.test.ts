import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/args.ts';
import { parseOrgArgs } from '../../src/cli/org-args.ts';

describe('parseOrgArgs', () => {
  it('reads the mode and its flags', () => {
    const args = parseOrgArgs(['plan', '--shards', '4', '--resolution=plan.json', '--json']);
    expect(args).toMatchObject({ mode: 'plan', shards: 4, resolution: 'plan.json', json: true });
  });

  it.each([
    [['--jsno'], /^unknown option --jsno \(did you mean --json\?\); see basepin org --help$/],
    [['run', '--shrad', '1'], /^unknown option --shrad \(did you mean --shard\?\); see basepin org --help$/],
    [['--frobnicate'], /^unknown option --frobnicate; see basepin org --help$/],
    [['-x'], /^unknown option -x; see basepin org --help$/],
    [['plan', '--resolution', 'plan.json', '--shards'], /^--shards needs a number$/],
    [['plan', '--shards', '--resolution', 'plan.json'], /^--shards needs a number$/],
    [['run', '--shard', '1', '--resolution'], /^--resolution needs a file$/],
    [['--private-key'], /^--private-key needs a file$/],
    [['plan', '--shards', 'four', '--resolution', 'p.json'], /^--shards needs a whole number, got "four"$/],
  ])('rejects %j with one line', (argv, message) => {
    expect(() => parseOrgArgs(argv)).toThrow(UsageError);
    expect(() => parseOrgArgs(argv)).toThrow(message);
  });

  it('words an unknown option the way the other commands do', () => {
    const wording = (parse: () => unknown): string => {
      try {
        parse();
      } catch (error) {
        return (error as Error).message.replace(/see basepin \w+ --help$/, 'see help');
      }
      return 'accepted';
    };
    expect(wording(() => parseOrgArgs(['--jsno']))).toBe(wording(() => parseCliArgs(['scan', '--jsno'])));
  });
});
