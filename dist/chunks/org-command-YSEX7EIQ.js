import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  runOrgCommand
} from "./chunk-7MOIHAY5.js";
import "./chunk-GMZDUT2D.js";
import "./chunk-DNJKG57M.js";
import "./chunk-OERN3X4H.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-PPE23XJU.js";
import "./chunk-HZDX6SGE.js";
import "./chunk-HKPFPWOG.js";
import "./chunk-BNA5XW3A.js";
import "./chunk-5RQVPCKY.js";
import "./chunk-FXMTIOOA.js";
import "./chunk-LPEWWUND.js";
import "./chunk-FO4YOAWA.js";
export {
  runOrgCommand
};
