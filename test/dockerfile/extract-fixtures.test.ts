import { describe, expect, it } from 'vitest';
import {
  extractImageSites,
  type ImageSite,
  type SiteKind,
  type SiteStatus,
} from '../../src/dockerfile/index.ts';
import { digestA, digestB, fixtureNames, fixtureText } from './fixtures.ts';

/** One expected site: the pin text is what `text.slice(pin.range)` must be (undefined: no pin). */
interface Row {
  readonly line: number;
  readonly kind: SiteKind;
  readonly written: string;
  readonly resolved: string | undefined;
  readonly status: SiteStatus;
  readonly pin?: string;
  readonly latest?: boolean;
  readonly reason?: string;
  readonly stage?: string;
  readonly platform?: string;
}

const ok = (line: number, kind: SiteKind, written: string, extra: Partial<Row> = {}): Row => ({
  line,
  kind,
  written,
  resolved: written,
  status: 'pinnable',
  pin: written,
  ...extra,
});
const skip = (line: number, written: string, resolved: string | undefined, reason: string): Row => ({
  line,
  kind: 'from',
  written,
  resolved,
  status: 'skipped',
  reason,
});

const expected: Record<string, readonly Row[]> = {
  'node-app.Dockerfile': [
    ok(1, 'syntax', 'docker/dockerfile:1.7'),
    ok(3, 'arg', 'node:22-slim', { stage: 'deps' }),
    ok(16, 'from', 'gcr.io/distroless/nodejs22-debian12', { latest: true, stage: 'runtime' }),
  ],
  'go-app.Dockerfile': [
    ok(1, 'syntax', 'docker/dockerfile:1'),
    ok(2, 'from', 'golang:1.22-alpine', { stage: 'build', platform: '$BUILDPLATFORM' }),
    ok(13, 'from', `gcr.io/distroless/static-debian12:nonroot@${digestA}`, {
      status: 'pinned',
      stage: 'final',
    }),
  ],
  'python-app-crlf.Dockerfile': [
    {
      ...skip(
        2,
        'python:${PYTHON_VERSION}-slim',
        'python:3.12-slim',
        'ARG PYTHON_VERSION is only part of the tag',
      ),
      stage: 'base',
    },
    ok(12, 'from', 'python:3.12-slim'),
  ],
  'windows-escape.Dockerfile': [
    ok(4, 'from', 'mcr.microsoft.com/dotnet/sdk:8.0', { stage: 'build' }),
    ok(11, 'from', 'mcr.microsoft.com/windows/servercore:ltsc2022'),
  ],
  'bom-crlf.Dockerfile': [
    ok(1, 'syntax', 'docker/dockerfile:1.7'),
    ok(2, 'from', 'alpine:3.20', { stage: 'base' }),
    ok(4, 'from', 'debian:bookworm-slim'),
  ],
  'continuation-comments.Dockerfile': [
    ok(3, 'from', 'golang:1.23', { stage: 'builder' }),
    ok(10, 'from', 'gcr.io/distroless/base-debian12:latest', { stage: 'final' }),
    skip(13, 'docker.io/library/alpine:3.19', 'docker.io/library/alpine:3.19', 'split across lines'),
  ],
  'heredocs.Dockerfile': [
    ok(1, 'syntax', 'docker/dockerfile:1.7'),
    ok(2, 'from', 'ubuntu:24.04'),
    ok(19, 'from', 'alpine:3.20'),
  ],
  'arg-forms.Dockerfile': [
    ok(1, 'arg', 'python:3.12-slim', { stage: 'one' }),
    ok(2, 'arg', 'ruby:3.3'),
    { ...ok(3, 'arg', '3.19'), resolved: 'alpine:3.19' },
    ok(5, 'arg', 'ubuntu', { latest: true }),
    { ...ok(6, 'arg', `1.27@${digestB}`), resolved: `nginx:1.27@${digestB}`, status: 'pinned' },
    {
      ...ok(12, 'from', '${REGISTRY}/library/nginx:1.27'),
      resolved: 'registry.example.com:5000/library/nginx:1.27',
    },
    { ...ok(13, 'from', '${INLINE:-alpine:3.20}'), resolved: 'alpine:3.20', pin: 'alpine:3.20' },
    // The whole repository from an ARG, the tag literal: pinned in the FROM line.
    { ...ok(17, 'from', '${GO}:1.22'), resolved: 'golang:1.22' },
  ],
  'arg-conflicts.Dockerfile': [
    skip(8, 'alpine:${V}', 'alpine:3.19', 'ARG V also feeds golang:1.22-alpine${V} (line 9)'),
    skip(9, 'golang:1.22-alpine${V}', 'golang:1.22-alpine3.19', 'ARG V is only part of the tag'),
    skip(10, 'node:${BOTH}', 'node:3.20', 'ARG BOTH also feeds python:${BOTH} (line 11)'),
    skip(11, 'python:${BOTH}', 'python:3.20', 'ARG BOTH also feeds node:${BOTH} (line 10)'),
    skip(12, 'golang:${MAJOR}.${MINOR}', 'golang:1.22', 'tag is built from several ARGs'),
    skip(
      13,
      '${NODEFAULT}',
      undefined,
      'ARG NODEFAULT has no default; pass --build-arg or give it a default',
    ),
    skip(14, '${MIRROR}/nginx:1.27', undefined, 'ARG MIRROR has no default'),
    {
      ...skip(15, '${IMG}', 'busybox:1.36', 'ARG IMG is also used by RUN on line 17'),
      platform: '$TARGETPLATFORM',
    },
    skip(18, '${UNDECLARED}', undefined, 'UNDECLARED is not a global ARG'),
  ],
  'copy-mount.Dockerfile': [
    ok(1, 'from', 'golang:1.22', { stage: 'Build' }),
    ok(3, 'from', 'alpine:3.20'),
    ok(6, 'copy-from', 'nginx:1.27'),
    ok(7, 'copy-from', 'docker.io/library/busybox:1.36'),
    ok(11, 'mount-from', 'ghcr.io/acme/tools:2.1'),
    ok(12, 'mount-from', 'alpine/openssl', { latest: true }),
  ],
  'digest-invalid-scratch.Dockerfile': [
    skip(1, `alpine@${digestA}`, `alpine@${digestA}`, 'digest-only reference has no tag to follow'),
    ok(2, 'from', `alpine:3.20@${digestA}`, { status: 'pinned' }),
    {
      line: 3,
      kind: 'from',
      written: 'Alpine:3.20',
      resolved: 'Alpine:3.20',
      status: 'invalid',
      reason: 'repository name must be lowercase',
      stage: 'upper',
    },
    ok(6, 'from', 'ubuntu', { latest: true }),
    ok(7, 'from', 'localhost:5000/team/app', { latest: true }),
    {
      line: 8,
      kind: 'from',
      written: 'nginx:1.27@sha256:abc',
      resolved: 'nginx:1.27@sha256:abc',
      status: 'invalid',
      reason: 'invalid reference format',
    },
  ],
  'late-directive.Dockerfile': [ok(3, 'from', 'alpine:3.20')],
  // Issue 11: each fixture names the BuildKit source it follows in its trailing comments.
  'heredoc-quoted-marker.Dockerfile': [
    ok(1, 'from', 'alpine:3.20'),
    ok(3, 'from', 'busybox:1.36'),
    ok(5, 'from', 'debian:12'),
    ok(9, 'from', 'ubuntu:24.04'),
  ],
  'heredoc-word-forms.Dockerfile': [
    ok(1, 'from', 'alpine:3.20'),
    ok(8, 'from', 'busybox:1.36'),
    ok(10, 'from', 'debian:12'),
    ok(12, 'from', 'ubuntu:24.04'),
    ok(14, 'from', 'nginx:1.27'),
  ],
  'onbuild.Dockerfile': [
    ok(1, 'from', 'alpine:3.20'),
    ok(6, 'onbuild-copy-from', 'nginx:1.27'),
    {
      ...skip(7, 'builder', undefined, 'may name a stage of the Dockerfile that builds FROM this image'),
      kind: 'onbuild-copy-from',
    },
    ok(8, 'onbuild-mount-from', 'golang:1.22'),
    ok(12, 'from', 'ubuntu:24.04'),
  ],
  'shebang-syntax.Dockerfile': [ok(2, 'syntax', 'docker/dockerfile:1.7'), ok(4, 'from', 'alpine:3.20')],
  'syntax-options.Dockerfile': [ok(1, 'syntax', 'docker/dockerfile:1.7'), ok(2, 'from', 'alpine:3.20')],
  'syntax-empty.Dockerfile': [ok(3, 'from', 'alpine:3.20')],
  'mount-from-empty.Dockerfile': [ok(1, 'from', 'alpine:3.20')],
  'template-placeholder.Dockerfile': [
    { ...skip(1, '{{.Base}}', undefined, 'template placeholder'), kind: 'arg' },
    skip(2, '{{ .BaseImage }}:{{ .Version }}', undefined, 'template placeholder'),
    { ...skip(3, '{{ .Builder }}', undefined, 'template placeholder'), kind: 'copy-from' },
    skip(4, 'mcr.microsoft.com/dotnet/runtime:{{ARCH}}', undefined, 'template placeholder'),
    ok(6, 'from', 'alpine:3.20'),
  ],
  'arg-quoted-default.Dockerfile': [
    ok(3, 'arg', 'alpine:3.19'),
    ok(4, 'from', 'alpine:3.20', { stage: 'exit-supported' }),
    skip(6, '$DEF', 'busybox:1.36', 'the default of ARG DEF (line 2) is quoted'),
    { ...ok(7, 'from', '"debian:12"'), resolved: 'debian:12', pin: 'debian:12' },
  ],
  'arg-builder-platform.Dockerfile': [
    skip(4, `busybox:1.36\${TARGETARCH:+@${digestA}}`, undefined, 'depends on the target platform'),
    skip(5, 'debian:12-$TARGETARCH', undefined, 'depends on the target platform (TARGETARCH'),
    skip(6, '${IMG}', undefined, 'depends on the target platform (TARGETOS'),
    { ...ok(7, 'from', 'arm64${BUILDVARIANT}/alpine:3.20'), resolved: 'arm64v8/alpine:3.20' },
    ok(8, 'from', 'alpine:3.20', { platform: '$BUILDPLATFORM' }),
  ],
  'arg-repository.Dockerfile': [
    { ...ok(5, 'from', '$REPO:8.0-alpine'), resolved: 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine' },
    {
      ...ok(6, 'from', '${REPO}:9.0-alpine', { stage: 'nine' }),
      resolved: 'mcr.microsoft.com/dotnet/aspnet:9.0-alpine',
    },
    skip(
      7,
      '$SHARED:8.0',
      'mcr.microsoft.com/dotnet/runtime:8.0',
      'ARG SHARED is also used by RUN on line 9',
    ),
    skip(10, '$TWICE:8.0', 'mcr.microsoft.com/dotnet/nightly/sdk:8.0', 'ARG TWICE has more than one default'),
  ],
};

function summary(site: ImageSite, text: string): Row {
  return {
    line: site.line,
    kind: site.kind,
    written: site.written,
    resolved: site.resolved,
    status: site.status,
    pin: site.pin ? text.slice(site.pin.range.start, site.pin.range.end) : undefined,
    latest: site.pin?.addLatestTag,
    reason: site.reason,
    stage: site.stage,
    platform: site.platform,
  };
}

describe('extractImageSites on fixture Dockerfiles', () => {
  it('has an expectation for every fixture', () => {
    expect(Object.keys(expected).sort()).toEqual([...fixtureNames]);
  });

  for (const [file, rows] of Object.entries(expected)) {
    it(file, () => {
      const text = fixtureText(file);
      const sites = extractImageSites(file, text);
      expect(sites.map((site) => summary(site, text))).toEqual(
        rows.map((row) => ({
          ...row,
          pin: row.status === 'pinnable' || row.status === 'pinned' ? row.pin : undefined,
          latest: row.status === 'pinnable' || row.status === 'pinned' ? (row.latest ?? false) : undefined,
          reason: row.reason === undefined ? undefined : expect.stringContaining(row.reason),
        })),
      );
      for (const site of sites) {
        expect(site.file).toBe(file);
        expect(site.reference?.original).toBe(site.status === 'invalid' ? undefined : site.resolved);
      }
    });
  }
});
