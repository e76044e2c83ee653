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
    [['frobnicate'], /unknown command "frobnicate"/],
    [['scan', '--diff'], /basepin scan does not take --diff/],
    [['check', '--diff'], /basepin check does not take --diff/],
    [['pin', '--diff', '--json'], /cannot be combined/],
    [['pin', '--nope'], /Unknown option '--nope'/],
  ])('refuses %j as a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('answers help and version', () => {
    expect(parseCliArgs([]).command).toBe('help');
    expect(parseCliArgs(['--help']).command).toBe('help');
    expect(parseCliArgs(['-V']).command).toBe('version');
  });
});
