/** lex.go `wordsStruct`: splits processed text into words at unquoted white space. */
import { isGoSpace } from './shell-space.ts';

export class Words {
  private buffer = '';
  private inWord = false;
  readonly words: string[] = [];

  addChar(char: string): void {
    if (isGoSpace(char)) {
      if (this.inWord && this.buffer !== '') {
        this.words.push(this.buffer);
        this.buffer = '';
        this.inWord = false;
      }
    } else this.addRaw(char);
  }

  addString(text: string): void {
    for (const char of text) this.addChar(char);
  }

  addRaw(text: string): void {
    this.buffer += text;
    this.inWord = true;
  }

  finish(): string[] {
    if (this.buffer !== '') this.words.push(this.buffer);
    this.buffer = '';
    return this.words;
  }
}
