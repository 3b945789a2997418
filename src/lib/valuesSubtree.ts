/**
 * A field's value in a release's values.yaml, comments and all: what Copy
 * YAML gives for a field with fields of its own (`controlPlane.ingress`),
 * so the reader starts from the chart's defaults instead of `{}`. The file
 * (the version's published copy) and the YAML parser load on the first copy
 * of an object, never with the page. Browser code.
 */
import {parsePath} from '../reference/configPath';

const files = new Map<string, Promise<string>>();

function fetchText(url: string): Promise<string> {
  let text = files.get(url);
  if (!text) {
    text = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.text();
    });
    text.catch(() => files.delete(url));
    files.set(url, text);
  }
  return text;
}

/**
 * The YAML of the value at `path` (a canonical config path) in the values
 * file at `url`, as the file writes it, its comments kept; undefined when the
 * file sets nothing there, or only an empty map or list, or the path goes
 * through a list item or map value (which the file cannot name).
 */
export async function valuesAt(url: string, path: string): Promise<string | undefined> {
  const segments = parsePath(path);
  if (segments.some((segment) => segment.kind !== 'property')) return undefined;
  const [text, {Document, isCollection, parseDocument}] = await Promise.all([fetchText(url), import('yaml')]);
  const node: unknown = parseDocument(text).getIn(
    segments.map((segment) => (segment as {kind: 'property'; key: string}).key),
    true,
  );
  if (!isCollection(node) || !node.items.length) return undefined;
  const subtree = new Document();
  subtree.contents = node;
  return subtree.toString({lineWidth: 0});
}
