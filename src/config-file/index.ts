/**
 * The config file (`.github/basepin.yml`) read from disk: an adapter. Parsing its text is the
 * core's (src/config/config-text.ts).
 */
export * from './load.ts';
