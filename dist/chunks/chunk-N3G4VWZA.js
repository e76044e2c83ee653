import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);
import {
  guardedConnector,
  require_undici
} from "./chunk-YASCT2L2.js";
import {
  __toESM
} from "./chunk-FO4YOAWA.js";

// src/workspace/proxy.ts
var import_undici = __toESM(require_undici(), 1);
function createOutboundDispatcher(env, guard = {}) {
  const connect = guardedConnector(guard);
  const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  if (!proxy) return new import_undici.Agent({ connect });
  return new import_undici.EnvHttpProxyAgent({
    connect,
    httpProxy: env.HTTP_PROXY ?? env.http_proxy,
    httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
    noProxy: env.NO_PROXY ?? env.no_proxy
  });
}
function useGuardedDispatcher(env) {
  (0, import_undici.setGlobalDispatcher)(createOutboundDispatcher(env));
  return Boolean(env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy);
}

export {
  createOutboundDispatcher,
  useGuardedDispatcher
};
