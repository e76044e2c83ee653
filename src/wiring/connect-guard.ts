import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector, type Dispatcher } from 'undici';
import { forbiddenAddressCode, forbiddenAddressReason, ForbiddenAddressError } from '../registry/index.ts';

export { forbiddenAddressCode, ForbiddenAddressError } from '../registry/index.ts';

/**
 * The last line of defence against requests to internal or metadata addresses: the address actually connected to is checked,
 * not the name. A realm `http://169.254.169.254.nip.io/` passes every name
 * check and resolves to the metadata service; this hook sits between DNS
 * and the socket, so no byte reaches a forbidden address whatever the name.
 */

/**
 * Wraps a DNS lookup so that a name with any forbidden address among its
 * answers fails as a whole: a resolver that mixes a good address with a
 * metadata one (rebinding) gets nothing.
 */
export function guardedLookup(lookup: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, answer) => {
      if (error) return callback(error, '', 4);
      const addresses = (Array.isArray(answer) ? answer : []) as LookupAddress[];
      for (const { address } of addresses) {
        const reason = forbiddenAddressReason(address);
        if (reason !== undefined)
          return callback(new ForbiddenAddressError(hostname, address, reason), '', 4);
      }
      if (options.all) return (callback as unknown as AllCallback)(null, addresses);
      const [first] = addresses;
      if (first === undefined) {
        const missing = Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' });
        return callback(missing, '', 4);
      }
      return callback(null, first.address, first.family);
    });
  };
}

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

export type Connector = buildConnector.connector;

export interface GuardedConnectorOptions {
  /** DNS for names; tests inject one that maps `*.test` names. Default: the system resolver. */
  readonly lookup?: LookupFunction;
  /** Called with each hostname about to be dialled (after the literal check), for tests to count. */
  readonly onDial?: (hostname: string) => void;
}

/**
 * An undici connector that refuses forbidden literal addresses (which
 * `net.connect` dials without any lookup) and resolves names through
 * `guardedLookup`. Use as `new Agent({ connect: guardedConnector() })`.
 */
export function guardedConnector(options: GuardedConnectorOptions = {}): Connector {
  const connect = buildConnector({ lookup: guardedLookup(options.lookup) } as buildConnector.BuildOptions);
  return (connectOptions, callback) => {
    const hostname = connectOptions.hostname.replace(/^\[(.*)\]$/, '$1');
    const reason = forbiddenAddressReason(hostname);
    if (reason !== undefined) {
      // undici expects the callback after this call returns.
      queueMicrotask(() => callback(new ForbiddenAddressError(hostname, hostname, reason), null));
      return;
    }
    options.onDial?.(hostname);
    return connect(connectOptions, callback);
  };
}

/**
 * Behind HTTPS_PROXY the proxy resolves names, so the connector above never
 * sees the address a name stands for. This interceptor resolves each
 * target's name itself, before the proxy is asked to CONNECT, and refuses a
 * name with any forbidden address among its answers (so a registry cannot steer requests to internal or metadata addresses). What it
 * cannot check: the proxy resolves again and may get another answer (DNS
 * rebinding, split-horizon DNS), and a name we cannot resolve at all is left
 * to the proxy, since many proxied networks resolve outside names only
 * there. Each name is checked once per dispatcher (a run).
 */
export function proxiedNameGuard(
  lookup: LookupFunction = dnsLookup as LookupFunction,
): Dispatcher.DispatcherComposeInterceptor {
  const guarded = guardedLookup(lookup);
  const verdicts = new Map<string, Promise<Error | undefined>>();
  const verdict = (hostname: string): Promise<Error | undefined> => {
    let pending = verdicts.get(hostname);
    if (!pending) {
      pending = new Promise((resolve) => {
        guarded(hostname, { all: true }, (error) => {
          resolve(error && (error as { code?: unknown }).code === forbiddenAddressCode ? error : undefined);
        });
      });
      verdicts.set(hostname, pending);
    }
    return pending;
  };
  return (dispatch) => (options, handler) => {
    const origin = typeof options.origin === 'string' ? new URL(options.origin) : options.origin;
    const hostname = (origin?.hostname ?? '').replace(/^\[(.*)\]$/, '$1');
    const refuse = (error: Error) =>
      handler.onResponseError?.(null as unknown as Dispatcher.DispatchController, error);
    const literal = forbiddenAddressReason(hostname);
    if (literal !== undefined) {
      queueMicrotask(() => refuse(new ForbiddenAddressError(hostname, hostname, literal)));
      return true;
    }
    if (hostname === '' || isIP(hostname) !== 0) return dispatch(options, handler);
    void verdict(hostname).then((refusal) => {
      if (refusal) refuse(refusal);
      else dispatch(options, handler);
    });
    return true;
  };
}
