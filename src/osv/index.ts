/** The OSV API client (`POST /v1/querybatch`, `GET /v1/vulns/{id}`) and the report of one change. */
export {
  createOsvClient,
  maxQueriesPerBatch,
  type OsvClient,
  type OsvClientOptions,
  type OsvCounters,
} from './client.ts';
export { reportManyVulnerabilities, reportVulnerabilities, type PackageChange } from './report.ts';
