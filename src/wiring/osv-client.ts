import type { RunSettings } from '../config/settings.ts';
import { createOsvClient, type OsvClient } from '../osv/index.ts';

/**
 * The one way both entries build the run's OSV client from `osv-api`: one client a run, so each
 * (ecosystem, package, version) and each record is asked once, and one failed request turns OSV off for
 * the rest of the run.
 */
export function osvClientFor(
  settings: Pick<RunSettings, 'osvApi'>,
  debug?: (line: string) => void,
): OsvClient {
  return createOsvClient({ api: settings.osvApi, ...(debug === undefined ? {} : { debug }) });
}
