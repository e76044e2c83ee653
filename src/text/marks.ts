/**
 * What basepin writes that GitHub keeps, so a run can tell its own work from anyone else's without asking
 * who the token is: a trailer in its commits, a hidden marker opening its comments, and the dashboard's label
 * with its hidden state block. The hidden parts use the `<!-- marker … -->` form of basepin's state blocks.
 * Everything read here comes from GitHub and may have been written by anyone: it is matched against these
 * constants only.
 */

/** The trailer key of basepin's commits: `Basepin-Change: <changeId>`. */
export const changeTrailerKey = 'Basepin-Change';

/** The label basepin puts on its dashboard (and finds it by). */
export const basepinLabel = 'basepin';

/** The name of the dashboard's hidden state block (`<!-- basepin:dashboard {json} -->`). */
export const dashboardBlockMarker = 'basepin:dashboard';

/** The dashboard's hidden state block starts with this. */
export const dashboardBlockStart = `<!-- ${dashboardBlockMarker} `;

/** The first line of every comment basepin posts. */
export const commentMarker = '<!-- basepin:reply -->';

/** A change id: printable ASCII without spaces, short (a branch name or a hash). */
function isChangeId(value: string): boolean {
  if (value.length === 0 || value.length > 200) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f) return false;
  }
  return true;
}

/** `Key: value` as git reads a trailer line (key of letters, digits and hyphens). */
const trailerLine = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(.*)$/;

function paragraphs(message: string): string[][] {
  const lines = message.replace(/\r\n?/g, '\n').split('\n');
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(line.trimEnd());
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The message's trailers: its last paragraph when that is not the subject and every line is a trailer. */
function trailers(message: string): { key: string; value: string }[] | undefined {
  const all = paragraphs(message);
  const last = all.length >= 2 ? all[all.length - 1] : undefined;
  if (last === undefined) return undefined;
  const parsed: { key: string; value: string }[] = [];
  for (const line of last) {
    const match = trailerLine.exec(line);
    if (match === null) return undefined;
    parsed.push({ key: match[1] ?? '', value: (match[2] ?? '').trim() });
  }
  return parsed;
}

/**
 * The commit message with `Basepin-Change: <changeId>` in its trailers: added to a last paragraph that is
 * already all trailers, else as a new last paragraph. Throws on a change id that is not one word of
 * printable ASCII (basepin makes the id; a bad one is a bug).
 */
export function withChangeTrailer(message: string, changeId: string): string {
  if (!isChangeId(changeId)) throw new Error(`not a change id: ${JSON.stringify(changeId)}`);
  const text = message.replace(/\r\n?/g, '\n').trimEnd();
  const line = `${changeTrailerKey}: ${changeId}`;
  if (text === '') throw new Error('a commit message needs a subject before its trailers');
  return trailers(text) === undefined ? `${text}\n\n${line}\n` : `${text}\n${line}\n`;
}

/**
 * The change id of a commit basepin wrote, from its message; undefined unless the last paragraph is all
 * trailers and holds exactly one `Basepin-Change` (key case-insensitive, as git's) with a valid id. A
 * `Basepin-Change:` line in the body, a quoted one or two of them mark nothing.
 */
export function readChangeTrailer(message: string): string | undefined {
  const found = (trailers(message) ?? []).filter(
    (t) => t.key.toLowerCase() === changeTrailerKey.toLowerCase(),
  );
  const [only] = found;
  return found.length === 1 && only !== undefined && isChangeId(only.value) ? only.value : undefined;
}

/** A comment body as basepin posts it: the marker on its own first line, then the text. */
export function markComment(body: string): string {
  return `${commentMarker}\n${body}`;
}

/** True for a comment basepin posted: it starts with the marker, and is never read as a command. */
export function isBasepinComment(body: string): boolean {
  return body.startsWith(commentMarker);
}

/** What basepin needs of an issue to tell whether it is its dashboard. */
export interface DashboardCandidate {
  readonly number: number;
  readonly body: string;
  readonly labels: readonly string[];
  readonly isPullRequest: boolean;
}

/** An issue (not a pull request) with basepin's label (case-insensitive, as GitHub's) and its state block. */
export function hasDashboardMark(issue: DashboardCandidate): boolean {
  return (
    !issue.isPullRequest &&
    issue.labels.some((label) => label.toLowerCase() === basepinLabel) &&
    issue.body.includes(dashboardBlockStart)
  );
}

/**
 * The dashboard among open issues: the oldest (lowest number) with the mark; the other marked ones are
 * duplicates (from older versions or racing runs) to close with a pointer to the kept one.
 */
export function chooseDashboard<T extends DashboardCandidate>(
  issues: readonly T[],
): { readonly dashboard: T | undefined; readonly duplicates: readonly T[] } {
  const marked = issues.filter(hasDashboardMark).sort((a, b) => a.number - b.number);
  const [dashboard, ...duplicates] = marked;
  return { dashboard, duplicates };
}
