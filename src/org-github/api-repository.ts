import { posix } from 'node:path';
import type { GitHubClient } from '../github/index.ts';
import type { RepoRef } from '../github/index.ts';
import type { ListFilters } from '../workspace/index.ts';
import { MemoryWorkspace } from '../workspace/index.ts';
import { maxBlobBytes, type BlobCache } from './blob-cache.ts';
import { readRepositoryTree, type RepositoryTree, type TreeLimits } from './repository-tree.ts';

/** A file the run would have read but did not, with the reason. */
export interface UnreadFile {
  readonly path: string;
  readonly reason: string;
}

export interface ApiWorkspace {
  /** The listed files with their contents, and the `.gitignore` files that decided the listing. */
  readonly workspace: MemoryWorkspace;
  /** What `workspace.list(['.'], filters)` gives: the files a run scans. */
  readonly listed: readonly string[];
  readonly unread: readonly UnreadFile[];
}

/**
 * One repository read through the API, never cloned: its tree at a commit (one request, more only when
 * GitHub truncates it), then only the blobs a run reads, through the run's content-addressed cache.
 */
export class ApiRepository {
  readonly repo: RepoRef;
  readonly commit: string;
  readonly #octokit: GitHubClient;
  readonly #tree: RepositoryTree;
  readonly #blobs: BlobCache;

  private constructor(
    octokit: GitHubClient,
    repo: RepoRef,
    commit: string,
    tree: RepositoryTree,
    blobs: BlobCache,
  ) {
    this.#octokit = octokit;
    this.repo = repo;
    this.commit = commit;
    this.#tree = tree;
    this.#blobs = blobs;
  }

  /** Lists the tree at `commit` (a commit sha: the commits a run makes sit on it). */
  static async open(
    octokit: GitHubClient,
    repo: RepoRef,
    commit: string,
    blobs: BlobCache,
    limits: TreeLimits = {},
  ): Promise<ApiRepository> {
    const tree = await readRepositoryTree(octokit, repo, commit, () => true, limits);
    return new ApiRepository(octokit, repo, commit, tree, blobs);
  }

  /** Tree requests the listing took. */
  get treeRequests(): number {
    return this.#tree.requests;
  }

  /** A file's bytes (the repository's `.github/basepin.yml`, say); undefined when the tree has no such file. */
  async readFile(path: string): Promise<Uint8Array | undefined> {
    const file = this.#tree.files.get(path);
    return file === undefined ? undefined : this.#blobs.read(this.#octokit, this.repo, file.sha);
  }

  /**
   * The files a run scans, in a `MemoryWorkspace` that lists them by its own rules (Dockerfile names,
   * `include`, `exclude`, `.gitignore`): the `.gitignore` files are read first, the listing is made over
   * the tree's paths, and only the listed files are read. A file over the size cap is left unread.
   */
  async workspace(filters: ListFilters = {}): Promise<ApiWorkspace> {
    const ignores = [...this.#tree.files.keys()].filter((path) => posix.basename(path) === '.gitignore');
    const ignoreFiles = await this.#readAll(ignores);
    const placeholder = new Uint8Array(0);
    const ignoreSet = new Set(ignores);
    const probe = new MemoryWorkspace([
      ...ignoreFiles,
      ...[...this.#tree.files.keys()]
        .filter((path) => !ignoreSet.has(path))
        .map((path) => [path, placeholder] as const),
    ]);
    const candidates = await probe.list(['.'], filters);
    const unread: UnreadFile[] = [];
    const listed: string[] = [];
    for (const path of candidates) {
      const size = this.#tree.files.get(path)?.size;
      if (size !== undefined && size > maxBlobBytes) {
        unread.push({ path, reason: `larger than ${maxBlobBytes} bytes` });
      } else listed.push(path);
    }
    const contents = await this.#readAll(listed);
    // A values file is a chart's only next to a `Chart.yaml`: the scan's listing needs its name, not its bytes.
    const charts = [...this.#tree.files.keys()]
      .filter((path) => posix.basename(path) === 'Chart.yaml' && !listed.includes(path))
      .map((path) => [path, placeholder] as const);
    return { workspace: new MemoryWorkspace([...ignoreFiles, ...charts, ...contents]), listed, unread };
  }

  /** Files of the tree, `blobReadsInFlight` at a time, in the order given. */
  async #readAll(paths: readonly string[]): Promise<(readonly [string, Uint8Array])[]> {
    const read: (readonly [string, Uint8Array])[] = [];
    for (let start = 0; start < paths.length; start += blobReadsInFlight) {
      const batch = paths.slice(start, start + blobReadsInFlight);
      read.push(
        ...(await Promise.all(batch.map(async (path) => [path, (await this.readFile(path))!] as const))),
      );
    }
    return read;
  }
}

/** Blob reads one repository has in flight. */
const blobReadsInFlight = 8;
