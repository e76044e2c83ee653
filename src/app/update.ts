import type { SiteKind } from '../dockerfile/site.ts';

/** One site whose pin changes: the unit a pull request proposes and a report lists. */
export interface SiteUpdate {
  readonly file: string;
  readonly line: number;
  readonly kind: SiteKind;
  /** The reference as written before the change. */
  readonly reference: string;
  /** Fully qualified repository, `docker.io/library/alpine`. */
  readonly repository: string;
  readonly tag: string;
  /** The digest pinned before; undefined when the site was not pinned. */
  readonly from: string | undefined;
  readonly to: string;
  /** Media type of `to` (index, list or single manifest). */
  readonly mediaType: string;
  /** The registry could not be reached and this mirror named `to`: unconfirmed by the registry. */
  readonly fromMirror?: string;
}
