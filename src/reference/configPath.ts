/**
 * The config-path grammar and the anchor rule: the one place that knows how a
 * field's place in `vcluster.yaml` is written. Browser-safe (no imports): the
 * generator, the remark plugins, the search box and the config checker all use it.
 *
 * A path is a list of segments. Object keys are `property` segments; the
 * values of a list and of a map are segments of their own, so fields inside
 * them have a path, an anchor and a partial too.
 *
 * Written form (canonical, what the reference prints):
 *   controlPlane.distro.k8s.env[].name        `[]`: each item of a list
 *   sync.toHost.customResources.*.enabled     `*`: each value of a map
 *   labels["app.kubernetes.io/name"]          keys that are not identifiers, quoted as JSON
 *
 * Readers write more (parsed leniently by `parsePath`): `env[0]` for an item,
 * `plugins.my-plugin.image` for a map key, `['a.b']` with single quotes.
 */

export type Segment = {kind: 'property'; key: string} | {kind: 'item'} | {kind: 'map'; pattern?: string; index?: number};

/** How a list item and a map value are written in a path. */
export const ITEM_LABEL = '[]';
export const MAP_LABEL = '*';

/** Keys written bare in a canonical path; anything else is quoted. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/u;

export const property = (key: string): Segment => ({kind: 'property', key});
export const item: Segment = {kind: 'item'};
export const mapValue: Segment = {kind: 'map'};

/**
 * The canonical written path of segments (`controlPlane.distro.k8s.env[].name`).
 * Numbers stand for a concrete list index, as in a validator's instance path
 * (`env[0].name`).
 */
export function formatPath(segments: ReadonlyArray<Segment | number>): string {
  let label = '';
  for (const segment of segments) {
    if (typeof segment === 'number') label += `[${segment}]`;
    else if (segment.kind === 'item') label += ITEM_LABEL;
    else if (segment.kind === 'map') label += label ? `.${MAP_LABEL}` : MAP_LABEL;
    else if (PLAIN_KEY.test(segment.key)) label += label ? `.${segment.key}` : segment.key;
    else label += `[${JSON.stringify(segment.key)}]`;
  }
  return label;
}

/** A concrete instance path (keys and list indexes, as data has them) written as a path; `(top level)` when empty. */
export function formatInstancePath(keys: ReadonlyArray<string | number>): string {
  return formatPath(keys.map((key) => (typeof key === 'number' ? key : property(key)))) || '(top level)';
}

/** The instance path of a child: `path` (`''` at the top level) with one key or list index more, as {@link formatInstancePath} writes it. */
export function appendInstanceKey(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (PLAIN_KEY.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/**
 * A path as readers write it, as segments: keys, `[]` or `[0]` for a list
 * item, `*` for a map value, `["a.b"]` or `['a.b']` for a quoted key (a quoted
 * `"*"` is the key `*`). An unclosed `[` is read as part of a key.
 */
export function parsePath(text: string): Segment[] {
  const segments: Segment[] = [];
  let key = '';
  const flush = (): void => {
    if (key) segments.push(key === MAP_LABEL ? mapValue : property(key));
    key = '';
  };
  for (let i = 0; i < text.length; ) {
    const char = text[i];
    if (char === '.') {
      flush();
      i++;
      continue;
    }
    if (char !== '[') {
      key += char;
      i++;
      continue;
    }
    flush();
    const close = closingBracket(text, i);
    if (close < 0) {
      key += text.slice(i);
      break;
    }
    const inner = text.slice(i + 1, close).trim();
    if (inner === '' || /^\d+$/u.test(inner)) segments.push(item);
    else if (/^"(?:[^"\\]|\\.)*"$/u.test(inner)) segments.push(property(JSON.parse(inner) as string));
    else if (/^'(?:[^'\\]|\\.)*'$/u.test(inner)) segments.push(property(inner.slice(1, -1)));
    else segments.push(inner === MAP_LABEL ? mapValue : property(inner));
    i = close + 1;
  }
  flush();
  return segments;
}

/** The `]` closing the bracket at `open`, skipping one quoted string inside it. */
function closingBracket(text: string, open: number): number {
  const quote = text[open + 1];
  if (quote === '"' || quote === "'") {
    for (let i = open + 2; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === quote) return text.indexOf(']', i + 1);
    }
  }
  return text.indexOf(']', open);
}

/** A written path split into its parent's path and the suffix that extends it (`.enabled`, `[]`, `.*`, `["x.y"]`); undefined at the top level. */
export function splitParent(path: string): {parent: string; suffix: string} | undefined {
  const segments = parsePath(path);
  if (segments.length < 2) return undefined;
  const parent = formatPath(segments.slice(0, -1));
  const whole = formatPath(segments);
  // Only canonical paths split this way; anything else has no parent to point at.
  if (whole !== path || !path.startsWith(parent)) return undefined;
  return {parent, suffix: path.slice(parent.length)};
}

/** The parent field's path, or undefined for a top-level field. */
export function parentPath(path: string): string | undefined {
  return splitParent(path)?.parent;
}

/** The last key of a path: `a.b` → `b`, `a[]` → `[]`, `a.*` → `*`, `a["x.y"]` → `x.y`. */
export function lastKey(path: string): string {
  const last = parsePath(path).at(-1);
  if (!last) return path;
  return last.kind === 'property' ? last.key : last.kind === 'item' ? ITEM_LABEL : MAP_LABEL;
}

/**
 * A path reduced to what a loose match compares: lowercase keys joined by
 * `.`, list items and map values dropped.
 * `controlPlane.distro.k8s.env[].name` → `controlplane.distro.k8s.env.name`,
 * `labels["app.kubernetes.io/name"]` → `labels.app.kubernetes.io/name`,
 * `controlPlane.distro.` → `controlplane.distro.`.
 */
export function loosePath(path: string): string {
  const text = path.trim().toLowerCase();
  const keys = parsePath(text)
    .flatMap((segment) => (segment.kind === 'property' ? [segment.key.trim()] : []))
    .filter(Boolean);
  // A trailing dot, as typed in a search box, asks for what is below the path.
  return keys.join('.') + (keys.length && text.endsWith('.') ? '.' : '');
}

// ---- anchors ----

/**
 * One anchor segment. Letters, digits, `_` and `.` stay as they are; any other
 * character (including `-`, the separator) becomes `~` and its code point in
 * hex, so distinct keys never share an anchor segment. A list item is `items`;
 * a map value is `key` (`key2`, `key3`… for a map's further patterns).
 */
export function anchorSegment(segment: Segment): string {
  if (segment.kind === 'item') return 'items';
  if (segment.kind === 'map') return !segment.index ? 'key' : `key${segment.index + 1}`;
  return segment.key.replace(/[^A-Za-z0-9_.]/gu, (char) => `~${char.codePointAt(0)!.toString(16)}`) || '~';
}

/**
 * A field's anchor: its segments joined by `-`, e.g.
 * `controlPlane-backingStore-etcd-embedded-enabled`,
 * `controlPlane-distro-k8s-env-items-name` for list items and
 * `sync-toHost-customResources-key-enabled` for map values.
 * Within one chart the generator makes anchors unique with a `~2` suffix
 * (see `uniqueAnchor`), so the field index records each field's anchor.
 */
export function anchorFor(segments: readonly Segment[]): string {
  return segments.map(anchorSegment).join('-');
}

/** The anchor of a written path, by the same rule; the index's own `anchor` wins where a clash suffix or a map's further pattern applies. */
export function anchorOfPath(path: string): string {
  return anchorFor(parsePath(path));
}

/**
 * The segments an anchor was made from, as far as the anchor tells: `items`
 * is a list item, `key`/`key2`… a map value, `~hex` escapes are decoded and a
 * clash suffix (`~2`) is dropped. For reading anchors typed as search queries.
 */
export function parseAnchor(anchor: string): Segment[] {
  return anchor
    .replace(/~\d+$/u, '')
    .split('-')
    .filter(Boolean)
    .map((part) => {
      if (part === 'items') return item;
      const map = /^key(\d*)$/u.exec(part);
      if (map) return map[1] ? {kind: 'map', index: Number(map[1]) - 1} : mapValue;
      // Best effort: an escape followed by a hex letter of the key reads as one longer escape.
      return property(part.replace(/~([0-9a-f]{1,6})/giu, (escape, hex: string) => (parseInt(hex, 16) <= 0x10ffff ? String.fromCodePoint(parseInt(hex, 16)) : escape)));
    });
}

/** The anchor kept unique among those `taken`: `a`, then `a~2`, `a~3`… */
export function uniqueAnchor(anchor: string, taken: Set<string>): string {
  let candidate = anchor;
  for (let n = 2; taken.has(candidate); n++) candidate = `${anchor}~${n}`;
  taken.add(candidate);
  return candidate;
}
