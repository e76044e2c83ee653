import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A misbehaving registry (or realm, or redirect target) on 127.0.0.1: each
 * test sets what it answers. It records every request and every TCP
 * connection, so a test can assert that nothing reached it at all.
 */

export interface HostileReply {
  readonly status: number;
  /**
   * Bytes written to the socket as they are instead of a reply made by Node (which refuses to make a
   * malformed one): a bad status line, a folded header, a bad chunk. `status` is then ignored.
   */
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly body?: string;
}

export interface HostileRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
}

export type HostileHandler = (request: HostileRequest) => HostileReply;

export interface HostileServer {
  readonly host: string;
  readonly port: number;
  readonly requests: readonly HostileRequest[];
  connections(): number;
  /** What to answer from now on; resets the records. */
  answer(handler: HostileHandler): void;
  stop(): Promise<void>;
}

const notFound: HostileHandler = () => ({ status: 404 });

export async function startHostileServer(): Promise<HostileServer> {
  const requests: HostileRequest[] = [];
  let connections = 0;
  let handler: HostileHandler = notFound;
  const server = createServer((req: IncomingMessage, res) => {
    const request: HostileRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://hostile.invalid').pathname,
      authorization: req.headers.authorization,
    };
    requests.push(request);
    req.resume();
    const reply = handler(request);
    if (reply.raw !== undefined) {
      req.socket.end(reply.raw);
      return;
    }
    const body = request.method === 'HEAD' ? '' : (reply.body ?? '');
    const headers: Record<string, string> = { 'content-length': String(Buffer.byteLength(reply.body ?? '')) };
    for (const [name, value] of Object.entries(reply.headers ?? {}))
      if (value !== undefined) headers[name] = value;
    res.writeHead(reply.status, headers);
    res.end(body);
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    answer(next) {
      handler = next;
      requests.length = 0;
      connections = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A distribution error body. https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ code, message }] });
}

/**
 * A registry whose ping names its own `/token` realm, and whose token
 * endpoint refuses with an error that echoes the Authorization header after
 * `prefix` (hostile text of the caller's choosing).
 */
export function echoCredentialsFromTokenServer(server: HostileServer, prefix: string): void {
  server.answer(({ path, authorization }) =>
    path === '/v2/'
      ? {
          status: 401,
          headers: { 'www-authenticate': `Bearer realm="http://${server.host}/token",service="evil"` },
        }
      : {
          status: 401,
          headers: { 'content-type': 'application/json' },
          body: errorBody('UNAUTHORIZED', `${prefix}bad credentials: ${authorization}`),
        },
  );
}
