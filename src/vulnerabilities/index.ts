/**
 * Known vulnerabilities of an image change, from OSV: which purls map to which OSV query, what the answers
 * mean for a change (fixed, introduced, still open), severity, rendering and the hold-back policy. Pure;
 * the OSV client is `src/osv/`.
 */
export { isAffected, versionOrderOf, type VersionOrder } from './affected.ts';
export { compareApkVersions } from './apk-version.ts';
export {
  compareVulnerabilities,
  shownIds,
  type Finding,
  type VulnerabilityAnswers,
  type VulnerabilityComparison,
} from './compare.ts';
export { cvss3BaseScore } from './cvss.ts';
export { compareDpkgVersions } from './dpkg-version.ts';
export { osvQueryFor, queryKey, type ListedPackage, type OsvQuery, type QueryMapping } from './ecosystem.ts';
export {
  defaultOsvApi,
  parseOsvApi,
  vulnerabilityPolicies,
  type OsvApi,
  type VulnerabilityPolicy,
} from './settings/index.ts';
export { planVulnerabilityQueries, type PlannedQuery, type VulnerabilityPlan } from './plan.ts';
export { vulnerabilityHoldBack, type VulnerabilityHold } from './policy.ts';
export { parsePurl, type Purl } from './purl.ts';
export { OsvIdSchema, OsvRecordSchema, osvIdPattern, type OsvAffected, type OsvRecord } from './record.ts';
export {
  unavailableNote,
  vulnerabilityDataUnavailable,
  vulnerabilityDetailLines,
  vulnerabilityHeadline,
  type VulnerabilityLineOptions,
} from './render.ts';
export {
  advisoryUrl,
  describeVulnerabilities,
  displayId,
  type VulnerabilityEntry,
  type VulnerabilityReport,
} from './report.ts';
export {
  cveAlias,
  levelOfScore,
  severityLevels,
  severityOf,
  type Severity,
  type SeverityLevel,
} from './severity.ts';
