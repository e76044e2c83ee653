import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractImageSites } from '../../src/dockerfile/index.ts';
import { fixtureDir } from './fixtures.ts';

// Shapes from public Dockerfiles where basepin once disagreed with BuildKit (the folder's README says
// which): every site as `line kind written status`, and the reason's telling part.

const dir = path.join(fixtureDir, 'corpus-shapes');

function sitesOf(name: string): string[] {
  const text = readFileSync(path.join(dir, name), 'utf8');
  return extractImageSites(name, text).map(
    (site) =>
      `${site.line} ${site.kind} ${site.written} ${site.status}${site.reason ? `: ${site.reason}` : ''}`,
  );
}

describe('shapes from public Dockerfiles', () => {
  it('a flag without "=" is refused as BuildKit refuses it, and its value is never read as an image', () => {
    expect(sitesOf('flag-without-equals.Dockerfile')).toEqual([
      '1 from --platform invalid: BuildKit refuses this FROM: it reads a flag\'s value only after "=", so --platform has none; write --platform=linux/amd64',
      '3 from debian:12 pinnable',
      '4 copy-from --from invalid: BuildKit refuses this COPY: it reads a flag\'s value only after "=", so --from has none; write --from=build',
      '5 mount-from --mount invalid: BuildKit refuses this RUN: it reads a flag\'s value only after "=", so --mount has none; write --mount=type=cache,from=busybox:1.36,target=/x',
    ]);
  });

  it('a stage named through an ARG with a default is a stage by its expanded name, never an image', () => {
    expect(sitesOf('variable-stage-name.Dockerfile')).toEqual([
      '2 from quay.io/buildah/stable:v1.37 pinnable',
      '4 from registry.access.redhat.com/ubi9/ubi-minimal:9.4 pinnable',
    ]);
  });

  it('without a default, a bare name that may be that stage is skipped, saying so', () => {
    const sites = sitesOf('variable-stage-no-default.Dockerfile');
    expect(sites.slice(0, 2)).toEqual([
      '2 from quay.io/buildah/stable:v1.37 pinnable',
      '4 from registry.access.redhat.com/ubi9/ubi-minimal:9.4 pinnable',
    ]);
    expect(sites.slice(2)).toEqual([
      expect.stringMatching(
        /^5 copy-from first skipped: first may be the stage \$\{S\} \(line 2\), whose name only an ARG gives/,
      ),
      expect.stringMatching(/^6 from first skipped: first may be the stage \$\{S\} \(line 2\)/),
    ]);
  });

  it('an arithmetic << opens a heredoc as BuildKit reads it: the file is refused, said at its line', () => {
    const sites = sitesOf('arithmetic-heredoc.Dockerfile');
    expect(sites[0]).toBe('1 from alpine:3.20 pinnable');
    expect(sites[1]).toMatch(
      /^2 heredoc <<4\)\) skipped: BuildKit refuses this file \(unterminated heredoc\): <<4\)\) on this line opens a heredoc no line "4\)\)" closes/,
    );
    expect(sites).toHaveLength(2);
  });
});
