import { z } from 'zod';
import { OsvIdSchema } from '../vulnerabilities/index.ts';

/**
 * OSV's answers, validated before anything is read from them. https://google.github.io/osv.dev/post-v1-querybatch/
 * A querybatch answer lists ids only (and `modified`); records are read by id.
 */
export const QueryBatchResponseSchema = z.object({
  results: z.array(
    z
      .object({
        vulns: z
          .array(z.object({ id: OsvIdSchema }).loose())
          .max(10_000)
          .optional(),
        next_page_token: z.string().max(2000).optional(),
      })
      .loose(),
  ),
});

export type QueryBatchResponse = z.infer<typeof QueryBatchResponseSchema>;
