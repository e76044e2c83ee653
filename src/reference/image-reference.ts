import { dockerHub } from './docker-hub.ts';

export interface ImageReferenceParts {
  /** The reference exactly as written, e.g. `alpine:3.20`. */
  readonly original: string;
  /** The name part as written, e.g. `alpine` or `index.docker.io/library/alpine`. */
  readonly writtenName: string;
  /** Normalised registry domain, e.g. `docker.io`, `ghcr.io`, `localhost:5000`. */
  readonly domain: string;
  /** Normalised repository path, e.g. `library/alpine`. */
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/**
 * One image reference: knows the form the user wrote and the fully
 * qualified form, and renders a pin back in the user's own form (a pin adds
 * `@sha256:…`; it never rewrites `alpine` to `docker.io/library/alpine`).
 */
export class ImageReference implements ImageReferenceParts {
  readonly original: string;
  readonly writtenName: string;
  readonly domain: string;
  readonly path: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;

  constructor(parts: ImageReferenceParts) {
    this.original = parts.original;
    this.writtenName = parts.writtenName;
    this.domain = parts.domain;
    this.path = parts.path;
    this.tag = parts.tag;
    this.digest = parts.digest;
  }

  /** Fully qualified repository name: `docker.io/library/alpine`. */
  get name(): string {
    return `${this.domain}/${this.path}`;
  }

  /** Docker's short form: `alpine`, `user/img`, `ghcr.io/o/r`. */
  get familiarName(): string {
    if (this.domain !== dockerHub.domain) return this.name;
    const officialName = this.path.startsWith('library/') ? this.path.slice('library/'.length) : undefined;
    return officialName !== undefined && !officialName.includes('/') ? officialName : this.path;
  }

  /** The tag to follow: the written one, or `latest` when none is written. */
  get trackedTag(): string {
    return this.tag ?? 'latest';
  }

  /** Fully qualified text, `docker.io/library/alpine:3.20@sha256:…`. */
  get fullString(): string {
    return this.name + this.suffix();
  }

  get familiarString(): string {
    return this.familiarName + this.suffix();
  }

  toString(): string {
    return this.original;
  }

  private suffix(): string {
    return (
      (this.tag !== undefined ? `:${this.tag}` : '') + (this.digest !== undefined ? `@${this.digest}` : '')
    );
  }
}
