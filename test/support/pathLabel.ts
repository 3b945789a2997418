/**
 * The field index's path notation, written independently of the generator:
 * `a.b`, `a.b[]` (list item), `a.b.*` (map value), `a["x.y"]` (a key that is
 * not a plain identifier, as a JSON string).
 */
export type PathPart = {kind: 'key'; key: string} | {kind: 'item'} | {kind: 'map'};

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function appendKey(path: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path ? `${path}.${key}` : key;
}

export function appendItem(path: string): string {
  return `${path}[]`;
}

export function appendMap(path: string): string {
  return path ? `${path}.*` : '*';
}

/** Splits a path label back into its parts. */
export function parsePathLabel(label: string): PathPart[] {
  const parts: PathPart[] = [];
  let rest = label;
  let first = true;
  while (rest) {
    if (rest.startsWith('[]')) {
      parts.push({kind: 'item'});
      rest = rest.slice(2);
    } else if (rest.startsWith('["')) {
      // A JSON string literal up to the first unescaped quote.
      const match = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
      if (!match) throw new Error(`bad path label ${label}`);
      parts.push({kind: 'key', key: JSON.parse(`"${match[1]}"`) as string});
      rest = rest.slice(match[0].length);
    } else {
      if (!first) {
        if (!rest.startsWith('.')) throw new Error(`bad path label ${label}`);
        rest = rest.slice(1);
      }
      const match = /^(\*|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
      if (!match) throw new Error(`bad path label ${label}`);
      parts.push(match[1] === '*' ? {kind: 'map'} : {kind: 'key', key: match[1]});
      rest = rest.slice(match[0].length);
    }
    first = false;
  }
  return parts;
}

/** The object keys of a path with only keys, or undefined if it goes through a list item or map value. */
export function keysOnly(label: string): string[] | undefined {
  const parts = parsePathLabel(label);
  return parts.every((part) => part.kind === 'key') ? parts.map((part) => (part as {key: string}).key) : undefined;
}

export function formatPathLabel(parts: readonly PathPart[]): string {
  return parts.reduce((label, part) => (part.kind === 'key' ? appendKey(label, part.key) : part.kind === 'item' ? appendItem(label) : appendMap(label)), '');
}

/** The path of the field holding this one, or undefined for a top-level key. */
export function parentPath(label: string): string | undefined {
  const parts = parsePathLabel(label);
  return parts.length > 1 ? formatPathLabel(parts.slice(0, -1)) : undefined;
}
