import { parseCliArgs, usage, UsageError, type CliArgs } from './args.ts';
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
  if (args.command === 'help') return (io.stdout(`${usage}\n`), ExitCode.Done);
  if (args.command === 'version') return (io.stdout(`basepin ${io.version}\n`), ExitCode.Done);
  // Loaded only when a command runs: `--version` and `--help` need none of it.
  const { runCommand } = await import('./run-command.ts');
  return runCommand({ ...args, command: args.command }, io);
}
