/**
 * The organisation plan's resolution as a registry client: recorded from the registry in the plan job,
 * replayed from the file in each shard job, which then never contacts a registry.
 */
export { recordResolution, type RecordingClient } from './recording-client.ts';
export { notInResolutionCode, resolutionClient } from './replay-client.ts';
export { questionKey } from './question-key.ts';
export { maxResolutionBytes, readResolutionFile, writeResolutionFile } from './resolution-io.ts';
