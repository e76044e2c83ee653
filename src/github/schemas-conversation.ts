import { z } from 'zod';

/** https://docs.github.com/en/rest/issues/comments#get-an-issue-comment */
export const CommentSchema = z.object({ id: z.number().int().positive(), html_url: z.string() });

/**
 * https://docs.github.com/en/rest/issues/issues#get-an-issue; `pull_request` is present when the issue is one.
 */
export const IssueSchema = z.object({
  number: z.number().int().positive(),
  html_url: z.string(),
  state: z.enum(['open', 'closed']),
  title: z.string(),
  body: z.string().nullable().optional(),
  user: z.object({ login: z.string() }).nullable(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string() })])).optional(),
  pull_request: z.object({}).passthrough().optional(),
});

/**
 * https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 * `permission` is the legacy level (admin, write, read, none: maintain reads as write, triage as read);
 * `role_name` names the role (a custom role's own name); `user.permissions` has the booleans.
 */
export const CollaboratorPermissionSchema = z.object({
  permission: z.string(),
  role_name: z.string().optional(),
  user: z
    .object({
      permissions: z
        .object({
          admin: z.boolean().optional(),
          maintain: z.boolean().optional(),
          push: z.boolean().optional(),
          triage: z.boolean().optional(),
          pull: z.boolean().optional(),
        })
        .optional(),
    })
    .nullable()
    .optional(),
});

/** https://docs.github.com/en/rest/commits/commits#compare-two-commits (the fields basepin reads) */
export const CompareSchema = z.object({
  total_commits: z.number().int().nonnegative(),
  commits: z.array(
    z.object({
      sha: z.string(),
      author: z.object({ login: z.string() }).nullable(),
      parents: z.array(z.object({ sha: z.string() })).optional(),
      commit: z.object({
        author: z.object({ name: z.string().optional() }).nullable().optional(),
        message: z.string(),
        verification: z.object({ verified: z.boolean() }).optional(),
      }),
    }),
  ),
});

/** https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files */
export const PullRequestFileSchema = z.object({
  filename: z.string(),
  status: z.string(),
});

/** https://docs.github.com/en/rest/users/users#get-the-authenticated-user */
export const AuthenticatedUserSchema = z.object({ login: z.string().min(1) });

/** https://docs.github.com/en/graphql/reference/queries#viewer (typed `User!`) */
export const ViewerSchema = z.object({ viewer: z.object({ login: z.string().min(1) }) });

/** https://docs.github.com/en/rest/git/refs#get-a-reference */
export const GitRefSchema = z.object({ object: z.object({ sha: z.string() }) });
