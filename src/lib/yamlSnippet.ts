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
