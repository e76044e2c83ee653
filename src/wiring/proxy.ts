import { Agent, EnvHttpProxyAgent, setGlobalDispatcher, type Dispatcher } from 'undici';
import { guardedConnector, proxiedNameGuard, type GuardedConnectorOptions } from './connect-guard.ts';

/**
 * The dispatcher every outbound request goes through: direct connections
 * check the address they dial (connect-guard.ts); with
 * HTTPS_PROXY/HTTP_PROXY set, requests go through the proxy (NO_PROXY
 * honoured), which resolves names itself, so each target name is resolved
 * and checked here first (connect-guard.ts, `proxiedNameGuard`). The CLI imports this module only for
 * commands that connect: undici is most of a cold start's parse time.
 */
export function createOutboundDispatcher(
  env: Readonly<Record<string, string | undefined>>,
  guard: GuardedConnectorOptions = {},
): Dispatcher {
  const connect = guardedConnector(guard);
  const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  if (!proxy) return new Agent({ connect });
  // The proxy resolves names itself: resolve and check each target's name before it is asked.
  return new EnvHttpProxyAgent({
    connect,
    httpProxy: env.HTTP_PROXY ?? env.http_proxy,
    httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
    noProxy: env.NO_PROXY ?? env.no_proxy,
  }).compose(proxiedNameGuard(guard.lookup));
}

/**
 * Installs `createOutboundDispatcher` for global fetch (registries and
 * GitHub). Called by the entries only: tests leave the default dispatcher so
 * nock sees requests, and pass a guarded dispatcher to the registry client
 * where they test the guard. Returns whether a proxy is used.
 */
export function useGuardedDispatcher(env: Readonly<Record<string, string | undefined>>): boolean {
  setGlobalDispatcher(createOutboundDispatcher(env));
  return Boolean(env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy);
}
