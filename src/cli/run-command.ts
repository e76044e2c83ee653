import type { Changelogs } from '../changelog/index.ts';
import { explainImage } from '../changelog/index.ts';
import { asFailure, isInternal, type InternalError } from '../update/index.ts';
import { changelogJson, renderChangelogText } from '../changelog/facts/index.ts';
import { BadReferenceError } from '../reference/index.ts';
import { RegistryError, type RegistryClient } from '../registry/index.ts';
import type { PinPlan } from '../pin/index.ts';
import { pinReportJsonChunks, planRun } from '../pipeline/index.ts';
import { osvClientFor, registryClientFor, signatureTrustFor } from '../wiring/index.ts';
import { writeChanges, type WriteFailure } from '../pin/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { OsvClient } from '../osv/index.ts';
import type { Redactor } from '../text/redactor.ts';
import { openFileWorkspace } from '../workspace/index.ts';
import { UsageError, type CliArgs, type CommandName } from './args.ts';
import { ExitCode, type CliIo } from './io.ts';
import { paintOf, reportNoImageFiles, withSettings, writeChunks } from './command-setup.ts';
import { checkLineChunks, errorLines, skippedLines, summaryLine, updateLineChunks } from './report.ts';
import { unifiedDiff } from './unified-diff.ts';
import { problemLines } from './scan-report.ts';

// What `pin`, `check` and `explain` load: settings, the Dockerfile scanner, the
// registry client and changelogs. src/cli/main.ts imports this module only for
// those commands; `scan` loads the lighter ./scan-command.ts, `--version` neither.

/** Runs a parsed command that talks to registries; settings and unreadable paths are one-line errors. */
export function runCommand(
  args: CliArgs & { readonly command: CommandName },
  io: CliIo,
  redactor: Redactor,
): Promise<number> {
  return withSettings(args, io, redactor, async (settings) => {
    await io.prepareNetwork?.();
    if (args.command === 'explain') return await explain(settings, args, io, redactor);
    await io.limitHeapGrowth?.();
    return await pinOrCheck(settings, args, io, redactor);
  });
}

async function pinOrCheck(
  settings: RunSettings,
  args: CliArgs,
  io: CliIo,
  redactor: Redactor,
): Promise<number> {
  const registry = registryOf(settings, io, redactor);
  const signatureTrust = await signatureTrustFor(settings);
  const showProgress = io.interactive && !args.quiet && !args.json;
  const workspace = openFileWorkspace(settings.cwd);
  // Facts cost registry requests: read them all for --changelog, else only what a hold-back policy acts on.
  const { plan, changelogs: collected } = await planRun(
    settings,
    {
      registry,
      workspace,
      now: io.now?.() ?? new Date(),
      debug: args.debug ? (line) => io.stderr(`${line}\n`) : undefined,
      onProgress: showProgress ? progressLine(io) : undefined,
      signatureTrust,
      osv: osvOf(settings, args, io),
    },
    {
      facts: args.changelog ? 'all' : 'policy',
      // With --changelog, and with minimum-age (whose facts read every update's new index), the indexes
      // the facts read confirm the pins too, instead of a HEAD each.
      pinningReadsFacts: args.changelog || settings.minimumAgeMs !== undefined,
      // A hash a file instead of its text; a changed file is read again when written or diffed.
      keepTexts: false,
    },
  );
  const changelogs = args.changelog ? collected : undefined;

  reportNoImageFiles(plan.files.length, settings, args, io);
  if (!args.json) io.stderr(problemLines(plan.problems, paintOf(args, io)));
  if (changelogs && !args.json && !args.quiet)
    io.stdout(changelogLines(changelogs, io.now?.() ?? new Date()));
  if (args.command === 'check') return reportCheck(plan, args, io, changelogs);
  const paint = paintOf(args, io);
  const writeFailures: WriteFailure[] = [];
  if (args.diff) {
    for (const change of plan.changes) {
      // A file changed since the scan is refused here as a write would refuse it (ScannedFile.text).
      try {
        io.stdout(unifiedDiff(change.file, change.before, change.after));
      } catch (error) {
        writeFailures.push({ file: change.file, error: asFailure(error) });
      }
      // A diff of 20,000 files is not queued whole behind a slow reader either.
      await io.stdoutDrained?.();
    }
  } else {
    writeFailures.push(...(await writeChanges(workspace, plan)));
  }
  if (args.json) await writeChunks(io, pinReportJsonChunks(plan, changelogs));
  else if (!args.quiet && !args.diff && plan.files.length > 0) {
    await writeChunks(io, updateLineChunks(plan, paint), '');
    io.stdout(summaryLine(plan, 'pin', plan.files.length));
  }
  if (!args.json) io.stderr(errorLines(plan.errors, paint));
  io.stderr(
    writeFailures.map((failure) => `${failure.file}: not written: ${failure.error.message}\n`).join(''),
  );
  const internal = reportInternal(plan, args, io);
  if (internal) return ExitCode.Internal;
  return plan.errors.length || writeFailures.length ? ExitCode.Unresolved : ExitCode.Done;
}

async function reportCheck(
  plan: PinPlan,
  args: CliArgs,
  io: CliIo,
  changelogs: Changelogs | undefined,
): Promise<number> {
  const failsOnSkipped = args.strict && plan.skipped.length > 0;
  const paint = paintOf(args, io);
  if (args.json) {
    await writeChunks(io, pinReportJsonChunks(plan, changelogs));
  } else {
    await writeChunks(io, checkLineChunks(plan, paint), '');
    io.stderr(skippedLines(plan.skipped, args.strict ? 'error:' : 'warning:', paint));
    io.stderr(errorLines(plan.errors, paint));
    if (!args.quiet && plan.files.length > 0) io.stdout(summaryLine(plan, 'check', plan.files.length));
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

/** `basepin explain IMAGE[:TAG][@OLD_DIGEST]`: one image's changelog facts, as text or JSON. */
async function explain(settings: RunSettings, args: CliArgs, io: CliIo, redactor: Redactor): Promise<number> {
  const registry = registryOf(settings, io, redactor);
  const signatureTrust = await signatureTrustFor(settings);
  let facts;
  try {
    facts = await explainImage(args.image ?? '', settings, {
      registry,
      debug: args.debug ? (line) => io.stderr(`${line}\n`) : undefined,
      signatureTrust,
      osv: osvOf(settings, args, io),
    });
  } catch (error) {
    if (error instanceof BadReferenceError) throw new UsageError(error.message);
    if (!(error instanceof RegistryError)) throw error;
    io.stderr(`basepin: ${error.message}\n`);
    return ExitCode.Unresolved;
  }
  const now = io.now?.() ?? new Date();
  io.stdout(args.json ? `${JSON.stringify(changelogJson(facts))}\n` : `${renderChangelogText(facts, now)}\n`);
  return ExitCode.Done;
}

/** `--changelog` in text mode: each image change once, as `basepin explain` prints it. */
function changelogLines(changelogs: Changelogs, now: Date): string {
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const facts of changelogs.values()) {
    const key = `${facts.image}\n${facts.from ?? ''}\n${facts.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push(`${renderChangelogText(facts, now)}\n`);
  }
  return blocks.join('');
}

function progressLine(io: CliIo): (done: number, total: number) => void {
  return (done, total) => {
    if (total < 20) return;
    io.stderr(done === total ? '\r\x1b[K' : `\rresolving ${done}/${total} references`);
  };
}

/** The run's OSV client, built from `osv-api` (a test's, through its seam). */
function osvOf(settings: RunSettings, args: CliArgs, io: CliIo): OsvClient {
  if (io.osv) return io.osv(settings);
  return osvClientFor(settings, args.debug ? (line) => io.stderr(`${line}\n`) : undefined);
}

/** The registry client for a command: the test's, or one built from the settings whose secrets the redactor learns. */
function registryOf(settings: RunSettings, io: CliIo, redactor: Redactor): RegistryClient {
  if (io.registry) return io.registry(settings);
  return registryClientFor(settings, {
    dockerConfigDir: io.env.DOCKER_CONFIG,
    onSecret: (secret) => redactor.add(secret),
  });
}
