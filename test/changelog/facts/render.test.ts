import { describe, expect, test } from 'vitest';
import { createChangelogCollector } from '../../../src/changelog/collect.ts';
import type { ChangelogFacts } from '../../../src/changelog/facts/facts.ts';
import { renderChangelog } from '../../../src/changelog/facts/render.ts';
import { changelogJson, renderChangelogText } from '../../../src/changelog/facts/text.ts';
import { parseImageReference } from '../../../src/reference/index.ts';
import {
  alpineRebuild,
  bareRebuild,
  dockerCliRebuild,
  regclientV2toV3,
  windowsOnlyRebuild,
  type Scenario,
} from '../../support/changelog-scenarios.ts';
import { fixtureClient } from '../../support/fixture-client.ts';

const now = new Date('2026-11-22T12:00:00Z');

async function factsOf(scenario: Scenario, image: string, platforms?: string[]): Promise<ChangelogFacts> {
  const collector = createChangelogCollector({ client: fixtureClient(scenario.repo).client });
  return collector.collect({
    ref: parseImageReference(image),
    image,
    from: scenario.from,
    to: scenario.to,
    toMediaType: 'application/vnd.oci.image.index.v1+json',
    platforms,
  });
}

const cases: [string, () => Scenario, string, string[] | undefined][] = [
  ['alpine-rebuild', alpineRebuild, 'alpine:3.23', undefined],
  ['docker-cli-rebuild', dockerCliRebuild, 'docker:24-cli', ['linux/amd64', 'linux/arm64']],
  ['regclient-v2-v3', regclientV2toV3, 'registry.example.org/testrepo:v3', ['linux/amd64', 'linux/arm/v6']],
  ['bare-rebuild', bareRebuild, 'example.org/bare:1', undefined],
  ['windows-only', windowsOnlyRebuild, 'hello-world:latest', ['linux/amd64']],
];

describe('changelog snapshots on fixtures', () => {
  test.each(cases)('%s', async (name, scenario, image, platforms) => {
    const facts = await factsOf(scenario(), image, platforms);
    await expect(renderChangelog([facts], { now })).toMatchFileSnapshot(`__snapshots__/${name}.md`);
    await expect(renderChangelogText(facts, now)).toMatchFileSnapshot(`__snapshots__/${name}.txt`);
    await expect(JSON.stringify(changelogJson(facts), null, 2)).toMatchFileSnapshot(
      `__snapshots__/${name}.json`,
    );
  });

  test('the headline says what moved, in one line', async () => {
    const text = renderChangelog([await factsOf(dockerCliRebuild(), 'docker:24-cli')], { now });
    expect(text.split('\n')[0]).toMatch(
      /^- `docker:24-cli` → `24\.0\.7-cli` · `[0-9a-f]{7}` → `[0-9a-f]{7}` · rebuilt 2026-11-20 \(2 days old\) · same source · base `alpine:3\.18` moved · 2 of 2 platforms changed · 3 packages upgraded, 1 added, 1 removed$/,
    );
  });
});

describe('size limit', () => {
  const huge = (index: number): ChangelogFacts => ({
    image: `example.org/app-${index}:1`,
    from: `sha256:${String(index).padStart(64, 'a')}`,
    to: `sha256:${String(index).padStart(64, 'b')}`,
    toMediaType: 'application/vnd.oci.image.index.v1+json',
    details: [
      {
        platform: 'linux/amd64',
        packages: {
          upgraded: Array.from({ length: 3000 }, (_, i) => ({
            name: `package-${String(i).padStart(5, '0')}`,
            from: '1.0',
            to: '1.1',
          })),
          added: [{ name: 'new-thing', version: '1' }],
          removed: [],
        },
      },
    ],
  });

  test('long lists are cut first and the cut is counted', () => {
    const text = renderChangelog([huge(1)], { now, maxChars: 20_000 });
    expect(text.length).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(/…and \d+ more, left out to fit/);
    expect(text).toContain('<details>');
  });

  test('many images: details go, headlines stay, within the limit', () => {
    const facts = Array.from({ length: 120 }, (_, i) => huge(i));
    const text = renderChangelog(facts, { now, maxChars: 8_000 });
    expect(text.length).toBeLessThanOrEqual(8_000);
    expect(text).not.toContain('<details>');
    expect(text).toMatch(/…and \d+ more images, left out to fit/);
  });
});

describe('hostile registry text', () => {
  test('annotations cannot inject markdown, HTML, mentions, links or bidi text', async () => {
    const facts: ChangelogFacts = {
      image: 'example.org/app:1',
      from: `sha256:${'a'.repeat(64)}`,
      to: `sha256:${'b'.repeat(64)}`,
      toMediaType: 'application/vnd.oci.image.index.v1+json',
      version: {
        to: '1.0` <img src=x onerror=alert(1)> @org/team [click](https://evil.example) \u202Egnp.exe\n# heading',
      },
      details: [
        {
          platform: 'linux/amd64',
          packages: {
            upgraded: [],
            added: [{ name: '</details><script>x</script>|col', version: '`' }],
            removed: [],
          },
        },
      ],
    };
    const text = renderChangelog([facts], { now });
    // Inside a code span nothing is interpreted; outside of code spans, none of it may remain.
    const outsideCode = text.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/<img|<script|@org|\]\(https:\/\/evil|\u202E/);
    expect(text).not.toMatch(/\n# heading/);
    expect(text).not.toMatch(/[^\\]\|col/);
    expect(text).toContain('\\|col');
    // In JSON the override is spelled out (a reader sees it was there), never the character itself.
    const json = JSON.parse(JSON.stringify(changelogJson(facts))) as { version: { to: string } };
    expect(json.version.to).not.toMatch(/\u202E/);
    expect(json.version.to).toContain('\\u202egnp.exe');
  });
});
