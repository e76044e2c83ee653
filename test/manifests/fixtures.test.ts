/**
 * Every image site in the real fixture files (test/fixtures/manifests/), as
 * read from the files by hand: line, status, and the text a pin is written
 * at (a pinnable or pinned site) or the reason it is left alone.
 */
import { describe, expect, test } from 'vitest';
import { extractSites, manifestReasons as reasons } from '../../src/manifests/index.ts';
import { fixtureFiles, readFixture } from './fixture-files.ts';

type Row = readonly [line: number, status: string, written: string, rangeOrReason: string];

const expected: Readonly<Record<string, readonly Row[]>> = {
  'compose/react-express-mongodb.compose.yaml': [[35, 'pinnable', 'mongo:4.2.0', 'mongo:4.2.0']],
  'compose/gitea-postgres.compose.yaml': [
    [3, 'pinnable', 'gitea/gitea:latest', 'gitea/gitea:latest'],
    [16, 'pinnable', 'postgres:alpine', 'postgres:alpine'],
  ],
  // `#image: mysql:8` is a comment; the backend service builds and names no image.
  'compose/nginx-golang-mysql.compose.yaml': [
    [14, 'pinnable', 'mariadb:10-focal', 'mariadb:10-focal'],
    [35, 'pinnable', 'nginx', 'nginx'],
  ],
  'compose/prometheus-grafana.compose.yaml': [
    [3, 'pinnable', 'prom/prometheus', 'prom/prometheus'],
    [14, 'pinnable', 'grafana/grafana', 'grafana/grafana'],
  ],
  'workflow/postgres-service.yml': [
    [18, 'pinnable', 'node:10.16-jessie', 'node:10.16-jessie'],
    [22, 'pinnable', 'postgres:10.8', 'postgres:10.8'],
    [51, 'pinnable', 'postgres:10.8', 'postgres:10.8'],
  ],
  'workflow/redis-service.yml': [
    [16, 'pinnable', 'node:10.16-jessie', 'node:10.16-jessie'],
    [20, 'pinnable', 'redis', 'redis'],
    [42, 'pinnable', 'redis', 'redis'],
  ],
  'workflow/mongodb-service.yml': [
    [22, 'pinnable', 'node:10.16-jessie', 'node:10.16-jessie'],
    [26, 'pinnable', 'mongo', 'mongo'],
    [47, 'pinnable', 'mongo', 'mongo'],
  ],
  // `runs.image: "../../action.dockerfile"` is a file the action builds, not an image.
  'workflow/osv-scanner-action.yml': [],
  // The second document (a StorageClass) has no pod spec.
  'kubernetes/cassandra-statefulset.yaml': [
    [21, 'pinnable', 'gcr.io/google-samples/cassandra:v14', 'gcr.io/google-samples/cassandra:v14'],
  ],
  'kubernetes/redis-master-controller.yaml': [[22, 'pinnable', 'redis:7.2', 'redis:7.2']],
  'kubernetes/javaweb-2.yaml': [
    [7, 'pinnable', 'resouer/sample:v2', 'resouer/sample:v2'],
    [14, 'pinnable', 'resouer/mytomcat:7.0', 'resouer/mytomcat:7.0'],
  ],
  'helm-values/memcached/templates/deployment.yaml': [
    [82, 'skipped', '{{ template "memcached.image" . }}', reasons.kubernetesTemplate],
    [182, 'skipped', '{{ template "memcached.metrics.image" . }}', reasons.kubernetesTemplate],
  ],
  // Each `digest: ""` is filled in: the range is the empty text between its quotes.
  'helm-values/memcached/values.yaml': [
    [88, 'pinnable', 'docker.io/bitnami/memcached:1.6.39-debian-12-r0', ''],
    [637, 'pinnable', 'docker.io/bitnami/os-shell:12-debian-12-r50', ''],
    [692, 'pinnable', 'docker.io/bitnami/memcached-exporter:0.15.3-debian-12-r5', ''],
  ],
  // A new `digest:` key goes after each entry's newTag; `docker` has a digest and no tag.
  'kustomize/kustomization.yaml': [
    [8, 'pinnable', 'new-crd-image:new-v1-tag', ''],
    [11, 'pinnable', 'new-app-1:MYNEWTAG-1', ''],
    [14, 'pinnable', 'prod-mysql:v3', ''],
    [17, 'skipped', 'my-docker2', 'digest-only reference has no tag to follow'],
  ],
  'devcontainer/templates-repo.devcontainer.json': [
    [
      2,
      'pinnable',
      'mcr.microsoft.com/devcontainers/javascript-node:4-24-trixie',
      'mcr.microsoft.com/devcontainers/javascript-node:4-24-trixie',
    ],
  ],
  'devcontainer/go-template.devcontainer.json': [
    [
      6,
      'skipped',
      'mcr.microsoft.com/devcontainers/go:2-${templateOption:imageVariant}',
      reasons.devcontainerVariable,
    ],
  ],
  'gitlab-ci/Docker.gitlab-ci.yml': [
    [3, 'pinnable', 'docker:latest', 'docker:latest'],
    [6, 'pinnable', 'docker:dind', 'docker:dind'],
    [17, 'pinnable', 'docker:latest', 'docker:latest'],
    [20, 'pinnable', 'docker:dind', 'docker:dind'],
  ],
  'gitlab-ci/Django.gitlab-ci.yml': [
    [40, 'pinnable', 'ubuntu:20.04', 'ubuntu:20.04'],
    [46, 'pinnable', 'mysql:8.0', 'mysql:8.0'],
  ],
};

describe('real files', () => {
  test('every fixture file has its table', () => {
    expect(Object.keys(expected).sort()).toEqual(fixtureFiles.map(([, file]) => file).sort());
  });

  test.each(fixtureFiles)('%s %s', (kind, file) => {
    const text = readFixture(file);
    const { sites, problem, includes } = extractSites(kind, file, text);
    expect(problem).toBeUndefined();
    expect(includes).toEqual([]);
    const rows = sites.map((site): Row => {
      expect(site.kind).toBe(kind);
      expect(site.file).toBe(file);
      const rangeText = site.pin ? text.slice(site.pin.range.start, site.pin.range.end) : undefined;
      return [site.line, site.status, site.written, rangeText ?? site.reason ?? ''];
    });
    expect(rows).toEqual(expected[file]);
  });
});
