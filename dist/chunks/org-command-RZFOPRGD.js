import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  runOrgCommand
} from "./chunk-TPEQ62EE.js";
import "./chunk-MCD7P3MR.js";
import "./chunk-MTL2KQHC.js";
import "./chunk-ZDGIU3N4.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-PPE23XJU.js";
import "./chunk-HZDX6SGE.js";
import "./chunk-WUQT2VUO.js";
import "./chunk-BNA5XW3A.js";
import "./chunk-WWAPFOG3.js";
import "./chunk-2C7PG53F.js";
import "./chunk-LPEWWUND.js";
import "./chunk-FO4YOAWA.js";
export {
  runOrgCommand
};
