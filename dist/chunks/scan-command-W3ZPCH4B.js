import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  paintOf,
  problemLines,
  reportNoDockerfiles,
  scanJsonChunks,
  scanText,
  withSettings,
  writeChunks
} from "./chunk-BBKGB3PB.js";
import {
  openFileWorkspace,
  scanDockerfiles
} from "./chunk-BT65SUKW.js";
import "./chunk-RHUJOALV.js";
import "./chunk-T6SEWAHI.js";
import "./chunk-2O4QNXZY.js";
import {
  ExitCode
} from "./chunk-BVNBFKF2.js";
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
