/** How extraction reads a Dockerfile; its own module so the site builders and extraction share it without a cycle. */
export interface ExtractOptions {
  /**
   * Pin `FROM $REPO:tag` (the whole repository from a global ARG default, the
   * tag literal) in the FROM line. Default true: a build-arg naming another
   * repository then fails loudly on the digest instead of silently building.
   */
  readonly pinArgRepositories?: boolean;
}
