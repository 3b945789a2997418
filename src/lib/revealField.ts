/**
 * Deep links into the reference: a field can sit inside closed `<details>`
 * (collapsed objects). Opening the link must open every ancestor first, then
 * bring the field into view.
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

/** Opens the ancestors of the element the hash names and scrolls it into view. Returns whether it found one. */
export function revealHash(doc: Pick<Document, 'getElementById'>, hash: string): boolean {
  const id = idFromHash(hash);
  const target = id === undefined ? null : doc.getElementById(id);
  if (!target) return false;
  for (const details of closedAncestors(target as unknown as NodeLike)) details.open = true;
  target.scrollIntoView({block: 'start'});
  return true;
}
