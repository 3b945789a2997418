/**
 * The generator's use of the config-path grammar (src/reference/configPath.ts):
 * a field's display name and the partial file a section is written to.
 */
import {anchorSegment, type Segment} from '../../reference/configPath';

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
