import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  paintOf,
  reportNoDockerfiles,
  withSettings,
  writeChunks
} from "./chunk-AWBOVGIV.js";
import {
  openFileWorkspace
} from "./chunk-S6ICDFXA.js";
import {
  jsonArrayChunks,
  scanDockerfiles
} from "./chunk-6IYPST4G.js";
import {
  ExitCode
} from "./chunk-PKHAXSO7.js";
import "./chunk-NCNEZE7A.js";
import "./chunk-QQR26GZI.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-IQVZ4PLX.js";
import {
  plain
} from "./chunk-2O4QNXZY.js";
import "./chunk-FO4YOAWA.js";

// src/cli/scan-report.ts
var statusStyle = {
  pinned: "green",
  pinnable: "yellow",
  skipped: "dim",
  invalid: "red"
};
function* scanJsonChunks(sites) {
  yield* jsonArrayChunks('{"sites":', sites, (site) => ({
    file: site.file,
    line: site.line,
    kind: site.kind,
    reference: site.written,
    resolved: site.resolved ?? null,
    status: site.status,
    reason: site.reason ?? null
  }));
  yield "}";
}
function scanText(sites, paint = plain) {
  return sites.map((site) => {
    const resolved = site.resolved && site.resolved !== site.written ? `(= ${site.resolved})` : "";
    const fields = [
      `${site.file}:${site.line}`,
      site.kind,
      site.written,
      paint(statusStyle[site.status], site.status),
      site.reason ?? "",
      resolved
    ];
    return `${fields.filter(Boolean).join(" ")}
`;
  }).join("");
}

// src/cli/scan-command.ts
function runScan(args, io, redactor) {
  return withSettings(args, io, redactor, (settings) => scan(settings, args, io));
}
async function scan(settings, args, io) {
  const { files, sites } = await scanDockerfiles(settings, openFileWorkspace(settings.cwd));
  if (args.json) await writeChunks(io, scanJsonChunks(sites));
  else io.stdout(scanText(sites, paintOf(args, io)));
  reportNoDockerfiles(files.length, args, io);
  return ExitCode.Done;
}
export {
  runScan
};
