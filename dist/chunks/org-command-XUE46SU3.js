import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  runOrgCommand
} from "./chunk-QHWOJAUT.js";
import "./chunk-HOEVY33K.js";
import "./chunk-ADTIZOIU.js";
import "./chunk-GKSYNI3A.js";
import "./chunk-JBKNHH33.js";
import "./chunk-6IYPST4G.js";
import "./chunk-PKHAXSO7.js";
import "./chunk-NCNEZE7A.js";
import "./chunk-QQR26GZI.js";
import "./chunk-5W6YY3Z7.js";
import "./chunk-IQVZ4PLX.js";
import "./chunk-FO4YOAWA.js";
export {
  runOrgCommand
};
