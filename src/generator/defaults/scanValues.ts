/**
 * Where the keys and comments of a values.yaml text are: character ranges
 * in the text as it is, so the default-values page can show the chart's own
 * file, unchanged, with its keys as links.
 */
import {CST, Lexer, isMap, isScalar, isSeq, parseDocument} from 'yaml';
import {item, property, type Segment} from '../../reference/configPath';

export interface ValuesKey {
  /** [start, end) of the key's text (without its anchor or tag). */
  start: number;
  end: number;
  /** Its place in the file as path segments (list items as `item`); undefined when a key on the way is no scalar (an alias, a flow map as key). */
  segments?: Segment[];
}

export interface ValuesScan {
  keys: ValuesKey[];
  /** [start, end) of each comment, `#` included. */
  comments: Array<[number, number]>;
}

// The lexer's marks that are not text of the source (yaml's cst.ts: DOCUMENT, FLOW_END, SCALAR).
const SCALAR_MARK = CST.SCALAR;
const NOT_SOURCE = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** Comments, from yaml's lexer: a token starting with `#` is one, unless it is the content of a scalar (a block scalar's line). */
function findComments(text: string): Array<[number, number]> | undefined {
  const comments: Array<[number, number]> = [];
  let offset = 0;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    if (CST.tokenType(token) === 'comment' && previous !== SCALAR_MARK) comments.push([offset, offset + token.length]);
    if (!NOT_SOURCE.has(token)) offset += token.length;
    previous = token;
  }
  // The tokens are the source, marks aside: anything else and the offsets cannot be trusted.
  return offset === text.length ? comments : undefined;
}

/** Every key of the file in order, with its place, and every comment. */
export function scanValues(text: string): ValuesScan {
  const document = parseDocument(text, {uniqueKeys: false});
  const keys: ValuesKey[] = [];
  const visit = (node: unknown, segments: Segment[] | undefined): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key;
        const below = segments && isScalar(key) ? [...segments, property(String(key.value))] : undefined;
        if (isScalar(key)) {
          const [start, end] = key.range ?? [0, 0];
          // An empty key (`: value`) has no text to show as a link.
          if (end > start) keys.push({start, end, ...(below ? {segments: below} : {})});
        } else {
          // A key that is a collection holds keys of its own, placed nowhere in the config.
          visit(key, undefined);
        }
        visit(pair.value, below);
      }
    } else if (isSeq(node)) {
      for (const entry of node.items) visit(entry, segments && [...segments, item]);
    }
  };
  visit(document.contents, []);
  return {keys: keys.sort((a, b) => a.start - b.start), comments: findComments(text) ?? []};
}
