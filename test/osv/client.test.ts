import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOsvClient } from '../../src/osv/index.ts';
import { queryKey, type OsvQuery } from '../../src/vulnerabilities/index.ts';
import { fixtureRecords } from '../support/osv-server.ts';

const api = 'https://api.osv.dev';
const openssl: OsvQuery = { ecosystem: 'Alpine:v3.23', name: 'openssl', version: '3.5.3-r0' };
const busybox: OsvQuery = { ecosystem: 'Alpine:v3.23', name: 'busybox', version: '1.37.0-r29' };
const record = (id: string) => fixtureRecords().find((r) => r.id === id);

beforeEach(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('OSV client', () => {
  it('asks each (ecosystem, name, version) once per run, in one querybatch', async () => {
    let sent: unknown;
    nock(api)
      .post('/v1/querybatch', (body: unknown) => {
        sent = body;
        return true;
      })
      .reply(200, {
        results: [{ vulns: [{ id: 'ALPINE-CVE-2025-9230', modified: '2026-03-09T01:19:36Z' }] }, {}],
      });
    const client = createOsvClient({ api });
    const first = await client.query([openssl, busybox, openssl]);
    expect(sent).toEqual({
      queries: [
        { package: { name: 'openssl', ecosystem: 'Alpine:v3.23' }, version: '3.5.3-r0' },
        { package: { name: 'busybox', ecosystem: 'Alpine:v3.23' }, version: '1.37.0-r29' },
      ],
    });
    expect(first?.get(queryKey(openssl))).toEqual(['ALPINE-CVE-2025-9230']);
    expect(first?.get(queryKey(busybox))).toEqual([]);
    // Cached: no interceptor is left, so another request would fail the ask.
    expect((await client.query([busybox]))?.get(queryKey(busybox))).toEqual([]);
    expect(client.counters()).toEqual({ querybatch: 1, vulns: 0, failed: 0 });
  });

  it('asks a key once when two asks for it overlap', async () => {
    nock(api)
      .post('/v1/querybatch')
      .once()
      .reply(200, { results: [{}] });
    const client = createOsvClient({ api });
    const [first, second] = await Promise.all([client.query([openssl]), client.query([openssl])]);
    expect(first?.get(queryKey(openssl))).toEqual([]);
    expect(second?.get(queryKey(openssl))).toEqual([]);
    expect(client.counters().querybatch).toBe(1);
  });

  it('sends at most 1,000 queries a call', async () => {
    const sizes: number[] = [];
    nock(api)
      .post('/v1/querybatch', (body: { queries: unknown[] }) => {
        sizes.push(body.queries.length);
        return true;
      })
      .times(3)
      .reply(200, () => ({ results: Array.from({ length: sizes.at(-1) ?? 0 }, () => ({})) }));
    const queries = Array.from({ length: 2500 }, (_, i) => ({
      ecosystem: 'npm',
      name: `p${i}`,
      version: '1.0.0',
    }));
    const answers = await createOsvClient({ api }).query(queries);
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(answers?.size).toBe(2500);
  });

  it.each([
    [
      'no DNS (ENOTFOUND)',
      (scope: nock.Interceptor) =>
        scope.replyWithError(
          Object.assign(new Error('getaddrinfo ENOTFOUND api.osv.dev'), { code: 'ENOTFOUND' }),
        ),
    ],
    [
      'a stall past the timeout',
      // OSV never answers: only the client's own timeout ends the wait.
      (scope: nock.Interceptor) => scope.reply(() => new Promise<never>(() => undefined)),
    ],
    ['HTTP 503', (scope: nock.Interceptor) => scope.reply(503, 'unavailable')],
    ["a reply that is not OSV's shape", (scope: nock.Interceptor) => scope.reply(200, { results: 'none' })],
    [
      'a reply with another number of results',
      (scope: nock.Interceptor) => scope.reply(200, { results: [] }),
    ],
    [
      'a reply larger than the cap',
      (scope: nock.Interceptor) => scope.reply(200, 'x'.repeat(17 * 1024 * 1024)),
    ],
  ])('after %s, pays no second attempt and answers unavailable', async (_what, fail) => {
    fail(nock(api).post('/v1/querybatch'));
    const lines: string[] = [];
    const client = createOsvClient({ api, timeoutMs: 200, debug: (line) => lines.push(line) });
    expect(await client.query([openssl])).toBeUndefined();
    expect(client.status()).toBe('unavailable');
    // Nothing more is intercepted: any further request would be refused by nock and counted.
    expect(await client.query([busybox])).toBeUndefined();
    expect(await client.records(['ALPINE-CVE-2025-9230'])).toEqual(new Map());
    expect(client.counters()).toEqual({ querybatch: 1, vulns: 0, failed: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^osv: .*vulnerability data unavailable for this run$/);
  });

  it('reads records by id, cached, within the cap; a missing or invalid record is that record only', async () => {
    const scope = nock(api)
      .get('/v1/vulns/ALPINE-CVE-2025-9230')
      .reply(200, record('ALPINE-CVE-2025-9230'))
      .get('/v1/vulns/ALPINE-CVE-2025-9231')
      .reply(404, { code: 5, message: 'Bug not found.' })
      .get('/v1/vulns/ALPINE-CVE-2025-9232')
      .reply(200, { id: 'ANOTHER-ID' });
    const client = createOsvClient({ api, maxRecords: 3 });
    const ids = [
      'ALPINE-CVE-2025-9230',
      'ALPINE-CVE-2025-9231',
      'ALPINE-CVE-2025-9232',
      'DSA-3029-1',
      '../admin',
    ];
    const records = await client.records(ids);
    expect([...records.keys()]).toEqual(['ALPINE-CVE-2025-9230']);
    expect(records.get('ALPINE-CVE-2025-9230')?.upstream).toEqual(['CVE-2025-9230']);
    expect(scope.isDone()).toBe(true);
    // Cached by id, and the cap of 3 reads is spent: DSA-3029-1 is not read.
    expect([...(await client.records(ids)).keys()]).toEqual(['ALPINE-CVE-2025-9230']);
    expect(client.counters()).toEqual({ querybatch: 0, vulns: 3, failed: 0 });
    expect(client.status()).toBe('ok');
  });

  it('asks nothing when off', async () => {
    const client = createOsvClient({ api: 'off' });
    expect(client.status()).toBe('off');
    expect(await client.query([openssl])).toBeUndefined();
    expect(await client.records(['DSA-3029-1'])).toEqual(new Map());
    expect(client.counters()).toEqual({ querybatch: 0, vulns: 0, failed: 0 });
  });
});
