/**
 * Deep links into the reference: a field can sit inside closed `<details>`
 * (the folded fields of an object). Opening the link must open every
 * ancestor first, then bring the field into view and move the keyboard focus
 * to it, so that the next Tab continues from the field (a heading is not
 * focusable: it gets `tabindex="-1"`, which lets it take focus without adding
 * a Tab stop).
 */

/** The minimal DOM surface this needs, so it can be unit-tested without a browser. */
export interface NodeLike {
  tagName: string;
  parentElement: NodeLike | null;
  open?: boolean;
}

/** The `<details>` elements around `element`, outermost last. */
export function closedAncestors(element: NodeLike): NodeLike[] {
  const closed: NodeLike[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node.tagName === 'DETAILS' && !node.open) closed.push(node);
  }
  return closed;
}

/** `#controlPlane-backingStore` → `controlPlane-backingStore`; undefined for an empty or malformed hash. */
export function idFromHash(hash: string): string | undefined {
  if (!hash || hash === '#') return undefined;
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return hash.replace(/^#/, '');
  }
}

/** Opens the ancestors of the element the hash names, scrolls it into view and focuses it. Returns whether it found one. */
export function revealHash(doc: Pick<Document, 'getElementById'>, hash: string, options: {focus?: boolean} = {}): boolean {
  const id = idFromHash(hash);
  const target = id === undefined ? null : doc.getElementById(id);
  if (!target) return false;
  for (const details of closedAncestors(target as unknown as NodeLike)) details.open = true;
  if (options.focus ?? true) {
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({preventScroll: true});
  }
  target.scrollIntoView({block: 'start'});
  return true;
}
