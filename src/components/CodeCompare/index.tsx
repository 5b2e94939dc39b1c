import {
  Children,
  isValidElement,
  useEffect,
  useId,
  useRef,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import {useHistory, useLocation} from '@docusaurus/router';
import {useStorageSlot} from '@docusaurus/theme-common';
import {useScrollPositionBlocker} from '@docusaurus/theme-common/internal';

import type {Props as SampleProps, SampleLanguage} from '../Sample';
import styles from './styles.module.css';

export interface Props {
  /** One Python <Sample> and one Rust <Sample>, made by src/remark/samples.ts from two fences. */
  readonly children: ReactNode;
}

const LANGUAGE_LABELS: Readonly<Record<SampleLanguage, string>> = {python: 'Python', rust: 'Rust'};

/** Shared by every CodeCompare on every page: the reader's language, also settable with `?lang=`. */
const LANGUAGE_STORAGE_KEY = 'rfpd.codeCompare.language';
const LANGUAGE_QUERY = 'lang';
/** Remembered layout: 'side-by-side' or 'tabs'. */
const LAYOUT_STORAGE_KEY = 'rfpd.codeCompare.layout';

/** The width above which the theme lays pages out for a desktop (Infima's breakpoint, as useWindowSize has it). */
const DESKTOP_MIN_WIDTH = 997;

function subscribeToResize(onResize: () => void): () => void {
  window.addEventListener('resize', onResize);
  return () => {
    window.removeEventListener('resize', onResize);
  };
}

/**
 * Whether to show both languages side by side: the reader asked for it and the
 * window is wide enough. False on the server and while hydrating, so that a
 * reader who never asked (most readers) costs no second render of every
 * CodeCompare once the page has hydrated, as the theme's useWindowSize would.
 */
function useSideBySide(asked: boolean): boolean {
  return useSyncExternalStore(
    subscribeToResize,
    () => asked && window.innerWidth >= DESKTOP_MIN_WIDTH,
    () => false,
  );
}

function isLanguage(value: string | null): value is SampleLanguage {
  return value === 'python' || value === 'rust';
}

function samplesOf(children: ReactNode): ReactElement<SampleProps>[] {
  return Children.toArray(children).filter(
    (child): child is ReactElement<SampleProps> =>
      isValidElement<SampleProps>(child) && isLanguage(child.props.language),
  );
}

/**
 * The reader's language: remembered in local storage, shared by every
 * CodeCompare on every page, and set by `?lang=python|rust` when the page
 * opens. Server rendering (and hydration) shows Python; the stored choice
 * applies right after, without remounting the samples.
 */
function useReaderLanguage(): [SampleLanguage, (language: SampleLanguage) => void] {
  const [stored, slot] = useStorageSlot(LANGUAGE_STORAGE_KEY);
  const location = useLocation();
  const history = useHistory();
  const fromQuery = new URLSearchParams(location.search).get(LANGUAGE_QUERY);

  useEffect(() => {
    if (isLanguage(fromQuery) && fromQuery !== slot.get()) {
      slot.set(fromQuery);
    }
  }, [fromQuery, slot]);

  const choose = (language: SampleLanguage): void => {
    slot.set(language);
    if (fromQuery !== null && fromQuery !== language) {
      const search = new URLSearchParams(location.search);
      search.set(LANGUAGE_QUERY, language);
      history.replace({...location, search: search.toString()});
    }
  };
  return [isLanguage(stored) ? stored : 'python', choose];
}

/**
 * A Python sample and its Rust counterpart. Readers pick a language in tabs
 * (WAI-ARIA tabs: arrow keys, Home and End move between tabs, Enter or Space
 * selects) or, on wide screens, show both side by side. The server-rendered
 * HTML holds both samples, so the page reads without JavaScript and prints
 * both.
 *
 * Its own tabs rather than the theme's Tabs: those remount every panel after
 * hydration (doubling the work on a chapter with dozens of samples) and give
 * tabs no aria-controls.
 */
export default function CodeCompare({children}: Props): ReactNode {
  const samples = samplesOf(children);
  const [layout, layoutSlot] = useStorageSlot(LAYOUT_STORAGE_KEY);
  const sideBySide = useSideBySide(layout === 'side-by-side');
  const [language, chooseLanguage] = useReaderLanguage();
  const {blockElementScrollPositionUntilNextRender} = useScrollPositionBlocker();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();

  const select = (tab: HTMLElement, next: SampleLanguage): void => {
    if (next !== language) {
      // Other CodeCompares above change height too: keep this one where the reader is looking.
      blockElementScrollPositionUntilNextRender(tab);
      chooseLanguage(next);
    }
  };

  const moveFocus = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const last = samples.length - 1;
    const target = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      tabRefs.current[target]?.focus();
    }
  };

  const toggle = (
    <button
      type="button"
      className={styles.layoutToggle}
      data-layout-toggle=""
      aria-pressed={sideBySide}
      onClick={() => {
        layoutSlot.set(sideBySide ? 'tabs' : 'side-by-side');
      }}>
      Side by side
    </button>
  );

  if (sideBySide) {
    return (
      <section className={styles.codeCompare} data-code-compare="" aria-label="The same code in Python and Rust">
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
      </section>
    );
  }

  return (
    <section className={styles.codeCompare} data-code-compare="" aria-label="The same code in Python and Rust">
      <div className={styles.header}>
        <div role="tablist" aria-label="Language" className={styles.tabList}>
          {samples.map((sample, index) => {
            const sampleLanguage = sample.props.language;
            const selected = sampleLanguage === language;
            return (
              <button
                key={sampleLanguage}
                ref={(element) => {
                  tabRefs.current[index] = element;
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${sampleLanguage}`}
                aria-selected={selected}
                aria-controls={`${id}-panel-${sampleLanguage}`}
                tabIndex={selected ? 0 : -1}
                className={styles.tab}
                onClick={(event) => {
                  select(event.currentTarget, sampleLanguage);
                }}
                onKeyDown={(event) => {
                  moveFocus(event, index);
                }}>
                {LANGUAGE_LABELS[sampleLanguage]}
              </button>
            );
          })}
        </div>
        {toggle}
      </div>
      {samples.map((sample) => {
        const sampleLanguage = sample.props.language;
        return (
          <div
            key={sampleLanguage}
            role="tabpanel"
            id={`${id}-panel-${sampleLanguage}`}
            aria-labelledby={`${id}-tab-${sampleLanguage}`}
            hidden={sampleLanguage !== language}
            className={styles.panel}>
            <span className={styles.paneLabel} data-pane-label="">
              {LANGUAGE_LABELS[sampleLanguage]}
            </span>
            {sample}
          </div>
        );
      })}
    </section>
  );
}
