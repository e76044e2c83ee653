import { parseCliArgs, UsageError, type CliArgs } from './args.ts';
import { commandHelp, usage } from './help.ts';
import { ExitCode, type CliIo } from './io.ts';
import { createRedactor } from '../text/redactor.ts';

export { ExitCode, type CliIo } from './io.ts';

/**
 * Runs one CLI invocation and returns its exit code; throws nothing a user could cause.
 * Everything written to stdout and stderr (text, --json, diffs) passes the run's redactor (so no secret reaches a log, an output or GitHub).
 */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const redactor = createRedactor();
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(redactor.redact(text)),
    stderr: (text) => rawIo.stderr(redactor.redact(text)),
  };
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
      try {
        if (args.command === 'scan') {
          // `scan` talks to no registry: it loads neither the registry client nor undici.
          const { runScan } = await import('./scan-command.ts');
          return await runScan(args, io, redactor);
        }
        const { runCommand } = await import('./run-command.ts');
        return await runCommand({ ...args, command: args.command }, io, redactor);
      } catch (error) {
        // A bug. Printed here rather than thrown, so the stack (which may quote what it was handling) is redacted too.
        io.stderr(
          `basepin: internal error, a bug in basepin: ${error instanceof Error ? error.stack : String(error)}\n`,
        );
        return ExitCode.Internal;
      }
    }
  }
}
