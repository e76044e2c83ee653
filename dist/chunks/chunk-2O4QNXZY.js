import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/cli/colour.ts
import { styleText } from "node:util";
var plain = (_style, text) => text;
function wantsColour(env, isTerminal) {
  const force = env.FORCE_COLOR;
  if (force !== void 0) return force !== "0" && force !== "false";
  if (env.NO_COLOR) return false;
  return isTerminal && env.TERM !== "dumb";
}
function paintFor(colour) {
  return colour ? (style, text) => styleText(style, text, { validateStream: false }) : plain;
}

export {
  plain,
  wantsColour,
  paintFor
};
