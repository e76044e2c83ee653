import { z } from 'zod';
import { dashboardBlockMarker } from '../../text/marks.ts';
import {
  readHiddenBlock,
  renderHiddenBlock,
  replaceHiddenBlock,
  type BlockReading,
} from '../../text/hidden-block.ts';
import { parseIgnoreTarget, type IgnoreTarget } from '../../comments/commands/index.ts';

/**
 * What the dashboard issue remembers between runs, kept in its own body as a hidden HTML comment
 * (`<!-- basepin:dashboard {…} -->`, docs/architecture.md "State … lives on GitHub"), and the checkboxes a person ticks.
 * People who can edit the issue can edit this block too, so it is read back through a schema, never trusted.
 */
export const dashboardSchemaVersion = 1;

/** Where a rule came from: the comment that made it (issue or pull request number, comment id). */
export interface RuleSource {
  readonly issue: number;
  readonly comment: number;
  /** Login of the person who wrote the command. */
  readonly by: string;
}

export interface IgnoreRule extends IgnoreTarget {
  readonly source: RuleSource;
}

export interface DashboardState {
  readonly v: typeof dashboardSchemaVersion;
  readonly ignores: readonly IgnoreRule[];
  /** Branches offered as "create now" checkboxes in this body: a ticked box counts only if it was offered. */
  readonly pending: readonly string[];
}

export const emptyDashboardState: DashboardState = { v: dashboardSchemaVersion, ignores: [], pending: [] };

/** GitHub logins: alphanumerics and single hyphens, at most 39; `[bot]` for apps. */
const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/);
const branch = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9._/-]+$/);

const IgnoreRuleSchema = z
  .object({
    repository: z.string().max(512),
    tag: z.string().max(128).optional(),
    source: z.object({
      issue: z.number().int().positive(),
      comment: z.number().int().positive(),
      by: login,
    }),
  })
  .superRefine((rule, context) => {
    // The same grammar as a command's argument: a block edited by hand cannot smuggle in anything else.
    const parsed = parseIgnoreTarget(
      rule.tag === undefined ? rule.repository : `${rule.repository}:${rule.tag}`,
    );
    if (typeof parsed === 'string' || parsed.repository !== rule.repository || parsed.tag !== rule.tag) {
      context.addIssue({ code: 'custom', message: 'not a fully qualified image reference' });
    }
  });

const DashboardStateSchema = z.object({
  v: z.literal(dashboardSchemaVersion),
  ignores: z.array(IgnoreRuleSchema).max(1000),
  pending: z.array(branch).max(1000),
});

const marker = dashboardBlockMarker;

export function renderDashboardBlock(state: DashboardState): string {
  return renderHiddenBlock(marker, state);
}

/** The body with its state block replaced; undefined when it has none (the caller writes a body around one). */
export function replaceDashboardBlock(body: string, state: DashboardState): string | undefined {
  return replaceHiddenBlock(body, marker, renderDashboardBlock(state));
}

export type DashboardReading = BlockReading<DashboardState>;

/** Reads the block back; a malformed block is `invalid` with a reason for a warning, never an exception. */
export function readDashboardState(body: string): DashboardReading {
  const reading = readHiddenBlock(body, marker, DashboardStateSchema, dashboardSchemaVersion);
  if (reading.kind !== 'valid') return reading;
  const ignores = reading.state.ignores.map((rule) => ({ ...rule, tag: rule.tag }));
  return { kind: 'valid', state: { ...reading.state, ignores } };
}

/** `docker.io/library/alpine` + `3.20` and a rule: does the rule cover it? */
export function ruleCovers(rule: IgnoreTarget, repository: string, tag: string): boolean {
  return rule.repository === repository && (rule.tag === undefined || rule.tag === tag);
}

export function sameTarget(a: IgnoreTarget, b: IgnoreTarget): boolean {
  return a.repository === b.repository && a.tag === b.tag;
}

/** Adds a rule; an existing rule for the same target keeps its place and gets the new source. */
export function withIgnore(state: DashboardState, rule: IgnoreRule): DashboardState {
  const others = state.ignores.filter((r) => !sameTarget(r, rule));
  return { ...state, ignores: [...others, rule] };
}

export function withoutIgnore(state: DashboardState, target: IgnoreTarget): DashboardState {
  return { ...state, ignores: state.ignores.filter((r) => !sameTarget(r, target)) };
}

// Checkboxes: `- [ ] <!-- basepin:rebase-all -->`. Only markers basepin wrote are read; a person only ticks.

export const rebaseAllMarker = 'basepin:rebase-all';
const createMarkerPrefix = 'basepin:create:';

export function checkboxLine(marker: string, label: string): string {
  return `- [ ] <!-- ${marker} --> ${label}`;
}

export function createMarker(branchName: string): string {
  return `${createMarkerPrefix}${branchName}`;
}

export interface TickedBoxes {
  readonly rebaseAll: boolean;
  /** Branches whose "create now" box is ticked, each one offered in `state.pending`. */
  readonly create: readonly string[];
}

/** The boxes ticked in a body. A marker not offered by the state (typed in by hand) counts for nothing. */
export function readTickedBoxes(body: string, state: DashboardState): TickedBoxes {
  let rebaseAll = false;
  const create = new Set<string>();
  for (const raw of body.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const ticked = line.startsWith('- [x] <!-- ') || line.startsWith('- [X] <!-- ');
    if (!ticked) continue;
    const rest = line.slice('- [x] <!-- '.length);
    const close = rest.indexOf(' -->');
    if (close === -1) continue;
    const found = rest.slice(0, close);
    if (found === rebaseAllMarker) rebaseAll = true;
    else if (found.startsWith(createMarkerPrefix)) {
      const name = found.slice(createMarkerPrefix.length);
      if (state.pending.includes(name)) create.add(name);
    }
  }
  return { rebaseAll, create: [...create] };
}
