import { describe, expect, it } from 'vitest';
import {
  buildState,
  readState,
  renderStateBlock,
  sameProposal,
  withState,
} from '../../src/pull-requests/pr-state.ts';
import {
  alpineUpdate,
  appUpdate,
  baseSha,
  digest,
  movedBaseSha,
  nodeUpdate,
  movedTo,
  updateOf,
} from './open-prs-fixtures.ts';

describe('state block', () => {
  const state = buildState([nodeUpdate(), alpineUpdate()], baseSha);

  it('records each update, the base and the schema version', () => {
    expect(state).toMatchObject({
      v: 1,
      base: baseSha,
      updates: [
        {
          file: 'Dockerfile',
          line: 1,
          from: null,
          to: digest('1'),
        },
        {
          file: 'services/api/Dockerfile',
          line: 2,
          from: digest('a'),
          to: digest('2'),
        },
      ],
    });
  });

  it('round-trips through a PR body', () => {
    const body = `Some text\n\n${renderStateBlock(state)}\n\nmore`;
    expect(readState(body)).toEqual({ kind: 'valid', state });
  });

  it('cannot be ended early by a file name', () => {
    const tricky = updateOf({
      file: 'x-->y<!--/Dockerfile',
      text: 'FROM alpine:3.20\n',
      written: 'alpine:3.20',
      to: digest('1'),
    });
    const own = buildState([tricky], baseSha);
    const block = renderStateBlock(own);
    expect(block.indexOf('-->')).toBe(block.length - 3);
    expect(readState(block)).toEqual({ kind: 'valid', state: own });
  });

  it('replaces an existing block', () => {
    const other = buildState([appUpdate()], baseSha);
    const body = withState(`intro\n${renderStateBlock(state)}\n`, other);
    expect(body.match(/basepin:state/g)).toHaveLength(1);
    expect(readState(body)).toEqual({ kind: 'valid', state: other });
  });

  it.each([
    ['no block', 'just a body', 'absent'],
    ['not JSON', '<!-- basepin:state {"v":1, -->', 'invalid'],
    ['wrong version', '<!-- basepin:state {"v":2,"base":"x"} -->', 'invalid'],
    ['missing fields', `<!-- basepin:state {"v":1,"base":"${baseSha}"} -->`, 'invalid'],
    [
      'bad line',
      `<!-- basepin:state {"v":1,"base":"${baseSha}","changeId":"a","targetId":"b","updates":[{"file":"D","line":0,"repository":"r","tag":"t","from":null,"to":"d"}]} -->`,
      'invalid',
    ],
  ])('%s → %s, never a throw', (_name, body, kind) => {
    const reading = readState(body);
    expect(reading.kind).toBe(kind);
    if (reading.kind === 'invalid') expect(reading.reason).toMatch(/basepin:state/);
  });

  it.each([
    ['same updates, any order, same base', buildState([alpineUpdate(), nodeUpdate()], baseSha), true],
    ['base moved', buildState([nodeUpdate(), alpineUpdate()], movedBaseSha), false],
    ['a newer digest', buildState([nodeUpdate(digest('5')), alpineUpdate()], baseSha), false],
    ['an update fewer', buildState([nodeUpdate()], baseSha), false],
  ])('sameProposal: %s → %s', (_name, other, same) => {
    expect(sameProposal(state, other)).toBe(same);
  });

  it('targets ignore the base and the lines, only the pins proposed', () => {
    expect(buildState([alpineUpdate()], movedBaseSha).targetId).toBe(
      buildState([alpineUpdate()], baseSha).targetId,
    );
    expect(buildState([alpineUpdate(digest('9'))], baseSha).targetId).not.toBe(
      buildState([alpineUpdate()], baseSha).targetId,
    );
  });

  it('leaves a very long update list out but keeps the ids', () => {
    const many = Array.from({ length: 400 }, (_, i) => movedTo(alpineUpdate(), `svc${i}/Dockerfile`));
    const big = buildState(many, baseSha);
    expect(big.updates).toEqual([]);
    expect(renderStateBlock(big).length).toBeLessThan(400);
    expect(sameProposal(big, buildState([...many].reverse(), baseSha))).toBe(true);
  });
});
