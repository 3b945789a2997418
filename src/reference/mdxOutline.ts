/**
 * What the site needs to know of an MDX page without compiling it: its
 * top-level `import` specifiers and its fenced code blocks, read line by line
 * with fences tracked as CommonMark does (an import inside a fence is only an
 * example; a fence nested in a longer fence is content). The page map and the
 * opt-out listing read pages this way, many times per build, where the full
 * MDX parser would cost far more than the answer is worth.
 */

export interface FencedBlock {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  meta: string;
}

export interface MdxOutline {
  imports: string[];
  fences: FencedBlock[];
}

const FENCE = /^\s*(?:>\s*)*(`{3,}|~{3,})(.*)$/u;
const IMPORT_START = /^import[\s{*]/u;
const IMPORT_SOURCE = /\bfrom\s*(['"])([^'"]+)\1|^import\s*(['"])([^'"]+)\3/u;
/** How far an import statement may run over lines before it is given up. */
const MAX_IMPORT_LINES = 50;

export function outlineMdx(text: string): MdxOutline {
  const outline: MdxOutline = {imports: [], fences: []};
  const lines = text.split(/\r?\n/u);
  let open: {char: string; length: number} | undefined;
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (end > 0) start = end + 1;
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (open) {
      if (fence && fence[1][0] === open.char && fence[1].length >= open.length && fence[2].trim() === '') open = undefined;
      continue;
    }
    // A backtick fence's info string may not hold a backtick (that is inline code).
    if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
      open = {char: fence[1][0], length: fence[1].length};
      const info = fence[2].trim();
      const space = info.search(/\s/u);
      outline.fences.push({line: i + 1, lang: space < 0 ? info : info.slice(0, space), meta: space < 0 ? '' : info.slice(space + 1).trim()});
      continue;
    }
    if (!IMPORT_START.test(line)) continue;
    // An import statement may span lines: read on until its source string.
    let statement = line;
    let j = i;
    while (!IMPORT_SOURCE.test(statement) && j + 1 < lines.length && j - i < MAX_IMPORT_LINES) statement += `\n${lines[++j]}`;
    const match = IMPORT_SOURCE.exec(statement);
    if (match) outline.imports.push(match[2] ?? match[4]);
    i = j;
  }
  return outline;
}
