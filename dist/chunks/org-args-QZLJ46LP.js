import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  orgUsage,
  parseOrgArgs
} from "./chunk-JBKNHH33.js";
import "./chunk-IQVZ4PLX.js";
import "./chunk-FO4YOAWA.js";
export {
  orgUsage,
  parseOrgArgs
};
