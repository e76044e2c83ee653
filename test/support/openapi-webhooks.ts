import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkSchema, type Described, type Schema } from './openapi-schema-check.ts';

/**
 * Checks an event payload against the schema GitHub publishes for its webhook (`@octokit/openapi-webhooks`,
 * api.github.com): `issue_comment` with action `created` is the webhook `issue-comment-created`. Extra
 * fields are allowed (payloads grow); missing required ones and wrong types are not. A `schedule` run's
 * event is no webhook and has no published schema.
 */

interface WebhookDescription extends Described {
  readonly webhooks: Readonly<
    Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: Schema }> } } }>
  >;
}

let loaded: WebhookDescription | undefined;

function description(): WebhookDescription {
  if (loaded !== undefined) return loaded;
  const file = createRequire(import.meta.url).resolve(
    '@octokit/openapi-webhooks/generated/api.github.com.json',
  );
  loaded = JSON.parse(readFileSync(file, 'utf8')) as WebhookDescription;
  return loaded;
}

/** The webhook's name in the description: event `issue_comment` + action `created` → `issue-comment-created`. */
export function webhookName(event: string, payload: unknown): string {
  const action = (payload as { action?: unknown } | null)?.action;
  const base = event.replaceAll('_', '-');
  return typeof action === 'string' ? `${base}-${action}` : base;
}

/** The problems of a payload; undefined when GitHub publishes no schema for the event (`schedule`). */
export function webhookProblems(event: string, payload: unknown): string[] | undefined {
  if (event === 'schedule') return undefined;
  const name = webhookName(event, payload);
  const schema = description().webhooks[name]?.post?.requestBody?.content?.['application/json']?.schema;
  if (schema === undefined) return [`no webhook ${name} in GitHub's description`];
  return checkSchema(description(), schema, payload, { strict: false }, name);
}
