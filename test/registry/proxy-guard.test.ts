import type { LookupAddress } from 'node:dns';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type LookupFunction, type Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forbiddenAddressCode } from '../../src/wiring/connect-guard.ts';
import { createOutboundDispatcher } from '../../src/wiring/proxy.ts';

// Behind HTTPS_PROXY/HTTP_PROXY the proxy resolves names, so basepin resolves
// each target name itself first and refuses a forbidden answer before the
// proxy is asked anything (so a registry cannot steer requests to internal or metadata addresses). A real proxy on 127.0.0.1 records
// what it is asked; names resolve through a lookup the test controls (no DNS).

const names: Readonly<Record<string, readonly LookupAddress[]>> = {
  'good.test': [{ address: '127.0.0.1', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'mapped.test': [{ address: '::ffff:a9fe:a9fe', family: 6 }],
  'nat64.test': [{ address: '64:ff9b::a9fe:a9fe', family: 6 }],
  'zero.test': [{ address: '0.0.0.0', family: 4 }],
  'alibaba.test': [{ address: '100.100.100.200', family: 4 }],
  'rebind.test': [
    { address: '127.0.0.1', family: 4 },
    { address: '169.254.169.254', family: 4 },
  ],
};

describe('the guarded dispatcher behind a proxy', () => {
  let target: Server;
  let targetPort: number;
  let proxy: Server;
  let proxyPort: number;
  /** `host:port` of every CONNECT or forwarded request the proxy was asked for. */
  const asked: string[] = [];
  const lookups: string[] = [];
  const sockets = new Set<Socket>();
  const lookup: LookupFunction = (hostname, options, callback) => {
    lookups.push(hostname);
    const found = names[hostname];
    if (found === undefined) {
      callback(Object.assign(new Error(`no ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      return;
    }
    if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [...found]);
    else callback(null, found[0]!.address, found[0]!.family);
  };
  let dispatcher: ReturnType<typeof createOutboundDispatcher>;

  beforeAll(async () => {
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetPort = (target.address() as AddressInfo).port;
    // The proxy resolves nothing: every name it is asked for goes to the target on 127.0.0.1.
    proxy = createServer((req, res) => {
      asked.push(new URL(req.url ?? '/').host);
      const upstream = httpRequest(
        { host: '127.0.0.1', port: targetPort, path: '/', method: req.method },
        (r) => r.pipe(res),
      );
      upstream.end();
    });
    proxy.on('connect', (req, client: Socket, head: Buffer) => {
      asked.push(req.url ?? '');
      sockets.add(client);
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyPort = (proxy.address() as AddressInfo).port;
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    dispatcher = createOutboundDispatcher({ HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl }, { lookup });
  });
  afterAll(async () => {
    await dispatcher.close();
    for (const socket of sockets) socket.destroy();
    target.closeAllConnections();
    proxy.closeAllConnections();
    await Promise.all([
      new Promise((resolve) => target.close(resolve)),
      new Promise((resolve) => proxy.close(resolve)),
    ]);
  });
  beforeEach(() => {
    asked.length = 0;
    lookups.length = 0;
  });

  const get = (host: string) =>
    fetch(`http://${host}:${targetPort}/`, {
      dispatcher,
      signal: AbortSignal.timeout(5_000),
    } as RequestInit).then(
      async (response) => ({ ok: await response.text(), code: undefined }),
      (error: { cause?: { code?: string } }) => ({ ok: undefined, code: error.cause?.code }),
    );

  it('asks the proxy for a name that resolves to an allowed address', async () => {
    expect(await get('good.test')).toEqual({ ok: 'ok', code: undefined });
    expect(asked).toEqual([`good.test:${targetPort}`]);
    expect(lookups).toEqual(['good.test']);
  });

  it.each(['metadata.test', 'mapped.test', 'nat64.test', 'zero.test', 'alibaba.test', 'rebind.test'])(
    'refuses %s after resolving it, and never asks the proxy',
    async (name) => {
      expect(await get(name)).toEqual({ ok: undefined, code: forbiddenAddressCode });
      expect(lookups).toEqual([name]);
      expect(asked).toEqual([]);
    },
  );

  it('refuses a forbidden literal address without a lookup or the proxy', async () => {
    expect(await get('[::ffff:169.254.169.254]')).toEqual({ ok: undefined, code: forbiddenAddressCode });
    expect(lookups).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('leaves a name it cannot resolve to the proxy (proxied networks often resolve outside names only there)', async () => {
    expect(await get('only-the-proxy-knows.test')).toEqual({ ok: 'ok', code: undefined });
    expect(asked).toEqual([`only-the-proxy-knows.test:${targetPort}`]);
  });

  it('resolves each name once per run', async () => {
    expect(await get('good.test')).toEqual({ ok: 'ok', code: undefined });
    expect(await get('good.test')).toEqual({ ok: 'ok', code: undefined });
    expect(lookups.filter((name) => name === 'good.test').length).toBeLessThanOrEqual(1);
  });
});
