import { commandHelp, parseCliArgs, usage, UsageError, type CliArgs } from './args.ts';
import { ExitCode, type CliIo } from './io.ts';

export { ExitCode, type CliIo } from './io.ts';

/** Runs one CLI invocation and returns its exit code; throws nothing a user could cause. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`basepin: ${error.message}\n`);
    return ExitCode.Usage;
  }
  switch (args.command) {
    case 'usage':
      // Nothing asked: the usage is an error message here, not output a script should read.
      io.stderr(`${usage}\n`);
      return ExitCode.Usage;
    case 'help':
      io.stdout(`${args.helpTopic ? commandHelp(args.helpTopic) : usage}\n`);
      return ExitCode.Done;
    case 'version':
      io.stdout(`basepin ${io.version}\n`);
      return ExitCode.Done;
    default: {
      // Loaded only when a command runs: `--version` and `--help` need none of it.
      const { runCommand } = await import('./run-command.ts');
      return runCommand({ ...args, command: args.command }, io);
    }
  }
}
