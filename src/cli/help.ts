import { commands, flagDocs, flagsByCommand, type CommandName, type Flag } from './args.ts';

// The help texts: `basepin --help` and `basepin COMMAND --help`, drawn from the flag table in ./args.ts.

const summaries: Record<CommandName, string> = {
  scan: 'list every image reference in the files under PATH (no network)',
  pin: 'resolve tags to digests and rewrite the files in place',
  check: 'like pin, but write nothing; exit 1 when a pin is missing or stale',
  explain:
    'what changed in IMAGE[:TAG] since @OLD_DIGEST, or what its tag points at: build dates, source, base, platforms, size, packages',
};

const examples: Record<CommandName, readonly string[]> = {
  scan: ['basepin scan .', 'basepin scan services --json'],
  pin: [
    'basepin pin .',
    'basepin pin services/api --diff',
    'basepin pin . --registry-mirror docker.io=https://mirror.gcr.io',
  ],
  check: [
    'basepin check .          # in CI: exit 1 while a pin is missing or stale',
    'basepin check . --strict --json',
  ],
  explain: ['basepin explain alpine:3.20', 'basepin explain node:22@sha256:… --json --platform linux/arm64'],
};

const exitCodes =
  'Exit codes: 0 done · 1 check found work · 2 some references could not be resolved · 64 usage error · 70 internal error';

/** Each command's help lists only the codes it can return (./run-command.ts, ./scan-command.ts). */
const commandExitCodes: Record<CommandName, string> = {
  scan: 'Exit codes: 0 done · 2 a path could not be read · 64 usage error · 70 internal error',
  pin: 'Exit codes: 0 done · 2 some references could not be resolved or written · 64 usage error · 70 internal error',
  check: exitCodes,
  explain: 'Exit codes: 0 done · 2 the image could not be read · 64 usage error · 70 internal error',
};

function optionLines(flags: readonly Flag[]): string[] {
  const width = Math.max(...flags.map((flag) => flagDocs[flag].syntax.length));
  return flags.map((flag) => {
    const { syntax, what } = flagDocs[flag];
    return syntax.length > 30
      ? `  ${syntax}\n  ${' '.repeat(Math.min(width, 30))}  ${what}`
      : `  ${syntax.padEnd(Math.min(width, 30))}  ${what}`;
  });
}

/** The general help. */
export const usage = [
  'Usage: basepin <command> [PATH…] [options]',
  '',
  'Commands:',
  ...commands.map((command) => `  ${command.padEnd(7)}  ${summaries[command]}`),
  `  ${'org'.padEnd(7)}  every repository a GitHub App installation sees, through the API (\`basepin org --help\`)`,
  '',
  'Options (`basepin COMMAND --help` shows which a command takes):',
  ...optionLines([...new Set<Flag>([...flagsByCommand.pin, 'strict']), 'help', 'version']).map((line) =>
    line.replace(
      /^( {2}--(diff|strict) +)/,
      (start: string, _all: string, flag: string) => `${start}(${flag === 'diff' ? 'pin' : 'check'}) `,
    ),
  ),
  '',
  exitCodes,
].join('\n');

/** `basepin pin --help`: what the command does, its flags and examples. */
export function commandHelp(command: CommandName): string {
  return [
    command === 'explain'
      ? 'Usage: basepin explain IMAGE[:TAG][@OLD_DIGEST] [options]'
      : `Usage: basepin ${command} [PATH…] [options]`,
    '',
    `${summaries[command][0]!.toUpperCase()}${summaries[command].slice(1)}.${command === 'explain' ? '' : ' PATH defaults to the current folder.'}`,
    '',
    'Options:',
    ...optionLines([...flagsByCommand[command], 'help']),
    '',
    'Examples:',
    ...examples[command].map((example) => `  ${example}`),
    '',
    commandExitCodes[command],
  ].join('\n');
}
