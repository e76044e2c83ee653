// The public shapes an update takes outside the process: `--json` (and the action's outputs) and the hidden
// state block of a pull request (read back by later runs). They are contracts: these tests pin their exact
// bytes, whatever shape the update has inside (`Update { site, target }`).
import { describe, expect, it } from 'vitest';
import { planPins, type PinPlan } from '../../src/pin/plan-pins.ts';
import { buildState, readState, renderStateBlock } from '../../src/pull-requests/pr-state.ts';
import { pinReportJsonChunks, updatesJson } from '../../src/pipeline/report-json.ts';
import { defaultRunSettings } from '../../src/config/settings.ts';
import type { ImageReference } from '../../src/reference/index.ts';
import { RegistryError, type ManifestHead, type RegistryClient } from '../../src/registry/index.ts';
import { MemoryWorkspace } from '../../src/workspace/memory-workspace.ts';

const index = 'application/vnd.oci.image.index.v1+json';
const digest = (seed: string): string => `sha256:${seed.repeat(64).slice(0, 64)}`;
const base = '6dcb09b5b57875f334f61aebed695e2e4193db5e';

/** The tag's digest per repository; `mirror.example` named the one for ghcr.io/o/app (unconfirmed). */
const current: Record<string, ManifestHead> = {
  'docker.io/library/alpine': { digest: digest('1'), mediaType: index, verified: true },
  'docker.io/library/node': { digest: digest('2'), mediaType: index, verified: true },
  'ghcr.io/o/app': { digest: digest('3'), mediaType: index, verified: true, fromMirror: 'mirror.example' },
  'docker.io/library/busybox': { digest: digest('4'), mediaType: index, verified: true },
};

const stub: RegistryClient = {
  async resolveTag(ref: ImageReference) {
    const head = current[ref.name];
    if (!head) {
      throw new RegistryError({
        status: 404,
        code: 'NAME_UNKNOWN',
        retryable: false,
        message: `${ref.name}: 404`,
      });
    }
    return head;
  },
  async describeManifest(_ref, tagOrDigest) {
    return { digest: tagOrDigest, mediaType: index };
  },
  fetchManifest: () => Promise.reject(new Error('not expected')),
  fetchBlob: () => Promise.reject(new Error('not expected')),
  stats: () => ({ ping: 0, token: 0, head: 0, get: 0, mirror: 0, retries: 0, dockerHubPulls: 0 }),
};

const files: [string, string][] = [
  [
    'Dockerfile',
    `FROM alpine:3.20 AS a\nFROM node:22@${digest('a')}\nFROM node:22@${digest('2')}\nFROM example.org/gone:1\n`,
  ],
  ['svc/Dockerfile', 'ARG V=1\nFROM ghcr.io/o/app:${V}\nONBUILD COPY --from=busybox:1.36 /bin/sh /sh\n'],
];

async function plan(): Promise<PinPlan> {
  return planPins(defaultRunSettings({ cwd: '/repository' }), {
    registry: stub,
    workspace: new MemoryWorkspace(files),
  });
}

describe('the public shapes of an update', () => {
  it('--json keeps its exact bytes', async () => {
    const written = [...pinReportJsonChunks(await plan())].join('');
    // Written compact, as JSON.stringify writes it; indented here only to compare with the expected text.
    expect(JSON.stringify(JSON.parse(written))).toBe(written);
    expect(JSON.stringify(JSON.parse(written), null, 2)).toBe(expectedJson);
  });

  it('the action outputs keep their exact bytes', async () => {
    expect(JSON.stringify(updatesJson(await plan()))).toBe(JSON.stringify(JSON.parse(expectedJson).updates));
  });

  it('the pull-request state block keeps its exact bytes and reads back', async () => {
    const state = buildState((await plan()).updates, base);
    const block = renderStateBlock(state);
    expect(block).toBe(expectedBlock);
    expect(readState(`body\n\n${block}\n`)).toEqual({ kind: 'valid', state });
  });
});

const expectedJson = `{
  "updates": [
    {
      "file": "Dockerfile",
      "line": 1,
      "reference": "alpine:3.20",
      "repository": "docker.io/library/alpine",
      "tag": "3.20",
      "from": null,
      "to": "sha256:1111111111111111111111111111111111111111111111111111111111111111",
      "fromMirror": null
    },
    {
      "file": "Dockerfile",
      "line": 2,
      "reference": "node:22@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "repository": "docker.io/library/node",
      "tag": "22",
      "from": "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "to": "sha256:2222222222222222222222222222222222222222222222222222222222222222",
      "fromMirror": null
    },
    {
      "file": "svc/Dockerfile",
      "line": 1,
      "reference": "1",
      "repository": "ghcr.io/o/app",
      "tag": "1",
      "from": null,
      "to": "sha256:3333333333333333333333333333333333333333333333333333333333333333",
      "fromMirror": "mirror.example"
    },
    {
      "file": "svc/Dockerfile",
      "line": 3,
      "reference": "busybox:1.36",
      "repository": "docker.io/library/busybox",
      "tag": "1.36",
      "from": null,
      "to": "sha256:4444444444444444444444444444444444444444444444444444444444444444",
      "fromMirror": null
    }
  ],
  "unchanged": [
    {
      "file": "Dockerfile",
      "line": 3,
      "reference": "node:22@sha256:2222222222222222222222222222222222222222222222222222222222222222",
      "reason": null
    }
  ],
  "skipped": [],
  "errors": [
    {
      "file": "Dockerfile",
      "line": 4,
      "reference": "example.org/gone:1",
      "code": "NAME_UNKNOWN",
      "error": "example.org/gone: 404"
    }
  ],
  "dockerHubPulls": 0
}`;
const expectedBlock = `<!-- basepin:state {"v":1,"base":"6dcb09b5b57875f334f61aebed695e2e4193db5e","changeId":"35268a238c9533a554b6","targetId":"7780dfe099c8e365cdb4","updates":[{"file":"Dockerfile","line":1,"repository":"docker.io/library/alpine","tag":"3.20","from":null,"to":"sha256:1111111111111111111111111111111111111111111111111111111111111111"},{"file":"Dockerfile","line":2,"repository":"docker.io/library/node","tag":"22","from":"sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","to":"sha256:2222222222222222222222222222222222222222222222222222222222222222"},{"file":"svc/Dockerfile","line":1,"repository":"ghcr.io/o/app","tag":"1","from":null,"to":"sha256:3333333333333333333333333333333333333333333333333333333333333333"},{"file":"svc/Dockerfile","line":3,"repository":"docker.io/library/busybox","tag":"1.36","from":null,"to":"sha256:4444444444444444444444444444444444444444444444444444444444444444"}]} -->`;
