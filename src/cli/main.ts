import { parseCliArgs, UsageError, type CliArgs } from './args.ts';
import { commandHelp, usage } from './help.ts';
import { ExitCode, type CliIo } from './io.ts';
import { createRedactor, type Redactor } from '../text/redactor.ts';

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
  if (argv[0] === 'org') return runOrg(argv.slice(1), io, redactor);
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

/** `basepin org …`: its own flags and help; loaded only when asked for. */
async function runOrg(argv: readonly string[], io: CliIo, redactor: Redactor): Promise<number> {
  const { orgUsage } = await import('./org-args.ts');
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(orgUsage);
    return ExitCode.Done;
  }
  try {
    const { runOrgCommand } = await import('./org-command.ts');
    return await runOrgCommand(argv, io, redactor);
  } catch (error) {
    io.stderr(
      `basepin: internal error, a bug in basepin: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return ExitCode.Internal;
  }
}
