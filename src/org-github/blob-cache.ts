import { z } from 'zod';
import type { GitHubClient } from '../github/index.ts';
import { GitHubPayloadError, withGitHubError } from '../github/index.ts';
import type { RepoRef } from '../github/index.ts';

/** Largest file a run reads through the API; a larger one is left unread and reported. */
export const maxBlobBytes = 4 * 1024 * 1024;

export class BlobTooLargeError extends Error {
  override readonly name = 'BlobTooLargeError';
}

export interface BlobStats {
  /** Blob requests sent. */
  readonly requests: number;
  /** Reads answered from the cache (another file or repository had the same content). */
  readonly hits: number;
  /** Bytes held. */
  readonly bytes: number;
}

const JsonBlobSchema = z.object({ content: z.string(), encoding: z.literal('base64') });

/**
 * File contents by blob sha, for the whole run: a blob is content-addressed, so it is read once however
 * many files and repositories hold it. A failed read is forgotten, so another repository may read it.
 */
export class BlobCache {
  readonly #blobs = new Map<string, Promise<Uint8Array>>();
  #requests = 0;
  #hits = 0;
  #bytes = 0;

  read(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<Uint8Array> {
    const held = this.#blobs.get(sha);
    if (held !== undefined) {
      this.#hits += 1;
      return held;
    }
    this.#requests += 1;
    const pending = readBlob(octokit, repo, sha).then((bytes) => {
      this.#bytes += bytes.length;
      return bytes;
    });
    this.#blobs.set(sha, pending);
    pending.catch(() => this.#blobs.delete(sha));
    return pending;
  }

  /** Whether the run holds (or is reading) this blob already: reading it costs no request. */
  has(sha: string): boolean {
    return this.#blobs.has(sha);
  }

  stats(): BlobStats {
    return { requests: this.#requests, hits: this.#hits, bytes: this.#bytes };
  }
}

/**
 * One blob's bytes, asked in the raw media type (the bytes themselves, not base64 in JSON); a server that
 * answers JSON anyway is read too. https://docs.github.com/en/rest/git/blobs#get-a-blob
 */
async function readBlob(octokit: GitHubClient, repo: RepoRef, sha: string): Promise<Uint8Array> {
  const resource = `${sha.slice(0, 7)} in ${repo.owner}/${repo.repo}`;
  const response = await withGitHubError('read blob', resource, () =>
    octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
      owner: repo.owner,
      repo: repo.repo,
      file_sha: sha,
      headers: { accept: 'application/vnd.github.raw+json' },
      request: { parseSuccessResponseBody: false },
    }),
  );
  const type = String(response.headers['content-type'] ?? '');
  const bytes = await readCapped(response.data as unknown, resource);
  if (!type.startsWith('application/json')) return bytes;
  const parsed = JsonBlobSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success)
    throw new GitHubPayloadError('read blob', resource, 200, ['unexpected reply: content']);
  return Buffer.from(parsed.data.content, 'base64');
}

/** The body's bytes, refused past `maxBlobBytes` (the JSON form is a third larger, so it gets that room). */
async function readCapped(body: unknown, resource: string): Promise<Uint8Array> {
  if (!(body instanceof ReadableStream)) {
    if (typeof body === 'string') return new TextEncoder().encode(body);
    throw new GitHubPayloadError('read blob', resource, 200, ['unexpected reply: no body']);
  }
  const limit = Math.ceil((maxBlobBytes * 4) / 3) + 1024;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new BlobTooLargeError(`blob ${resource} is larger than ${maxBlobBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
