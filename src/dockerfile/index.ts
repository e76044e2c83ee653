export { decodeDockerfile, encodeDockerfile, UnencodableTextError } from './decode.ts';
export type { DecodedFile, TextEncoding } from './decode.ts';
export { compactSite } from './compact-site.ts';
export { extractImageSites } from './extract.ts';
export { digestOnlyReason, judgeReference } from './judge.ts';
export type { Judgement } from './judge.ts';
export { applyEdits, EditConflictError, EditErrorCode, fittingEdits, pinEdit } from './rewrite.ts';
export type { TextEdit } from './rewrite.ts';
export { isPinnableSite } from './site.ts';
export { repositoryPath, type RepositoryPath } from './repository-path.ts';
export type {
  DigestKey,
  DockerfileSiteKind,
  ImageSite,
  ManifestSiteKind,
  PinnableSite,
  PinTarget,
  SiteKind,
  SiteStatus,
  SourceRange,
} from './site.ts';
