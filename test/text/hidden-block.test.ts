import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  findHiddenBlock,
  readHiddenBlock,
  renderHiddenBlock,
  replaceHiddenBlock,
} from '../../src/text/hidden-block.ts';

const schema = z.object({ v: z.literal(1), note: z.string() });

describe('hidden blocks, one way for pull requests, the dashboard and replies', () => {
  it.each([
    ['absent', 'text only', { kind: 'absent' }],
    [
      'as written',
      'a\n\n<!-- basepin:test {"v":1,"note":"x"} -->\n',
      { kind: 'valid', state: { v: 1, note: 'x' } },
    ],
    [
      'spaces edited',
      'a <!--basepin:test\n{"v":1,"note":"x"}--> b',
      { kind: 'valid', state: { v: 1, note: 'x' } },
    ],
    ['another marker only', '<!-- basepin:test2 {"v":1,"note":"x"} -->', { kind: 'absent' }],
    [
      'never closed',
      '<!-- basepin:test {"v":1',
      { kind: 'invalid', reason: 'the basepin:test block is not closed' },
    ],
    ['not the schema', '<!-- basepin:test {"v":2} -->', { kind: 'invalid' }],
  ])('reads a body with the block %s', (_title, body, reading) => {
    expect(readHiddenBlock(body, 'basepin:test', schema, 1)).toMatchObject(reading);
  });

  it('round-trips a value whose text could end the comment', () => {
    const block = renderHiddenBlock('basepin:test', { v: 1, note: '--> <b>&' });
    expect(block).not.toContain('--> <b>');
    expect(readHiddenBlock(`intro\n${block}`, 'basepin:test', schema, 1)).toEqual({
      kind: 'valid',
      state: { v: 1, note: '--> <b>&' },
    });
  });

  it('replaces the block in place and keeps the text around it', () => {
    const body = 'before <!-- basepin:test {"v":1,"note":"old"} --> after';
    expect(replaceHiddenBlock(body, 'basepin:test', 'NEW')).toBe('before NEW after');
    expect(replaceHiddenBlock('no block', 'basepin:test', 'NEW')).toBeUndefined();
    expect(findHiddenBlock(body, 'basepin:test')).toEqual({
      start: 7,
      end: 49,
      json: '{"v":1,"note":"old"}',
    });
  });
});
