import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { lexDockerfile } from '../../src/dockerfile/lex.ts';
import { fixtureNames, fixtureText } from './fixtures.ts';

/** A second opinion on instruction boundaries (continuations, comments, heredocs, escape). */
describe('lexDockerfile agrees with dockerfile-ast on the fixtures', () => {
  it.each(fixtureNames)('%s', (name) => {
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
});
