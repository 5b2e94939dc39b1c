/**
 * The theme's CodeBlock without its remount after hydration (swizzled).
 *
 * The original keys its content on `useIsBrowser()` so that a dark-mode
 * reader's code, rendered on the server in the light Prism theme, is drawn
 * again in the dark one. The book's Prism theme is CSS variables for both
 * modes (src/css/prismTheme.ts), so server and browser render the same
 * markup, and that second render of every token on the page — most of a long
 * chapter's blocking time on a phone — has nothing to do.
 */
import {Children, isValidElement, type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';

/** As the theme does: join string children so the copy button can copy them. */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (Children.toArray(children).some((element) => isValidElement(element))) {
    return children;
  }
  return Array.isArray(children) ? children.join('') : children;
}

export default function CodeBlock({children: rawChildren, ...props}: Props): ReactNode {
  const children = maybeStringifyChildren(rawChildren);
  return typeof children === 'string' ? (
    <StringContent {...props}>{children}</StringContent>
  ) : (
    <ElementContent {...props}>{children}</ElementContent>
  );
}
