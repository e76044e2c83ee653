import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compareWithSource,
  describeProvenance,
  provenanceJson,
  readProvenance,
  signatureLines,
  signatureVerdict,
  type Provenance,
} from '../../src/signatures/index.ts';

// The real SLSA v0.2 statement BuildKit attached to Docker Hub's alpine 3.23.2 linux/arm64/v8
// (test/fixtures/registry/README.md, oci-explorer-alpine), whose index annotates the same source.
const alpineArm64 = readFileSync(
  new URL(
    '../fixtures/registry/oci-explorer-alpine/attestations/410dabcd6f1d/layer_1_4fbdf2544c91.json',
    import.meta.url,
  ),
);
const alpineSbom = readFileSync(
  new URL(
    '../fixtures/registry/oci-explorer-alpine/attestations/410dabcd6f1d/layer_0_0d38fd5b3194.json',
    import.meta.url,
  ),
);
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('readProvenance', () => {
  it('reads builder, repository and commit from a real BuildKit v0.2 statement', () => {
    expect(readProvenance(alpineArm64)).toEqual({
      predicateType: 'https://slsa.dev/provenance/v0.2',
      builder: 'https://github.com/docker-library',
      repository: 'https://github.com/alpinelinux/docker-alpine',
      commit: '13b62f5f47ffa526f9c372e0bd73b33ef2a5f865',
    });
  });

  it('is nothing for an SBOM statement or bytes that are not a statement', () => {
    expect(readProvenance(alpineSbom)).toBeUndefined();
    expect(readProvenance(encode({ predicateType: 'https://slsa.dev/provenance/v0.2' }))).toBeUndefined();
    expect(readProvenance(new TextEncoder().encode('{'))).toBeUndefined();
  });

  // v1 as the SLSA v1 schema lays it out (buildDefinition / runDetails); no published BuildKit v1 statement
  // is among the fixtures, so these are written here field by field.
  it.each([
    [
      'configSource in externalParameters',
      {
        buildDefinition: {
          buildType: 'https://mobyproject.org/buildkit@v1',
          externalParameters: {
            configSource: {
              uri: 'https://github.com/acme/app.git#refs/heads/main',
              digest: { sha1: 'A'.repeat(40) },
            },
          },
        },
        runDetails: { builder: { id: 'https://github.com/acme/app/actions/runs/1' } },
      },
      {
        builder: 'https://github.com/acme/app/actions/runs/1',
        repository: 'https://github.com/acme/app',
        commit: 'a'.repeat(40),
      },
    ],
    [
      'a git dependency among resolvedDependencies',
      {
        buildDefinition: {
          externalParameters: {},
          resolvedDependencies: [
            { uri: 'pkg:docker/alpine@3.20', digest: { sha256: 'b'.repeat(64) } },
            { uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: 'c'.repeat(40) } },
          ],
        },
      },
      { builder: undefined, repository: 'https://github.com/acme/app', commit: 'c'.repeat(40) },
    ],
    [
      'no source at all',
      { buildDefinition: {} },
      { builder: undefined, repository: undefined, commit: undefined },
    ],
  ])('v1: %s', (_name, predicate, expected) => {
    const bytes = encode({
      _type: 'https://in-toto.io/Statement/v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      subject: [],
      predicate,
    });
    expect(readProvenance(bytes)).toEqual({ predicateType: 'https://slsa.dev/provenance/v1', ...expected });
  });
});

describe('compareWithSource', () => {
  const provenance = readProvenance(alpineArm64)!;
  it.each([
    [
      'the image annotations of the same alpine build',
      {
        repository: 'https://github.com/alpinelinux/docker-alpine.git',
        revision: '13b62f5f47ffa526f9c372e0bd73b33ef2a5f865',
      },
      'matches',
    ],
    ['a short revision of the same commit', { revision: '13b62f5f' }, 'matches'],
    [
      'the source annotation as BuildKit writes it, with the git fragment',
      {
        repository:
          'https://github.com/alpinelinux/docker-alpine.git#13b62f5f47ffa526f9c372e0bd73b33ef2a5f865:aarch64',
      },
      'matches',
    ],
    ['another repository', { repository: 'https://github.com/evil/docker-alpine' }, 'differs'],
    ['another commit', { revision: 'f'.repeat(40) }, 'differs'],
    ['nothing annotated', {}, 'unknown'],
  ] as const)('%s', (_name, source, expected) => {
    expect(compareWithSource(provenance, source)).toBe(expected);
  });
});

describe('describeProvenance', () => {
  const full: Provenance = {
    predicateType: 'https://slsa.dev/provenance/v0.2',
    builder: 'https://github.com/docker-library',
    repository: 'https://github.com/alpinelinux/docker-alpine',
    commit: '13b62f5f47ffa526f9c372e0bd73b33ef2a5f865',
  };
  it('says who built it from what, and whether the image agrees', () => {
    expect(describeProvenance(full, 'matches')).toBe(
      'built by https://github.com/docker-library from https://github.com/alpinelinux/docker-alpine@13b62f5f47ffa526f9c372e0bd73b33ef2a5f865, as the image says',
    );
    expect(describeProvenance({ ...full, builder: undefined }, 'differs', 'markdown')).toBe(
      'from `https://github.com/alpinelinux/docker-alpine@13b62f5f47ffa526f9c372e0bd73b33ef2a5f865` (the image names another source)',
    );
    expect(
      describeProvenance({ ...full, builder: undefined, repository: undefined, commit: undefined }),
    ).toBeUndefined();
  });

  it('escapes what the registry sent in JSON', () => {
    expect(provenanceJson({ ...full, builder: 'x\u001b[2Jy' }, 'unknown')).toMatchObject({
      builder: 'x\\x1b[2Jy',
      source: 'unknown',
    });
  });
});

describe('signatureLines', () => {
  it('gives the pull-request lines: the signature verdict, then the provenance, registry text in code spans', () => {
    const verdict = signatureVerdict(
      { read: true, checks: [] },
      {
        read: true,
        checks: [
          {
            state: 'verified',
            format: 'sigstore-bundle',
            identity: {
              kind: 'keyless',
              subject: 'dev@example.com <b>',
              issuer: 'https://accounts.google.com',
            },
          },
        ],
      },
    );
    const provenance = readProvenance(alpineArm64)!;
    expect(signatureLines(verdict, { provenance, match: 'matches' })).toEqual([
      '- Signature: signed by `dev@example.com <b>` (Google)',
      '- Provenance: built by `https://github.com/docker-library` from `https://github.com/alpinelinux/docker-alpine@13b62f5f47ffa526f9c372e0bd73b33ef2a5f865`, as the image says',
    ]);
    expect(signatureLines({ kind: 'not-signed' })).toEqual(['- Signature: not signed']);
  });
});
