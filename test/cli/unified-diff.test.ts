import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cli/unified-diff.ts';

describe('unifiedDiff', () => {
  it('is empty for identical texts', () => {
    expect(unifiedDiff('Dockerfile', 'FROM a\n', 'FROM a\n')).toBe('');
  });

  it('shows a changed line with three lines of context and exact ranges', () => {
    const before = ['1', '2', '3', '4', 'FROM alpine:3.20', '6', '7', '8', '9'].join('\n') + '\n';
    const after = before.replace('alpine:3.20', 'alpine:3.20@sha256:abc');
    expect(unifiedDiff('x/Dockerfile', before, after)).toBe(
      [
        '--- a/x/Dockerfile',
        '+++ b/x/Dockerfile',
        '@@ -2,7 +2,7 @@',
        ' 2',
        ' 3',
        ' 4',
        '-FROM alpine:3.20',
        '+FROM alpine:3.20@sha256:abc',
        ' 6',
        ' 7',
        ' 8',
        '',
      ].join('\n'),
    );
  });

  it('merges nearby changes into one hunk and keeps far ones apart', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const changed = [...lines];
    changed[2] = 'changed 3';
    changed[6] = 'changed 7';
    changed[25] = 'changed 26';
    const diff = unifiedDiff('D', lines.join('\n') + '\n', changed.join('\n') + '\n');
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,10 +1,10 @@', '@@ -23,7 +23,7 @@']);
  });

  it('marks a last line without a newline and keeps CRLF', () => {
    const diff = unifiedDiff('D', 'FROM a\r\nFROM b', 'FROM a\r\nFROM b@sha256:1');
    expect(diff).toContain(' FROM a\r\n');
    expect(diff).toContain(
      '-FROM b\n\\ No newline at end of file\n+FROM b@sha256:1\n\\ No newline at end of file\n',
    );
  });
});
