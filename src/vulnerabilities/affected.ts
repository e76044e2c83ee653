import { compareApkVersions } from './apk-version.ts';
import { compareDpkgVersions } from './dpkg-version.ts';
import type { OsvQuery } from './ecosystem.ts';
import type { OsvRecord } from './record.ts';

export type VersionOrder = (a: string, b: string) => number;

/** The version ordering of an OSV ecosystem basepin can compare in, or undefined. */
export function versionOrderOf(ecosystem: string): VersionOrder | undefined {
  const family = ecosystem.split(':')[0];
  if (family === 'Alpine' || family === 'Wolfi' || family === 'Chainguard') return compareApkVersions;
  if (family === 'Debian' || family === 'Ubuntu') return compareDpkgVersions;
  return undefined;
}

type Event = { introduced?: string; fixed?: string; last_affected?: string; limit?: string };

const eventVersion = (event: Event) =>
  event.introduced ?? event.fixed ?? event.last_affected ?? event.limit ?? '0';

/**
 * Whether `query`'s version is affected by `record`, as the OSV schema defines it: listed in `versions`, or
 * inside an ECOSYSTEM range (events sorted by version; `introduced` opens, `fixed` and past `last_affected`
 * close). Ranges are read only in ecosystems whose ordering basepin knows.
 */
export function isAffected(record: OsvRecord, query: OsvQuery): boolean {
  const order = versionOrderOf(query.ecosystem);
  return (record.affected ?? []).some((affected) => {
    if (affected.package?.ecosystem !== query.ecosystem || affected.package.name !== query.name) return false;
    if (affected.versions?.includes(query.version)) return true;
    if (order === undefined) return false;
    return (affected.ranges ?? [])
      .filter((range) => range.type === 'ECOSYSTEM')
      .some((range) => inRange(range.events, query.version, order));
  });
}

function inRange(events: readonly Event[], version: string, order: VersionOrder): boolean {
  const zeroFirst = (a: Event, b: Event) => {
    const left = eventVersion(a);
    const right = eventVersion(b);
    if (left === '0' || right === '0') return left === right ? 0 : left === '0' ? -1 : 1;
    return order(left, right);
  };
  let affected = false;
  for (const event of [...events].sort(zeroFirst)) {
    if (event.introduced !== undefined) {
      if (event.introduced !== '0' && order(event.introduced, version) > 0) break;
      affected = true;
    } else if (event.fixed !== undefined) {
      if (order(event.fixed, version) > 0) break;
      affected = false;
    } else if (event.last_affected !== undefined) {
      if (order(event.last_affected, version) >= 0) break;
      affected = false;
    } else if (event.limit !== undefined) {
      if (order(event.limit, version) > 0) break;
      affected = false;
    }
  }
  return affected;
}
