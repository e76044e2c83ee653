/**
 * The dashboard's body (pure core): its hidden state (ignore rules, the list it showed) and its markdown.
 */
export * from './render.ts';
export * from './state.ts';
