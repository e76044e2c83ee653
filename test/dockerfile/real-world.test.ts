/**
 * Dockerfiles from public repositories (each names its source in a header
 * comment): expected sites decided from BuildKit semantics and docs/architecture.md's
 * ARG rules, then a pin of every pinnable site must re-extract as pinned at
 * the same lines, keep every other byte, and be idempotent.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  extractImageSites,
  type ImageSite,
  type SiteKind,
  type SiteStatus,
  type TextEdit,
} from '../../src/dockerfile/index.ts';
import { lexDockerfile } from '../../src/dockerfile/lex.ts';
import { digestA, fixtureDir } from './fixtures.ts';
import { pinEdits } from './pin-helpers.ts';

const realWorldDir = path.join(fixtureDir, 'real-world');
const names = readdirSync(realWorldDir)
  .filter((name) => name.endsWith('.Dockerfile'))
  .sort();

interface Row {
  readonly line: number;
  readonly kind: SiteKind;
  readonly status: SiteStatus;
  readonly written: string;
  /** Substring of the reason (skipped, invalid). */
  readonly reason?: string;
  /** `text.slice(pin.range)`; defaults to `written` for pinnable and pinned sites. */
  readonly pin?: string;
  /** A pin appends `:latest`. */
  readonly latest?: boolean;
}

const row =
  (kind: SiteKind, status: SiteStatus) =>
  (line: number, written: string, extra: Partial<Row> = {}): Row => ({
    line,
    kind,
    status,
    written,
    ...extra,
  });
const from = row('from', 'pinnable');
const fromPinned = row('from', 'pinned');
const fromSkipped = (line: number, written: string, reason: string): Row =>
  row('from', 'skipped')(line, written, { reason });
const arg = row('arg', 'pinnable');
const copyFrom = row('copy-from', 'pinnable');
const syntax = row('syntax', 'pinnable');
const sha = (hex: string): string => `sha256:${hex}`;

const alpineVersionFeedsGolang = 'ARG ALPINE_VERSION also feeds golang:${GO_VERSION}-alpine${ALPINE_VERSION}';
const partOfTag = (name: string): string => `ARG ${name} is only part of the tag`;

const expected: Record<string, readonly Row[]> = {
  'arg-no-default.Dockerfile': [fromSkipped(4, '$BASE_IMAGE', 'ARG BASE_IMAGE has no default')],
  // The stage re-declares VERSION and RUN reads it: pinning the ARG would put a digest in `echo $VERSION`.
  'arg-reused-in-run.Dockerfile': [
    fromSkipped(3, 'alpine:$VERSION', 'ARG VERSION is also used by RUN on line 8'),
  ],
  'buildkit.Dockerfile': [
    syntax(1, 'docker/dockerfile-upstream:master'),
    // Re-declared inside a stage on line 153, but FROM only sees the global one.
    arg(8, '2.8.3'),
    arg(9, 'RELEASE.2022-05-03T20-36-08Z'),
    arg(10, 'RELEASE.2022-05-04T06-07-55Z'),
    arg(15, '1.3.0'),
    fromSkipped(24, 'alpine:${ALPINE_VERSION}', alpineVersionFeedsGolang),
    fromSkipped(25, 'alpine:${ALPINE_VERSION}', alpineVersionFeedsGolang),
    fromPinned(26, `alpine:edge@${sha('2d01a16bab53a8405876cec4c27235d47455a7b72b75334c614f2fb0968b3f90')}`),
    // Line 27 `FROM alpine-$TARGETARCH` and 116/179 `binaries-$TARGETOS` name stages, not images.
    fromSkipped(33, 'golang:${GO_VERSION}-alpine${ALPINE_VERSION}', 'the tag is built from several ARGs'),
    fromSkipped(36, 'alpine:${ALPINE_VERSION}', alpineVersionFeedsGolang),
    row('copy-from', 'pinned')(
      110,
      `tonistiigi/binfmt:buildkit-v7.1.0-30@${sha('45dd57b4ba2f24e2354f71f1e4e51f073cb7a28fd848ce6f5f2a7701142a6bf0')}`,
    ),
    fromSkipped(120, 'alpine:${ALPINE_VERSION}', alpineVersionFeedsGolang),
  ],
  'buildx.Dockerfile': [
    syntax(1, 'docker/dockerfile:1.3'),
    // Both `FROM docker:$DOCKERD_VERSION` (lines 7 and 69) pin through the one ARG line.
    arg(5, '20.10.8'),
    fromSkipped(
      10,
      `tonistiigi/xx@${sha('21a61be4744f6531cb5f33b0e6f40ede41fa3a1b8c82d5946178f80cc84bfc04')}`,
      'digest-only',
    ),
    fromSkipped(12, 'golang:${GO_VERSION}-alpine', partOfTag('GO_VERSION')),
    from(58, 'alpine', { latest: true }),
    from(70, 'alpine', { latest: true }),
  ],
  'chainguard-heredoc.Dockerfile': [
    from(2, 'cgr.dev/chainguard/go:latest'),
    from(14, 'cgr.dev/chainguard/static:latest'),
  ],
  'chmod-link-add.Dockerfile': [
    syntax(1, 'docker.io/docker/dockerfile:1.5.0'),
    // No stage is called base-image, so BuildKit pulls it as an image.
    from(4, 'base-image', { latest: true }),
  ],
  'compose.Dockerfile': [
    arg(2, '19.03.5'),
    arg(6, '3.10.3'),
    arg(7, 'stretch-20191118-slim'),
    fromSkipped(13, 'python:${PYTHON_VERSION}-alpine${BUILD_ALPINE_VERSION}', 'several ARGs'),
    fromSkipped(21, 'python:${PYTHON_VERSION}-${BUILD_DEBIAN_VERSION}', 'several ARGs'),
    // `FROM build-${BUILD_PLATFORM}` and `runtime-${BUILD_PLATFORM}` resolve to stages.
  ],
  'devcontainer-quoted-variant.Dockerfile': [arg(5, '3.9-bullseye')],
  'devcontainer-variant-prefix.Dockerfile': [
    fromSkipped(3, 'mcr.microsoft.com/vscode/devcontainers/python:0-${VARIANT}', partOfTag('VARIANT')),
  ],
  'dotnet-framework-escape.Dockerfile': [
    arg(5, 'mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2019'),
  ],
  'dotnet-nanoserver-escape.Dockerfile': [
    arg(3, 'mcr.microsoft.com/dotnet/nightly/sdk:8.0-nanoserver-ltsc2022'),
  ],
  'golang-1.22-bookworm.Dockerfile': [
    from(8, 'buildpack-deps:bookworm-scm'),
    from(34, 'buildpack-deps:bookworm-scm'),
  ],
  'golang-1.22-nanoserver-ltsc2022.Dockerfile': [
    from(8, 'mcr.microsoft.com/windows/nanoserver:ltsc2022'),
    copyFrom(28, 'golang:1.22.6-windowsservercore-ltsc2022'),
  ],
  'hadolint-arg-pinned.Dockerfile': [
    row('arg', 'pinned')(
      2,
      `v2.12.0-alpine@${sha('3c206a451cec6d486367e758645269fd7d696c5ccb6ff59d8b03b0e45268a199')}`,
    ),
    fromPinned(5, `alpine:3.20.2@${sha('0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5')}`),
  ],
  'kubebuilder-distroless.Dockerfile': [
    fromPinned(2, `golang:1.26@${sha('9edf71320ef8a791c4c33ec79f90496d641f306a91fb112d3d060d5c1cee4e20')}`),
    fromPinned(
      20,
      `gcr.io/distroless/static:nonroot@${sha('01e550fdb7ab79ee7be5ff440a563a58f1fd000ad9e0c532e65c3d23f917f1c5')}`,
    ),
  ],
  'kubebuilder-operator.Dockerfile': [from(2, 'golang:1.14.4'), from(23, 'gcr.io/distroless/static:nonroot')],
  'node-onbuild-tag.Dockerfile': [from(2, 'node:onbuild')],
  'onbuild.Dockerfile': [from(2, 'zenika/alpine-node', { latest: true })],
  'postgres-15-bookworm.Dockerfile': [from(8, 'debian:bookworm-slim')],
  'python-3.12-windowsservercore-ltsc2022.Dockerfile': [
    from(8, 'mcr.microsoft.com/windows/servercore:ltsc2022'),
  ],
  'registry-arg-tag-suffix.Dockerfile': [
    fromSkipped(5, '$REGISTRY/cojedzie/base:${BASE_VERSION}-fpm', partOfTag('BASE_VERSION')),
  ],
  'renovate-2.Dockerfile': [
    from(3, 'image1', { latest: true }),
    row('from', 'invalid')(5, 'image2:1.0.0@sha256:abcdef', { reason: 'invalid reference format' }),
    from(13, 'image4', { latest: true }),
    from(17, 'image5', { latest: true }),
    copyFrom(22, 'image6', { latest: true }),
    row('copy-from', 'invalid')(26, 'image7:1.0.0@sha256:abcdef', { reason: 'invalid reference format' }),
    copyFrom(32, 'image11', { latest: true }),
    copyFrom(36, 'image12', { latest: true }),
    copyFrom(40, 'image13', { latest: true }),
  ],
  // `ARG nginx_version` comes after the first FROM, so FROM cannot see it (renovate reads it anyway).
  'renovate-3.Dockerfile': [
    arg(4, 'alpine:3.15.4'),
    fromSkipped(15, '$nginx_version', 'nginx_version is not a global ARG'),
  ],
  'renovate-4.Dockerfile': [
    syntax(1, 'docker/dockerfile:1'),
    arg(6, 'alpine:3.15.4'),
    fromSkipped(17, '$nginx_version', 'nginx_version is not a global ARG'),
    from(21, 'image5', { latest: true }),
    copyFrom(27, 'image12', { latest: true }),
  ],
  'renovate-comment-pinned.Dockerfile': [
    row('syntax', 'pinned')(
      1,
      `docker/dockerfile:1@${sha('865e5dd094beca432e8c0a1d5e1c465db5f998dca4e439981029b3b81fb39ed5')}`,
    ),
    row('arg', 'pinned')(
      5,
      `3.20.3@${sha('beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d')}`,
    ),
  ],
  'syntax-digest.Dockerfile': [
    row('syntax', 'skipped')(
      1,
      `docker/dockerfile@${sha('e2a8561e419ab1ba6b2fe6cbdf49fd92b95912df1cf7d313c3e2230a333fdbcc')}`,
      { reason: 'digest-only' },
    ),
    fromSkipped(
      6,
      `debian@${sha('13f0764262a064b2dd9f8a828bbaab29bdb1a1a0ac6adc8610a0a5f37e514955')}`,
      'digest-only',
    ),
  ],
  'uv-copy-from.Dockerfile': [
    from(2, 'python:3.12-slim-bookworm'),
    copyFrom(3, 'ghcr.io/astral-sh/uv:0.6.0'),
  ],
  'uv-mount-from.Dockerfile': [
    from(2, 'python:3.13-alpine'),
    row('mount-from', 'pinnable')(4, 'ghcr.io/astral-sh/uv:0.7'),
  ],
  'uv-copy-from-slim.Dockerfile': [
    from(2, 'python:3.12-slim-bookworm'),
    copyFrom(4, 'ghcr.io/astral-sh/uv:0.4.10'),
  ],
  // `--mount=from=uv` names the stage.
  'uv-stage-mount.Dockerfile': [
    from(2, 'ghcr.io/astral-sh/uv', { latest: true }),
    from(4, 'python:3.10-slim'),
  ],
};

function readFixture(name: string): string {
  return readFileSync(path.join(realWorldDir, name), 'utf8');
}

function summary(site: ImageSite, text: string): Row {
  return {
    line: site.line,
    kind: site.kind,
    status: site.status,
    written: site.written,
    reason: site.reason,
    pin: site.pin ? text.slice(site.pin.range.start, site.pin.range.end) : undefined,
    latest: site.pin?.addLatestTag,
  };
}

function expectedSummary(row: Row): Row {
  const pins = row.status === 'pinnable' || row.status === 'pinned';
  return {
    line: row.line,
    kind: row.kind,
    status: row.status,
    written: row.written,
    reason: row.reason === undefined ? undefined : (expect.stringContaining(row.reason) as string),
    pin: pins ? (row.pin ?? row.written) : undefined,
    latest: pins ? (row.latest ?? false) : undefined,
  };
}

/** Every character outside the edited ranges is where the edits' length changes say it is. */
function expectOnlyEditsChanged(text: string, pinned: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((x, y) => x.range.start - y.range.start);
  let last = 0;
  let delta = 0;
  for (const edit of sorted) {
    if (edit.range.start < last) continue; // an identical duplicate: two FROMs pinned in one ARG line
    expect(pinned.slice(last + delta, edit.range.start + delta)).toBe(text.slice(last, edit.range.start));
    expect(pinned.slice(edit.range.start + delta, edit.range.start + delta + edit.text.length)).toBe(
      edit.text,
    );
    delta += edit.text.length - (edit.range.end - edit.range.start);
    last = edit.range.end;
  }
  expect(pinned.slice(last + delta)).toBe(text.slice(last));
}

describe('real-world Dockerfiles', () => {
  it('has an expectation for every fixture, and every fixture names its source', () => {
    expect(Object.keys(expected).sort()).toEqual(names);
    for (const name of names) expect(readFixture(name)).toMatch(/^# Source: \S+\/\S+ \S/m);
  });

  describe.each(names)('%s', (name) => {
    const text = readFixture(name);
    const sites = extractImageSites(name, text);

    it('yields the expected sites', () => {
      expect(sites.map((site) => summary(site, text))).toEqual((expected[name] ?? []).map(expectedSummary));
    });

    it('splits instructions as dockerfile-ast does', () => {
      const theirs = DockerfileParser.parse(text)
        .getInstructions()
        .map((instruction) => [
          instruction.getKeyword().toUpperCase(),
          instruction.getRange().start.line + 1,
        ]);
      const ours = lexDockerfile(text).instructions.map((instruction) => [
        instruction.keyword,
        instruction.line,
      ]);
      expect(ours).toEqual(theirs);
    });

    it('pins every pinnable site in place, keeps every other byte, and pins idempotently', () => {
      const edits = pinEdits(sites, digestA);
      const pinned = applyEdits(text, edits);
      const again = extractImageSites(name, pinned);
      const key = (site: ImageSite): string => `${site.line} ${site.kind}`;
      const before = new Map(sites.map((site) => [key(site), site]));
      expect(again.map(key)).toEqual(sites.map(key));
      for (const site of again) {
        const old = before.get(key(site)) as ImageSite;
        if (old.pin) {
          expect(site.status).toBe('pinned');
          expect(site.reference?.digest).toBe(digestA);
        } else {
          expect([site.status, site.reason]).toEqual([old.status, old.reason]);
        }
      }
      expectOnlyEditsChanged(text, pinned, edits);
      expect(applyEdits(pinned, pinEdits(again, digestA))).toBe(pinned);
    });
  });
});
