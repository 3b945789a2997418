import React, {isValidElement, type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';

/**
 * The theme's CodeBlock without its second render: it re-mounts every code
 * block once the page runs (a `key` that changes with `useIsBrowser`) because
 * the server renders the light Prism theme's colours whatever the mode. The
 * site's one theme takes its colours from CSS custom properties
 * (src/lib/prismThemes.ts), so the server's markup is right in both modes,
 * and a re-mount would only cost: on a long page each code block taken out
 * and put back takes the main thread for tens of milliseconds.
 */

/** As the theme does: the children as one string when they are strings (so the block can be copied). */
function stringifyChildren(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((child) => isValidElement(child))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

export default function CodeBlock({children: rawChildren, ...props}: Props): ReactNode {
  const children = stringifyChildren(rawChildren);
  return typeof children === 'string' ? <StringContent {...props}>{children}</StringContent> : <ElementContent {...props}>{children}</ElementContent>;
}
