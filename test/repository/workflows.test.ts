import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The repository's own workflows follow the rules its README gives users:
// third-party actions pinned by commit SHA with the version beside it, and no
// `${{ }}` expression pasted into a shell script (pass values through env:).

const workflowDir = resolve(import.meta.dirname, '../../.github/workflows');
const workflows = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  readonly uses?: string;
  readonly run?: string;
}

function steps(file: string): Step[] {
  const workflow = parse(readFileSync(join(workflowDir, file), 'utf8')) as {
    jobs: Record<string, { steps?: Step[] }>;
  };
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

describe('the repository workflows', () => {
  it('exist', () => {
    expect(workflows).toEqual(
      expect.arrayContaining(['ci.yml', 'codeql.yml', 'release.yml', 'self-test.yml']),
    );
  });

  it.each(workflows)(
    '%s pins every third-party action by commit SHA with its version in a comment',
    (file) => {
      const lines = readFileSync(join(workflowDir, file), 'utf8').split('\n');
      const uses = lines.filter((line) => /^\s*(-\s+)?uses:/.test(line));
      expect(uses.length).toBeGreaterThan(0);
      for (const line of uses) {
        const [, target = ''] = /uses:\s*(\S+)/.exec(line) ?? [];
        if (target.startsWith('./')) continue;
        expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
      }
    },
  );

  it.each(workflows)('%s passes values to run: steps through env:, not ${{ }}', (file) => {
    const scripts = steps(file).flatMap((step) => (step.run ? [step.run] : []));
    for (const script of scripts) expect(script).not.toContain('${{');
  });
});
