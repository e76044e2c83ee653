import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  orgUsage,
  parseOrgArgs
} from "./chunk-3QYFDLHI.js";
import "./chunk-Q4TYMMWA.js";
import "./chunk-FO4YOAWA.js";
export {
  orgUsage,
  parseOrgArgs
};
