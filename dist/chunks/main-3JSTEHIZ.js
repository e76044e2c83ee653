import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  createRedactor
} from "./chunk-OH3KVWLW.js";
import {
  ExitCode,
  UsageError,
  commandHelp,
  parseCliArgs,
  usage
} from "./chunk-CGCIBPAM.js";
import "./chunk-RQ3UIP6U.js";
import "./chunk-FO4YOAWA.js";

// src/cli/main.ts
async function runCli(argv, rawIo) {
  const redactor = createRedactor();
  const io = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(redactor.redact(text)),
    stderr: (text) => rawIo.stderr(redactor.redact(text))
  };
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
        const { runCommand } = await import("./run-command-P3Z7AU3T.js");
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
export {
  ExitCode,
  runCli
};
