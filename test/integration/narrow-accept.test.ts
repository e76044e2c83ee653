import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allManifestTypes, buildImage, MediaType } from '../support/image-content.ts';
import { pushImage, pushIndex, type PushedImage, type PushedIndex } from '../support/push.ts';
import { probeManifest } from '../support/registry-http.ts';
import { startRegistry, type RunningRegistry } from '../support/registry-server.ts';

/**
 * What distribution 2.8.2 does when Accept does not name the tag's own type
 * (observed here, see the table in the final assertions):
 * - OCI index, no index type accepted: 404 MANIFEST_UNKNOWN ("OCI index found,
 *   but accept header does not support OCI indexes"); a HEAD has no body.
 * - Docker manifest list, no list type accepted: the linux/amd64 child instead,
 *   under the CHILD's digest when schema2 is accepted, else converted to a
 *   signed schema1 manifest whose digest matches nothing that was pushed;
 *   404 MANIFEST_UNKNOWN when there is no linux/amd64 child.
 * - Docker schema2 image, schema2 not accepted: a schema1 conversion, another digest.
 * - OCI image, OCI manifest not accepted: 404 MANIFEST_UNKNOWN.
 * A resolver that forgets the index types thus pins the wrong digest silently
 * (lists) or fails (OCI); both must be caught here.
 */
describe('narrow Accept on distribution 2.8 (the trap)', () => {
  let registry: RunningRegistry;
  let ociIndex: PushedIndex;
  let dockerList: PushedIndex;
  let armOnlyList: PushedIndex;
  let dockerImage: PushedImage;
  let ociImage: PushedImage;
  const schema1 = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'none' });
    ociIndex = await pushIndex(registry, 'trap/oci', 'v1', ['linux/amd64', 'linux/arm64/v8']);
    dockerList = await pushIndex(registry, 'trap/docker', 'v1', ['linux/amd64', 'linux/arm/v7'], {
      kind: 'docker',
    });
    armOnlyList = await pushIndex(registry, 'trap/arm-only', 'v1', ['linux/arm64/v8'], { kind: 'docker' });
    dockerImage = await pushImage(registry, 'trap/docker-single', 'v1', { kind: 'docker' });
    ociImage = await pushImage(registry, 'trap/oci-single', 'v1');
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('serves each index under its own digest when the index types are accepted', async () => {
    for (const pushed of [ociIndex, dockerList, armOnlyList]) {
      const head = await probeManifest(registry, pushed.repository, 'v1', { accept: allManifestTypes });
      expect(head).toMatchObject({ status: 200, digest: pushed.digest, contentType: pushed.mediaType });
    }
    const ociOnly = await probeManifest(registry, 'trap/oci', 'v1', { accept: [MediaType.ociIndex] });
    expect(ociOnly.digest).toBe(ociIndex.digest);
  });

  it('answers an OCI index with 404 MANIFEST_UNKNOWN when only single-manifest types are accepted', async () => {
    const single = [MediaType.ociManifest, MediaType.dockerManifest];
    expect(await probeManifest(registry, 'trap/oci', 'v1', { accept: single })).toMatchObject({
      status: 404,
      digest: undefined,
    });
    const get = await probeManifest(registry, 'trap/oci', 'v1', { method: 'GET', accept: single });
    expect(get).toMatchObject({ status: 404, errorCode: 'MANIFEST_UNKNOWN' });
    // Naming the Docker list type is not enough for an OCI index.
    const listOnly = await probeManifest(registry, 'trap/oci', 'v1', {
      accept: [MediaType.dockerManifestList],
    });
    expect(listOnly.status).toBe(404);
  });

  it('answers a Docker manifest list with the linux/amd64 child, a different digest', async () => {
    const amd64 = dockerList.children.find((c) => c.platform.architecture === 'amd64')!;
    const head = await probeManifest(registry, 'trap/docker', 'v1', { accept: [MediaType.dockerManifest] });
    expect(head).toMatchObject({ status: 200, digest: amd64.digest, contentType: MediaType.dockerManifest });
    expect(head.digest).not.toBe(dockerList.digest);
  });

  it('converts to schema1 (a digest nobody pushed) when schema2 is not accepted either', async () => {
    const pushedDigests = [dockerList.digest, ...dockerList.children.map((c) => c.digest)];
    for (const accept of [[MediaType.ociManifest], undefined]) {
      const head = await probeManifest(registry, 'trap/docker', 'v1', accept === undefined ? {} : { accept });
      expect(head.status).toBe(200);
      expect(head.contentType).toBe(schema1);
      expect(pushedDigests).not.toContain(head.digest);
    }
    const single = await probeManifest(registry, 'trap/docker-single', 'v1', {
      accept: [MediaType.ociManifest],
    });
    expect(single.contentType).toBe(schema1);
    expect(single.digest).not.toBe(dockerImage.digest);
  });

  it('answers 404 for a list without linux/amd64 and for an OCI image without the OCI type', async () => {
    const armOnly = await probeManifest(registry, 'trap/arm-only', 'v1', {
      accept: [MediaType.dockerManifest],
    });
    expect(armOnly.status).toBe(404);
    const oci = await probeManifest(registry, 'trap/oci-single', 'v1', {
      method: 'GET',
      accept: [MediaType.dockerManifest],
    });
    expect(oci).toMatchObject({ status: 404, errorCode: 'MANIFEST_UNKNOWN' });
    const ok = await probeManifest(registry, 'trap/oci-single', 'v1', { accept: allManifestTypes });
    expect(ok.digest).toBe(ociImage.digest);
  });

  it('reports MANIFEST_UNKNOWN for a missing tag and a missing repository', async () => {
    for (const repository of ['trap/oci', 'trap/never-pushed']) {
      const get = await probeManifest(registry, repository, 'missing', {
        method: 'GET',
        accept: allManifestTypes,
      });
      expect(get).toMatchObject({ status: 404, errorCode: 'MANIFEST_UNKNOWN' });
    }
  });

  it('moves a tag when pushed again with another seed, leaving the old digest fetchable', async () => {
    const first = await pushIndex(registry, 'trap/moving', 'v1', ['linux/amd64', 'linux/arm64'], {
      seed: 'one',
    });
    const again = await pushIndex(registry, 'trap/moving', 'v1', ['linux/amd64', 'linux/arm64'], {
      seed: 'one',
    });
    expect(again.digest).toBe(first.digest);
    const moved = await pushIndex(registry, 'trap/moving', 'v1', ['linux/amd64', 'linux/arm64'], {
      seed: 'two',
    });
    expect(moved.digest).not.toBe(first.digest);
    expect((await probeManifest(registry, 'trap/moving', 'v1', { accept: allManifestTypes })).digest).toBe(
      moved.digest,
    );
    expect(
      (await probeManifest(registry, 'trap/moving', first.digest, { accept: allManifestTypes })).status,
    ).toBe(200);
  });

  it('builds deterministic content', () => {
    expect(buildImage({ seed: 's' }).manifest.digest).toBe(buildImage({ seed: 's' }).manifest.digest);
    expect(buildImage({ seed: 's' }).manifest.digest).not.toBe(buildImage({ seed: 't' }).manifest.digest);
    expect(buildImage({ platform: 'linux/arm/v7' }).platform).toEqual({
      os: 'linux',
      architecture: 'arm',
      variant: 'v7',
    });
  });
});
