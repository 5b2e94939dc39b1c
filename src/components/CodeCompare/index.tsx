import {Children, isValidElement, type KeyboardEvent, type ReactElement, type ReactNode} from 'react';
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
import {useStorageSlot, useWindowSize} from '@docusaurus/theme-common';

import type {Props as SampleProps, SampleLanguage} from '../Sample';
import styles from './styles.module.css';

export interface Props {
  /** One Python <Sample> and one Rust <Sample>, made by src/remark/samples.ts from two fences. */
  readonly children: ReactNode;
}

const LANGUAGE_LABELS: Readonly<Record<SampleLanguage, string>> = {python: 'Python', rust: 'Rust'};

/** Shared by every CodeCompare on every page: the reader's language, also `?lang=`. */
const LANGUAGE_GROUP = 'code-language';
const LANGUAGE_QUERY = 'lang';
/** Remembered layout: 'side-by-side' or 'tabs'. */
const LAYOUT_STORAGE_KEY = 'rfpd.codeCompare.layout';

function samplesOf(children: ReactNode): ReactElement<SampleProps>[] {
  return Children.toArray(children).filter(
    (child): child is ReactElement<SampleProps> =>
      isValidElement<SampleProps>(child) && (child.props.language === 'python' || child.props.language === 'rust'),
  );
}

/** WAI-ARIA tabs: Space activates a focused tab too (Docusaurus' Tabs handles arrows and Enter). */
function activateTabOnSpace(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  if (event.key === ' ' && target.getAttribute('role') === 'tab') {
    event.preventDefault();
    target.click();
  }
}

/**
 * A Python sample and its Rust counterpart. Readers pick a language in tabs
 * (synced across the site, remembered, settable with ?lang=python|rust) or, on
 * wide screens, show both side by side. The server-rendered HTML holds both
 * samples, so the page reads without JavaScript and prints both.
 */
export default function CodeCompare({children}: Props): ReactNode {
  const samples = samplesOf(children);
  const windowSize = useWindowSize();
  const [layout, layoutSlot] = useStorageSlot(LAYOUT_STORAGE_KEY);
  const sideBySide = layout === 'side-by-side' && windowSize === 'desktop';

  const toggle = (
    <button
      type="button"
      className={styles.layoutToggle}
      data-layout-toggle=""
      aria-pressed={sideBySide}
      onClick={() => layoutSlot.set(sideBySide ? 'tabs' : 'side-by-side')}>
      Side by side
    </button>
  );

  return (
    <section className={styles.codeCompare} data-code-compare="" aria-label="The same code in Python and Rust">
      {sideBySide ? (
        <>
          <div className={styles.toolbar}>{toggle}</div>
          <div className={styles.sideBySide}>
            {samples.map((sample) => (
              <div
                key={sample.props.language}
                className={styles.pane}
                role="group"
                aria-label={LANGUAGE_LABELS[sample.props.language]}>
                <span className={styles.paneTitle}>{LANGUAGE_LABELS[sample.props.language]}</span>
                {sample}
              </div>
            ))}
          </div>
        </>
      ) : (
        <div className={styles.tabbed} onKeyDown={activateTabOnSpace}>
          <div className={styles.toolbarFloating}>{toggle}</div>
          <Tabs groupId={LANGUAGE_GROUP} queryString={LANGUAGE_QUERY} className={styles.tabList}>
            {samples.map((sample) => (
              <TabItem
                key={sample.props.language}
                value={sample.props.language}
                label={LANGUAGE_LABELS[sample.props.language]}>
                <span className={styles.paneLabel} data-pane-label="">
                  {LANGUAGE_LABELS[sample.props.language]}
                </span>
                {sample}
              </TabItem>
            ))}
          </Tabs>
        </div>
      )}
    </section>
  );
}
