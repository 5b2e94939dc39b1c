import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {usePluginData} from '@docusaurus/useGlobalData';

import type {BookContents as Contents} from '@site/src/data/bookParts';
import styles from './styles.module.css';

export interface Props {
  /** The heading level of each part's title, to fit the page's outline. */
  readonly partHeading: 'h2' | 'h3';
}

/** The book's parts and chapters, in reading order, from src/plugins/bookContents.ts. */
export default function BookContents({partHeading: PartHeading}: Props): ReactNode {
  const {parts} = usePluginData('book-contents') as Contents;
  return (
    <nav className={styles.contents} aria-label="Table of contents">
      {parts.map((part) => (
        <section key={part.label} className={styles.part}>
          <PartHeading className={styles.partTitle}>{part.label}</PartHeading>
          <ol className={styles.chapters}>
            {part.chapters.map((chapter) => (
              <li key={chapter.permalink}>
                <Link to={chapter.permalink}>{chapter.title}</Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </nav>
  );
}
