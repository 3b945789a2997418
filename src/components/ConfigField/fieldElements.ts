import {Children, isValidElement, type ReactElement, type ReactNode} from 'react';

/** A `<ConfigField>` element among a partial's children (it alone has `f.path`; a fact has `f.k`). */
export function isFieldElement(child: ReactNode): child is ReactElement<{f: {path: string}; children?: ReactNode}> {
  return isValidElement<{f?: {path?: string}}>(child) && child.props.f?.path !== undefined;
}

/** How many fields an element tree holds, nested ones included. */
export function countFields(children: ReactNode): number {
  let count = 0;
  Children.forEach(children, (child) => {
    if (isFieldElement(child)) count += 1 + countFields(child.props.children);
  });
  return count;
}
