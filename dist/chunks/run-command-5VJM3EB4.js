import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  asFailure,
  changelogJson,
  explainImage,
  failureMessage,
  groupUnreachable,
  isInternal,
  pinReportJsonChunks,
  planRun,
  renderChangelogText,
  unreachableLine,
  updateFrom,
  updatePlace,
  writeChanges
} from "./chunk-GMZDUT2D.js";
import {
  RegistryError,
  osvClientFor,
  registryClientFor,
  signatureTrustFor
} from "./chunk-OERN3X4H.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-PPE23XJU.js";
import {
  paintOf,
  problemLines,
  reportNoImageFiles,
  withSettings,
  writeChunks
} from "./chunk-74TYFXDG.js";
import {
  openFileWorkspace
} from "./chunk-HKPFPWOG.js";
import {
  ExitCode
} from "./chunk-BNA5XW3A.js";
import "./chunk-5RQVPCKY.js";
import {
  BadReferenceError,
  shortDigest
} from "./chunk-FXMTIOOA.js";
import {
  UsageError
} from "./chunk-LPEWWUND.js";
import {
  plain
} from "./chunk-2O4QNXZY.js";
import "./chunk-FO4YOAWA.js";

// src/cli/report.ts
function updateLineChunks(report, paint = plain) {
  return lineChunks(report.updates, (update) => {
    const from = updateFrom(update);
    const { digest: to, fromMirror } = update.target;
    const action = paint(
      "green",
      from ? `${shortDigest(from)} \u2192 ${shortDigest(to)}` : `pinned to ${shortDigest(to)}`
    );
    const unconfirmed = fromMirror ? ` (from mirror ${fromMirror}, unconfirmed)` : "";
    return `${updatePlace(update)} ${update.site.written} ${action}${unconfirmed}
`;
  });
}
function checkLineChunks(report, paint = plain) {
  return lineChunks(
    report.updates,
    (update) => `${updatePlace(update)} ${update.site.written} ${paint("yellow", updateFrom(update) ? "stale pin" : "not pinned")}
`
  );
}
var linesPerChunk = 1e3;
function* lineChunks(items, line2) {
  for (let start = 0; start < items.length; start += linesPerChunk) {
    yield items.slice(start, start + linesPerChunk).map(line2).join("");
  }
}
function errorLines(errors, paint = plain) {
  const { shown, unreachable } = groupUnreachable(errors);
  const label = paint("red", "error:");
  return [
    ...shown.map(
      (failure) => `${label} ${failure.file}:${failure.line} ${failure.reference}: ${paint("red", failureMessage(failure.error))}
`
    ),
    ...unreachable.map((host) => `${label} ${unreachableLine(host)}
`)
  ].join("");
}
function skippedLines(skipped, label, paint = plain) {
  const style = label === "error:" ? "red" : "yellow";
  return skipped.map(
    (note) => `${paint(style, label)} ${note.file}:${note.line} ${note.reference}: ${note.reason ?? ""}
`
  ).join("");
}
function summaryLine(report, verb, filesScanned) {
  const pinned = report.updates.filter((update) => !updateFrom(update)).length;
  const refreshed = report.updates.length - pinned;
  const parts = [
    verb === "pin" ? `${pinned} pinned` : `${pinned} not pinned`,
    verb === "pin" ? `${refreshed} refreshed` : `${refreshed} stale`,
    `${report.unchanged.length} current`,
    `${report.skipped.length} skipped`,
    `${report.errors.length} failed`,
    ...report.dockerHubPulls ? [`${report.dockerHubPulls} Docker Hub pull(s)`] : []
  ];
  const files = `${filesScanned} ${filesScanned === 1 ? "file" : "files"} scanned`;
  const changed = verb === "pin" ? `, ${report.changes.length} changed` : "";
  return `basepin ${verb}: ${parts.join(", ")}; ${files}${changed}
`;
}

// src/cli/unified-diff.ts
function unifiedDiff(file, before, after, context = 3) {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const header = `--- a/${file}
+++ b/${file}
`;
  if (a.length !== b.length) return header + hunk(a, b, 0, a.length, 0, b.length);
  const changed = a.map((line2, i2) => line2 !== b[i2]);
  let out = header;
  let i = 0;
  while (i < a.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    for (let j = i; j < a.length && j <= end + 2 * context; j++) if (changed[j]) end = j;
    const stop = Math.min(a.length, end + 1 + context);
    out += hunk(a, b, start, stop, start, stop);
    i = stop;
  }
  return out;
}
function hunk(a, b, aStart, aEnd, bStart, bEnd) {
  const range = (start, count) => `${count === 0 ? start : start + 1},${count}`;
  let out = `@@ -${range(aStart, aEnd - aStart)} +${range(bStart, bEnd - bStart)} @@
`;
  if (a.length === b.length) {
    for (let k = aStart; k < aEnd; k++) {
      out += a[k] === b[k] ? line(" ", a[k]) : line("-", a[k]) + line("+", b[k]);
    }
    return out;
  }
  for (let k = aStart; k < aEnd; k++) out += line("-", a[k]);
  for (let k = bStart; k < bEnd; k++) out += line("+", b[k]);
  return out;
}
function splitLines(text) {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
function line(prefix, text) {
  return text.endsWith("\n") ? prefix + text : `${prefix}${text}
\\ No newline at end of file
`;
}

// src/cli/run-command.ts
function runCommand(args, io, redactor) {
  return withSettings(args, io, redactor, async (settings) => {
    await io.prepareNetwork?.();
    if (args.command === "explain") return await explain(settings, args, io, redactor);
    await io.limitHeapGrowth?.();
    return await pinOrCheck(settings, args, io, redactor);
  });
}
async function pinOrCheck(settings, args, io, redactor) {
  const registry = registryOf(settings, io, redactor);
  const signatureTrust = await signatureTrustFor(settings);
  const showProgress = io.interactive && !args.quiet && !args.json;
  const workspace = openFileWorkspace(settings.cwd);
  const { plan, changelogs: collected } = await planRun(
    settings,
    {
      registry,
      workspace,
      now: io.now?.() ?? /* @__PURE__ */ new Date(),
      debug: args.debug ? (line2) => io.stderr(`${line2}
`) : void 0,
      onProgress: showProgress ? progressLine(io) : void 0,
      signatureTrust,
      osv: osvOf(settings, args, io)
    },
    {
      facts: args.changelog ? "all" : "policy",
      // With --changelog, and with minimum-age (whose facts read every update's new index), the indexes
      // the facts read confirm the pins too, instead of a HEAD each.
      pinningReadsFacts: args.changelog || settings.minimumAgeMs !== void 0,
      // A hash a file instead of its text; a changed file is read again when written or diffed.
      keepTexts: false
    }
  );
  const changelogs = args.changelog ? collected : void 0;
  reportNoImageFiles(plan.files.length, settings, args, io);
  if (!args.json) io.stderr(problemLines(plan.problems, paintOf(args, io)));
  if (changelogs && !args.json && !args.quiet)
    io.stdout(changelogLines(changelogs, io.now?.() ?? /* @__PURE__ */ new Date()));
  if (args.command === "check") return reportCheck(plan, args, io, changelogs);
  const paint = paintOf(args, io);
  const writeFailures = [];
  if (args.diff) {
    for (const change of plan.changes) {
      try {
        io.stdout(unifiedDiff(change.file, change.before, change.after));
      } catch (error) {
        writeFailures.push({ file: change.file, error: asFailure(error) });
      }
      await io.stdoutDrained?.();
    }
  } else {
    writeFailures.push(...await writeChanges(workspace, plan));
  }
  if (args.json) await writeChunks(io, pinReportJsonChunks(plan, changelogs));
  else if (!args.quiet && !args.diff && plan.files.length > 0) {
    await writeChunks(io, updateLineChunks(plan, paint), "");
    io.stdout(summaryLine(plan, "pin", plan.files.length));
  }
  if (!args.json) io.stderr(errorLines(plan.errors, paint));
  io.stderr(
    writeFailures.map((failure) => `${failure.file}: not written: ${failure.error.message}
`).join("")
  );
  const internal = reportInternal(plan, args, io);
  if (internal) return ExitCode.Internal;
  return plan.errors.length || writeFailures.length ? ExitCode.Unresolved : ExitCode.Done;
}
async function reportCheck(plan, args, io, changelogs) {
  const failsOnSkipped = args.strict && plan.skipped.length > 0;
  const paint = paintOf(args, io);
  if (args.json) {
    await writeChunks(io, pinReportJsonChunks(plan, changelogs));
  } else {
    await writeChunks(io, checkLineChunks(plan, paint), "");
    io.stderr(skippedLines(plan.skipped, args.strict ? "error:" : "warning:", paint));
    io.stderr(errorLines(plan.errors, paint));
    if (!args.quiet && plan.files.length > 0) io.stdout(summaryLine(plan, "check", plan.files.length));
  }
  if (reportInternal(plan, args, io)) return ExitCode.Internal;
  if (plan.errors.length) return ExitCode.Unresolved;
  return plan.updates.length || failsOnSkipped ? ExitCode.WorkFound : ExitCode.Done;
}
function reportInternal(plan, args, io) {
  const internal = plan.errors.map((failure) => failure.error).filter(isInternal);
  if (internal.length === 0) return false;
  io.stderr(
    `basepin: ${internal.length} internal error(s), a bug in basepin; ` + (args.debug ? "stack follows\n" : "run with --debug for the stack\n")
  );
  if (args.debug) for (const error of new Set(internal)) io.stderr(`${error.detail}
`);
  return true;
}
async function explain(settings, args, io, redactor) {
  const registry = registryOf(settings, io, redactor);
  const signatureTrust = await signatureTrustFor(settings);
  let facts;
  try {
    facts = await explainImage(args.image ?? "", settings, {
      registry,
      debug: args.debug ? (line2) => io.stderr(`${line2}
`) : void 0,
      signatureTrust,
      osv: osvOf(settings, args, io)
    });
  } catch (error) {
    if (error instanceof BadReferenceError) throw new UsageError(error.message);
    if (!(error instanceof RegistryError)) throw error;
    io.stderr(`basepin: ${error.message}
`);
    return ExitCode.Unresolved;
  }
  const now = io.now?.() ?? /* @__PURE__ */ new Date();
  io.stdout(args.json ? `${JSON.stringify(changelogJson(facts))}
` : `${renderChangelogText(facts, now)}
`);
  return ExitCode.Done;
}
function changelogLines(changelogs, now) {
  const seen = /* @__PURE__ */ new Set();
  const blocks = [];
  for (const facts of changelogs.values()) {
    const key = `${facts.image}
${facts.from ?? ""}
${facts.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    blocks.push(`${renderChangelogText(facts, now)}
`);
  }
  return blocks.join("");
}
function progressLine(io) {
  return (done, total) => {
    if (total < 20) return;
    io.stderr(done === total ? "\r\x1B[K" : `\rresolving ${done}/${total} references`);
  };
}
function osvOf(settings, args, io) {
  if (io.osv) return io.osv(settings);
  return osvClientFor(settings, args.debug ? (line2) => io.stderr(`${line2}
`) : void 0);
}
function registryOf(settings, io, redactor) {
  if (io.registry) return io.registry(settings);
  return registryClientFor(settings, {
    dockerConfigDir: io.env.DOCKER_CONFIG,
    onSecret: (secret) => redactor.add(secret)
  });
}
export {
  runCommand
};
