/**
 * What the entries build before a run: the registry client from the run's settings, the GitHub
 * writes wrapped by the redactor, the outbound network's guarded dispatcher, the action's inputs
 * read as settings. Entry layer: only src/action.ts, src/cli.ts and src/cli/ import it.
 */
export * from './action-settings.ts';
export * from './proxy.ts';
export * from './redacted-github.ts';
export * from './osv-client.ts';
export * from './registry-client.ts';
export * from './signature-trust.ts';
