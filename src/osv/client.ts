import { readJson } from '../text/read-json.ts';
import { untrustedText } from '../text/untrusted.ts';
import {
  OsvRecordSchema,
  osvIdPattern,
  queryKey,
  type OsvApi,
  type OsvQuery,
  type OsvRecord,
} from '../vulnerabilities/index.ts';
import { readCappedBody } from './read-body.ts';
import { QueryBatchResponseSchema } from './schemas.ts';

/** Requests made, for `npm run bench` and the debug log. */
export interface OsvCounters {
  readonly querybatch: number;
  readonly vulns: number;
  /** Requests that failed; at most one per run, since the first failure turns OSV off for the run. */
  readonly failed: number;
}

export interface OsvClientOptions {
  readonly api: OsvApi;
  /** Each request's whole budget, answer read included. Default 8 s: OSV must never delay an update much. */
  readonly timeoutMs?: number;
  /** Records read per run at most (ids shown beyond it keep their id, package and versions). Default 50. */
  readonly maxRecords?: number;
  readonly debug?: (line: string) => void;
}

export interface OsvClient {
  /**
   * The ids of the vulnerabilities known for each query, by `queryKey`; undefined when OSV is off or could
   * not be asked. Each (ecosystem, name, version) is asked once per run.
   */
  query(queries: readonly OsvQuery[]): Promise<ReadonlyMap<string, readonly string[]> | undefined>;
  /** The records of these ids that could be read (cached by id; within the run's cap). */
  records(ids: readonly string[]): Promise<ReadonlyMap<string, OsvRecord>>;
  /** `off` (setting), `unavailable` (a request failed this run), else `ok`. */
  status(): 'off' | 'ok' | 'unavailable';
  counters(): OsvCounters;
}

/** Queries one querybatch may carry (OSV's limit). */
export const maxQueriesPerBatch = 1000;
/** Pages followed for one batch: a package with more known vulnerabilities than this is rare enough. */
const maxPages = 10;
const maxBatchBytes = 16 * 1024 * 1024;
/** Alpine's records list every version of the package: a few hundred kB at most. */
const maxRecordBytes = 4 * 1024 * 1024;

class OsvUnavailable extends Error {
  override readonly name = 'OsvUnavailable';
}

/**
 * The OSV API over the global `fetch`. Requests go one at a time, so an OSV that is slow, down or
 * unreachable costs the run one failed attempt (within `timeoutMs`): the first failure is remembered and
 * every later ask answers "unavailable" at once. Nothing here throws to the caller.
 */
export function createOsvClient(options: OsvClientOptions): OsvClient {
  const debug = options.debug ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 8000;
  const maxRecords = options.maxRecords ?? 50;
  const base = options.api === 'off' ? undefined : options.api;
  const answers = new Map<string, readonly string[]>();
  const records = new Map<string, OsvRecord | undefined>();
  const counts = { querybatch: 0, vulns: 0, failed: 0 };
  let down: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** One request at a time: the one that fails turns OSV off before the next starts. */
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const request = async (
    path: string,
    init: RequestInit,
    maxBytes: number,
  ): Promise<Uint8Array | 'not found'> => {
    if (base === undefined || down !== undefined) throw new OsvUnavailable(down ?? 'off');
    try {
      const response = await fetch(`${base}${path}`, {
        ...init,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 404 && init.method === 'GET') {
        await response.body?.cancel().catch(() => undefined);
        return 'not found';
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new Error(`HTTP ${response.status}`);
      }
      return await readCappedBody(response, maxBytes);
    } catch (error) {
      counts.failed += 1;
      const cause = (error as { cause?: { code?: unknown } }).cause?.code;
      down = untrustedText(
        `${(error as Error).message}${typeof cause === 'string' ? ` (${cause})` : ''}`,
        200,
      );
      debug(
        `osv: ${path.split('/').slice(0, 3).join('/')} failed (${down}); vulnerability data unavailable for this run`,
      );
      throw new OsvUnavailable(down);
    }
  };

  const post = async (body: unknown) => {
    counts.querybatch += 1;
    const bytes = await request(
      '/v1/querybatch',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      maxBatchBytes,
    );
    if (bytes === 'not found') throw new OsvUnavailable('querybatch not found');
    const read = readJson(bytes, QueryBatchResponseSchema);
    if (!read.ok) return fail(`querybatch reply: ${read.problem.message}`);
    return read.value;
  };

  const fail = (reason: string): never => {
    counts.failed += 1;
    down = untrustedText(reason, 200);
    debug(`osv: ${down}; vulnerability data unavailable for this run`);
    throw new OsvUnavailable(down);
  };

  /** One batch of at most 1,000 queries, with the pages OSV asks to follow. */
  const batch = async (queries: readonly OsvQuery[]) => {
    const ids = queries.map(() => new Set<string>());
    let pending = queries.map((query, index) => ({ index, query, token: undefined as string | undefined }));
    for (let page = 0; pending.length && page < maxPages; page += 1) {
      const reply = await post({
        queries: pending.map(({ query, token }) => ({
          package: { name: query.name, ecosystem: query.ecosystem },
          version: query.version,
          ...(token === undefined ? {} : { page_token: token }),
        })),
      });
      if (reply.results.length !== pending.length) {
        fail(`querybatch answered ${reply.results.length} results for ${pending.length} queries`);
      }
      const next: typeof pending = [];
      reply.results.forEach((result, at) => {
        const asked = pending[at];
        if (asked === undefined) return;
        for (const vuln of result.vulns ?? []) ids[asked.index]?.add(vuln.id);
        if (result.next_page_token) next.push({ ...asked, token: result.next_page_token });
      });
      pending = next;
    }
    queries.forEach((query, index) => answers.set(queryKey(query), [...(ids[index] ?? [])].sort()));
  };

  return {
    async query(queries) {
      if (base === undefined || down !== undefined) return undefined;
      const missing = [...new Map(queries.map((q) => [queryKey(q), q])).values()].filter(
        (query) => !answers.has(queryKey(query)),
      );
      try {
        for (let at = 0; at < missing.length; at += maxQueriesPerBatch) {
          const chunk = missing.slice(at, at + maxQueriesPerBatch);
          // Another ask may have answered some of these while this one waited its turn.
          await serially(async () => {
            const left = chunk.filter((query) => !answers.has(queryKey(query)));
            if (left.length) await batch(left);
          });
        }
      } catch {
        return undefined;
      }
      const result = new Map<string, readonly string[]>();
      for (const query of queries) result.set(queryKey(query), answers.get(queryKey(query)) ?? []);
      return result;
    },

    async records(ids) {
      const found = new Map<string, OsvRecord>();
      for (const id of new Set(ids)) {
        if (!osvIdPattern.test(id)) continue;
        if (!records.has(id)) {
          if (base === undefined || down !== undefined || counts.vulns >= maxRecords) continue;
          try {
            const record = await serially(async () => {
              if (records.has(id)) return records.get(id);
              counts.vulns += 1;
              const bytes = await request(
                `/v1/vulns/${encodeURIComponent(id)}`,
                { method: 'GET' },
                maxRecordBytes,
              );
              if (bytes === 'not found') return undefined;
              const read = readJson(bytes, OsvRecordSchema);
              // One malformed record is that record's problem, not OSV's: the others are still read.
              if (!read.ok || read.value.id !== id) {
                debug(
                  `osv: the record of ${id} is not valid (${read.ok ? 'another id' : read.problem.message})`,
                );
                return undefined;
              }
              return read.value;
            });
            records.set(id, record);
          } catch {
            continue;
          }
        }
        const record = records.get(id);
        if (record !== undefined) found.set(id, record);
      }
      return found;
    },

    status: () => (base === undefined ? 'off' : down === undefined ? 'ok' : 'unavailable'),
    counters: () => ({ ...counts }),
  };
}
