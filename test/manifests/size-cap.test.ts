import { describe, expect, it } from 'vitest';
import { extractSites } from '../../src/manifests/index.ts';

const pod = (i: number) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.${i % 30}\n---\n`;
const stream = (over: number, make: (i: number) => string) => {
  let text = '';
  for (let i = 0; text.length <= over; i++) text += make(i);
  return text;
};

describe('the YAML size cap', () => {
  it('a file with over 1 MB of YAML to parse is one warning, no sites', () => {
    const result = extractSites('kubernetes', 'big.yaml', stream(1_000_000, pod));
    expect(result.sites).toEqual([]);
    expect(result.problem).toEqual({
      file: 'big.yaml',
      line: 1,
      column: 1,
      reason: expect.stringMatching(
        /^not read: 1\.0 MB of YAML to parse, over basepin's limit of 1 MB a file/,
      ),
    });
    const values = `image:\n  repository: a\n  tag: "1"\n  digest: ""\n${'# padding line\n'.repeat(70_000)}`;
    expect(extractSites('helm-values', 'values.yaml', values).problem?.reason).toMatch(/^not read: /);
  });

  it('only the documents that may name images count: a large stream of other kinds is read', () => {
    const config = (i: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c-${i}\ndata:\n  image: x\n---\n`;
    const text = stream(1_000_000, config) + pod(1);
    const result = extractSites('kubernetes', 'mixed.yaml', text);
    expect(result.problem).toBeUndefined();
    expect(result.sites.map((site) => site.written)).toEqual(['nginx:1.1']);
  });
});
