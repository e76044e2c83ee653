import { z } from 'zod';
import { parseReply } from './errors.ts';

/**
 * The parts of the workflow event payloads (`GITHUB_EVENT_PATH`) a run acts on.
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads
 */
export type RunEvent =
  | { readonly kind: 'schedule'; readonly schedule: string | undefined }
  | { readonly kind: 'workflow_dispatch'; readonly inputs: Readonly<Record<string, string>> }
  | {
      readonly kind: 'issue_comment';
      readonly action: string;
      readonly issueNumber: number;
      /** False for a comment on a plain issue. */
      readonly onPullRequest: boolean;
      readonly commentId: number;
      readonly body: string;
      readonly author: string;
      /** `User`, `Bot`, `Organization`. */
      readonly authorType: string;
      /** `OWNER`, `MEMBER`, `COLLABORATOR`, … https://docs.github.com/en/graphql/reference/enums#commentauthorassociation */
      readonly authorAssociation: string;
    }
  | {
      readonly kind: 'issues';
      readonly action: string;
      readonly issueNumber: number;
      readonly body: string;
      /** Who made the change (for `edited`, the editor, not the issue's author). */
      readonly sender: string;
      readonly senderType: string;
    }
  | { readonly kind: 'other'; readonly name: string };

/** https://docs.github.com/en/actions/reference/events-that-trigger-workflows#schedule */
const SchedulePayload = z.object({ schedule: z.string().optional() });

/** https://docs.github.com/en/webhooks/webhook-events-and-payloads#workflow_dispatch */
const WorkflowDispatchPayload = z.object({
  inputs: z
    .record(z.string(), z.union([z.string(), z.boolean(), z.number()]))
    .nullable()
    .optional(),
});

/** https://docs.github.com/en/webhooks/webhook-events-and-payloads#issue_comment */
const IssueCommentPayload = z.object({
  action: z.string(),
  issue: z.object({
    number: z.number().int().positive(),
    pull_request: z.object({}).passthrough().optional(),
  }),
  comment: z.object({
    id: z.number().int(),
    body: z.string().nullable(),
    user: z.object({ login: z.string(), type: z.string().optional() }),
    author_association: z.string(),
  }),
});

/** https://docs.github.com/en/webhooks/webhook-events-and-payloads#issues */
const IssuesPayload = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int().positive(), body: z.string().nullable().optional() }),
  sender: z.object({ login: z.string(), type: z.string().optional() }),
});

/** Reads `GITHUB_EVENT_NAME` and the parsed payload; a payload of the wrong shape is a one-line `GitHubPayloadError`. */
export function readRunEvent(name: string, payload: unknown): RunEvent {
  switch (name) {
    case 'schedule':
      return { kind: 'schedule', schedule: payloadOf(SchedulePayload, payload, 'schedule').schedule };
    case 'workflow_dispatch': {
      const inputs = payloadOf(WorkflowDispatchPayload, payload, 'workflow_dispatch').inputs ?? {};
      return {
        kind: 'workflow_dispatch',
        inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])),
      };
    }
    case 'issue_comment': {
      const event = payloadOf(IssueCommentPayload, payload, 'issue_comment');
      return {
        kind: 'issue_comment',
        action: event.action,
        issueNumber: event.issue.number,
        onPullRequest: event.issue.pull_request !== undefined,
        commentId: event.comment.id,
        body: event.comment.body ?? '',
        author: event.comment.user.login,
        authorType: event.comment.user.type ?? 'User',
        authorAssociation: event.comment.author_association,
      };
    }
    case 'issues': {
      const event = payloadOf(IssuesPayload, payload, 'issues');
      return {
        kind: 'issues',
        action: event.action,
        issueNumber: event.issue.number,
        body: event.issue.body ?? '',
        sender: event.sender.login,
        senderType: event.sender.type ?? 'User',
      };
    }
    default:
      return { kind: 'other', name };
  }
}

/** The event payload checked against its documented shape; a mismatch names the event and the field. */
function payloadOf<T>(schema: z.ZodType<T>, payload: unknown, event: string): T {
  return parseReply(schema, payload, 'read event', `${event} payload`);
}
