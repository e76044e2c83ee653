/**
 * Why an update is not proposed. Every reason passes the one hold-back step (src/hold-back/) or, for
 * excluded images, the site policy before resolution (no registry is asked about an excluded image);
 * reports, the job summary and the dashboard show its message as the site's reason.
 */
export type HoldCode =
  | 'excluded'
  | 'ignored'
  | 'unchanged-platforms'
  | 'minimum-age'
  | 'signature-policy'
  | 'vulnerability-introduced';

export interface HoldReason {
  /** Which rule held the update back: stable, for code that branches on it. */
  readonly code: HoldCode;
  /** What reports print after the site, in the user's words. */
  readonly message: string;
}

/** `exclude-images`: the one reason decided before resolution (src/pin/policy.ts). */
export function excludedImage(pattern: string): HoldReason {
  return { code: 'excluded', message: `excluded by exclude-images (${pattern})` };
}
