import { describe, expect, it } from 'vitest';
import { planFiles } from '../../src/pin/plan-files.ts';
import { fakeRegistry, pinSettings, served } from '../comments/comment-fixtures.ts';

const registry = fakeRegistry();

describe('planFiles (Dockerfiles read through the API for /basepin pin)', () => {
  it('plans pins for the texts, with paths as the repository names them', async () => {
    const plan = await planFiles(
      new Map([['app/Dockerfile', Buffer.from('FROM alpine:3.20\n')]]),
      pinSettings,
      { registry },
    );
    expect(plan.changes).toEqual([
      expect.objectContaining({
        file: 'app/Dockerfile',
        after: `FROM alpine:3.20@${served('docker.io/library/alpine', '3.20')}\n`,
      }),
    ]);
  });

  it.each([
    '../escape/Dockerfile',
    '/etc/Dockerfile',
    'a/./Dockerfile',
    'a//Dockerfile',
    'a\\..\\Dockerfile',
    '',
  ])('takes only paths a git tree can hold: %j is left out', async (path) => {
    const plan = await planFiles(new Map([[path, Buffer.from('FROM alpine:3.20\n')]]), pinSettings, {
      registry,
    });
    expect(plan.files).toEqual([]);
    expect(plan.changes).toEqual([]);
  });
});
