import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/workspace/proxy.ts
async function useEnvironmentProxy(env) {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  if (!proxy) return false;
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import("./undici-PGIH3BXS.js");
  setGlobalDispatcher(new EnvHttpProxyAgent());
  return true;
}

export {
  useEnvironmentProxy
};
