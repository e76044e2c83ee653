/** BuildKit refuses the text (an unmatched quote, `${}`, an unsupported modifier): the build fails. */
export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError';
  /** Set for `${NAME?message}` / `${NAME:?message}` with NAME unset: a build-arg is required. */
  readonly required: string | undefined;

  constructor(message: string, required?: string) {
    super(message);
    this.required = required;
  }
}
