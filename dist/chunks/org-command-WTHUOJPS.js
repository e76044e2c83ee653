import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  runOrgCommand
} from "./chunk-LULRDSKJ.js";
import "./chunk-ZKIVA33K.js";
import "./chunk-433BWBWB.js";
import "./chunk-UR4T6IHJ.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-PPE23XJU.js";
import "./chunk-HZDX6SGE.js";
import "./chunk-HF3CBH6K.js";
import "./chunk-BNA5XW3A.js";
import "./chunk-NUFBSQS7.js";
import "./chunk-TMLHIRUO.js";
import "./chunk-LPEWWUND.js";
import "./chunk-FO4YOAWA.js";
export {
  runOrgCommand
};
