import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forbiddenAddressCode } from '../../src/wiring/connect-guard.ts';
import { createOutboundDispatcher } from '../../src/wiring/proxy.ts';

// Real sockets on 127.0.0.1: the server records every connection it accepts.
// On Linux 0.0.0.0 (and a name resolving to it) reaches a listener on
// 127.0.0.1, so a guard that let it through would show up as a connection.

const names: Readonly<Record<string, readonly LookupAddress[]>> = {
  'good.test': [{ address: '127.0.0.1', family: 4 }],
  'zero.test': [{ address: '0.0.0.0', family: 4 }],
  'mapped.test': [{ address: '::ffff:0.0.0.0', family: 6 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'nat64.test': [{ address: '64:ff9b::a9fe:a9fe', family: 6 }],
  'mixed.test': [
    { address: '127.0.0.1', family: 4 },
    { address: '0.0.0.0', family: 4 },
  ],
};

describe('the guarded dispatcher', () => {
  let server: Server;
  let port: number;
  let connections: number;
  const lookups: string[] = [];
  const dials: string[] = [];
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
  const dispatcher = createOutboundDispatcher({}, { lookup, onDial: (host) => dials.push(host) });

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await dispatcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    connections = 0;
    lookups.length = 0;
    dials.length = 0;
  });

  const get = (host: string) =>
    fetch(`http://${host}:${port}/`, {
      dispatcher,
      signal: AbortSignal.timeout(5_000),
    } as RequestInit).then(
      async (response) => ({ ok: await response.text(), code: undefined }),
      (error: { cause?: { code?: string } }) => ({ ok: undefined, code: error.cause?.code }),
    );

  it('connects to a name that resolves to loopback', async () => {
    expect(await get('good.test')).toEqual({ ok: 'ok', code: undefined });
    expect(connections).toBe(1);
    expect(lookups).toEqual(['good.test']);
  });

  it.runIf(process.platform === 'linux')(
    'proves the probe: 0.0.0.0 reaches the loopback listener without the guard',
    async () => {
      const response = await fetch(`http://0.0.0.0:${port}/`, { signal: AbortSignal.timeout(5_000) });
      expect(await response.text()).toBe('ok');
      expect(connections).toBe(1);
    },
  );

  it.each(['zero.test', 'mapped.test', 'metadata.test', 'nat64.test', 'mixed.test'])(
    'refuses %s after DNS and before any connection',
    async (name) => {
      expect(await get(name)).toEqual({ ok: undefined, code: forbiddenAddressCode });
      expect(lookups).toEqual([name]);
      expect(connections).toBe(0);
    },
  );

  it.each(['0.0.0.0', '[::ffff:0.0.0.0]', '[::ffff:169.254.169.254]', '[64:ff9b::a9fe:a9fe]', '[::]'])(
    'refuses the literal %s without a lookup or a dial',
    async (host) => {
      expect(await get(host)).toEqual({ ok: undefined, code: forbiddenAddressCode });
      expect(lookups).toEqual([]);
      expect(dials).toEqual([]);
      expect(connections).toBe(0);
    },
  );
});
