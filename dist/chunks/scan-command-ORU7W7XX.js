import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  paintOf,
  reportNoDockerfiles,
  scanJsonChunks,
  scanText,
  withSettings,
  writeChunks
} from "./chunk-SSS55WN4.js";
import {
  openFileWorkspace,
  scanDockerfiles
} from "./chunk-IT7QLNQF.js";
import "./chunk-OOA4TIZJ.js";
import "./chunk-2O4QNXZY.js";
import {
  ExitCode
} from "./chunk-G7EWJZFP.js";
import "./chunk-FO4YOAWA.js";

// src/cli/scan-command.ts
function runScan(args, io, redactor) {
  return withSettings(args, io, redactor, (settings) => scan(settings, args, io));
}
async function scan(settings, args, io) {
  const { files, sites } = await scanDockerfiles(settings, openFileWorkspace(settings.cwd));
  if (args.json) writeChunks(io, scanJsonChunks(sites));
  else io.stdout(scanText(sites, paintOf(args, io)));
  reportNoDockerfiles(files.length, args, io);
  return ExitCode.Done;
}
export {
  runScan
};
