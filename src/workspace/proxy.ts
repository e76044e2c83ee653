/**
 * Routes global fetch (registries and GitHub) through HTTPS_PROXY/HTTP_PROXY,
 * honouring NO_PROXY, when the environment sets a proxy. Called by the
 * entries only: tests leave the default dispatcher so nock sees requests.
 * undici is loaded only then: it is most of a cold start's parse time.
 */
export async function useEnvironmentProxy(
  env: Readonly<Record<string, string | undefined>>,
): Promise<boolean> {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  if (!proxy) return false;
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import('undici');
  setGlobalDispatcher(new EnvHttpProxyAgent());
  return true;
}
