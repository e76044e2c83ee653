import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  runOrgCommand
} from "./chunk-QSHJAK4A.js";
import "./chunk-HK2XATRE.js";
import "./chunk-Y7KJXDM6.js";
import "./chunk-4NBZ67KJ.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-PPE23XJU.js";
import "./chunk-HZDX6SGE.js";
import "./chunk-SZX2UDOI.js";
import "./chunk-BNA5XW3A.js";
import "./chunk-2UHQQQXM.js";
import "./chunk-GSTKDZEI.js";
import "./chunk-LPEWWUND.js";
import "./chunk-FO4YOAWA.js";
export {
  runOrgCommand
};
