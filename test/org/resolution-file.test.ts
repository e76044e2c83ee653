import { describe, expect, it } from 'vitest';
import { parseResolutionFile, ResolutionFileError, shardOf } from '../../src/org/index.ts';

const digest = `sha256:${'a'.repeat(64)}`;
const valid = {
  version: 1,
  createdAt: '2026-12-07T10:00:00.000Z',
  shards: [['acme/a', 'acme/b'], ['acme/c']],
  answers: {
    'tag docker.io/library/alpine:3.20': {
      kind: 'head',
      head: { digest, mediaType: 'application/vnd.oci.image.index.v1+json', verified: true },
    },
    'blob docker.io/library/alpine@sha256:x': { kind: 'blob', base64: 'e30=' },
    'tag docker.io/library/gone:1': {
      kind: 'failure',
      name: 'RegistryError',
      code: 'NOT_FOUND',
      message: 'no',
    },
  },
};

describe('parseResolutionFile', () => {
  it('reads a valid file back', () => {
    const file = parseResolutionFile(JSON.stringify(valid), 'resolution.json');
    expect(file.shards).toEqual(valid.shards);
    expect(file.answers['tag docker.io/library/alpine:3.20']).toEqual(
      valid.answers['tag docker.io/library/alpine:3.20'],
    );
  });

  it.each([
    ['{', /^resolution\.json: .*line 1/],
    [
      JSON.stringify({ ...valid, version: 2 }),
      /^resolution\.json: not a basepin resolution file v1: version/,
    ],
    [JSON.stringify({ ...valid, shards: [] }), /shards/],
    [
      JSON.stringify({
        ...valid,
        answers: { x: { kind: 'head', head: { digest: 'sha256:<b>', mediaType: 'm' } } },
      }),
      /answers\.x\.head\.digest/,
    ],
    [JSON.stringify({ ...valid, answers: { x: { kind: 'script' } } }), /answers\.x/],
  ])('refuses a bad file with one line naming it: %s', (text, message) => {
    expect(() => parseResolutionFile(text, 'resolution.json')).toThrow(ResolutionFileError);
    expect(() => parseResolutionFile(text, 'resolution.json')).toThrow(message);
  });
});

describe('shardOf', () => {
  const file = parseResolutionFile(JSON.stringify(valid), 'resolution.json');
  it('gives a shard its repositories', () => {
    expect(shardOf(file, 1)).toEqual(['acme/c']);
  });
  it.each([2, -1, 0.5])('refuses shard %d', (shard) => {
    expect(() => shardOf(file, shard)).toThrow('the resolution has shards 0 to 1');
  });
});
