/**
 * A file that could not be written (permissions, disk, changed since it was
 * read). Its own module, with no imports, so the scan (`scan.ts`, which
 * `basepin scan` loads) can throw it without loading what `failure.ts`
 * imports: the registry client and its schemas.
 */
export class WriteError extends Error {
  override readonly name = 'WriteError';
  readonly code = 'WRITE_FAILED';
}
