import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createRedactor
} from "./chunk-3MRPZT52.js";
import "./chunk-5W6YY3Z7.js";
import {
  ExitCode,
  commands,
  flagDocs,
  flagsByCommand,
  parseCliArgs
} from "./chunk-BNA5XW3A.js";
import {
  UsageError
} from "./chunk-LPEWWUND.js";
import "./chunk-FO4YOAWA.js";

// src/cli/help.ts
var summaries = {
  scan: "list every image reference in the files under PATH (no network)",
  pin: "resolve tags to digests and rewrite the files in place",
  check: "like pin, but write nothing; exit 1 when a pin is missing or stale",
  explain: "what changed in IMAGE[:TAG] since @OLD_DIGEST, or what its tag points at: build dates, source, base, platforms, size, packages"
};
var examples = {
  scan: ["basepin scan .", "basepin scan services --json"],
  pin: [
    "basepin pin .",
    "basepin pin services/api --diff",
    "basepin pin . --registry-mirror docker.io=https://mirror.gcr.io"
  ],
  check: [
    "basepin check .          # in CI: exit 1 while a pin is missing or stale",
    "basepin check . --strict --json"
  ],
  explain: ["basepin explain alpine:3.20", "basepin explain node:22@sha256:\u2026 --json --platform linux/arm64"]
};
var exitCodes = "Exit codes: 0 done \xB7 1 check found work \xB7 2 some references could not be resolved \xB7 64 usage error \xB7 70 internal error";
var commandExitCodes = {
  scan: "Exit codes: 0 done \xB7 2 a path could not be read \xB7 64 usage error \xB7 70 internal error",
  pin: "Exit codes: 0 done \xB7 2 some references could not be resolved or written \xB7 64 usage error \xB7 70 internal error",
  check: exitCodes,
  explain: "Exit codes: 0 done \xB7 2 the image could not be read \xB7 64 usage error \xB7 70 internal error"
};
function optionLines(flags) {
  const width = Math.max(...flags.map((flag) => flagDocs[flag].syntax.length));
  return flags.map((flag) => {
    const { syntax, what } = flagDocs[flag];
    return syntax.length > 30 ? `  ${syntax}
  ${" ".repeat(Math.min(width, 30))}  ${what}` : `  ${syntax.padEnd(Math.min(width, 30))}  ${what}`;
  });
}
var usage = [
  "Usage: basepin <command> [PATH\u2026] [options]",
  "",
  "Commands:",
  ...commands.map((command) => `  ${command.padEnd(7)}  ${summaries[command]}`),
  `  ${"org".padEnd(7)}  every repository a GitHub App installation sees, through the API (\`basepin org --help\`)`,
  "",
  "Options (`basepin COMMAND --help` shows which a command takes):",
  ...optionLines([.../* @__PURE__ */ new Set([...flagsByCommand.pin, "strict"]), "help", "version"]).map(
    (line) => line.replace(
      /^( {2}--(diff|strict) +)/,
      (start, _all, flag) => `${start}(${flag === "diff" ? "pin" : "check"}) `
    )
  ),
  "",
  exitCodes
].join("\n");
function commandHelp(command) {
  return [
    command === "explain" ? "Usage: basepin explain IMAGE[:TAG][@OLD_DIGEST] [options]" : `Usage: basepin ${command} [PATH\u2026] [options]`,
    "",
    `${summaries[command][0].toUpperCase()}${summaries[command].slice(1)}.${command === "explain" ? "" : " PATH defaults to the current folder."}`,
    "",
    "Options:",
    ...optionLines([...flagsByCommand[command], "help"]),
    "",
    "Examples:",
    ...examples[command].map((example) => `  ${example}`),
    "",
    commandExitCodes[command]
  ].join("\n");
}

// src/cli/main.ts
async function runCli(argv, rawIo) {
  const redactor = createRedactor();
  const io = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(redactor.redact(text)),
    stderr: (text) => rawIo.stderr(redactor.redact(text))
  };
  if (argv[0] === "org") return runOrg(argv.slice(1), io, redactor);
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`basepin: ${error.message}
`);
    return ExitCode.Usage;
  }
  switch (args.command) {
    case "usage":
      io.stderr(`${usage}
`);
      return ExitCode.Usage;
    case "help":
      io.stdout(`${args.helpTopic ? commandHelp(args.helpTopic) : usage}
`);
      return ExitCode.Done;
    case "version":
      io.stdout(`basepin ${io.version}
`);
      return ExitCode.Done;
    default: {
      try {
        if (args.command === "scan") {
          const { runScan } = await import("./scan-command-CMMZFP67.js");
          return await runScan(args, io, redactor);
        }
        const { runCommand } = await import("./run-command-5VJM3EB4.js");
        return await runCommand({ ...args, command: args.command }, io, redactor);
      } catch (error) {
        io.stderr(
          `basepin: internal error, a bug in basepin: ${error instanceof Error ? error.stack : String(error)}
`
        );
        return ExitCode.Internal;
      }
    }
  }
}
async function runOrg(argv, io, redactor) {
  const { orgUsage } = await import("./org-args-FFJTL4AK.js");
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(orgUsage);
    return ExitCode.Done;
  }
  try {
    const { runOrgCommand } = await import("./org-command-YSEX7EIQ.js");
    return await runOrgCommand(argv, io, redactor);
  } catch (error) {
    io.stderr(
      `basepin: internal error, a bug in basepin: ${error instanceof Error ? error.stack : String(error)}
`
    );
    return ExitCode.Internal;
  }
}
export {
  ExitCode,
  runCli
};
