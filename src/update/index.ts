/**
 * The shared update model every use case speaks: an `Update` (a pinnable site and the digest it
 * resolved to) and how it is applied to a file's text; what a plan reports (`PinReport`: updates,
 * unchanged, skipped, failures, changed files); each failure's stable code (`--json`, action
 * outputs, README).
 */
export * from './apply-updates.ts';
export * from './failure.ts';
export * from './pin-report.ts';
export * from './update.ts';
export * from './display-name.ts';
export * from './hold-reason.ts';
