/**
 * The `/basepin` command language (pure core): parsing a comment into commands, and the help text.
 */
export * from './help.ts';
export * from './parse.ts';
