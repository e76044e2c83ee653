import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  UnreadablePathError,
  discoverDockerfiles,
  writeFileAtomic
} from "./chunk-6IYPST4G.js";

// src/workspace/file-workspace.ts
import { readFileSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/workspace/read-files.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
var maxOpenFiles = 32;
async function mapFiles(cwd, files, use) {
  const results = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index];
      const bytes = await readFile(resolve(cwd, file)).catch((error) => {
        throw new UnreadablePathError(file, error);
      });
      results[index] = use(file, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(maxOpenFiles, files.length) }, worker));
  return results;
}

// src/workspace/file-workspace.ts
var writesAtOnce = 16;
function openFileWorkspace(root) {
  const folder = resolve2(root);
  return {
    list: (paths, filters = {}) => discoverDockerfiles(paths, { cwd: folder, ...filters }),
    read: (files, use) => mapFiles(folder, files, use),
    readAgain: (file) => readFileSync(resolve2(folder, file)),
    write: (files) => writeFiles(folder, files)
  };
}
async function writeFiles(root, files) {
  const failures = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const { file, bytes } = files[index];
      failures[index] = await writeFileAtomic(resolve2(root, file), bytes).then(
        () => void 0,
        (error) => ({ file, error: firstLine(error) })
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(writesAtOnce, files.length) }, worker));
  return failures.filter((failure) => failure !== void 0);
}
function firstLine(error) {
  const message = error instanceof Error ? error.message.split("\n")[0] ?? "write failed" : String(error);
  return new Error(message, { cause: error });
}

export {
  openFileWorkspace
};
