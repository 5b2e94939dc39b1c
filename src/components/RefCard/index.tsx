import type {ReactNode} from 'react';

import InlineCode from '../InlineCode';
import styles from './styles.module.css';

export interface Props {
  /** A page of the Rust Book, Rust By Example or Rustlings, with an optional #anchor. */
  readonly href: string;
  /** One line: why the reader should follow this link now. */
  readonly why: string;
  /** Set from the reference catalogue by src/remark/referenceLinks.ts; titles as the book prints them, `code` in backticks. */
  readonly book?: string;
  readonly pageTitle?: string;
  readonly sectionTitle?: string;
}

/** A link card into reference material; its titles come from the catalogue, never typed by hand. */
export default function RefCard({href, why, book, pageTitle, sectionTitle}: Props): ReactNode {
  if (book === undefined || pageTitle === undefined) {
    throw new Error(
      `<RefCard href="${href}"> has no catalogue titles: use it in docs/ (Markdown), where src/remark/referenceLinks.ts checks the link and fills them`,
    );
  }
  return (
    // An external page, never a route of this site: a plain link, as the reader's browser handles it.
    // eslint-disable-next-line @docusaurus/no-html-links -- external URL, no client-side routing or baseUrl
    <a className={styles.refCard} href={href} data-ref-card="">
      <span className={styles.book}>{book}</span>
      <span className={styles.title}>
        <InlineCode text={pageTitle} />
        {sectionTitle && (
          <>
            <span aria-hidden="true"> › </span>
            <span className="visually-hidden">, section </span>
            <InlineCode text={sectionTitle} />
          </>
        )}
      </span>
      <span className={styles.why}>{why}</span>
    </a>
  );
}
