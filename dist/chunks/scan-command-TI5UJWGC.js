import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  paintOf,
  problemLines,
  reportNoDockerfiles,
  scanJsonChunks,
  scanText,
  withSettings,
  writeChunks
} from "./chunk-SYVXWX3Q.js";
import {
  openFileWorkspace,
  scanDockerfiles
} from "./chunk-7PG3V7GS.js";
import "./chunk-4KC7TN2R.js";
import "./chunk-VUT23VHG.js";
import "./chunk-2O4QNXZY.js";
import {
  ExitCode
} from "./chunk-RAUBLOLW.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-FO4YOAWA.js";

// src/cli/scan-command.ts
function runScan(args, io, redactor) {
  return withSettings(args, io, redactor, (settings) => scan(settings, args, io));
}
async function scan(settings, args, io) {
  const { files, sites, problems } = await scanDockerfiles(settings, openFileWorkspace(settings.cwd));
  if (args.json) await writeChunks(io, scanJsonChunks(sites, problems));
  else {
    io.stdout(scanText(sites, paintOf(args, io)));
    io.stderr(problemLines(problems, paintOf(args, io)));
  }
  reportNoDockerfiles(files.length, args, io);
  return ExitCode.Done;
}
export {
  runScan
};
