import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  paintOf,
  reportNoDockerfiles,
  scanJson,
  scanText,
  withSettings
} from "./chunk-6ALK5KBX.js";
import {
  scanDockerfiles
} from "./chunk-DRGU4VYI.js";
import "./chunk-O7D64FGL.js";
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
  const { files, sites } = await scanDockerfiles(settings);
  io.stdout(args.json ? `${scanJson(sites)}
` : scanText(sites, paintOf(args, io)));
  reportNoDockerfiles(files.length, args, io);
  return ExitCode.Done;
}
export {
  runScan
};
