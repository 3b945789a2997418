/**
 * The share link's state in a URL fragment (`#config=…`): the release, the
 * upgrade check's target, the whole-file upgrade's releases (and distro) and
 * the text, as JSON compressed with deflate-raw
 * (CompressionStream, in browsers and Node alike) and written in base64url.
 * A fragment never reaches a server. The decoder treats the fragment as
 * hostile: bounded in size, shape checked, undefined on anything else.
 */

import {CONFIG_LIMITS} from '../reference/validateConfig';

export interface SharedState {
  version: string;
  text: string;
  /** The upgrade check's target release. */
  target?: string;
  /** The whole-file upgrade: the file's release (or the legacy release name), the later release, and the distro of a file before 0.20. */
  upgradeFrom?: string;
  upgradeTo?: string;
  distro?: string;
}

const PARAM = 'config';
const FORMAT = 1;
/** The largest text a link may unpack to: the checker's own limit. */
const MAX_TEXT = CONFIG_LIMITS.maxLength;

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
  const json = JSON.stringify({
    f: FORMAT,
    v: state.version,
    t: state.text,
    ...(state.target ? {u: state.target} : {}),
    ...(state.upgradeFrom ? {a: state.upgradeFrom} : {}),
    ...(state.upgradeTo ? {b: state.upgradeTo} : {}),
    ...(state.distro ? {d: state.distro} : {}),
  });
  const packed = await through(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `${PARAM}=${toBase64Url(packed)}`;
}

/** What a fragment holds: no share link, a state, or a link that cannot be read (with why, in words). */
export type ShareOutcome = {kind: 'none'} | {kind: 'state'; state: SharedState} | {kind: 'unreadable'; reason: string};

class Unreadable extends Error {}

/** Reads a fragment (with or without `#`) as a share link, treating it as hostile: bounded, shape checked. */
export async function readShare(fragment: string): Promise<ShareOutcome> {
  const param = new RegExp(`(?:^#?|&)${PARAM}=([^&]*)`, 'u').exec(fragment);
  if (!param) return {kind: 'none'};
  const packed = param[1];
  if (!/^[A-Za-z0-9_-]+$/u.test(packed)) return {kind: 'unreadable', reason: packed ? 'it holds characters a share link never has: it was changed after it was made' : 'it is empty'};
  let bytes: Uint8Array;
  try {
    bytes = await through(fromBase64Url(packed), new DecompressionStream('deflate-raw'), MAX_TEXT * 4);
  } catch (error) {
    return {kind: 'unreadable', reason: /too large/u.test(String(error)) ? `it unpacks to more than the checker reads (${MAX_TEXT.toLocaleString('en-US')} characters)` : 'it is cut short, or was changed after it was made'};
  }
  try {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes));
    } catch {
      throw new Unreadable('it does not hold a checker state');
    }
    if (!value || typeof value !== 'object') throw new Unreadable('it does not hold a checker state');
    const {f, v, t, u, a, b, d} = value as Record<string, unknown>;
    if (f !== FORMAT) throw new Unreadable('it was made by another version of this page');
    const optional = [u, a, b, d];
    if (typeof v !== 'string' || typeof t !== 'string' || optional.some((field) => field !== undefined && (typeof field !== 'string' || field.length > 64))) throw new Unreadable('it does not hold a checker state');
    if (t.length > MAX_TEXT) throw new Unreadable(`its file is longer than the checker reads (${MAX_TEXT.toLocaleString('en-US')} characters)`);
    const named = (field: unknown): field is string => typeof field === 'string';
    return {
      kind: 'state',
      state: {version: v, text: t, ...(named(u) ? {target: u} : {}), ...(named(a) ? {upgradeFrom: a} : {}), ...(named(b) ? {upgradeTo: b} : {}), ...(named(d) ? {distro: d} : {})},
    };
  } catch (error) {
    if (error instanceof Unreadable) return {kind: 'unreadable', reason: error.message};
    throw error;
  }
}

/** The state a fragment (with or without `#`) holds; undefined when it holds none, or not a valid one. */
export async function decodeShare(fragment: string): Promise<SharedState | undefined> {
  const outcome = await readShare(fragment);
  return outcome.kind === 'state' ? outcome.state : undefined;
}
