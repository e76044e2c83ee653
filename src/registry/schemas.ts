import { z } from 'zod';

/** https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes */
export const ErrorResponseSchema = z.object({
  errors: z
    .array(z.object({ code: z.string(), message: z.string().optional(), detail: z.unknown().optional() }))
    .min(1),
});

/** https://distribution.github.io/distribution/spec/auth/token/#token-response-fields */
export const TokenResponseSchema = z
  .object({
    token: z.string().min(1).optional(),
    access_token: z.string().min(1).optional(),
    expires_in: z.number().int().positive().optional(),
    issued_at: z.string().optional(),
    refresh_token: z.string().optional(),
  })
  .refine((reply) => reply.token !== undefined || reply.access_token !== undefined, {
    message: 'token reply has neither "token" nor "access_token"',
  });
