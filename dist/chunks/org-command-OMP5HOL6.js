import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  runOrgCommand
} from "./chunk-7AE5PJDQ.js";
import "./chunk-5XTYF4YO.js";
import "./chunk-MKDREF35.js";
import "./chunk-FZUB3QGC.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-PPE23XJU.js";
import "./chunk-3QYFDLHI.js";
import "./chunk-CG4XPLJE.js";
import "./chunk-PKHAXSO7.js";
import "./chunk-7XS6EVEF.js";
import "./chunk-T6SEWAHI.js";
import "./chunk-Q4TYMMWA.js";
import "./chunk-FO4YOAWA.js";
export {
  runOrgCommand
};
