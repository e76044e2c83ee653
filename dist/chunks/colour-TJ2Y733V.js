import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  paintFor,
  plain,
  wantsColour
} from "./chunk-2O4QNXZY.js";
import "./chunk-FO4YOAWA.js";
export {
  paintFor,
  plain,
  wantsColour
};
