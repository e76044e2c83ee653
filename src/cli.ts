#!/usr/bin/env node
// The basepin command (bundled to dist/cli.js): the only CLI code that sees process.
// Nothing is imported before the Node version check (the rest of the CLI is a chunk
// loaded below), so an older Node prints one line and exits 64 instead of crashing
// on a newer API halfway through a run.
import packageJson from '../package.json' with { type: 'json' };

const minimumNodeMajor = 22;

if (Number(process.versions.node.split('.')[0]) < minimumNodeMajor) {
  process.stderr.write(`basepin needs Node ${minimumNodeMajor} or newer; this is ${process.version}\n`);
  process.exitCode = 64;
} else {
  // A reader that stops early (`basepin scan . | head`) closes the pipe: the rest of the report is
  // dropped, and the command still finishes its work (files are written, the exit code is its own).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  const [{ runCli }, { wantsColour }] = await Promise.all([
    import('./cli/main.ts'),
    import('./cli/colour.ts'),
  ]);
  process.exitCode = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    // A pipe is written asynchronously: its queue grows while the reader lags. 'close' ends the wait on EPIPE too.
    stdoutDrained: () =>
      process.stdout.writableNeedDrain
        ? new Promise<void>((resolve) => {
            const done = () => {
              process.stdout.off('drain', done).off('close', done);
              resolve();
            };
            process.stdout.on('drain', done).on('close', done);
          })
        : Promise.resolve(),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    colour: wantsColour(process.env, Boolean(process.stdout.isTTY)),
    version: packageJson.version,
    // Every connection checks the address it dials (so a registry cannot steer requests to internal or metadata addresses); undici loads only for commands that connect.
    prepareNetwork: async () => {
      const { useGuardedDispatcher } = await import('./wiring/index.ts');
      useGuardedDispatcher(process.env);
    },
    limitHeapGrowth: async () => {
      const { limitHeapGrowth } = await import('./cli/heap-growth.ts');
      limitHeapGrowth(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);
    },
  });
}
