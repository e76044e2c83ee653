import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestUser } from './token-server.ts';

/**
 * An HTTP proxy on 127.0.0.1 in front of a registry: it forwards every
 * request unchanged (the Host header too, so upload Locations point back at
 * the proxy), records each one, and can inject faults. The registry cannot
 * count requests itself; tests and the benchmark count here.
 */

export interface ProxiedRequest {
  readonly method: string;
  /** Path without the query string: `/v2/library/alpine/manifests/3.20`. */
  readonly path: string;
  readonly query: string;
  readonly accept: string | undefined;
  readonly authorization: 'none' | 'basic' | 'bearer' | 'other';
  /** The status the client got (from the registry or from a fault). */
  status: number;
  /** Which injected fault answered or altered it, if any. */
  fault: string | undefined;
}

export type FaultAction =
  /** Answer without asking the registry. */
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly headers?: Record<string, string>;
      readonly body?: string;
    }
  /** Forward, then replace (string) or remove (null) response headers. */
  | { readonly kind: 'rewrite-headers'; readonly headers: Record<string, string | null> }
  /** Forward, then serve these bytes instead of the registry's body (headers kept, Content-Length fixed). */
  | { readonly kind: 'rewrite-body'; readonly body: string | Uint8Array }
  /** Close the connection without answering. */
  | { readonly kind: 'reset' }
  /** Forward after a pause. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Answer 200 with headers promising a body, then send none and hold the connection open. */
  | { readonly kind: 'stall-body' };

export interface Fault {
  readonly name?: string;
  readonly method?: string;
  /** Exact path, or a pattern tested against the path (no query). */
  readonly path: string | RegExp;
  /** How many matching requests it applies to (bounded, always). */
  readonly times: number;
  readonly action: FaultAction;
}

export interface InjectedFault {
  /** Matching requests still to be affected. */
  remaining(): number;
  cancel(): void;
}

export interface RequestFilter {
  readonly method?: string;
  readonly path?: string | RegExp;
}

export interface CountingProxy {
  readonly host: string;
  readonly url: string;
  /** The upstream's credentials, so the proxy can stand in for the registry in push helpers. */
  readonly credentials: TestUser | undefined;
  /** Requests seen, oldest first. */
  readonly requests: readonly ProxiedRequest[];
  count(filter?: RequestFilter): number;
  /** Forget recorded requests and pending faults. */
  reset(): void;
  inject(fault: Fault): InjectedFault;
  /** Shorthand: the next `times` matching requests get `status` (e.g. 503, or 429 with Retry-After). */
  failNext(
    path: string | RegExp,
    times: number,
    status: number,
    headers?: Record<string, string>,
    method?: string,
  ): InjectedFault;
  stop(): Promise<void>;
}

interface PendingFault {
  readonly fault: Fault;
  left: number;
}

function authKind(header: string | undefined): ProxiedRequest['authorization'] {
  if (header === undefined) return 'none';
  if (/^basic /i.test(header)) return 'basic';
  if (/^bearer /i.test(header)) return 'bearer';
  return 'other';
}

function matches(filter: RequestFilter, method: string, path: string): boolean {
  if (filter.method !== undefined && filter.method.toUpperCase() !== method) return false;
  if (filter.path === undefined) return true;
  return typeof filter.path === 'string' ? filter.path === path : filter.path.test(path);
}

export async function startCountingProxy(upstream: {
  readonly url: string;
  readonly credentials?: TestUser | undefined;
}): Promise<CountingProxy> {
  const target = new URL(upstream.url);
  const requests: ProxiedRequest[] = [];
  let faults: PendingFault[] = [];

  function takeFault(method: string, path: string): Fault | undefined {
    const pending = faults.find((p) => p.left > 0 && matches(p.fault, method, path));
    if (pending === undefined) return undefined;
    pending.left -= 1;
    return pending.fault;
  }

  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    record: ProxiedRequest,
    rewrite?: Record<string, string | null>,
    replacementBody?: string | Uint8Array,
  ): void {
    const upstreamRequest = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (upstreamResponse) => {
        const headers = { ...upstreamResponse.headers };
        for (const [name, value] of Object.entries(rewrite ?? {})) {
          if (value === null) delete headers[name.toLowerCase()];
          else headers[name.toLowerCase()] = value;
        }
        record.status = upstreamResponse.statusCode ?? 502;
        if (replacementBody === undefined) {
          res.writeHead(record.status, headers);
          upstreamResponse.pipe(res);
          return;
        }
        upstreamResponse.resume();
        const bytes = Buffer.from(replacementBody);
        res.writeHead(record.status, { ...headers, 'content-length': String(bytes.length) });
        res.end(req.method === 'HEAD' ? undefined : bytes);
      },
    );
    upstreamRequest.on('error', (error) => {
      record.status = 502;
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`basepin test proxy: upstream failed: ${error.message}`);
    });
    req.pipe(upstreamRequest);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const fault = takeFault(method, url.pathname);
    const record: ProxiedRequest = {
      method,
      path: url.pathname,
      query: url.search,
      accept: req.headers.accept,
      authorization: authKind(req.headers.authorization),
      status: 0,
      fault: fault === undefined ? undefined : (fault.name ?? fault.action.kind),
    };
    requests.push(record);
    const action = fault?.action;
    if (action === undefined) return forward(req, res, record);
    switch (action.kind) {
      case 'respond': {
        record.status = action.status;
        req.resume();
        const body = action.body ?? '';
        res.writeHead(action.status, {
          'Content-Length': String(Buffer.byteLength(body)),
          ...action.headers,
        });
        res.end(method === 'HEAD' ? undefined : body);
        return;
      }
      case 'rewrite-headers':
        return forward(req, res, record, action.headers);
      case 'rewrite-body':
        return forward(req, res, record, undefined, action.body);
      case 'reset':
        req.socket.destroy();
        return;
      case 'delay': {
        const timer = setTimeout(() => forward(req, res, record), action.ms);
        res.once('close', () => clearTimeout(timer));
        return;
      }
      case 'stall-body':
        record.status = 200;
        req.resume();
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
        res.flushHeaders();
        return;
    }
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;

  const proxy: CountingProxy = {
    host,
    url: `http://${host}`,
    credentials: upstream.credentials,
    requests,
    count: (filter = {}) => requests.filter((r) => matches(filter, r.method, r.path)).length,
    reset() {
      requests.length = 0;
      faults = [];
    },
    inject(fault) {
      if (!Number.isInteger(fault.times) || fault.times < 1)
        throw new Error('a fault applies a positive number of times');
      const pending: PendingFault = { fault, left: fault.times };
      faults.push(pending);
      return {
        remaining: () => pending.left,
        cancel: () => {
          pending.left = 0;
        },
      };
    },
    failNext(path, times, status, headers, method) {
      return proxy.inject({
        path,
        times,
        ...(method !== undefined ? { method } : {}),
        action: {
          kind: 'respond',
          status,
          headers: { 'Content-Type': 'application/json', ...headers },
          body: faultBody(status),
        },
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

/** A distribution-style error body, so clients can parse the code. */
function faultBody(status: number): string {
  const code = status === 429 ? 'TOOMANYREQUESTS' : status === 404 ? 'MANIFEST_UNKNOWN' : 'UNAVAILABLE';
  return JSON.stringify({ errors: [{ code, message: `injected by the basepin test proxy (${status})` }] });
}
