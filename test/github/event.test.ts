import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRunEvent } from '../../src/github/event.ts';

const payload = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/events/${name}.json`, import.meta.url), 'utf8'));

describe('readRunEvent', () => {
  it.each([
    ['schedule', { kind: 'schedule', schedule: '17 6 * * 1' }],
    ['workflow_dispatch', { kind: 'workflow_dispatch', inputs: { 'dry-run': 'true' } }],
    [
      'issue_comment',
      {
        kind: 'issue_comment',
        action: 'created',
        issueNumber: 42,
        onPullRequest: true,
        commentId: 1760400001,
        body: '/basepin ignore alpine',
        author: 'monalisa',
        authorAssociation: 'MEMBER',
      },
    ],
  ])('%s', (name, expected) => {
    expect(readRunEvent(name, payload(name))).toEqual(expected);
  });

  it('tells a comment on a plain issue apart', () => {
    const event = payload('issue_comment') as { issue: Record<string, unknown> };
    const { pull_request: _ignored, ...issue } = event.issue;
    expect(readRunEvent('issue_comment', { ...event, issue })).toMatchObject({ onPullRequest: false });
  });

  it('passes other events through by name', () => {
    expect(readRunEvent('push', {})).toEqual({ kind: 'other', name: 'push' });
  });

  it('throws on a payload of the wrong shape', () => {
    expect(() => readRunEvent('issue_comment', { action: 'created' })).toThrow();
  });
});
