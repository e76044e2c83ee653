/**
 * Smoke test against a real scratch repository: `.github/workflows/smoke.yml` runs it (README, "Smoke test
 * on a real repository"). It cannot run in the test suite (it needs GitHub); its table logic is unit-tested.
 *
 *   SMOKE_REPOSITORY   owner/name of the scratch repository (the workflow's GITHUB_TOKEN must reach it)
 *   GITHUB_TOKEN       the workflow's token
 *   SMOKE_APP_ID, SMOKE_APP_PRIVATE_KEY  a GitHub App installed on it, for an installation token (optional)
 *   SMOKE_ADMIN_TOKEN  an admin's personal token, to change settings and edit as a person (optional)
 *   SMOKE_ROLES        JSON {login: role} of collaborators to check (maintain, triage, a custom role; optional)
 */
import { appendFileSync } from 'node:fs';
import { Octokit } from '@octokit/rest';
import { GitHubMessage } from '../../src/github/errors.ts';
import { readChangeTrailer } from '../../src/text/marks.ts';
import { runBasepin } from './basepin-run.ts';
import { images, installationToken, openDashboards, refusal, refusedWith, setUp } from './scratch.ts';
import {
  exitCode,
  renderTable,
  textMatches,
  viewerDetail,
  type SmokeCheck,
  type SmokeResult,
} from './table.ts';

const env = (name: string): string | undefined => process.env[name] || undefined;
const repository = env('SMOKE_REPOSITORY') ?? env('GITHUB_REPOSITORY') ?? '';
const [owner = '', repo = ''] = repository.split('/');
const apiUrl = env('GITHUB_API_URL') ?? 'https://api.github.com';
const workflowToken = env('GITHUB_TOKEN') ?? '';
const appToken = await installationToken(
  apiUrl,
  owner,
  repo,
  env('SMOKE_APP_ID'),
  env('SMOKE_APP_PRIVATE_KEY'),
);
const adminToken = env('SMOKE_ADMIN_TOKEN');
const client = (token: string) => new Octokit({ auth: token, baseUrl: apiUrl, userAgent: 'basepin-smoke' });
const bot = client(workflowToken);
const scratch = { octokit: bot, owner, repo, apiUrl };
const admin = adminToken === undefined ? undefined : client(adminToken);
const results: SmokeResult[] = [];
const say = (check: SmokeCheck, outcome: SmokeResult['outcome'], detail: string) =>
  results.push({ check, outcome, detail });

const stamp = `${Date.now()}`;
const base = `basepin-smoke-${stamp}`;
const prefix = `basepin/smoke-${stamp}/`;

async function viewer(check: SmokeCheck, token: string | undefined): Promise<void> {
  if (token === undefined) return void say(check, 'skip', 'no token given');
  const octokit = client(token);
  const rest = await octokit.rest.users.getAuthenticated().then(
    () => 200,
    (e: { status?: number }) => e.status ?? 0,
  );
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query { viewer { login } }' }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: { viewer?: { login?: string } };
    errors?: { type?: string }[];
  };
  const login = body.data?.viewer?.login;
  say(
    check,
    'pass',
    viewerDetail(rest, {
      status: response.status,
      ...(login ? { login } : {}),
      ...(body.errors?.[0]?.type ? { errorType: body.errors[0].type } : {}),
    }),
  );
}

async function ourPulls() {
  const pulls = await bot.paginate(bot.rest.pulls.list, { owner, repo, state: 'open', base, per_page: 100 });
  return pulls.filter((p) => p.head.ref.startsWith(prefix));
}

async function main(): Promise<void> {
  await viewer('viewer login (GITHUB_TOKEN)', workflowToken);
  await viewer('viewer login (App token)', appToken);
  const target = await setUp(scratch, base);
  const inputs = { 'group-by': 'image', 'branch-prefix': prefix, 'max-pull-requests': '10' };

  const first = await runBasepin(target, workflowToken, inputs);
  const pulls = await ourPulls();
  const secondary = first.log.includes('secondary rate limit');
  say(
    'pacing of 10 pull requests',
    first.code === 0 && pulls.length === images.length && !secondary ? 'pass' : 'fail',
    `${pulls.length} pull requests in ${first.seconds} s, exit ${first.code}${secondary ? ', hit the secondary rate limit' : ''}`,
  );
  const second = await runBasepin(target, workflowToken, inputs);
  const dashboards = await openDashboards(scratch);
  say(
    'dashboard found on the second run',
    second.code === 0 && dashboards.length === 1 ? 'pass' : 'fail',
    `${dashboards.length} open dashboards after two runs`,
  );

  const [pr] = pulls;
  if (pr === undefined) say('verified commit attributed to the bot', 'fail', 'no pull request to look at');
  else {
    const { data: commit } = await bot.rest.repos.getCommit({ owner, repo, ref: pr.head.sha });
    const ok = commit.commit.verification?.verified === true && commit.author?.type === 'Bot';
    say(
      'verified commit attributed to the bot',
      ok ? 'pass' : 'fail',
      `verified ${commit.commit.verification?.verified}, author ${commit.author?.login} (${commit.author?.type}), trailer ${readChangeTrailer(commit.commit.message) ?? 'none'}`,
    );
  }

  // The texts basepin matches, from GitHub itself.
  if (pr !== undefined) {
    results.push(
      textMatches(
        '422 texts basepin matches',
        GitHubMessage.PullRequestExists,
        await refusedWith(() =>
          bot.rest.pulls.create({ owner, repo, head: pr.head.ref, base, title: 'duplicate' }),
        ),
      ),
    );
    results.push(
      textMatches(
        '422 texts basepin matches',
        GitHubMessage.ReferenceExists,
        await refusedWith(() =>
          bot.rest.git.createRef({ owner, repo, ref: `refs/heads/${pr.head.ref}`, sha: target.sha }),
        ),
      ),
    );
    results.push(
      textMatches(
        '422 texts basepin matches',
        GitHubMessage.ReviewersNotCollaborators,
        await refusedWith(() =>
          bot.rest.pulls.requestReviewers({
            owner,
            repo,
            pull_number: pr.number,
            reviewers: ['ghost'],
            team_reviewers: ['no-such-team'],
          }),
        ),
      ),
    );
    results.push(
      textMatches(
        'fast-forward refusal',
        'Update is not a fast forward',
        await refusedWith(() =>
          bot.rest.git.updateRef({ owner, repo, ref: `heads/${pr.head.ref}`, sha: target.sha, force: false }),
        ),
      ),
    );
    const { data: comment } = await bot.rest.issues.createComment({
      owner,
      repo,
      issue_number: pr.number,
      body: 'smoke: reactions',
    });
    const reacted = await Promise.all(
      (['eyes', '+1', '-1'] as const).map((content) =>
        bot.rest.reactions.createForIssueComment({ owner, repo, comment_id: comment.id, content }).then(
          (r) => `${content} ${r.status}`,
          (e) => `${content} ${refusal(e)}`,
        ),
      ),
    );
    say('reactions', reacted.every((r) => / 20[01]$/.test(r)) ? 'pass' : 'fail', reacted.join(', '));
  }

  const roles = JSON.parse(env('SMOKE_ROLES') ?? '{}') as Record<string, string>;
  if (Object.keys(roles).length === 0)
    say('permissions: maintain, triage, custom role', 'skip', 'SMOKE_ROLES not given');
  for (const [login, role] of Object.entries(roles)) {
    const { data } = await bot.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
    say(
      'permissions: maintain, triage, custom role',
      data.role_name === role ? 'pass' : 'fail',
      `${login}: role_name ${data.role_name}, permission ${data.permission} (expected ${role})`,
    );
  }

  const { data: rulesets } = await bot
    .request('GET /repos/{owner}/{repo}/rulesets', { owner, repo })
    .catch((e) => ({ data: [] as { name: string }[], error: refusal(e) }));
  say(
    'rulesets on basepin/*',
    first.code === 0 ? 'pass' : 'fail',
    `${rulesets.length} rulesets; basepin's first run exited ${first.code}`,
  );

  if (admin === undefined) {
    say('"Allow GitHub Actions to create pull requests" off', 'skip', 'SMOKE_ADMIN_TOKEN not given');
    say('checkbox edit with CRLF', 'skip', 'SMOKE_ADMIN_TOKEN not given');
  } else {
    await admin.request('PUT /repos/{owner}/{repo}/actions/permissions/workflow', {
      owner,
      repo,
      can_approve_pull_request_reviews: false,
    });
    const refused = await runBasepin(target, workflowToken, {
      ...inputs,
      'branch-prefix': `${prefix}off/`,
      'group-by': 'all',
    });
    await admin.request('PUT /repos/{owner}/{repo}/actions/permissions/workflow', {
      owner,
      repo,
      can_approve_pull_request_reviews: true,
    });
    results.push(
      textMatches(
        '"Allow GitHub Actions to create pull requests" off',
        'GitHub Actions is not permitted to create or approve pull requests',
        refused.code === 0 ? undefined : refused.log,
      ),
    );
    const [dashboard] = dashboards;
    if (dashboard === undefined) say('checkbox edit with CRLF', 'fail', 'no dashboard to edit');
    else {
      // The web editor sends CRLF line ends; tick the first box as a person does.
      const ticked = dashboard.body.replace('- [ ] ', '- [x] ').replace(/\r?\n/g, '\r\n');
      await admin.rest.issues.update({ owner, repo, issue_number: dashboard.number, body: ticked });
      const edited = await runBasepin(target, workflowToken, inputs);
      const after = await openDashboards(scratch);
      say(
        'checkbox edit with CRLF',
        edited.code === 0 && after.length === 1 && !after[0]?.body.includes('- [x] ') ? 'pass' : 'fail',
        `exit ${edited.code}; ${after.length} dashboards; box ${after[0]?.body.includes('- [x] ') ? 'still ticked' : 'handled'}`,
      );
    }
  }

  const table = renderTable(results);
  console.log(table);
  if (env('GITHUB_STEP_SUMMARY'))
    appendFileSync(env('GITHUB_STEP_SUMMARY') as string, `## basepin smoke test\n\n${table}\n`);
  process.exitCode = exitCode(results);
}

await main();
