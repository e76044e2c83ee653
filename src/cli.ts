#!/usr/bin/env node
// The basepin command (bundled to dist/cli.js): the only CLI code that sees process.
import { runCli } from './cli/main.ts';
import { useGuardedDispatcher } from './workspace/proxy.ts';
import packageJson from '../package.json' with { type: 'json' };

useGuardedDispatcher(process.env);

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  version: packageJson.version,
});
process.exitCode = code;
