import { addChangelogs, changelogNeeded, pinningForChangelogs, type Changelogs } from '../app/changelog.ts';
import { explainImage } from '../app/explain.ts';
import { isInternal, type InternalError } from '../app/failure.ts';
import { changelogJson, renderChangelogText } from '../changelog/text.ts';
import { BadReferenceError } from '../reference/index.ts';
import { RegistryError } from '../registry/index.ts';
import { planPins, type PinPlan } from '../app/pin.ts';
import { registryClientFor } from '../app/registry-client.ts';
import { scanDockerfiles } from '../app/scan.ts';
import { writeChanges, type WriteFailure } from '../app/write-changes.ts';
import { SettingsError } from '../config/errors.ts';
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { RunSettings } from '../config/settings.ts';
import type { Redactor } from '../text/redactor.ts';
import { UnreadablePathError } from '../workspace/discover-dockerfiles.ts';
import { UsageError, type CliArgs, type CommandName } from './args.ts';
import { paintFor, type Paint } from './colour.ts';
import { ExitCode, type CliIo } from './io.ts';
import { errorLines, pinJson, scanJson, scanText, skippedLines, summaryLine, updateLines } from './report.ts';
import { resolveCliSettings } from './settings.ts';
import { unifiedDiff } from './unified-diff.ts';

// What `scan`, `pin` and `check` load: settings, the Dockerfile scanner and the
// registry client. src/cli/main.ts imports this module only when a command runs,
// so `--version` and `--help` start without it.

/** Runs a parsed command; settings and unreadable paths are one-line errors. */
export async function runCommand(
  args: CliArgs & { readonly command: CommandName },
  io: CliIo,
  redactor: Redactor,
): Promise<number> {
  try {
    const settings = await rootedAtGivenFolder(await resolveCliSettings(args, io.env, io.cwd));
    for (const { username, password } of Object.values(settings.credentials)) {
      redactor.addCredential(username, password);
    }
    if (args.command === 'scan') return await scan(settings, args, io);
    await io.prepareNetwork?.();
    if (args.command === 'explain') return await explain(settings, args, io, redactor);
    return await pinOrCheck(settings, args, io, redactor);
  } catch (error) {
    // A bad flag value or settings file is a usage error: nothing was read or written, unlike exit 2.
    if (error instanceof SettingsError || error instanceof UsageError) {
      io.stderr(`basepin: ${error.message}\n`);
      return ExitCode.Usage;
    }
    if (error instanceof UnreadablePathError) {
      io.stderr(`basepin: ${error.message}\n`);
      return ExitCode.Unresolved;
    }
    throw error;
  }
}

/**
 * `basepin scan ../other-repo` reports `services/api/Dockerfile`, not
 * `../other-repo/services/api/Dockerfile`: one folder given outside the
 * current one becomes the folder paths are relative to (and files are written under).
 */
async function rootedAtGivenFolder(settings: RunSettings): Promise<RunSettings> {
  if (settings.paths.length !== 1) return settings;
  const folder = resolve(settings.cwd, settings.paths[0]!);
  const fromCwd = relative(settings.cwd, folder);
  if (!(fromCwd.startsWith('..') || isAbsolute(fromCwd))) return settings;
  const isFolder = await stat(folder).then(
    (found) => found.isDirectory(),
    () => false,
  );
  return isFolder ? { ...settings, cwd: folder, paths: ['.'] } : settings;
}

/** What the user pointed at, as they wrote it: `.`, `services, docker`. */
function shownPaths(args: CliArgs): string {
  return args.paths.length ? args.paths.join(', ') : '.';
}

/** An empty checkout or a mistyped folder is worth a line on stderr, not a silent zero (exit 0: nothing failed). */
function reportNoDockerfiles(files: number, args: CliArgs, io: CliIo): void {
  if (files === 0) io.stderr(`basepin: no Dockerfiles found under ${shownPaths(args)}\n`);
}

function paintOf(args: CliArgs, io: CliIo): Paint {
  return paintFor(Boolean(io.colour) && !args.json);
}

async function scan(settings: RunSettings, args: CliArgs, io: CliIo): Promise<number> {
  const { files, sites } = await scanDockerfiles(settings);
  io.stdout(args.json ? `${scanJson(sites)}\n` : scanText(sites, paintOf(args, io)));
  reportNoDockerfiles(files.length, args, io);
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
  // Facts and pins share one cache; with --changelog the indexes it reads confirm the pins too.
  const pinning = pinningForChangelogs(registry);
  const planned = await planPins(settings, {
    registry: pinning.registry,
    fetchesDigests: args.changelog ? pinning.fetchesDigests : undefined,
    onProgress: showProgress ? progressLine(io) : undefined,
  });
  // Facts cost registry requests: read them all for --changelog, else only what a setting acts on.
  const { plan, changelogs: collected } =
    args.changelog || changelogNeeded(planned, settings)
      ? await addChangelogs(
          planned,
          settings,
          {
            registry: pinning.registry,
            now: io.now?.() ?? new Date(),
            debug: args.debug ? (line) => io.stderr(`${line}\n`) : undefined,
          },
          { facts: args.changelog ? 'all' : 'policy' },
        )
      : { plan: planned, changelogs: undefined };
  const changelogs = args.changelog ? collected : undefined;

  reportNoDockerfiles(plan.files.length, args, io);
  if (changelogs && !args.json && !args.quiet)
    io.stdout(changelogLines(changelogs, io.now?.() ?? new Date()));
  if (args.command === 'check') return reportCheck(plan, args, io, changelogs);
  const paint = paintOf(args, io);
  const writeFailures: WriteFailure[] = [];
  if (args.diff) {
    io.stdout(plan.changes.map((change) => unifiedDiff(change.file, change.before, change.after)).join(''));
  } else {
    writeFailures.push(...(await writeChanges(settings.cwd, plan)));
  }
  if (args.json) io.stdout(`${pinJson(plan, changelogs)}\n`);
  else if (!args.quiet && !args.diff && plan.files.length > 0)
    io.stdout(updateLines(plan, paint) + summaryLine(plan, 'pin', plan.files.length));
  if (!args.json) io.stderr(errorLines(plan.errors, paint));
  io.stderr(
    writeFailures.map((failure) => `${failure.file}: not written: ${failure.error.message}\n`).join(''),
  );
  const internal = reportInternal(plan, args, io);
  if (internal) return ExitCode.Internal;
  return plan.errors.length || writeFailures.length ? ExitCode.Unresolved : ExitCode.Done;
}

function reportCheck(plan: PinPlan, args: CliArgs, io: CliIo, changelogs: Changelogs | undefined): number {
  const failsOnSkipped = args.strict && plan.skipped.length > 0;
  const paint = paintOf(args, io);
  if (args.json) {
    io.stdout(`${pinJson(plan, changelogs)}\n`);
  } else {
    io.stdout(
      plan.updates
        .map(
          (update) =>
            `${update.file}:${update.line} ${update.reference} ${paint('yellow', update.from ? 'stale pin' : 'not pinned')}\n`,
        )
        .join(''),
    );
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
  const registry = io.registry
    ? io.registry(settings)
    : registryClientFor(settings, {
        dockerConfigDir: io.env.DOCKER_CONFIG,
        onSecret: (secret) => redactor.add(secret),
      });
  let facts;
  try {
    facts = await explainImage(args.image ?? '', settings, {
      registry,
      debug: args.debug ? (line) => io.stderr(`${line}\n`) : undefined,
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
