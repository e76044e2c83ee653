/** The repository as named on a mirror or alias with a path prefix: `dockerhub-proxy` + `library/alpine`. */
export function prefixed(prefix: string, repository: string): string {
  return prefix === '' ? repository : `${prefix}/${repository}`;
}
