/**
 * Dockerfile bytes to text and back. Decoding then encoding an unedited
 * text gives the same bytes for any input, so a rewrite touches only the
 * ranges it edits.
 */
export type TextEncoding = 'utf-8' | 'latin1';

export interface DecodedFile {
  /** The decoded text; a UTF-8 BOM stays in it as U+FEFF. Ranges are UTF-16 offsets into it. */
  readonly text: string;
  /** `latin1` when the bytes are not valid UTF-8: each byte is one character 0–255. */
  readonly encoding: TextEncoding;
}

/** Edited text holds a character the file's encoding cannot store. */
export class UnencodableTextError extends Error {
  override readonly name = 'UnencodableTextError';
  readonly encoding: TextEncoding;
  /** UTF-16 offset of the first character that cannot be encoded. */
  readonly offset: number;

  constructor(encoding: TextEncoding, offset: number, char: string) {
    const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '?';
    super(`cannot encode U+${code} at offset ${offset} in a ${encoding} file`);
    this.encoding = encoding;
    this.offset = offset;
  }
}

// `fatal` refuses invalid UTF-8 (overlong forms, encoded surrogates, truncation), so what it
// accepts re-encodes to the same bytes; `ignoreBOM` keeps a BOM as U+FEFF instead of dropping it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

export function decodeDockerfile(bytes: Uint8Array): DecodedFile {
  let text: string | undefined;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined) return { text, encoding: 'utf-8' };
  // TextDecoder's 'latin1' is windows-1252, which does not round-trip 0x80–0x9F; Buffer's is ISO-8859-1.
  return { text: Buffer.from(bytes).toString('latin1'), encoding: 'latin1' };
}

/** Encodes text in the given encoding; throws `UnencodableTextError` for characters it cannot hold. */
export function encodeDockerfile(text: string, encoding: TextEncoding): Uint8Array {
  return encoding === 'utf-8' ? encodeUtf8(text) : encodeLatin1(text);
}

function encodeUtf8(text: string): Uint8Array {
  const lone = /\p{Surrogate}/u.exec(text);
  if (lone) throw new UnencodableTextError('utf-8', lone.index, lone[0]);
  return utf8Encoder.encode(text);
}

function encodeLatin1(text: string): Uint8Array {
  const wide = /[\u0100-\u{10ffff}]/u;
  const match = wide.exec(text);
  if (match) throw new UnencodableTextError('latin1', match.index, match[0]);
  return new Uint8Array(Buffer.from(text, 'latin1'));
}
