import { scanDockerfiles } from '../scan/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { Redactor } from '../text/redactor.ts';
import { openFileWorkspace } from '../workspace/index.ts';
import type { CliArgs } from './args.ts';
import { paintOf, reportNoImageFiles, withSettings, writeChunks } from './command-setup.ts';
import { ExitCode, type CliIo } from './io.ts';
import { problemLines, scanJsonChunks, scanText } from './scan-report.ts';

// What `scan` loads: settings and the Dockerfile scanner, no registry client,
// no zod unless there is a config file (cold start, README).

/** `basepin scan`: every image site and its status, as text or JSON. */
export function runScan(args: CliArgs, io: CliIo, redactor: Redactor): Promise<number> {
  return withSettings(args, io, redactor, (settings) => scan(settings, args, io));
}

async function scan(settings: RunSettings, args: CliArgs, io: CliIo): Promise<number> {
  const { files, sites, problems } = await scanDockerfiles(settings, openFileWorkspace(settings.cwd));
  if (args.json) await writeChunks(io, scanJsonChunks(sites, problems));
  else {
    io.stdout(scanText(sites, paintOf(args, io)));
    io.stderr(problemLines(problems, paintOf(args, io)));
  }
  reportNoImageFiles(files.length, settings, args, io);
  return ExitCode.Done;
}
