import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { SettingsError } from '../config/errors.ts';
import type { RunSettings } from '../config/settings.ts';
import { fileKinds } from '../manifests/index.ts';
import type { Redactor } from '../text/redactor.ts';
import { UnreadablePathError } from '../workspace/index.ts';
import { UsageError, type CliArgs } from './args.ts';
import { paintFor, type Paint } from './colour.ts';
import { ExitCode, type CliIo } from './io.ts';
import { resolveCliSettings } from './settings.ts';

// What every command does before its own work (settings, the folder paths are
// relative to, the secrets to redact), shared by ./scan-command.ts and
// ./run-command.ts so that `scan` need not load the registry client.

/** Resolves the settings and runs `body`; settings and unreadable paths are one-line errors. */
export async function withSettings(
  args: CliArgs,
  io: CliIo,
  redactor: Redactor,
  body: (settings: RunSettings) => Promise<number>,
): Promise<number> {
  try {
    const settings = await rootedAtGivenFolder(await resolveCliSettings(args, io.env, io.cwd));
    for (const { username, password } of Object.values(settings.credentials)) {
      redactor.addCredential(username, password);
    }
    return await body(settings);
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

/**
 * An empty checkout or a mistyped folder is worth a line on stderr, not a silent zero (exit 0: nothing failed);
 * it names the file kinds looked for when `file-kinds` narrowed them, the likelier cause then.
 */
export function reportNoImageFiles(files: number, settings: RunSettings, args: CliArgs, io: CliIo): void {
  if (files > 0) return;
  const narrowed = settings.fileKinds.length < fileKinds.length;
  const kinds = narrowed ? ` (file kinds: ${settings.fileKinds.join(', ')})` : '';
  io.stderr(`basepin: no image files found under ${shownPaths(args)}${kinds}\n`);
}

export function paintOf(args: CliArgs, io: CliIo): Paint {
  return paintFor(Boolean(io.colour) && !args.json);
}

/**
 * A report written as it is made, then `end` (a JSON document's newline):
 * each chunk passes the redactor whole. Waits after a chunk while stdout is
 * full (`CliIo.stdoutDrained`): a pipe read slower than a 20,000-file report
 * is made would otherwise queue every chunk in memory (so memory stays bounded at 20,000 files).
 */
export async function writeChunks(io: CliIo, chunks: Iterable<string>, end = '\n'): Promise<void> {
  for (const chunk of chunks) {
    io.stdout(chunk);
    await io.stdoutDrained?.();
  }
  if (end !== '') io.stdout(end);
}
