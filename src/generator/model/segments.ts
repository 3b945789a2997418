/**
 * A field's place in `vcluster.yaml`, as a list of segments. Object keys are
 * `property` segments; the values of a list and of a map are segments of their
 * own, so that fields inside them have a path, an anchor and a partial too.
 */
export type Segment =
  | {kind: 'property'; key: string}
  | {kind: 'item'}
  | {kind: 'map'; pattern?: string; index: number};

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The dotted path readers see and type: `controlPlane.distro.k8s.env[].name`,
 * `sync.toHost.customResources.*.enabled`. Keys that are not plain
 * identifiers are quoted: `labels["app.kubernetes.io/name"]`.
 */
export function pathLabel(segments: readonly Segment[]): string {
  let label = '';
  for (const segment of segments) {
    if (segment.kind === 'item') label += '[]';
    else if (segment.kind === 'map') label += label ? `.*` : '*';
    else if (PLAIN_KEY.test(segment.key)) label += label ? `.${segment.key}` : segment.key;
    else label += `[${JSON.stringify(segment.key)}]`;
  }
  return label;
}

/**
 * One anchor segment. Letters, digits, `_` and `.` stay as they are; any other
 * character (including `-`, the separator) becomes `~` and its code point in
 * hex, so distinct keys never share an anchor segment.
 */
export function anchorSegment(segment: Segment): string {
  if (segment.kind === 'item') return 'items';
  if (segment.kind === 'map') return segment.index === 0 ? 'key' : `key${segment.index + 1}`;
  return segment.key.replace(/[^A-Za-z0-9_.]/gu, (char) => `~${char.codePointAt(0)!.toString(16)}`) || '~';
}

/**
 * A field's anchor: its segments joined by `-`, e.g.
 * `controlPlane-backingStore-etcd-embedded-enabled` (the form vCluster's own
 * reference uses), `controlPlane-distro-k8s-env-items-name` for list items and
 * `sync-toHost-customResources-key-enabled` for map values.
 */
export function anchorFor(segments: readonly Segment[]): string {
  return segments.map(anchorSegment).join('-');
}

/** Name shown for the field itself: its key, or a placeholder for list items and map values. */
export function displayName(segment: Segment): string {
  if (segment.kind === 'item') return '[] (each item)';
  if (segment.kind === 'map') return segment.pattern === undefined ? '<key>' : `<key matching ${segment.pattern}>`;
  return segment.key;
}

/** The partial file a section is written to, relative to the output directory: `controlPlane/backingStore.mdx`. */
export function partialFileFor(segments: readonly Segment[]): string {
  return `${segments.map(fileSegment).join('/')}.mdx`;
}

const MAX_FILE_SEGMENT = 80;

function fileSegment(segment: Segment): string {
  // List items and map values get `_items` / `_key`; a key starting with `_` is escaped so it cannot collide.
  if (segment.kind !== 'property') return `_${anchorSegment(segment)}`;
  // Keep file names portable: anything but letters, digits, `.`, `_` and `-` is hex-escaped.
  let safe = segment.key.replace(/[^A-Za-z0-9.-]|^[_.]/gu, (char) => `~${char.codePointAt(0)!.toString(16)}`) || '~';
  if (safe.length > MAX_FILE_SEGMENT) safe = `${safe.slice(0, MAX_FILE_SEGMENT - 9)}~${shortHash(segment.key)}`;
  return safe;
}

/** FNV-1a, 8 hex digits: keeps over-long keys' file names unique and stable. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
