import { displayId, type VulnerabilityReport } from './report.ts';
import type { VulnerabilityPolicy } from './settings/index.ts';

/** Why an update is held back by `vulnerability-policy`. */
export interface VulnerabilityHold {
  readonly kind: 'vulnerability-introduced';
  /** The ids introduced, as shown (the CVE where there is one). */
  readonly ids: readonly string[];
  /** One line for the job summary and the dashboard. */
  readonly reason: string;
}

/**
 * `report` never holds; `hold-introduced` holds an update whose new digest has a known vulnerability the
 * old one did not. Unavailable data never holds: OSV being down must not stop updates. Pure.
 */
export function vulnerabilityHoldBack(
  policy: VulnerabilityPolicy,
  report: VulnerabilityReport | undefined,
): VulnerabilityHold | undefined {
  if (policy !== 'hold-introduced' || report?.status !== 'known' || report.introduced.length === 0) {
    return undefined;
  }
  const ids = [...new Set(report.introduced.map(displayId))];
  const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
  return {
    kind: 'vulnerability-introduced',
    ids,
    reason: `the new digest introduces known ${ids.length === 1 ? 'vulnerability' : 'vulnerabilities'} ${shown} (vulnerability-policy: hold-introduced)`,
  };
}
