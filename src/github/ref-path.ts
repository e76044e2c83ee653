/**
 * A ref as GitHub's REST URLs spell it, `heads/basepin/alpine`: slashes kept,
 * each segment percent-encoded. Octokit's `{ref}` parameter escapes the slashes
 * (`heads%2Fbasepin%2Falpine`), which logs and annotations then show encoded
 * twice; routes take it as `{+ref}` (reserved expansion) instead.
 * https://docs.github.com/en/rest/git/refs#get-a-reference
 */
export function refPath(ref: string): string {
  return ref.split('/').map(encodeURIComponent).join('/');
}
