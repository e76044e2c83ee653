/**
 * A unified diff (`diff -u` / `git apply` format) of two texts. Pins edit
 * inside lines and never add or remove one, so lines pair up by number; if
 * the counts ever differ the whole file is one hunk, still correct.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const header = `--- a/${file}\n+++ b/${file}\n`;
  if (a.length !== b.length) return header + hunk(a, b, 0, a.length, 0, b.length);

  const changed = a.map((line, i) => line !== b[i]);
  let out = header;
  let i = 0;
  while (i < a.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // Extend while the next change is within 2×context lines, so hunks merge like diff's do.
    for (let j = i; j < a.length && j <= end + 2 * context; j++) if (changed[j]) end = j;
    const stop = Math.min(a.length, end + 1 + context);
    out += hunk(a, b, start, stop, start, stop);
    i = stop;
  }
  return out;
}

function hunk(a: string[], b: string[], aStart: number, aEnd: number, bStart: number, bEnd: number): string {
  const range = (start: number, count: number) => `${count === 0 ? start : start + 1},${count}`;
  let out = `@@ -${range(aStart, aEnd - aStart)} +${range(bStart, bEnd - bStart)} @@\n`;
  if (a.length === b.length) {
    for (let k = aStart; k < aEnd; k++) {
      out += a[k] === b[k] ? line(' ', a[k]!) : line('-', a[k]!) + line('+', b[k]!);
    }
    return out;
  }
  for (let k = aStart; k < aEnd; k++) out += line('-', a[k]!);
  for (let k = bStart; k < bEnd; k++) out += line('+', b[k]!);
  return out;
}

/** Lines keep their terminator so CRLF survives; a last line without one is marked as diff does. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function line(prefix: string, text: string): string {
  return text.endsWith('\n') ? prefix + text : `${prefix}${text}\n\\ No newline at end of file\n`;
}
