/**
 * The copy actions of the reference: one handler for every field's buttons,
 * and one live region on the page that says what was copied.
 */
import {yamlKeysOfPath, yamlSnippet} from '../../lib/yamlSnippet';
import type {FieldProps} from '../../lib/fieldProps';

export type CopyKind = 'link' | 'yaml';

/** What each action copies, and how its button and the announcement name it. */
const ACTIONS: Record<CopyKind, {label: string; name: (path: string) => string; text: (f: FieldProps) => string}> = {
  link: {
    label: 'link',
    name: (path) => `Copy link to ${path}`,
    text: (f) => `${window.location.origin}${window.location.pathname}#${f.anchor}`,
  },
  yaml: {
    label: 'YAML',
    name: (path) => `Copy YAML of ${path}`,
    text: (f) => yamlSnippet(yamlKeysOfPath(f.path), f.object ? '{}' : f.default),
  },
};

export function copyLabel(kind: CopyKind): string {
  return ACTIONS[kind].label;
}

/** The button's accessible name: the action and the field's path ("Copy link to controlPlane.proxy.port"). */
export function copyName(kind: CopyKind, path: string): string {
  return ACTIONS[kind].name(path);
}

export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
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
export function copyField(kind: CopyKind, f: FieldProps, button: HTMLElement): void {
  copyText(ACTIONS[kind].text(f)).then(
    () => {
      button.dataset.copied = '';
      setTimeout(() => delete button.dataset.copied, SHOWN_MS);
      announce(kind === 'link' ? `Copied the link to ${f.path}` : `Copied ${f.path} as YAML`);
    },
    () => announce(`Could not copy: the browser refused access to the clipboard`),
  );
}
