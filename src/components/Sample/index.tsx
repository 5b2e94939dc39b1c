import type {ReactNode, SyntheticEvent} from 'react';

import {playgroundHome, playgroundUrlFromPage, type PlaygroundSource} from '../../samples/rustProgram';
import styles from './styles.module.css';

/** How the test suite checks a sample; set by src/remark/samples.ts from the fence. */
export type SampleMode =
  'run' | 'no_run' | 'should_panic' | 'test' | 'test_fails' | 'compile_fail' | 'raises' | 'ignore' | 'include';

export type SampleLanguage = 'python' | 'rust';

export interface Props {
  readonly language: SampleLanguage;
  readonly mode: SampleMode;
  /** For compile_fail: the rustc error codes or deny-by-default lint names, comma separated. */
  readonly errorCodes?: string;
  /** For raises: the Python exception type. */
  readonly exception?: string;
  readonly ignoreReason?: string;
  /**
   * For a Rust sample, what the Playground link needs besides the code the page
   * shows: a PlaygroundSource as JSON (the edition, the hidden lines).
   */
  readonly playground?: string;
  readonly children: ReactNode;
}

/** Where a reader learns about an error: the error index for `E0382`, the lint listing for a lint's name. */
function errorIndexUrl(code: string): string {
  if (/^E\d{4}$/.test(code)) {
    return `https://doc.rust-lang.org/error_codes/${code}.html`;
  }
  if (code.startsWith('clippy::')) {
    return `https://rust-lang.github.io/rust-clippy/master/index.html#${code.slice('clippy::'.length)}`;
  }
  return `https://doc.rust-lang.org/rustc/lints/listing/deny-by-default.html#${code.replaceAll('_', '-')}`;
}

/** A short line above the code saying what the sample does when checked, when it is not a plain run. */
function Verdict({
  mode,
  errorCodes,
  exception,
  ignoreReason,
}: Omit<Props, 'language' | 'children' | 'playground'>): ReactNode {
  switch (mode) {
    case 'compile_fail': {
      const codes = (errorCodes ?? '')
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean);
      return (
        <p className={styles.verdict} data-verdict="error">
          Does not compile:{' '}
          {codes.map((code, index) => (
            <span key={code}>
              {index > 0 && ', '}
              {/* eslint-disable-next-line @docusaurus/no-html-links -- the Rust error index: an external page */}
              <a href={errorIndexUrl(code)}>
                <code>{code}</code>
              </a>
            </span>
          ))}
        </p>
      );
    }
    case 'should_panic':
      return (
        <p className={styles.verdict} data-verdict="error">
          Compiles, then panics when run
        </p>
      );
    case 'raises':
      return (
        <p className={styles.verdict} data-verdict="error">
          Raises <code>{exception}</code>
        </p>
      );
    case 'test':
      return <p className={styles.verdict}>Compiled with its tests; every test passes</p>;
    case 'test_fails':
      return (
        <p className={styles.verdict} data-verdict="error">
          Compiled with its tests; a test fails
        </p>
      );
    case 'no_run':
      return <p className={styles.verdict}>Compiles; not run here</p>;
    case 'ignore':
      return <p className={styles.verdict}>Not checked: {ignoreReason}</p>;
    default:
      return null;
  }
}

/**
 * Points the Playground link at the sample's full code, read from the page
 * (the code block it shows) and its PlaygroundSource, just before the reader
 * follows it: on hover, focus or touch, and on the click itself. The link is
 * built when asked for, so the page carries no URL-encoded copy of every
 * sample's code.
 */
function pointAtCode(event: SyntheticEvent<HTMLAnchorElement>, source: PlaygroundSource): void {
  const link = event.currentTarget;
  const code = link.closest('[data-sample]')?.querySelector(':scope > .theme-code-block code')?.textContent;
  if (code != null) {
    link.href = playgroundUrlFromPage(code, source);
  }
}

/**
 * One sample of the book: the code as the reader sees it (hidden lines
 * removed), its output or error blocks tied beneath it, what the test suite
 * checks about it, and for Rust a link that runs it in the Playground. Without
 * JavaScript the link cannot carry the code, and the page's <noscript> style
 * hides it.
 */
export default function Sample({language, playground, children, ...verdict}: Props): ReactNode {
  const source = playground === undefined ? undefined : (JSON.parse(playground) as PlaygroundSource);
  const point = (event: SyntheticEvent<HTMLAnchorElement>): void => {
    if (source !== undefined) {
      pointAtCode(event, source);
    }
  };
  return (
    <div className={styles.sample} data-sample={language}>
      <Verdict {...verdict} />
      {children}
      {source && (
        <p className={styles.actions} data-playground="">
          {/* eslint-disable-next-line @docusaurus/no-html-links -- the Rust Playground: an external page */}
          <a
            className={styles.playground}
            href={playgroundHome(source.edition)}
            target="_blank"
            rel="noopener noreferrer"
            onMouseEnter={point}
            onFocus={point}
            onTouchStart={point}
            onContextMenu={point}
            onClick={point}>
            Run in Rust Playground<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      )}
    </div>
  );
}
