/** 1-based line and column of UTF-16 offsets into a text. */
export interface Lines {
  position(offset: number): { readonly line: number; readonly column: number };
  line(offset: number): number;
}

/** Offsets to 1-based lines and columns, for site lines and parse-error positions. */
export class LineIndex implements Lines {
  readonly #text: string;
  #starts: number[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** 1-based line and column of a UTF-16 offset. */
  position(offset: number): { readonly line: number; readonly column: number } {
    const starts = this.#lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }

  line(offset: number): number {
    return this.position(offset).line;
  }

  /** The lines of a part of the text that starts at `base`: offsets into the part, lines of the whole. */
  shifted(base: number): Lines {
    return {
      position: (offset) => this.position(base + offset),
      line: (offset) => this.line(base + offset),
    };
  }

  #lineStarts(): number[] {
    if (this.#starts) return this.#starts;
    const starts = [0];
    const text = this.#text;
    for (let index = 0; index < text.length; index++) {
      const char = text.charCodeAt(index);
      // CR LF is one line break; a lone CR is one too, as YAML reads it.
      if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1);
    }
    this.#starts = starts;
    return starts;
  }
}
