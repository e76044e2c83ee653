import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { lexDockerfile } from '../../src/dockerfile/lex.ts';
import { fixtureNames, fixtureText } from './fixtures.ts';

/**
 * Where dockerfile-ast reads a file differently from BuildKit; buildkit-record.test.ts
 * checks these against BuildKit's own parser instead.
 */
const buildkitDiffers: Record<string, string> = {
  'heredoc-quoted-marker.Dockerfile': 'dockerfile-ast opens a heredoc for a quoted "a <<EOF"',
  'heredoc-word-forms.Dockerfile': 'dockerfile-ast does not open `<< SPACED` nor `<<\\ESCAPED`',
  'syntax-empty.Dockerfile': 'dockerfile-ast still reads `# escape=` after the non-directive `# syntax=`',
};

/** A second opinion on instruction boundaries (continuations, comments, heredocs, escape). */
describe('lexDockerfile agrees with dockerfile-ast on the fixtures', () => {
  it.each(fixtureNames.filter((name) => !(name in buildkitDiffers)))('%s', (name) => {
    const text = fixtureText(name);
    const theirs = DockerfileParser.parse(text)
      .getInstructions()
      .map((instruction) => [instruction.getKeyword().toUpperCase(), instruction.getRange().start.line + 1]);
    const ours = lexDockerfile(text).instructions.map((instruction) => [
      instruction.keyword,
      instruction.line,
    ]);
    expect(ours).toEqual(theirs);
  });

  it.each(Object.keys(buildkitDiffers))('%s differs from dockerfile-ast as BuildKit does', (name) => {
    const text = fixtureText(name);
    const theirs = DockerfileParser.parse(text).getInstructions().length;
    expect(lexDockerfile(text).instructions.length).not.toBe(theirs);
  });
});
