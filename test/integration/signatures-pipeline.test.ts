import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/action-run/job-summary.ts';
import { changelogKey, type Changelogs } from '../../src/changelog/index.ts';
import { changelogJson, renderChangelog, renderChangelogText } from '../../src/changelog/facts/index.ts';
import { defaultRunSettings, type RunSettings } from '../../src/config/settings.ts';
import { dashboardBody } from '../../src/dashboard/index.ts';
import { emptyDashboardState } from '../../src/dashboard/issue-body/index.ts';
import { planRun } from '../../src/pipeline/index.ts';
import { createRegistryClient } from '../../src/registry/index.ts';
import { createSignatureTrust } from '../../src/signature-check/index.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import { pushFixtureRepo } from '../support/push-fixture.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';
import { publisher, rebuilt, successor } from '../support/signed-images.ts';

// Signatures and provenance through the whole plan pipeline (planRun → changelog → hold-back step) against
// the real local registry: images, BuildKit attestations and cosign `.sig` manifests pushed byte-exact
// (test/support/signed-images.ts: the real BuildKit provenance, signatures made with generated keys).

describe('signatures and provenance through the plan pipeline, in a real registry', () => {
  let registry: RunningRegistry;
  let images: ReturnType<typeof rebuilt>[];
  let workspace: () => MemoryWorkspace;

  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' });
    const host = registry.host;
    images = [
      rebuilt(host, 'acme/kept', { from: 'publisher', to: 'publisher' }, true),
      rebuilt(host, 'acme/handed-over', { from: 'publisher', to: 'successor' }),
      rebuilt(host, 'acme/dropped', { from: 'publisher', to: undefined }),
      rebuilt(host, 'acme/tampered', { from: 'publisher', to: 'tampered' }),
      rebuilt(host, 'acme/never', { from: undefined, to: undefined }),
    ];
    for (const image of images) await pushFixtureRepo(registry, image.name, image.repo);
    const dockerfile = images.map((image) => `FROM ${host}/${image.name}:1@${image.from}\n`).join('');
    workspace = () => new MemoryWorkspace([['Dockerfile', dockerfile]]);
  });
  afterAll(async () => {
    await registry?.stop();
  });

  // Two identities: the publisher's key signs every acme image, the successor's only acme/handed-over.
  const trust = () =>
    createSignatureTrust({
      keys: [
        [`${registry.host}/acme/*`, publisher.pem],
        [`${registry.host}/acme/handed-over`, successor.pem],
      ],
    });

  async function run(settings: Partial<RunSettings>, facts: 'all' | 'policy') {
    const client = createRegistryClient({ insecureRegistries: [registry.host], maxRetries: 0 });
    return planRun(
      defaultRunSettings({ cwd: '/repository', ...settings }),
      {
        registry: client,
        workspace: workspace(),
        now: new Date('2026-12-07T12:00:00Z'),
        signatureTrust: trust(),
      },
      { facts, pinningReadsFacts: facts === 'all' },
    );
  }
  const factsOf = (changelogs: Changelogs, name: string) =>
    [...changelogs.values()].find((facts) => facts.image.includes(name));

  it('shows each image’s signature old against new, and the provenance’s builder and source commit', async () => {
    const { plan, changelogs } = await run({}, 'all');
    expect(plan.updates).toHaveLength(5);
    const host = registry.host;
    const markdown = renderChangelog([...changelogs.values()]);
    expect(markdown).toContain(
      `- Signature: signed by the key configured for \`${host}/acme/*\`, same as before`,
    );
    expect(markdown).toContain(
      '- Provenance: built by `https://github.com/docker-library` from `https://github.com/alpinelinux/docker-alpine@13b62f5f47ffa526f9c372e0bd73b33ef2a5f865`, as the image says',
    );
    expect(markdown).toContain(
      `- Signature: signed by a different identity: the key configured for \`${host}/acme/handed-over\` (before: the key configured for \`${host}/acme/*\`)`,
    );
    expect(markdown).toContain('- Signature: signature missing (the previous digest was signed)');
    expect(markdown).toMatch(/- Signature: signature does not verify \(/);
    // Said once, under its image, never in a headline.
    expect(markdown.match(/not signed/g)).toHaveLength(1);
    expect(markdown).toMatch(/acme\/never:1.*\n(?:.*\n)*?\s+- Signature: not signed/);

    const kept = factsOf(changelogs, 'acme/kept')!;
    expect(changelogJson(kept)).toMatchObject({
      signature: { verdict: 'same-identity', identity: { key: `${host}/acme/*` } },
      provenance: [
        {
          platform: 'linux/amd64',
          builder: 'https://github.com/docker-library',
          repository: 'https://github.com/alpinelinux/docker-alpine',
          commit: '13b62f5f47ffa526f9c372e0bd73b33ef2a5f865',
          predicateType: 'https://slsa.dev/provenance/v0.2',
          source: 'matches',
        },
      ],
    });
    const text = renderChangelogText(kept, undefined);
    expect(text).toContain(`  signature  signed by the key configured for ${host}/acme/*, same as before`);
    expect(text).toContain('  provenance built by https://github.com/docker-library from ');
  });

  it('signature-policy same-identity holds back what changed signer, lost or broke its signature, and says why', async () => {
    const { plan, changelogs } = await run({ signaturePolicy: 'same-identity' }, 'policy');
    expect(plan.updates.map((update) => update.site.reference.name.split('/').slice(-1)[0])).toEqual([
      'kept',
      'never',
    ]);
    const reasons = plan.skipped.map((note) => note.reason);
    expect(reasons).toEqual([
      expect.stringMatching(/^signature-policy same-identity: signed by a different identity: /),
      'signature-policy same-identity: signature missing (the previous digest was signed)',
      expect.stringMatching(/^signature-policy same-identity: signature does not verify/),
    ]);
    // A plain run without --changelog reads no provenance: only what the policy needs.
    expect([...changelogs.values()].some((facts) => facts.provenance !== undefined)).toBe(false);

    const summary = renderJobSummary(plan, [], false);
    expect(summary).toMatch(/acme\/dropped:1.*signature\\?-policy same\\?-identity\\?: signature missing/);
    const dashboard = dashboardBody({
      plan,
      outcomes: [],
      pullRequests: [],
      state: emptyDashboardState,
      excludeImages: [],
      repo: { owner: 'octo', repo: 'app' },
      serverUrl: 'https://github.com',
      baseSha: 'a'.repeat(40),
      changelogs,
    });
    expect(dashboard).toContain(
      'signature-policy same-identity: signature missing (the previous digest was signed)',
    );
    // The updates that go show their signature on the dashboard too.
    const kept = plan.updates.find((update) => update.site.reference.name.endsWith('acme/kept'))!;
    expect(changelogs.get(changelogKey(kept))?.signature?.kind).toBe('same-identity');
    expect(dashboard).toMatch(/acme\/kept:1 → sha256:[0-9a-f]{64}; signed by the key configured for/);
  });

  it('signature-policy-images scopes the policy; require also holds the image that never was signed', async () => {
    const scoped = await run(
      { signaturePolicy: 'same-identity', signaturePolicyImages: ['**/acme/dropped'] },
      'policy',
    );
    expect(scoped.plan.skipped.map((note) => note.reference)).toEqual([
      expect.stringContaining('acme/dropped:1'),
    ]);
    const required = await run({ signaturePolicy: 'require' }, 'policy');
    expect(required.plan.updates.map((update) => update.site.reference.name)).toEqual([
      `${registry.host}/acme/kept`,
    ]);
    expect(required.plan.skipped.map((note) => note.reason)).toContain(
      'signature-policy require: not signed',
    );
  });

  it('with the default report policy and no changelog asked, nothing about signatures is read', async () => {
    const { plan, changelogs } = await run({}, 'policy');
    expect(plan.updates).toHaveLength(5);
    expect(changelogs.size).toBe(0);
  });
});
