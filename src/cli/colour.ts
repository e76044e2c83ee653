import { styleText } from 'node:util';

export type Style = 'green' | 'yellow' | 'red' | 'dim';
/** Styles a word of a report line; the identity when colour is off. */
export type Paint = (style: Style, text: string) => string;

export const plain: Paint = (_style, text) => text;

/**
 * Colour only on a terminal, as https://no-color.org and Node's FORCE_COLOR
 * agree: FORCE_COLOR (other than `0`/`false`) forces it, a non-empty NO_COLOR
 * or TERM=dumb turns it off. `--json` never gets colour (the caller's choice).
 */
export function wantsColour(env: Readonly<Record<string, string | undefined>>, isTerminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTerminal && env.TERM !== 'dumb';
}

/** The decision is made here, so styleText is told not to second-guess the stream. */
export function paintFor(colour: boolean): Paint {
  return colour ? (style, text) => styleText(style, text, { validateStream: false }) : plain;
}
