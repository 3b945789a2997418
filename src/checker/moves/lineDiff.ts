/**
 * A line diff (Myers' O(ND) algorithm, common ends trimmed first) and the
 * unified-diff text of it. Browser-safe.
 */

export type DiffOp = 'same' | 'removed' | 'added';

export interface DiffLine {
  op: DiffOp;
  text: string;
  /** 1-based line in the old text (same, removed). */
  oldLine?: number;
  /** 1-based line in the new text (same, added). */
  newLine?: number;
}

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The edit script from `a` to `b` as [op, index in a or b] pairs, by Myers' greedy algorithm. */
function myers(a: readonly string[], b: readonly string[]): Array<['same' | 'removed' | 'added', number, number]> {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  const script: Array<['same' | 'removed' | 'added', number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const previous = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && previous[offset + k - 1] < previous[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = previous[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      script.push(['same', --x, --y]);
    }
    if (d > 0) {
      if (down) script.push(['added', x, --y]);
      else script.push(['removed', --x, y]);
    }
  }
  return script.reverse();
}

/**
 * Every line of `before` and `after`, each marked same, removed or added, in
 * order; `key` makes lines equal that differ in what it drops (the texts
 * reported are `before`'s for same lines).
 */
export function diffLines(before: string, after: string, key?: (line: string) => string): DiffLine[] {
  const [a, b] = key ? [splitLines(before).map(key), splitLines(after).map(key)] : [splitLines(before), splitLines(after)];
  const text = key ? {a: splitLines(before), b: splitLines(after)} : {a, b};
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const lines: DiffLine[] = [];
  for (let i = 0; i < start; i++) lines.push({op: 'same', text: text.a[i], oldLine: i + 1, newLine: i + 1});
  for (const [op, i, j] of myers(a.slice(start, endA), b.slice(start, endB))) {
    if (op === 'same') lines.push({op, text: text.a[start + i], oldLine: start + i + 1, newLine: start + j + 1});
    else if (op === 'removed') lines.push({op, text: text.a[start + i], oldLine: start + i + 1});
    else lines.push({op, text: text.b[start + j], newLine: start + j + 1});
  }
  for (let i = endA; i < a.length; i++) lines.push({op: 'same', text: text.a[i], oldLine: i + 1, newLine: endB + (i - endA) + 1});
  return lines;
}

/** The diff as unified-diff text with `context` lines around each change; empty when nothing changed. */
export function unifiedDiff(lines: readonly DiffLine[], names: {before: string; after: string}, context = 3): string {
  const changed = lines.map((line, i) => (line.op === 'same' ? -1 : i)).filter((i) => i >= 0);
  if (!changed.length) return '';
  const out = [`--- ${names.before}`, `+++ ${names.after}`];
  let i = 0;
  while (i < changed.length) {
    const first = Math.max(0, changed[i] - context);
    let last = Math.min(lines.length - 1, changed[i] + context);
    while (i + 1 < changed.length && changed[i + 1] - context <= last + 1) {
      i++;
      last = Math.min(lines.length - 1, changed[i] + context);
    }
    const hunk = lines.slice(first, last + 1);
    const oldLines = hunk.filter((line) => line.op !== 'added');
    const newLines = hunk.filter((line) => line.op !== 'removed');
    const oldStart = oldLines[0]?.oldLine ?? (lines.slice(0, first).filter((line) => line.op !== 'added').length);
    const newStart = newLines[0]?.newLine ?? (lines.slice(0, first).filter((line) => line.op !== 'removed').length);
    out.push(`@@ -${oldStart},${oldLines.length} +${newStart},${newLines.length} @@`);
    for (const line of hunk) out.push(`${line.op === 'same' ? ' ' : line.op === 'removed' ? '-' : '+'}${line.text}`);
    i++;
  }
  return `${out.join('\n')}\n`;
}
