import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/reference/index.ts';
import { createRegistryClient, RegistryError, type RegistryClient } from '../../src/registry/index.ts';
import { startHostileServer, type HostileReply, type HostileServer } from '../support/hostile-server.ts';

// A reply that breaks HTTP fails that exchange, not the host: through real undici and a real socket
// (no nock here, which would parse replies with another HTTP stack), one repository path answers a
// malformed reply and another on the same host answers well.

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const index = readFileSync(join(import.meta.dirname, '../fixtures/registry/alpine-new.index.json'));

const broken: readonly [string, string][] = [
  ['an obsolete folded header', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Folded: a\r\n  b\r\n\r\n{}'],
  ['a bad status line', 'HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\n{}'],
  ['not HTTP at all', 'SSH-2.0-OpenSSH_9.6\r\n\r\n'],
  ['a bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n'],
  ['two different lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}'],
  ['a body cut short', 'HTTP/1.1 200 OK\r\nContent-Length: 900\r\n\r\n{}'],
];

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  await server?.stop();
});

function client(): RegistryClient {
  return createRegistryClient({
    dockerConfigDir: join(import.meta.dirname, 'no-docker-config'),
    retryBaseDelayMs: 1,
    sleep: async () => {},
  });
}

function registryAnswering(bad: string): void {
  server.answer(({ path }): HostileReply => {
    if (path === '/v2/') return { status: 200, body: '{}' };
    if (path === '/v2/good/app/manifests/1')
      return { status: 200, headers: { 'content-type': OCI_INDEX }, body: index.toString() };
    if (path === '/v2/bad/app/manifests/1') return { status: 0, raw: bad };
    return { status: 404 };
  });
}

describe('a reply that breaks HTTP fails its exchange, not its host', () => {
  it.each(broken)(
    '%s: the bad path fails in plain words, the healthy one on the same host resolves',
    async (_, bad) => {
      registryAnswering(bad);
      const registry = client();
      const badRef = parseImageReference(`${server.host}/bad/app:1`);
      const goodRef = parseImageReference(`${server.host}/good/app:1`);

      const failure = await registry.fetchManifest(badRef, '1').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(RegistryError);
      expect(failure).toMatchObject({ status: 0, code: 'BAD_RESPONSE', unreachable: undefined });
      expect((failure as Error).message).toMatch(
        new RegExp(
          `^${server.host} (sent a reply that breaks HTTP \\([^)]+\\)|closed the connection mid-reply)$`,
        ),
      );
      // Tried once more, not four times.
      expect(server.requests.filter((request) => request.path === '/v2/bad/app/manifests/1')).toHaveLength(2);

      // Afterwards, and side by side with another bad exchange, the host's healthy reference resolves.
      const [again, good] = await Promise.allSettled([
        registry.fetchManifest(badRef, '1'),
        registry.fetchManifest(goodRef, '1'),
      ]);
      expect(again.status).toBe('rejected');
      expect(good.status === 'fulfilled' ? good.value.mediaType : good.reason).toBe(OCI_INDEX);
    },
  );

  it('a ping whose reply breaks HTTP is asked again by the next reference', async () => {
    let pings = 0;
    server.answer(({ path }): HostileReply => {
      if (path === '/v2/') {
        pings += 1;
        return pings <= 2 ? { status: 0, raw: 'HTTP/1.1 2x0 OK\r\n\r\n' } : { status: 200, body: '{}' };
      }
      return { status: 200, headers: { 'content-type': OCI_INDEX }, body: index.toString() };
    });
    const registry = client();
    await expect(registry.fetchManifest(parseImageReference(`${server.host}/a/b:1`), '1')).rejects.toThrow(
      /breaks HTTP/,
    );
    const manifest = await registry.fetchManifest(parseImageReference(`${server.host}/c/d:1`), '1');
    expect(manifest.mediaType).toBe(OCI_INDEX);
  });
});

describe('a host that cannot be reached is still marked for the run', () => {
  it('connection refused: said in plain words, and the host is not asked again', async () => {
    const closed = await startHostileServer();
    const host = closed.host;
    await closed.stop();
    const registry = client();
    const first = await registry
      .resolveTag(parseImageReference(`${host}/a/b:1`))
      .catch((error: unknown) => error);
    expect(first).toMatchObject({ code: 'NETWORK_ERROR', unreachable: host });
    expect((first as Error).message).toBe(`connection refused by ${host}`);
    const second = await registry
      .resolveTag(parseImageReference(`${host}/c/d:1`))
      .catch((error: unknown) => error);
    expect(second).toMatchObject({ code: 'NETWORK_ERROR', unreachable: host });
    expect((second as Error).message).toMatch(/could not be reached earlier in this run/);
  });
});
