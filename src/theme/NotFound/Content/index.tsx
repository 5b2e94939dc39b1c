/**
 * The 404 page's content (swizzled: the theme's page says only "not found").
 * A reader who followed a stale link gets the book's search and its table of
 * contents, so the way on is one step away.
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type {Props} from '@theme/NotFound/Content';

import BookContents from '@site/src/components/BookContents';

export default function NotFoundContent({className}: Props): ReactNode {
  return (
    <main className={`container margin-vert--xl ${className ?? ''}`}>
      <Heading as="h1">This page is not in the book</Heading>
      <p>
        The link you followed may be out of date. <Link to="/search">Search the book</Link> for what you were looking
        for, or pick a chapter below.
      </p>
      <BookContents partHeading="h2" />
    </main>
  );
}
