import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/cli/io.ts
var ExitCode = { Done: 0, WorkFound: 1, Unresolved: 2, Usage: 64, Internal: 70 };

export {
  ExitCode
};
