/**
 * A repository an App installation can see, as the installation's listing describes it: the fields that
 * decide whether an organisation run takes it and where its work starts.
 */
export interface OrgRepository {
  /** `owner/name` as GitHub spells it. */
  readonly fullName: string;
  readonly owner: string;
  readonly name: string;
  readonly defaultBranch: string;
  readonly archived: boolean;
  readonly disabled: boolean;
  readonly fork: boolean;
  /** GitHub's `size` is 0: no commit yet (or nothing in it), so there is no tree to read. */
  readonly empty: boolean;
}

/** Why a repository the installation sees is left out of the run. */
export type SkipReason = 'archived' | 'disabled' | 'fork' | 'empty';

export interface SkippedRepository {
  readonly repository: string;
  readonly reason: SkipReason;
}

/** GitHub's shape of `owner/name`: what the adapter accepts from a listing and the dashboard from its block. */
export const repositoryNameShape = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

export function isRepositoryName(text: string): boolean {
  return repositoryNameShape.test(text) && !text.endsWith('/.') && !text.endsWith('/..');
}
