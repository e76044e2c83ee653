import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { webhookName, webhookProblems } from './openapi-webhooks.ts';

const folder = new URL('../fixtures/events/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, folder), 'utf8'));

/** Each recorded payload and the event it is delivered as. */
const events: Record<string, string> = {
  'issue_comment.json': 'issue_comment',
  'issue_comment_issue.json': 'issue_comment',
  'issues_edited.json': 'issues',
  'workflow_dispatch.json': 'workflow_dispatch',
  'schedule.json': 'schedule',
};

describe('the recorded event payloads the tests use', () => {
  it('are all listed here', () => {
    expect(
      readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(events).sort());
  });

  it.each(Object.entries(events).filter(([, event]) => event !== 'schedule'))(
    '%s fits GitHub’s published schema of its webhook',
    (file, event) => {
      expect(webhookProblems(event, read(file))).toEqual([]);
    },
  );

  it('a schedule run’s event has no published webhook schema', () => {
    expect(webhookProblems('schedule', read('schedule.json'))).toBeUndefined();
  });
});

describe('webhookProblems', () => {
  it('names webhooks as the description does', () => {
    expect(webhookName('issue_comment', { action: 'created' })).toBe('issue-comment-created');
    expect(webhookName('workflow_dispatch', {})).toBe('workflow-dispatch');
  });

  it('catches a payload of the wrong shape', () => {
    const payload = structuredClone(read('issue_comment.json')) as { comment: Record<string, unknown> };
    delete payload.comment['user'];
    payload.comment['id'] = 'seven';
    const problems = webhookProblems('issue_comment', payload) ?? [];
    expect(problems.join('\n')).toMatch(/comment: required property user is missing/);
    expect(problems.join('\n')).toMatch(/comment\.id: string is not integer/);
  });
});
