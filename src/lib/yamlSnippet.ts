import {parsePath, type Segment} from '../reference/configPath';

const PLAIN_YAML_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Plain words YAML 1.1 readers (Helm's) take for booleans or null: quoted as keys. */
const YAML_WORDS = /^(true|false|null|yes|no|on|off|y|n)$/i;

/**
 * A key as it must be written in YAML: `enabled` as is, anything else as a
 * double-quoted scalar (JSON's string syntax is YAML's double-quoted one).
 */
export function yamlKey(key: string): string {
  return PLAIN_YAML_KEY.test(key) && !YAML_WORDS.test(key) ? key : JSON.stringify(key);
}

/** The printable keys of segments: `-` for a list item, `<key>` for a map key. */
export function yamlKeysOf(segments: readonly Segment[]): string[] {
  return segments.map((segment) => (segment.kind === 'item' ? '-' : segment.kind === 'map' ? '<key>' : yamlKey(segment.key)));
}

/** The printable keys from the root to the field at `path` (a canonical config path). */
export function yamlKeysOfPath(path: string): string[] {
  return yamlKeysOf(parsePath(path));
}

/**
 * Builds a `vcluster.yaml` snippet that sets one field: its keys from the
 * root, nested, with the default as the value. `yamlKeys` are printable YAML
 * keys (already quoted where needed), `-` standing for a list item.
 *
 *   yamlSnippet(['controlPlane', 'proxy', 'bindAddress'], '0.0.0.0')
 *   // controlPlane:\n  proxy:\n    bindAddress: 0.0.0.0\n
 */
export function yamlSnippet(yamlKeys: readonly string[], valueYaml: string | undefined): string {
  const lines: string[] = [];
  let indent = 0;
  // List items open on the line of the key they hold: `- - name:`.
  let dashes = '';
  yamlKeys.forEach((key, index) => {
    const last = index === yamlKeys.length - 1;
    if (key === '-' && !last) {
      dashes += '- ';
      return;
    }
    const head = `${' '.repeat(indent)}${dashes}${key === '-' ? '-' : `${key}:`}`;
    const column = indent + dashes.length;
    dashes = '';
    if (last) lines.push(...valueLines(head, ' '.repeat(column + 2), valueYaml));
    else {
      lines.push(head);
      indent = column + 2;
    }
  });
  return `${lines.join('\n')}\n`;
}

/** A one-line scalar or flow value goes after the key; a block map or list goes below it, indented. */
function valueLines(head: string, indent: string, valueYaml: string | undefined): string[] {
  const value = (valueYaml ?? '').replace(/\n+$/, '');
  if (value === '') return [head];
  const [first, ...rest] = value.split('\n');
  const indented = (lines: string[]) => lines.map((line) => (line ? indent + line : line));
  // A block scalar (`|-`, `>`) keeps its indicator on the key's line.
  if (/^[|>]/.test(first)) return [`${head} ${first}`, ...indented(rest)];
  // A one-line map: `key: value`, where only the key's first character tells it from a quoted or flow value (`"1": x`, `a"b: x`).
  const isBlock = rest.length > 0 || /^[-?] |^[^"'{[].*?: |^"(?:[^"\\]|\\.)*": |^'(?:[^']|'')*': /.test(first);
  if (!isBlock) return [`${head} ${first}`];
  return [head, ...indented([first, ...rest])];
}
