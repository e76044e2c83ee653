import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChangelogCollector, type ChangelogRequest } from '../../src/changelog/collect.ts';
import { parseResolutionFile } from '../../src/org/index.ts';
import {
  notInResolutionCode,
  readResolutionFile,
  recordResolution,
  resolutionClient,
  writeResolutionFile,
} from '../../src/org-resolution/index.ts';
import { parseImageReference } from '../../src/reference/index.ts';
import { RegistryError, type RegistryClient } from '../../src/registry/index.ts';
import { resolveTargetDigest } from '../../src/resolve/target-digest.ts';
import { alpineRebuild } from '../support/changelog-scenarios.ts';
import { fixtureClient } from '../support/fixture-client.ts';
import { testDir } from '../support/temp-dir.ts';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const image = 'alpine:3.23';

/** What one organisation run asks about an image: the pin, a tag that does not exist, the changelog facts. */
async function ask(client: RegistryClient, from: string, to: string) {
  const ref = parseImageReference(`${image}@${from}`);
  const target = await resolveTargetDigest(client, ref);
  const missing = await resolveTargetDigest(client, parseImageReference('alpine:9.99')).catch(
    (error: unknown) => error,
  );
  const collector = createChangelogCollector({ client, debug: () => undefined });
  const request: ChangelogRequest = { ref, image, from, to, toMediaType: OCI_INDEX };
  const facts = await collector.collect(request);
  return { target, missing, facts };
}

async function planAndWrite() {
  const scenario = alpineRebuild();
  const fake = fixtureClient(scenario.repo);
  const recording = recordResolution(fake.client);
  const planned = await ask(recording.client, scenario.from, scenario.to);
  const path = join(testDir('resolution'), 'resolution.json');
  await writeResolutionFile(path, {
    createdAt: '2026-12-07T10:00:00.000Z',
    shards: [['acme/api']],
    answers: recording.answers(),
  });
  return { scenario, fake, planned, path };
}

describe('the resolution file as a registry client', () => {
  it('answers a shard exactly as the registry answered the plan, without a registry request', async () => {
    const { scenario, fake, planned, path } = await planAndWrite();
    const asked = fake.calls.length;
    expect(asked).toBeGreaterThan(3);
    const replay = resolutionClient(await readResolutionFile(path));
    const shard = await ask(replay, scenario.from, scenario.to);
    expect(shard.target).toEqual(planned.target);
    expect(shard.facts).toEqual(planned.facts);
    expect(planned.facts.version).toEqual({ from: '3.23.0', to: '3.23.2' });
    // A tag that failed in the plan fails the same way in the shard.
    expect(shard.missing).toBeInstanceOf(RegistryError);
    expect((shard.missing as RegistryError).code).toBe((planned.missing as RegistryError).code);
    expect(fake.calls.length).toBe(asked);
    expect(replay.stats()).toMatchObject({ head: 0, get: 0 });
  });

  it('fails a question the plan did not ask with its own code, and nothing else', async () => {
    const { path } = await planAndWrite();
    const replay = resolutionClient(await readResolutionFile(path));
    const error = await replay.resolveTag(parseImageReference('nginx:1.27')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).code).toBe(notInResolutionCode);
    expect((error as RegistryError).message).toContain(
      'docker.io/library/nginx:1.27 is not in the resolution file',
    );
  });

  it('refuses manifest bytes that do not hash to their digest', async () => {
    const { scenario, path } = await planAndWrite();
    const file = await readResolutionFile(path);
    const key = Object.keys(file.answers).find((k) => file.answers[k]!.kind === 'manifest')!;
    const answer = file.answers[key] as { kind: 'manifest'; base64: string };
    const tampered = parseResolutionFile(
      JSON.stringify({
        ...file,
        answers: { ...file.answers, [key]: { ...answer, base64: Buffer.from('{}').toString('base64') } },
      }),
      'tampered.json',
    );
    const [, name = '', digest = ''] = /^manifest (.+)@(.+)$/.exec(key)!;
    expect(name).toContain('alpine');
    const replay = resolutionClient(tampered);
    await expect(replay.fetchManifest(parseImageReference(image), digest)).rejects.toMatchObject({
      code: 'DIGEST_MISMATCH',
    });
    expect(scenario.to).toMatch(/^sha256:/);
  });

  it('reads a file that is not a resolution as one line naming it', async () => {
    const path = join(testDir('resolution'), 'resolution.json');
    writeFileSync(path, '{"version":1}');
    await expect(readResolutionFile(path)).rejects.toThrow(
      /resolution\.json: not a basepin resolution file v1: createdAt/,
    );
    await expect(readResolutionFile(`${path}.missing`)).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });
});
