/**
 * The plan pipeline's public shapes: the updates, notes and failures of a plan as `--json` and the
 * action's outputs print them (key order is the contract).
 */
export * from './report-json.ts';
export * from './plan-run.ts';
