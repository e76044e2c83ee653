import { createHash } from 'node:crypto';
import { decodeDockerfile, type TextEncoding } from '../dockerfile/index.ts';
import type { ImageSite, RepositoryPath } from '../dockerfile/index.ts';
import type { RunSettings } from '../config/settings.ts';
import type { FileKind, ManifestProblem } from '../manifests/index.ts';
import type { Workspace } from '../workspace/index.ts';
import { readListed } from './read-listed.ts';
import { WriteError } from './write-error.ts';

export type ScanSettings = Pick<RunSettings, 'paths' | 'include' | 'exclude'> &
  Partial<Pick<RunSettings, 'pinArgRepositories' | 'fileKinds'>>;

export interface ScanOptions {
  /**
   * Keep every file's text (the default). False: keep a hash of each file
   * instead, and read the file again when its text is needed (a write, a
   * diff), refusing it if it changed since; needs `workspace.readAgain`.
   */
  readonly keepTexts?: boolean;
}

/**
 * A Dockerfile as the scan read it. Its text is kept, or read again when
 * asked for (`text()`): a 20,000-file run then holds a hash a file instead of
 * its text between the scan and the write (so a 20,000-file run keeps its memory bounded). A class, so each file
 * is one small fixed-shape object and the workspace is shared, not a closure a file.
 */
export class ScannedFile {
  /** The repository path the workspace listed (src/workspace/types.ts): every report names the file by it. */
  readonly file: RepositoryPath;
  /** What it was read as (`dockerfile`, `compose`, …). */
  readonly kind: FileKind;
  /** How its bytes decode: an edited text is written back the same way. */
  readonly encoding: TextEncoding;
  /** UTF-16 length of the decoded text: every edit must fit inside it. */
  readonly length: number;
  readonly #text: string | undefined;
  readonly #hash: string | undefined;
  readonly #workspace: Workspace | undefined;

  constructor(
    file: RepositoryPath,
    bytes: Uint8Array,
    text: string,
    encoding: TextEncoding,
    rereadFrom?: Workspace,
    kind: FileKind = 'dockerfile',
  ) {
    this.file = file;
    this.kind = kind;
    this.encoding = encoding;
    this.length = text.length;
    const rereads = rereadFrom?.readAgain !== undefined;
    this.#text = rereads ? undefined : text;
    this.#hash = rereads ? contentHash(bytes) : undefined;
    this.#workspace = rereads ? rereadFrom : undefined;
  }

  /** The hash of the bytes scanned, when the text was not kept (`contentHash`). */
  get sourceHash(): string | undefined {
    return this.#hash;
  }

  /** Whether the text is held (else `text()` reads the file again). */
  get kept(): boolean {
    return this.#text !== undefined;
  }

  /**
   * The text scanned. When it was not kept, the file is read again, and a
   * file that changed since (or cannot be read) throws a `WriteError` naming
   * it: a pin made from one text is never written into another.
   */
  text(): string {
    if (this.#text !== undefined) return this.#text;
    let bytes: Uint8Array;
    try {
      bytes = this.#workspace!.readAgain!(this.file);
    } catch (error) {
      const why = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      throw new WriteError(`cannot be read again: ${why}`, { cause: error });
    }
    const found = contentHash(bytes);
    if (found !== this.#hash) throw new FileChangedError(found);
    return decodeDockerfile(bytes).text;
  }
}

export interface ScanResult {
  readonly files: readonly ScannedFile[];
  readonly sites: readonly ImageSite[];
  /**
   * Files that could not be read as their kind (a YAML or JSON syntax error, text that is not UTF-8, a
   * GitLab include that cannot be read): one warning each (`describeProblem`); the other files went on.
   */
  readonly problems: readonly ManifestProblem[];
}

/**
 * Finds every file of the kinds the settings read (Dockerfiles, compose, workflows, …) under the
 * settings' paths and every image site in them, GitLab CI includes followed. No network.
 */
export async function scanDockerfiles(
  settings: ScanSettings,
  workspace: Workspace,
  scanOptions: ScanOptions = {},
): Promise<ScanResult> {
  const filters = {
    include: [...settings.include],
    exclude: [...settings.exclude],
    ...(settings.fileKinds ? { kinds: [...settings.fileKinds] } : {}),
  };
  const listed = await workspace.listFiles([...settings.paths], filters);
  const rereadFrom = scanOptions.keepTexts === false ? workspace : undefined;
  return readListed(workspace, listed, {
    pinArgRepositories: settings.pinArgRepositories,
    followIncludes: settings.fileKinds === undefined || settings.fileKinds.includes('gitlab-ci'),
    makeFile: (file, bytes, text, encoding, kind) =>
      new ScannedFile(file, bytes, text, encoding, rereadFrom, kind),
  });
}

/** What identifies a file's content between the scan and the write. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** A file not kept in memory changed between the scan and its write; `found` hashes what it holds now. */
export class FileChangedError extends WriteError {
  readonly found: string;

  constructor(found: string) {
    super('changed since basepin read it; run basepin again');
    this.found = found;
  }
}
