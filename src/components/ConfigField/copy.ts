/**
 * The copy actions of the reference: one handler for every field's buttons,
 * and one live region on the page that says what was copied.
 */
import {valuesAt} from '../../lib/valuesSubtree';
import {yamlKeysOfPath, yamlSnippet} from '../../lib/yamlSnippet';
import type {FieldProps} from '../../lib/fieldProps';

export type CopyKind = 'link' | 'yaml';

/** Where the field is read: the release's published values.yaml (for the defaults of an object). */
export interface CopyContext {
  valuesFile?: string;
  /** The page's permanent pathname (./permalink.tsx), where it differs from the address shown. */
  permalink?: string;
}

/** What each action copies, and how its button and the announcement name it. */
const ACTIONS: Record<CopyKind, {label: string; name: (path: string) => string; text: (f: FieldProps, context: CopyContext) => string | Promise<string>}> = {
  link: {
    label: 'link',
    name: (path) => `Copy link to ${path}`,
    // The current release's pages give their permanent address: the link keeps showing this release.
    text: (f, {permalink}) => `${window.location.origin}${permalink ?? window.location.pathname}#${f.anchor}`,
  },
  yaml: {
    label: 'YAML',
    name: (path) => `Copy YAML of ${path}`,
    // An object with its defaults from values.yaml (fetched on the first such copy), else `{}`.
    text: (f, {valuesFile}) =>
      f.object
        ? (valuesFile ? valuesAt(valuesFile, f.path).catch(() => undefined) : Promise.resolve(undefined)).then((yaml) => yamlSnippet(yamlKeysOfPath(f.path), yaml ?? '{}'))
        : yamlSnippet(yamlKeysOfPath(f.path), f.default),
  },
};

export function copyLabel(kind: CopyKind): string {
  return ACTIONS[kind].label;
}

/** The button's accessible name: the action and the field's path ("Copy link to controlPlane.proxy.port"). */
export function copyName(kind: CopyKind, path: string): string {
  return ACTIONS[kind].name(path);
}

/**
 * Copies `text` to the clipboard. Text still being made (an object's defaults
 * are fetched) goes in as a promise of a ClipboardItem where the browser has
 * one, so the copy keeps the click's user activation however long the fetch.
 */
export async function copyText(text: string | Promise<string>): Promise<void> {
  if (typeof text !== 'string' && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    return navigator.clipboard.write([new ClipboardItem({'text/plain': text.then((value) => new Blob([value], {type: 'text/plain'}))})]);
  }
  const value = await text;
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(value);
  const area = document.createElement('textarea');
  area.value = value;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

const LIVE_REGION_ID = 'cfg-copy-status';
const SHOWN_MS = 1500;

/** Says `message` in the page's one polite live region, made on first use (then given a moment, so it is heard). */
function announce(message: string): void {
  let region = document.getElementById(LIVE_REGION_ID);
  const fresh = !region;
  if (!region) {
    region = document.createElement('div');
    region.id = LIVE_REGION_ID;
    region.className = 'cfg-status';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  // The same words twice are heard twice only if the region changes in between.
  region.textContent = '';
  const target = region;
  setTimeout(() => (target.textContent = message), fresh ? 100 : 20);
}

/** The click handler of every copy button: copies, marks the button for a moment, announces the result. */
export function copyField(kind: CopyKind, f: FieldProps, button: HTMLElement, context: CopyContext = {}): void {
  copyText(ACTIONS[kind].text(f, context)).then(
    () => {
      button.dataset.copied = '';
      setTimeout(() => delete button.dataset.copied, SHOWN_MS);
      announce(kind === 'link' ? `Copied the link to ${f.path}` : `Copied ${f.path} as YAML`);
    },
    () => announce(`Could not copy: the browser refused access to the clipboard`),
  );
}
