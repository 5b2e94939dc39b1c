/**
 * The theme's CodeBlock, for code highlighted at build time (swizzled, ejected).
 *
 * src/remark/highlightCode.ts turns every fence into `<CodeBlock html=…>`,
 * whose `html` is the code already highlighted. This component puts that HTML
 * in the page as it is: React neither tokenises the code nor builds an element
 * per token, on the server or while hydrating, and Prism stays out of the
 * reader's bundle (src/plugins/codeHighlightedAtBuild.ts).
 *
 * The copy and word-wrap buttons (the theme's own) are made only when a reader
 * shows interest in a block — the pointer enters it, a finger touches it, or
 * focus moves into it — so a chapter with hundreds of blocks does not measure
 * and re-render every one of them after hydration. The theme renders them in
 * the browser only too; Tab from a block reaches them next.
 *
 * Code given as text, as the theme's callers do (`<CodeBlock>{code}</CodeBlock>`
 * in a React page), is shown as it is, without colours.
 */
import {useCallback, useMemo, useRef, useState, useSyncExternalStore, type ReactNode} from 'react';
import clsx from 'clsx';
import {ThemeClassNames} from '@docusaurus/theme-common';
import {CodeBlockContextProvider, createCodeBlockMetadata} from '@docusaurus/theme-common/internal';
import Buttons from '@theme/CodeBlock/Buttons';

import styles from './styles.module.css';

export interface Props {
  /** The code highlighted at build time, as HTML (src/remark/highlightCode.ts). */
  readonly html?: string;
  /** The code as text, when it was not highlighted at build time. */
  readonly children?: ReactNode;
  readonly language?: string;
  /** `language-…`, as MDX and the theme pass it. */
  readonly className?: string;
  readonly title?: ReactNode;
  /** The number of the first line, when lines are numbered. */
  readonly showLineNumbers?: boolean | number | string;
}

type WordWrap = Parameters<typeof CodeBlockContextProvider>[0]['wordWrap'];

function languageOf({language, className}: Pick<Props, 'language' | 'className'>): string {
  return language ?? /\blanguage-(\S+)/.exec(className ?? '')?.[1] ?? 'text';
}

function textOf(children: ReactNode): string {
  if (typeof children === 'string' || typeof children === 'number') {
    return String(children);
  }
  return Array.isArray(children) ? children.map((child: ReactNode) => textOf(child)).join('') : '';
}

function subscribeToResize(onResize: () => void): () => void {
  window.addEventListener('resize', onResize, {passive: true});
  return () => {
    window.removeEventListener('resize', onResize);
  };
}

/**
 * The theme's word wrap (useCodeWordWrap), for a block already in the page:
 * the theme's hook wants to own the block's ref from its first render, which
 * is what these blocks avoid.
 */
function useWordWrap(pre: HTMLPreElement): WordWrap {
  const codeBlockRef = useRef(pre);
  const [isEnabled, setIsEnabled] = useState(false);
  const isCodeScrollable = useSyncExternalStore(
    subscribeToResize,
    () => pre.scrollWidth > pre.clientWidth,
    () => false,
  );
  const toggle = useCallback(() => {
    const code = pre.querySelector('code');
    if (code) {
      code.style.whiteSpace = isEnabled ? '' : 'pre-wrap';
      // Very long words and strings wrap too, so no scrollbar is left.
      code.style.overflowWrap = isEnabled ? '' : 'anywhere';
    }
    setIsEnabled(!isEnabled);
  }, [pre, isEnabled]);
  return useMemo(
    () => ({codeBlockRef, isEnabled, isCodeScrollable: isEnabled || isCodeScrollable, toggle}),
    [isEnabled, isCodeScrollable, toggle],
  );
}

/** The theme's copy and word-wrap buttons for one block, reading its code from the page. */
function BlockButtons({pre, language}: {readonly pre: HTMLPreElement; readonly language: string}): ReactNode {
  const wordWrap = useWordWrap(pre);
  const metadata = useMemo(
    () =>
      createCodeBlockMetadata({
        code: pre.querySelector('code')?.textContent ?? '',
        className: `language-${language}`,
        language,
        defaultLanguage: undefined,
        metastring: undefined,
        magicComments: [],
        title: undefined,
        showLineNumbers: undefined,
      }),
    [pre, language],
  );
  return (
    <CodeBlockContextProvider metadata={metadata} wordWrap={wordWrap}>
      <Buttons />
    </CodeBlockContextProvider>
  );
}

export default function CodeBlock({html, children, language, className, title, showLineNumbers}: Props): ReactNode {
  const lang = languageOf({language, className});
  const preRef = useRef<HTMLPreElement>(null);
  const [pre, setPre] = useState<HTMLPreElement | null>(null);
  const arm = (): void => {
    if (pre === null && preRef.current !== null) {
      setPre(preRef.current);
    }
  };
  const numbered = showLineNumbers !== undefined && showLineNumbers !== false;
  const firstLine = typeof showLineNumbers === 'boolean' ? 1 : Number(showLineNumbers ?? 1);
  return (
    <div
      className={clsx(`language-${lang}`, ThemeClassNames.common.codeBlock, styles.codeBlock)}
      onMouseEnter={arm}
      onTouchStart={arm}
      onFocus={arm}>
      {title !== undefined && <div className={styles.title}>{title}</div>}
      <div className={styles.content}>
        <pre ref={preRef} tabIndex={0} className={clsx(styles.pre, 'thin-scrollbar')}>
          {html === undefined ? (
            <code className={styles.lines}>{textOf(children).replace(/\n$/, '')}</code>
          ) : (
            <code
              className={clsx(styles.lines, numbered && styles.numbered)}
              style={numbered ? {counterReset: `line-count ${firstLine - 1}`} : undefined}
              dangerouslySetInnerHTML={{__html: html}}
            />
          )}
        </pre>
        {pre !== null && <BlockButtons pre={pre} language={lang} />}
      </div>
    </div>
  );
}
