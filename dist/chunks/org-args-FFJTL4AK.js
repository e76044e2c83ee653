import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  orgUsage,
  parseOrgArgs
} from "./chunk-HZDX6SGE.js";
import "./chunk-LPEWWUND.js";
import "./chunk-FO4YOAWA.js";
export {
  orgUsage,
  parseOrgArgs
};
