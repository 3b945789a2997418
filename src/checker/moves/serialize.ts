/**
 * Writing an edited document back as text that keeps the reader's own
 * formatting: the yaml package re-serialises a whole document in its own
 * style (quotes, flow maps, indentation), so the upgraded text is the
 * reader's text with only the regions that changed replaced by the
 * package's lines. Browser-safe.
 */
import {parseDocument, type Document} from 'yaml';
import {diffLines, splitLines} from './lineDiff';

export interface YamlStyle {
  indent: number;
  /** Block sequences indented below their key (`key:\n  - a`) rather than level with it. */
  indentSeq: boolean;
}

/** The indentation a text uses: the first nested key's indent, and whether list items sit below their key. */
export function yamlStyle(text: string): YamlStyle {
  const lines = splitLines(text).filter((line) => line.trim() && !line.trim().startsWith('#'));
  let indent = 2;
  let indentSeq = true;
  let seenIndent = false;
  let seenSeq = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    const key = /^(\s*)(?:- )?[^\s#][^:]*:\s*(#.*)?$/u.exec(lines[i]);
    if (!key) continue;
    const own = key[1].length + (lines[i].trimStart().startsWith('- ') ? 2 : 0);
    const next = /^(\s*)(- )?/u.exec(lines[i + 1])!;
    const depth = next[1].length - own;
    if (next[2] && !seenSeq) {
      indentSeq = depth > 0;
      seenSeq = true;
    } else if (!next[2] && depth > 0 && !seenIndent) {
      indent = depth;
      seenIndent = true;
    }
    if (seenIndent && seenSeq) break;
  }
  return {indent, indentSeq};
}

export function serialize(doc: Document, style: YamlStyle): string {
  return doc.toString({indent: style.indent, indentSeq: style.indentSeq, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false});
}

/**
 * `original` with the changes from `baseline` (the unedited document as the
 * package writes it) to `edited` carried over: each changed region replaces
 * the lines of `original` between the nearest unchanged lines that both
 * texts share. Undefined when the texts do not line up.
 */
export function patchText(original: string, baseline: string, edited: string): string | undefined {
  // The reader's lines and the package's version of them line up when they differ only in spaces (`a:  1  # x`, `[ a ]`).
  const loose = (line: string) => {
    const indent = /^\s*/u.exec(line)![0];
    return indent + line.slice(indent.length).replace(/\s+/gu, '');
  };
  const toOriginal = new Map<number, number>();
  for (const line of diffLines(original, baseline, loose)) if (line.op === 'same') toOriginal.set(line.newLine!, line.oldLine!);
  const changes = diffLines(baseline, edited);
  const originalLines = splitLines(original);
  const anchored = (index: number): boolean => index < 0 || index >= changes.length || (changes[index].op === 'same' && toOriginal.has(changes[index].oldLine!));
  const regions: Array<[number, number]> = [];
  for (let i = 0; i < changes.length; i++) {
    if (changes[i].op === 'same') continue;
    let [before, after] = [i - 1, i + 1];
    while (after < changes.length && changes[after].op !== 'same') after++;
    while (!anchored(before)) before--;
    while (!anchored(after)) after++;
    const last = regions.at(-1);
    if (last && before <= last[1]) last[1] = Math.max(last[1], after);
    else regions.push([before, after]);
    i = after - 1;
  }
  const out: string[] = [];
  let next = 1;
  for (const [before, after] of regions) {
    const fromOriginal = before < 0 ? 0 : toOriginal.get(changes[before].oldLine!)!;
    const toOriginalLine = after >= changes.length ? originalLines.length + 1 : toOriginal.get(changes[after].oldLine!)!;
    if (fromOriginal < next - 1 || toOriginalLine <= fromOriginal) return undefined;
    out.push(...originalLines.slice(next - 1, fromOriginal));
    for (const change of changes.slice(before + 1, after)) {
      if (change.op === 'removed') continue;
      if (change.op === 'added') out.push(change.text);
      // A line both serialisations share: the reader's own where it has one; a blank line only the package added goes.
      else if (toOriginal.has(change.oldLine!)) out.push(originalLines[toOriginal.get(change.oldLine!)! - 1]);
      else if (change.text.trim()) out.push(change.text);
    }
    next = toOriginalLine;
  }
  out.push(...originalLines.slice(next - 1));
  const text = out.join('\n');
  return out.length && (original.endsWith('\n') || !original) ? `${text}\n` : text;
}

/** The same data (key order aside, as YAML maps have none). */
export function sameData(a: string, b: string): boolean {
  const read = (text: string) => {
    const doc = parseDocument(text, {merge: true});
    return doc.errors.length ? undefined : JSON.stringify(sortKeys(doc.toJS({maxAliasCount: -1})));
  };
  const [left, right] = [read(a), read(b)];
  return left !== undefined && left === right;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value as object).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}
