import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli/args.ts';

describe('parseCliArgs', () => {
  it('reads a command, paths and repeatable flags', () => {
    const args = parseCliArgs([
      'pin',
      'services',
      'docker',
      '--registry-mirror',
      'docker.io=https://mirror.gcr.io',
      '--registry-mirror=ghcr.io=https://m.example',
      '--exclude-image',
      'node',
      '--diff',
    ]);
    expect(args.command).toBe('pin');
    expect(args.paths).toEqual(['services', 'docker']);
    expect(args.settingFlags['registry-mirror']).toEqual([
      'docker.io=https://mirror.gcr.io',
      'ghcr.io=https://m.example',
    ]);
    expect(args.settingFlags['exclude-image']).toEqual(['node']);
    expect(args.diff).toBe(true);
  });

  it.each([
    [
      ['frobnicate'],
      /unknown command "frobnicate" \(expected scan, pin, check or explain\); see basepin --help/,
    ],
    [['pni'], /unknown command "pni" \(did you mean pin\?\)/],
    [['scan', '--diff'], /basepin scan does not take --diff/],
    [['check', '--diff'], /basepin check does not take --diff/],
    [['pin', '--diff', '--json'], /cannot be combined/],
    [['pin', '--nope'], /^unknown option --nope; see basepin pin --help$/],
    [['pin', '--jsno'], /^unknown option --jsno \(did you mean --json\?\); see basepin pin --help$/],
    [
      ['check', '--stirct'],
      /^unknown option --stirct \(did you mean --strict\?\); see basepin check --help$/,
    ],
    [['pin', '--include'], /^--include needs a glob$/],
    [['pin', '--include', '--json'], /^--include needs a glob$/],
    [['check', '--platform'], /^--platform needs a platform such as linux\/amd64$/],
    [['--json'], /no command given/],
  ])('refuses %j as a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('takes a value after = or as the next word, even one starting with a dash only when it is -', () => {
    expect(parseCliArgs(['scan', '--include=*.df']).settingFlags.include).toEqual(['*.df']);
    expect(parseCliArgs(['scan', '--include', '*.df']).settingFlags.include).toEqual(['*.df']);
  });

  it('answers help and version', () => {
    expect(parseCliArgs([]).command).toBe('usage');
    expect(parseCliArgs(['--help']).command).toBe('help');
    expect(parseCliArgs(['pin', '--help'])).toMatchObject({ command: 'help', helpTopic: 'pin' });
    expect(parseCliArgs(['help', 'check'])).toMatchObject({ command: 'help', helpTopic: 'check' });
    expect(parseCliArgs(['-V']).command).toBe('version');
  });
});
