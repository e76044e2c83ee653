/**
 * The image reference grammar of distribution/reference, as regular
 * expressions. https://github.com/distribution/reference/blob/main/regexp.go
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain '/'] remote-name
 *   domain    := host [':' port-number]
 *
 * JavaScript's backtracking matcher picks the same leftmost-first match as
 * Go's RE2 for these patterns, so `a/b` splits as domain `a`, path `b`.
 */
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6Address})`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const name = `(?:${domainAndPort}/)?${remoteName}`;

/** Groups: 1 name, 2 tag, 3 digest. */
export const referencePattern = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
/** Groups: 1 domain, 2 path. */
export const namePattern = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
export const digestPattern = new RegExp(`^${digest}$`);
/** A bare 64-hex image ID, which Docker refuses as a repository name. */
export const hexIdentifierPattern = /^[a-f0-9]{64}$/;

/** Longest remote name (path) distribution accepts; the domain does not count. */
export const maxPathLength = 255;
