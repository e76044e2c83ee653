import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  readHiddenBlock,
  renderHiddenBlock,
  replaceHiddenBlock,
  type BlockReading,
} from '../text/hidden-block.ts';
import { updateFrom, updateRepository, updateTag, type Update } from '../update/index.ts';

/**
 * What a basepin pull request proposes, kept in its own body as a hidden HTML comment so the next run
 * (and the comment commands) can read it back without any other storage (docs/architecture.md, "State between runs").
 */
export const stateSchemaVersion = 1;

/** One site's proposed pin. */
export interface ProposedUpdate {
  readonly file: string;
  readonly line: number;
  readonly repository: string;
  readonly tag: string;
  /** Digest pinned on the base; null when the site was not pinned. */
  readonly from: string | null;
  readonly to: string;
}

export interface PullRequestState {
  readonly v: typeof stateSchemaVersion;
  /** Base commit the branch's commit sits on. */
  readonly base: string;
  /** Hash of the exact change (every field of every update): equal ids, same change. */
  readonly changeId: string;
  /** Hash of the set of target pins (`repository:tag@to`): what a person declines by closing the PR. */
  readonly targetId: string;
  /** Empty when the list would not fit in a PR body; the ids still compare. */
  readonly updates: readonly ProposedUpdate[];
  /** Set when basepin closed the PR itself, so a later run does not read it as a person's "no". */
  readonly closedAs?: 'obsolete';
}

const ProposedUpdateSchema = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  repository: z.string(),
  tag: z.string(),
  from: z.string().nullable(),
  to: z.string(),
});

const PullRequestStateSchema = z.object({
  v: z.literal(stateSchemaVersion),
  base: z.string().regex(/^[0-9a-f]{40,64}$/),
  changeId: z.string().min(1),
  targetId: z.string().min(1),
  updates: z.array(ProposedUpdateSchema),
  closedAs: z.literal('obsolete').optional(),
});

const marker = 'basepin:state';
/** Above this, the update list is left out of the block (the ids remain); keeps the body under GitHub's limit. */
const maxListedChars = 20_000;

function hashOf(lines: readonly string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 20);
}

export function proposedUpdates(updates: readonly Update[]): ProposedUpdate[] {
  return updates
    .map((u) => ({
      file: u.site.file,
      line: u.site.line,
      repository: updateRepository(u),
      tag: updateTag(u),
      from: updateFrom(u) ?? null,
      to: u.target.digest,
    }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export function buildState(updates: readonly Update[], base: string): PullRequestState {
  const proposed = proposedUpdates(updates);
  const changeId = hashOf(
    proposed.map((u) => JSON.stringify([u.file, u.line, u.repository, u.tag, u.from, u.to])),
  );
  const targetId = hashOf([...new Set(proposed.map((u) => `${u.repository}:${u.tag}@${u.to}`))].sort());
  const listed = JSON.stringify(proposed).length <= maxListedChars;
  return { v: stateSchemaVersion, base, changeId, targetId, updates: listed ? proposed : [] };
}

export function renderStateBlock(state: PullRequestState): string {
  return renderHiddenBlock(marker, state);
}

export type StateReading = BlockReading<PullRequestState>;

/** Reads the block back. A malformed block is `invalid` with a reason for a warning, never an exception. */
export function readState(body: string): StateReading {
  return readHiddenBlock(body, marker, PullRequestStateSchema, stateSchemaVersion);
}

/** Replaces (or appends) the block in a body. */
export function withState(body: string, state: PullRequestState): string {
  const block = renderStateBlock(state);
  return replaceHiddenBlock(body, marker, block) ?? `${body.trimEnd()}\n\n${block}\n`;
}

/** Same change on the same base: nothing to push. */
export function sameProposal(a: PullRequestState, b: PullRequestState): boolean {
  return a.base === b.base && a.changeId === b.changeId;
}
