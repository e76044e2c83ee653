export { decodeDockerfile, encodeDockerfile, UnencodableTextError } from './decode.ts';
export type { DecodedFile, TextEncoding } from './decode.ts';
export { extractImageSites } from './extract.ts';
export { applyEdits, EditConflictError, EditErrorCode, fittingEdits, pinEdit } from './rewrite.ts';
export type { TextEdit } from './rewrite.ts';
export { isPinnableSite } from './site.ts';
export type { ImageSite, PinnableSite, PinTarget, SiteKind, SiteStatus, SourceRange } from './site.ts';
