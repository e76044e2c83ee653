import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  paintOf,
  problemLines,
  reportNoImageFiles,
  scanJsonChunks,
  scanText,
  withSettings,
  writeChunks
} from "./chunk-74TYFXDG.js";
import {
  openFileWorkspace,
  scanDockerfiles
} from "./chunk-HKPFPWOG.js";
import {
  ExitCode
} from "./chunk-BNA5XW3A.js";
import "./chunk-5RQVPCKY.js";
import "./chunk-FXMTIOOA.js";
import "./chunk-LPEWWUND.js";
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
  reportNoImageFiles(files.length, settings, args, io);
  return ExitCode.Done;
}
export {
  runScan
};
