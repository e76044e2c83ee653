/**
 * Why `name` breaks git's ref rules, or undefined when it is a valid branch name.
 * https://git-scm.com/docs/git-check-ref-format
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '' || name === '@') return 'it is empty or "@"';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
    return 'it contains a space, control character or one of ~^:?*[\\';
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (name.includes('//') || name.startsWith('/') || name.endsWith('/'))
    return 'it has an empty path component';
  if (name.endsWith('.')) return 'it ends with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return `component ${JSON.stringify(component)} starts with "."`;
    if (component.endsWith('.lock')) return `component ${JSON.stringify(component)} ends with ".lock"`;
  }
  return undefined;
}
