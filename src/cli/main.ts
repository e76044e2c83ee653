import { isInternal, type InternalError } from '../app/failure.ts';
import { planPins, type PinPlan } from '../app/pin.ts';
import { registryClientFor } from '../app/registry-client.ts';
import { scanDockerfiles } from '../app/scan.ts';
import { writeChanges, type WriteFailure } from '../app/write-changes.ts';
import { SettingsError } from '../config/errors.ts';
import type { RunSettings } from '../config/settings.ts';
import type { RegistryClient } from '../registry/index.ts';
import { UnreadablePathError } from '../workspace/discover-dockerfiles.ts';
import { createRedactor, type Redactor } from '../text/redactor.ts';
import { parseCliArgs, usage, UsageError, type CliArgs } from './args.ts';
import { errorLines, pinJson, scanJson, scanText, skippedLines, summaryLine, updateLines } from './report.ts';
import { resolveCliSettings } from './settings.ts';
import { unifiedDiff } from './unified-diff.ts';

export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress line). */
  readonly interactive: boolean;
  readonly version: string;
  /** Test seam: the registry client a run uses (default: built from the settings). */
  readonly registry?: (settings: RunSettings) => RegistryClient;
}

/** sysexits(3): 64 EX_USAGE, 70 EX_SOFTWARE. */
export const ExitCode = { Done: 0, WorkFound: 1, Unresolved: 2, Usage: 64, Internal: 70 } as const;

/**
 * Runs one CLI invocation and returns its exit code; throws nothing a user could cause.
 * Everything written to stdout and stderr (text, --json, diffs) passes the run's redactor (issue 8 §4).
 */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const redactor = createRedactor();
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(redactor.redact(text)),
    stderr: (text) => rawIo.stderr(redactor.redact(text)),
  };
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') return (io.stdout(`${usage}\n`), ExitCode.Done);
    if (args.command === 'version') return (io.stdout(`basepin ${io.version}\n`), ExitCode.Done);
    const settings = await resolveCliSettings(args, io.env, io.cwd);
    for (const { username, password } of Object.values(settings.credentials)) {
      redactor.addCredential(username, password);
    }
    if (args.command === 'scan') return await scan(settings, args, io);
    return await pinOrCheck(settings, args, io, redactor);
  } catch (error) {
    // A bad flag value or settings file is a usage error: nothing was read or written, unlike exit 2.
    if (error instanceof UsageError || error instanceof SettingsError) {
      io.stderr(`basepin: ${error.message}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof UnreadablePathError) {
      io.stderr(`basepin: ${error.message}\n`);
      return ExitCode.Unresolved;
    }
    // A bug. Printed here rather than thrown, so the stack (which may quote what it was handling) is redacted too.
    io.stderr(
      `basepin: internal error, a bug in basepin: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return ExitCode.Internal;
  }
}

async function scan(settings: RunSettings, args: CliArgs, io: CliIo): Promise<number> {
  const { sites } = await scanDockerfiles(settings);
  io.stdout(args.json ? `${scanJson(sites)}\n` : scanText(sites));
  return ExitCode.Done;
}

async function pinOrCheck(
  settings: RunSettings,
  args: CliArgs,
  io: CliIo,
  redactor: Redactor,
): Promise<number> {
  const registry = io.registry
    ? io.registry(settings)
    : registryClientFor(settings, {
        dockerConfigDir: io.env.DOCKER_CONFIG,
        onSecret: (secret) => redactor.add(secret),
      });
  const showProgress = io.interactive && !args.quiet && !args.json;
  const plan = await planPins(settings, {
    registry,
    onProgress: showProgress ? progressLine(io) : undefined,
  });

  if (args.command === 'check') return reportCheck(plan, args, io);
  const writeFailures: WriteFailure[] = [];
  if (args.diff) {
    io.stdout(plan.changes.map((change) => unifiedDiff(change.file, change.before, change.after)).join(''));
  } else {
    writeFailures.push(...(await writeChanges(settings.cwd, plan)));
  }
  if (args.json) io.stdout(`${pinJson(plan)}\n`);
  else if (!args.quiet && !args.diff) io.stdout(updateLines(plan) + summaryLine(plan, 'pin'));
  if (!args.json) io.stderr(errorLines(plan.errors));
  io.stderr(
    writeFailures.map((failure) => `${failure.file}: not written: ${failure.error.message}\n`).join(''),
  );
  const internal = reportInternal(plan, args, io);
  if (internal) return ExitCode.Internal;
  return plan.errors.length || writeFailures.length ? ExitCode.Unresolved : ExitCode.Done;
}

function reportCheck(plan: PinPlan, args: CliArgs, io: CliIo): number {
  const failsOnSkipped = args.strict && plan.skipped.length > 0;
  if (args.json) {
    io.stdout(`${pinJson(plan)}\n`);
  } else {
    io.stdout(
      plan.updates
        .map(
          (update) =>
            `${update.file}:${update.line} ${update.reference} ${update.from ? 'stale pin' : 'not pinned'}\n`,
        )
        .join(''),
    );
    io.stderr(skippedLines(plan.skipped, args.strict ? 'error:' : 'warning:'));
    io.stderr(errorLines(plan.errors));
    if (!args.quiet) io.stdout(summaryLine(plan, 'check'));
  }
  if (reportInternal(plan, args, io)) return ExitCode.Internal;
  if (plan.errors.length) return ExitCode.Unresolved;
  return plan.updates.length || failsOnSkipped ? ExitCode.WorkFound : ExitCode.Done;
}

/** A bug is not the registry's fault: say so, with the stack on --debug; exit 70 after the other sites completed. */
function reportInternal(plan: PinPlan, args: CliArgs, io: CliIo): boolean {
  const internal = plan.errors.map((failure) => failure.error).filter(isInternal) as InternalError[];
  if (internal.length === 0) return false;
  io.stderr(
    `basepin: ${internal.length} internal error(s), a bug in basepin; ` +
      (args.debug ? 'stack follows\n' : 'run with --debug for the stack\n'),
  );
  if (args.debug) for (const error of new Set(internal)) io.stderr(`${error.detail}\n`);
  return true;
}

function progressLine(io: CliIo): (done: number, total: number) => void {
  return (done, total) => {
    if (total < 20) return;
    io.stderr(done === total ? '\r\x1b[K' : `\rresolving ${done}/${total} references`);
  };
}
