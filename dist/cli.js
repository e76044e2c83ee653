import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/cli.ts
console.log("basepin: not yet");
