import { validateDigest } from './digest.ts';
import { BadReferenceError, ReferenceErrorCode } from './errors.ts';
import { hexIdentifierPattern, maxPathLength, namePattern, referencePattern } from './grammar.ts';
import { dockerHub } from './docker-hub.ts';
import { ImageReference } from './image-reference.ts';

/** A reference split by the strict grammar, before any normalisation. */
export interface ParsedReference {
  /** `[domain/]path`, as written. */
  readonly name: string;
  /** Empty when the text names no domain. */
  readonly domain: string;
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/**
 * The strict grammar, no normalisation: `reference.Parse` of
 * distribution/reference. `alpine` has no domain here.
 */
export function parseReference(text: string): ParsedReference {
  const match = referencePattern.exec(text);
  if (!match) {
    if (text === '') throw new BadReferenceError(ReferenceErrorCode.NameEmpty, text);
    if (referencePattern.test(text.toLowerCase())) {
      throw new BadReferenceError(ReferenceErrorCode.NameContainsUppercase, text);
    }
    throw new BadReferenceError(ReferenceErrorCode.InvalidFormat, text);
  }
  const [, name = '', tag, digest] = match;
  const nameMatch = namePattern.exec(name);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch?.[2] ?? name;
  if (path.length > maxPathLength) throw new BadReferenceError(ReferenceErrorCode.NameTooLong, text);
  if (digest !== undefined) validateDigest(digest, text);
  return { name, domain, path, tag, digest };
}

const officialRepoPrefix = 'library/';

/**
 * Docker's reading of a familiar name (`ParseNormalizedNamed`): the first
 * component is a registry only if it looks like a host (has `.` or `:`, is
 * `localhost`, or has uppercase); otherwise the registry is Docker Hub, and
 * a single-component Hub name lives under `library/`.
 */
export function parseImageReference(text: string): ImageReference {
  if (hexIdentifierPattern.test(text)) throw new BadReferenceError(ReferenceErrorCode.HexIdentifier, text);
  const { domain, remainder } = splitDockerDomain(text);
  const colon = remainder.indexOf(':');
  const remoteName = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remoteName.toLowerCase() !== remoteName) {
    throw new BadReferenceError(ReferenceErrorCode.NameContainsUppercase, text);
  }
  let parsed: ParsedReference;
  try {
    parsed = parseReference(`${domain}/${remainder}`);
  } catch (error) {
    // Report the text as the user wrote it, not our normalised rewrite of it.
    if (error instanceof BadReferenceError) throw new BadReferenceError(error.code, text);
    throw error;
  }
  return new ImageReference({
    original: text,
    writtenName: stripSuffix(text, parsed),
    domain: parsed.domain,
    path: parsed.path,
    tag: parsed.tag,
    digest: parsed.digest,
  });
}

/** The name as written: the text before `:tag` and `@digest`. */
function stripSuffix(text: string, parsed: ParsedReference): string {
  let end = text.length;
  if (parsed.digest !== undefined) end = text.lastIndexOf('@');
  const beforeDigest = text.slice(0, end);
  if (parsed.tag !== undefined) return beforeDigest.slice(0, beforeDigest.length - parsed.tag.length - 1);
  return beforeDigest;
}

function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  let domain: string;
  let remainder: string;
  if (slash === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)) {
    domain = dockerHub.domain;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(slash + 1);
  }
  if (domain === dockerHub.legacyDomain) domain = dockerHub.domain;
  if (domain === dockerHub.domain && !remainder.includes('/')) remainder = officialRepoPrefix + remainder;
  return { domain, remainder };
}
