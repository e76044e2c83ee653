import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GitHubPayloadError } from '../../src/github/errors.ts';
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
        authorType: 'User',
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

  it('names the event and the field of a payload of the wrong shape, in one typed error', () => {
    const read = () =>
      readRunEvent('issue_comment', { ...(payload('issue_comment') as object), comment: { id: 'x' } });
    expect(read).toThrow(GitHubPayloadError);
    expect(read).toThrow(/^read event issue_comment payload: 200 unexpected reply: comment\.id: /);
  });
});

describe('readRunEvent: comment commands and the dashboard', () => {
  it('a comment on a plain issue (the dashboard)', () => {
    expect(readRunEvent('issue_comment', payload('issue_comment_issue'))).toEqual({
      kind: 'issue_comment',
      action: 'created',
      issueNumber: 7,
      onPullRequest: false,
      commentId: 1760400002,
      body: '/basepin ignore node:22',
      author: 'monalisa',
      authorType: 'User',
      authorAssociation: 'MEMBER',
    });
  });

  it('an edited issue names the editor (sender), not the author', () => {
    const event = readRunEvent('issues', payload('issues_edited'));
    expect(event).toMatchObject({
      kind: 'issues',
      action: 'edited',
      issueNumber: 7,
      sender: 'monalisa',
      senderType: 'User',
    });
    expect((event as { body: string }).body).toContain('- [x] <!-- basepin:rebase-all -->');
  });

  it('a bot comment says so', () => {
    const event = payload('issue_comment') as { comment: { user: Record<string, unknown> } };
    event.comment.user = { ...event.comment.user, login: 'renovate[bot]', type: 'Bot' };
    expect(readRunEvent('issue_comment', event)).toMatchObject({
      author: 'renovate[bot]',
      authorType: 'Bot',
    });
  });
});
