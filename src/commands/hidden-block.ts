import type { z } from 'zod';

/**
 * A hidden `<!-- marker {json} -->` block: basepin's state kept in a body on GitHub (a pull request's, the
 * dashboard's). Whoever can edit the body can edit the block, so it is read back through a schema.
 */

export type BlockReading<T> =
  | { readonly kind: 'absent' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'valid'; readonly state: T };

/** `<`, `>` and `&` are escaped in the JSON so no value can end the comment early. */
export function renderHiddenBlock(marker: string, value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<!-- ${marker} ${json} -->`;
}

/** The block's JSON text checked against `schema`; a reason for a warning when it does not fit, never a throw. */
export function parseHiddenBlock<T>(
  json: string,
  marker: string,
  schema: z.ZodType<T>,
  version: number,
): BlockReading<T> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { kind: 'invalid', reason: `the ${marker} block is not JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { kind: 'valid', state: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    kind: 'invalid',
    reason:
      `the ${marker} block does not match schema v${version}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`.trim(),
  };
}
