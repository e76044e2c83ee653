import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileKind } from '../../src/manifests/index.ts';

const root = path.join(import.meta.dirname, '../fixtures/manifests');

/** Every real fixture file with the kind it is read as. */
export const fixtureFiles: readonly (readonly [FileKind, string])[] = [
  ['compose', 'compose/react-express-mongodb.compose.yaml'],
  ['compose', 'compose/gitea-postgres.compose.yaml'],
  ['compose', 'compose/nginx-golang-mysql.compose.yaml'],
  ['compose', 'compose/prometheus-grafana.compose.yaml'],
  ['workflow', 'workflow/postgres-service.yml'],
  ['workflow', 'workflow/redis-service.yml'],
  ['workflow', 'workflow/mongodb-service.yml'],
  ['workflow', 'workflow/osv-scanner-action.yml'],
  ['kubernetes', 'kubernetes/cassandra-statefulset.yaml'],
  ['kubernetes', 'kubernetes/redis-master-controller.yaml'],
  ['kubernetes', 'kubernetes/javaweb-2.yaml'],
  ['kubernetes', 'helm-values/memcached/templates/deployment.yaml'],
  ['helm-values', 'helm-values/memcached/values.yaml'],
  ['kustomize', 'kustomize/kustomization.yaml'],
  ['devcontainer', 'devcontainer/templates-repo.devcontainer.json'],
  ['devcontainer', 'devcontainer/go-template.devcontainer.json'],
  ['gitlab-ci', 'gitlab-ci/Docker.gitlab-ci.yml'],
  ['gitlab-ci', 'gitlab-ci/Django.gitlab-ci.yml'],
];

export function readFixture(file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}
