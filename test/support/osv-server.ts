import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAffected, OsvRecordSchema, type OsvRecord } from '../../src/vulnerabilities/index.ts';

/**
 * An OSV API stand-in on 127.0.0.1: `POST /v1/querybatch` answers each query with the ids of the records
 * that affect its (ecosystem, name, version), decided by the records' own ranges and real version ordering
 * (apk, dpkg); `GET /v1/vulns/{id}` serves the record. Its answers have OSV's shapes:
 * https://google.github.io/osv.dev/post-v1-querybatch/ and https://google.github.io/osv.dev/get-v1-vulns/
 */

export interface OsvStandInOptions {
  readonly records?: readonly OsvRecord[];
  /** Ids per result per page; with it, longer answers carry `next_page_token` as OSV's do. */
  readonly pageSize?: number;
}

export interface RunningOsvStandIn {
  /** `http://127.0.0.1:<port>`: what the `osv-api` setting takes. */
  readonly url: `http://${string}`;
  /** Requests received, `POST /v1/querybatch` or `GET /v1/vulns/<id>`, oldest first. */
  readonly requests: string[];
  /** Queries received in all querybatch bodies. */
  readonly queries: { ecosystem: string; name: string; version: string; page_token?: string }[];
  close(): Promise<void>;
}

/** Every record under `test/fixtures/osv/records/`, validated as the client validates them. */
export function fixtureRecords(): OsvRecord[] {
  const folder = new URL('../fixtures/osv/records/', import.meta.url);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => OsvRecordSchema.parse(JSON.parse(readFileSync(new URL(name, folder), 'utf8'))));
}

interface BatchQuery {
  package?: { name?: string; ecosystem?: string };
  version?: string;
  page_token?: string;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

export async function startOsvStandIn(options: OsvStandInOptions = {}): Promise<RunningOsvStandIn> {
  const records = options.records ?? fixtureRecords();
  const requests: string[] = [];
  const queries: RunningOsvStandIn['queries'] = [];
  const answer = (query: BatchQuery) => {
    const asked = {
      ecosystem: query.package?.ecosystem ?? '',
      name: query.package?.name ?? '',
      version: query.version ?? '',
    };
    queries.push({ ...asked, ...(query.page_token === undefined ? {} : { page_token: query.page_token }) });
    const ids = records.filter((record) => isAffected(record, asked)).map((record) => record.id);
    const start = query.page_token === undefined ? 0 : Number(query.page_token);
    const size = options.pageSize ?? ids.length;
    const page = ids.slice(start, start + size);
    const vulns = page.map((id) => ({ id, modified: '2026-03-09T01:19:36.809913Z' }));
    const more = start + size < ids.length;
    return {
      ...(vulns.length ? { vulns } : {}),
      ...(more ? { next_page_token: String(start + size) } : {}),
    };
  };
  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
      requests.push(`${request.method} ${path}`);
      if (request.method === 'POST' && path === '/v1/querybatch') {
        const parsed = JSON.parse(await body(request)) as { queries?: BatchQuery[] };
        if (!Array.isArray(parsed.queries) || parsed.queries.length > 1000) {
          json(response, 400, { code: 3, message: 'Too many queries.' });
          return;
        }
        json(response, 200, { results: parsed.queries.map(answer) });
        return;
      }
      const vuln = /^\/v1\/vulns\/([^/]+)$/.exec(path);
      if (request.method === 'GET' && vuln) {
        const record = records.find((r) => r.id === decodeURIComponent(vuln[1] ?? ''));
        if (record) json(response, 200, record);
        else json(response, 404, { code: 5, message: 'Bug not found.' });
        return;
      }
      json(response, 404, { code: 5, message: 'Not found.' });
    })().catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    queries,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
