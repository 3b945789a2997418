/**
 * The share link's state in a URL fragment (`#config=…`): the release, the
 * upgrade target and the text, as JSON compressed with deflate-raw
 * (CompressionStream, in browsers and Node alike) and written in base64url.
 * A fragment never reaches a server. The decoder treats the fragment as
 * hostile: bounded in size, shape checked, undefined on anything else.
 */

export interface SharedState {
  version: string;
  text: string;
  /** The upgrade check's target release. */
  target?: string;
}

const PARAM = 'config';
const FORMAT = 1;
/** The largest text a link may unpack to: far above any real vcluster.yaml. */
const MAX_TEXT = 1 << 20;

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('share link: too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/gu, '+').replace(/_/gu, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** The fragment (without `#`) that holds `state`. */
export async function encodeShare(state: SharedState): Promise<string> {
  const json = JSON.stringify({f: FORMAT, v: state.version, t: state.text, ...(state.target ? {u: state.target} : {})});
  const packed = await through(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `${PARAM}=${toBase64Url(packed)}`;
}

/** The state a fragment (with or without `#`) holds; undefined when it holds none, or not a valid one. */
export async function decodeShare(fragment: string): Promise<SharedState | undefined> {
  const match = new RegExp(`(?:^#?|&)${PARAM}=([A-Za-z0-9_-]+)`, 'u').exec(fragment);
  if (!match) return undefined;
  try {
    const bytes = await through(fromBase64Url(match[1]), new DecompressionStream('deflate-raw'), MAX_TEXT * 4);
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!value || typeof value !== 'object') return undefined;
    const {f, v, t, u} = value as Record<string, unknown>;
    if (f !== FORMAT || typeof v !== 'string' || typeof t !== 'string' || t.length > MAX_TEXT || (u !== undefined && typeof u !== 'string')) return undefined;
    return {version: v, text: t, ...(typeof u === 'string' ? {target: u} : {})};
  } catch {
    return undefined;
  }
}
