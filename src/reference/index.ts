export { BadReferenceError, ReferenceErrorCode } from './errors.ts';
export { dockerHub, dockerHubAliases, isDockerHub } from './docker-hub.ts';
export { isDigest, shortDigest, validateDigest } from './digest.ts';
export { ImageReference, type ImageReferenceParts } from './image-reference.ts';
export { parseImageReference, parseReference, type ParsedReference } from './parse.ts';
export { formatPlatform, parsePlatform, type Platform } from './platform.ts';
