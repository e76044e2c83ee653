import { posix } from 'node:path';
import { codeSpan } from '../text/markdown.ts';
import { encodeDockerfile } from '../dockerfile/index.ts';
import { BranchMovedError } from '../github/index.ts';
import { isForkHead } from '../github/index.ts';
import { isDockerfileName } from '../workspace/index.ts';
import { updatePlace } from '../update/index.ts';
import type { CommandPlace, CommandResult, CommentDeps, CommentSettings } from './types.ts';
import { commitUrl } from '../text/github-links.ts';

/** Dockerfiles read per `/basepin pin`: a pull request touching more is refused rather than half pinned. */
export const maxPinnedFiles = 100;

/**
 * Pins the Dockerfiles a pull request adds or changes, as one commit on its head branch. The files are read
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
  const changed = (await deps.github.listChangedFiles(pr.number)).filter((path) =>
    isDockerfileName(posix.basename(path)),
  );
  if (changed.length === 0)
    return { kind: 'done', reply: 'This pull request changes no Dockerfile; nothing to pin.' };
  if (changed.length > maxPinnedFiles) {
    return {
      kind: 'refused',
      reply: `This pull request changes ${changed.length} Dockerfiles; \`/basepin pin\` reads at most ${maxPinnedFiles}.`,
    };
  }
  const texts = new Map<string, Buffer>();
  for (const path of changed) {
    const bytes = await deps.github.readFileAt(path, seen);
    if (bytes !== undefined) texts.set(path, bytes);
  }
  const report = await deps.planFiles(texts);
  const failed =
    report.errors.length === 0
      ? ''
      : ` ${report.errors.length} reference(s) could not be resolved and were left as they are.`;
  if (report.changes.length === 0) {
    return {
      kind: 'done',
      reply: `Every image reference in the changed Dockerfiles is pinned and current.${failed}`,
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
