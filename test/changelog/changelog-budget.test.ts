import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { addChangelogs, changelogKey, pinningForChangelogs } from '../../src/changelog/changelogs.ts';
import { planPins } from '../../src/pin/plan-pins.ts';
import { defaultRunSettings } from '../../src/config/settings.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';
import { createSignatureTrust, type SignatureTrust } from '../../src/signature-check/index.ts';
import { describeVerdict } from '../../src/signatures/index.ts';
import { bareRebuild } from '../support/changelog-scenarios.ts';
import { HUB, hubAnonymousAuth, hubHeaders, OCI_INDEX, testClient, useNock } from '../registry/helpers.ts';

// Docker Hub counts manifest GETs as pulls: a low budget costs the changelog facts, never the pins.

useNock();

const { repo, from, to } = bareRebuild();
const bytes = (digest: string) => Buffer.from(repo.manifests.get(digest)!.bytes);

/** As a scheduled run does it: pinning and the changelog share one client, and the indexes confirm pins. */
async function run(signatureTrust?: SignatureTrust) {
  const workspace = new MemoryWorkspace([['Dockerfile', `FROM alpine:3.20@${from}\n`]]);
  const settings = defaultRunSettings({
    cwd: '/repository',
    signaturePolicy: signatureTrust ? 'same-identity' : 'report',
  });
  const { client } = testClient();
  const pinning = pinningForChangelogs(client);
  const planned = await planPins(settings, { ...pinning, workspace });
  return {
    planned,
    ...(await addChangelogs(planned, settings, {
      registry: pinning.registry,
      now: new Date('2026-11-22T00:00:00Z'),
      signatureTrust,
    })),
    client,
  };
}

const tagList = () =>
  nock(HUB)
    .get('/v2/library/alpine/tags/list')
    .query({ n: '100' })
    .reply(200, { name: 'library/alpine', tags: [] });

describe('a low Docker Hub pull budget', () => {
  it('with pulls for the indexes only: they confirm the pin, the platform list is known, no platform details; the pin is made', async () => {
    hubAnonymousAuth(['library/alpine']);
    // The tag's HEAD, then the old and the new index by GET: read for the changelog, they also tell the
    // old pin's kind and confirm the new digest, so no HEAD by digest is sent. 30 left is the reserve.
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(to, OCI_INDEX, 32))
      .get(`/v2/library/alpine/manifests/${from}`)
      .reply(200, bytes(from), hubHeaders(from, OCI_INDEX, 31))
      .get(`/v2/library/alpine/manifests/${to}`)
      .reply(200, bytes(to), hubHeaders(to, OCI_INDEX, 30));
    tagList();
    const { plan, changelogs, client } = await run();
    expect(plan.errors).toEqual([]);
    expect(plan.updates).toHaveLength(1);
    expect(plan.changes[0]?.after).toBe(`FROM alpine:3.20@${to}\n`);
    const facts = changelogs.get(changelogKey(plan.updates[0]!));
    expect(facts?.skipped).toEqual(['platform details skipped: Docker Hub pull budget']);
    expect(facts?.platforms?.changed).toEqual(['linux/amd64', 'linux/arm64']);
    expect(facts?.details).toBeUndefined();
    expect(client.stats()).toMatchObject({ head: 1, dockerHubPulls: 2 });
  });

  it('below the reserve: no manifest GET at all, the pin confirmed by HEADs; the changelog says why it is short', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(to, OCI_INDEX, 12))
      .head(`/v2/library/alpine/manifests/${from}`)
      .reply(200, undefined, hubHeaders(from, OCI_INDEX, 12))
      .head(`/v2/library/alpine/manifests/${to}`)
      .reply(200, undefined, hubHeaders(to, OCI_INDEX, 12));
    tagList();
    const { plan, changelogs, client } = await run();
    expect(plan.errors).toEqual([]);
    expect(plan.changes[0]?.after).toBe(`FROM alpine:3.20@${to}\n`);
    expect(changelogs.get(changelogKey(plan.updates[0]!))?.skipped).toEqual([
      'changelog skipped: Docker Hub pull budget',
    ]);
    // The one GET is the tag list, which is not a pull.
    expect(client.stats()).toMatchObject({ get: 1, dockerHubPulls: 0 });
  });

  it('signatures the budget cannot pay for are "not checked", never "not signed", and hold nothing back', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(to, OCI_INDEX, 32))
      .get(`/v2/library/alpine/manifests/${from}`)
      .reply(200, bytes(from), hubHeaders(from, OCI_INDEX, 31))
      .get(`/v2/library/alpine/manifests/${to}`)
      .reply(200, bytes(to), hubHeaders(to, OCI_INDEX, 30));
    tagList();
    const { plan, changelogs, client } = await run(createSignatureTrust());
    // signature-policy same-identity is set: an unread signature of a digest whose predecessor was not read
    // either is no reason to hold the update back.
    expect(plan.updates).toHaveLength(1);
    const signature = changelogs.get(changelogKey(plan.updates[0]!))?.signature;
    expect(signature).toMatchObject({ kind: 'unknown', reason: 'Docker Hub pull budget' });
    expect(describeVerdict(signature!)).toBe('signature not checked (Docker Hub pull budget)');
    // No referrers GET and no `.sig` manifest: the two index pulls are all.
    expect(client.stats()).toMatchObject({ dockerHubPulls: 2 });
  });
});

describe('a budget of one pull above the reserve', () => {
  it('pinning a refresh, which would read two indexes, reads none: HEADs confirm it', async () => {
    hubAnonymousAuth(['library/alpine']);
    nock(HUB)
      .head('/v2/library/alpine/manifests/3.20')
      .reply(200, undefined, hubHeaders(to, OCI_INDEX, 31))
      .head(`/v2/library/alpine/manifests/${from}`)
      .reply(200, undefined, hubHeaders(from, OCI_INDEX, 31))
      .head(`/v2/library/alpine/manifests/${to}`)
      .reply(200, undefined, hubHeaders(to, OCI_INDEX, 31));
    const { client } = testClient();
    const pinning = pinningForChangelogs(client);
    const plan = await planPins(defaultRunSettings({ cwd: '/repository' }), {
      ...pinning,
      workspace: new MemoryWorkspace([['Dockerfile', `FROM alpine:3.20@${from}\n`]]),
    });
    expect(plan.errors).toEqual([]);
    expect(plan.changes[0]?.after).toBe(`FROM alpine:3.20@${to}\n`);
    expect(client.stats()).toMatchObject({ head: 3, get: 0, dockerHubPulls: 0 });
  });
});
