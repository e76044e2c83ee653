import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  paintOf,
  problemLines,
  reportNoDockerfiles,
  scanJsonChunks,
  scanText,
  withSettings,
  writeChunks
} from "./chunk-DHRLONOS.js";
import {
  openFileWorkspace,
  scanDockerfiles
} from "./chunk-CG4XPLJE.js";
import {
  ExitCode
} from "./chunk-PKHAXSO7.js";
import "./chunk-7XS6EVEF.js";
import "./chunk-T6SEWAHI.js";
import "./chunk-Q4TYMMWA.js";
import "./chunk-2O4QNXZY.js";
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
