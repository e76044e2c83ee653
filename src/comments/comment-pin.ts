import { posix } from 'node:path';
import { codeSpan } from '../text/markdown.ts';
import { encodeDockerfile } from '../dockerfile/index.ts';
import { BranchMovedError } from '../github/index.ts';
import { isForkHead } from '../github/index.ts';
import { kindOfPath, type ListedKind } from '../workspace/index.ts';
import { fileKinds, looksLikeKubernetes, type FileKind } from '../manifests/index.ts';
import { updatePlace } from '../update/index.ts';
import type { CommandPlace, CommandResult, CommentDeps, CommentSettings } from './types.ts';
import { commitUrl } from '../text/github-links.ts';

/** Files read per `/basepin pin`: a pull request touching more is refused rather than half pinned. */
export const maxPinnedFiles = 100;

/**
 * Pins the files a pull request adds or changes that name images (Dockerfiles and the other kinds of
 * `file-kinds`), as one commit on its head branch. The files are read
 * through the API at the head sha seen now, never checked out; the branch moves from that sha only
 * (fast-forward, no force), so a push meanwhile makes this a polite refusal, not a lost commit.
 */
export async function pinCommand(
  place: CommandPlace,
  settings: CommentSettings,
  deps: CommentDeps,
): Promise<CommandResult> {
  const pr = place.pullRequest;
  if (pr === undefined) return { kind: 'refused', reply: '`/basepin pin` works on a pull request.' };
  if (isForkHead(pr, settings.repo)) {
    return {
      kind: 'refused',
      reply: `The head branch of this pull request is in ${pr.headRepository === undefined ? 'a deleted fork' : codeSpan(pr.headRepository)}; basepin writes only to branches of this repository.`,
    };
  }
  if (pr.state !== 'open') return { kind: 'refused', reply: 'This pull request is closed.' };
  const seen = pr.headSha;
  const read = await readChangedFiles(pr.number, seen, settings, deps);
  if ('reply' in read) return read;
  const texts = read.texts;
  const report = await deps.planFiles(texts);
  const failed =
    report.errors.length === 0
      ? ''
      : ` ${report.errors.length} reference(s) could not be resolved and were left as they are.`;
  if (report.changes.length === 0) {
    return {
      kind: 'done',
      reply: `Every image reference in the changed files is pinned and current.${failed}`,
    };
  }
  const sha = await deps.github.writeCommit({
    baseSha: seen,
    message: `${settings.commitMessagePrefix}Pin base image digests\n\n${report.updates.map((u) => `- ${updatePlace(u)} ${u.site.written} → ${u.target.digest}`).join('\n')}\n`,
    files: report.changes.map((c) => ({ path: c.file, bytes: encodeDockerfile(c.after, c.encoding) })),
  });
  try {
    await deps.github.moveBranchFrom({ branch: pr.headRef, expected: seen, sha, fastForward: true });
  } catch (error) {
    if (!(error instanceof BranchMovedError)) throw error;
    return {
      kind: 'refused',
      reply: `The branch moved from ${seen.slice(0, 7)} while basepin worked on it, so nothing was written. Comment \`/basepin pin\` again to pin the new head.`,
    };
  }
  const link = commitUrl(settings.serverUrl, settings.repo, sha);
  return {
    kind: 'done',
    reply: `Pinned ${report.updates.length} reference(s) in ${report.changes.length} file(s) in [${sha.slice(0, 7)}](${link}).${failed}`,
  };
}

/**
 * The changed files a pin reads, by the listing's names: a values file is a chart's when the head has a
 * `Chart.yaml` next to it (read along, so the scan sees it); a plain YAML file only when its text looks
 * like a Kubernetes manifest.
 */
async function readChangedFiles(
  number: number,
  seen: string,
  settings: CommentSettings,
  deps: CommentDeps,
): Promise<{ readonly texts: Map<string, Buffer> } | CommandResult> {
  const kinds = new Set<FileKind>(settings.fileKinds ?? fileKinds);
  const charts = new Map<string, Buffer | undefined>();
  const chartIn = async (folder: string): Promise<Buffer | undefined> => {
    if (!charts.has(folder)) charts.set(folder, await deps.github.readFileAt(chartPath(folder), seen));
    return charts.get(folder);
  };
  const candidates: { path: string; kind: ListedKind }[] = [];
  for (const path of await deps.github.listChangedFiles(number)) {
    const kind = kindOfPath(path, () => ['Chart.yaml']);
    if (kind === undefined || (kind === 'yaml' ? !kinds.has('kubernetes') : !kinds.has(kind))) continue;
    candidates.push({ path, kind });
  }
  if (candidates.length === 0)
    return { kind: 'done', reply: 'This pull request changes no file that names images; nothing to pin.' };
  if (candidates.length > maxPinnedFiles) {
    return {
      kind: 'refused',
      reply: `This pull request changes ${candidates.length} files that may name images; \`/basepin pin\` reads at most ${maxPinnedFiles}.`,
    };
  }
  const texts = new Map<string, Buffer>();
  for (const { path, kind } of candidates) {
    const folder = posix.dirname(path);
    if (kind === 'helm-values' && (await chartIn(folder)) === undefined) continue;
    const bytes = await deps.github.readFileAt(path, seen);
    if (bytes === undefined) continue;
    if (kind === 'yaml' && !looksLikeKubernetes(bytes.toString('utf8'))) continue;
    texts.set(path, bytes);
    if (kind === 'helm-values') texts.set(chartPath(folder), (await chartIn(folder))!);
  }
  return { texts };
}

function chartPath(folder: string): string {
  return folder === '.' ? 'Chart.yaml' : `${folder}/Chart.yaml`;
}
