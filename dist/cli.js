#!/usr/bin/env node
import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import "./chunks/chunk-FO4YOAWA.js";

// package.json
var package_default = {
  name: "basepin",
  version: "0.1.0",
  description: "Pin every Dockerfile base image to an immutable digest and keep the pins fresh.",
  license: "MIT",
  repository: {
    type: "git",
    url: "git+https://github.com/basepin/basepin.git"
  },
  type: "module",
  engines: {
    node: ">=22"
  },
  bin: {
    basepin: "dist/cli.js"
  },
  files: [
    "dist/"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    "check-dist": "node scripts/build.mjs --check",
    docs: "node scripts/action-docs.mjs && node scripts/config-schema.ts",
    "check-docs": "node scripts/action-docs.mjs --check && node scripts/config-schema.ts --check",
    typecheck: "tsc --noEmit",
    lint: "eslint . && prettier --check .",
    format: "prettier --write .",
    unit: "vitest run",
    test: "npm run typecheck && npm run lint && npm run check-dist && npm run check-docs && vitest run",
    bench: "npm run build && node bench/run.ts",
    "test:node22": "bash scripts/test-node22"
  },
  devDependencies: {
    "@actions/core": "3.0.1",
    "@actions/github": "9.1.1",
    "@eslint/js": "9.39.5",
    "@octokit/auth-app": "8.3.1",
    "@octokit/graphql-schema": "15.26.1",
    "@octokit/openapi": "23.0.2",
    "@octokit/openapi-webhooks": "12.1.0",
    "@octokit/plugin-retry": "8.1.1",
    "@octokit/plugin-throttling": "11.0.5",
    "@octokit/rest": "22.0.1",
    "@sigstore/bundle": "5.0.1",
    "@sigstore/core": "4.0.1",
    "@sigstore/protobuf-specs": "0.5.2",
    "@sigstore/verify": "4.1.3",
    "@types/node": "24.19.2",
    "@types/picomatch": "4.0.3",
    "dockerfile-ast": "0.7.1",
    esbuild: "0.28.2",
    eslint: "9.39.5",
    "fast-check": "4.10.2",
    graphql: "16.15.0",
    ignore: "7.0.16",
    "jsonc-parser": "3.3.1",
    nock: "15.0.6",
    picomatch: "4.0.7",
    prettier: "3.10.1",
    typescript: "5.9.3",
    "typescript-eslint": "8.73.0",
    undici: "7.30.2",
    vitest: "4.1.12",
    yaml: "2.9.1",
    zod: "4.6.7"
  }
};

// src/cli.ts
var minimumNodeMajor = 22;
if (Number(process.versions.node.split(".")[0]) < minimumNodeMajor) {
  process.stderr.write(`basepin needs Node ${minimumNodeMajor} or newer; this is ${process.version}
`);
  process.exitCode = 64;
} else {
  process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
  const [{ runCli }, { wantsColour }] = await Promise.all([
    import("./chunks/main-KNODSWOX.js"),
    import("./chunks/colour-TJ2Y733V.js")
  ]);
  process.exitCode = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    // A pipe is written asynchronously: its queue grows while the reader lags. 'close' ends the wait on EPIPE too.
    stdoutDrained: () => process.stdout.writableNeedDrain ? new Promise((resolve) => {
      const done = () => {
        process.stdout.off("drain", done).off("close", done);
        resolve();
      };
      process.stdout.on("drain", done).on("close", done);
    }) : Promise.resolve(),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY),
    colour: wantsColour(process.env, Boolean(process.stdout.isTTY)),
    version: package_default.version,
    // Every connection checks the address it dials (so a registry cannot steer requests to internal or metadata addresses); undici loads only for commands that connect.
    prepareNetwork: async () => {
      const { useGuardedDispatcher } = await import("./chunks/wiring-GHLYVP2P.js");
      useGuardedDispatcher(process.env);
    },
    limitHeapGrowth: async () => {
      const { limitHeapGrowth } = await import("./chunks/heap-growth-TRLMS27Q.js");
      limitHeapGrowth(`${process.execArgv.join(" ")} ${process.env.NODE_OPTIONS ?? ""}`);
    }
  });
}
