/**
 * The theme's CodeBlock, for code highlighted at build time (swizzled, ejected).
 *
 * src/remark/highlightCode.ts turns every fence into `<CodeBlock html=…>`,
 * whose `html` is the code already highlighted. This component puts that HTML
 * in the page as it is: React neither tokenises the code nor builds an element
 * per token, on the server or while hydrating, and Prism stays out of the
 * reader's bundle (src/plugins/codeHighlightedAtBuild.ts).
 *
 * The copy and word-wrap buttons (./BlockButtons, drawn as the theme draws
 * them) are made only when a reader shows interest in a block — the pointer
 * enters it, a finger touches it, or focus moves into it — so a long chapter
 * does not measure and re-render every block after hydration. The theme renders
 * them in the browser only too; Tab from a block reaches them next.
 *
 * Code given as text, as the theme's callers do (`<CodeBlock>{code}</CodeBlock>`
 * in a React page), is shown as it is, without colours.
 */
import {useRef, useState, type CSSProperties, type ReactNode} from 'react';
import clsx from 'clsx';
import {ThemeClassNames} from '@docusaurus/theme-common';

import BlockButtons from './BlockButtons';
import styles from './styles.module.css';

export interface Props {
  /** The code highlighted at build time, as HTML (src/remark/highlightCode.ts). */
  readonly html?: string;
  /** The class of the colour of text in `html` that has no span of its own (the block's most frequent colour). */
  readonly colour?: string;
  /** The code as text, when it was not highlighted at build time. */
  readonly children?: ReactNode;
  readonly language?: string;
  /** `language-…`, as MDX and the theme pass it. */
  readonly className?: string;
  readonly title?: ReactNode;
  /** The number of the first line, when lines are numbered. */
  readonly showLineNumbers?: boolean | number | string;
}

function languageOf({language, className}: Pick<Props, 'language' | 'className'>): string {
  return language ?? /\blanguage-(\S+)/.exec(className ?? '')?.[1] ?? 'text';
}

function textOf(children: ReactNode): string {
  if (typeof children === 'string' || typeof children === 'number') {
    return String(children);
  }
  return Array.isArray(children) ? children.map((child: ReactNode) => textOf(child)).join('') : '';
}

/** How many lines highlighted code takes: lines end in newlines, the last one may not. */
function lineCount(html: string): number {
  const newlines = html.split('\n').length - 1;
  return html.endsWith('\n') ? newlines : newlines + 1;
}

export default function CodeBlock({
  html,
  colour,
  children,
  language,
  className,
  title,
  showLineNumbers,
}: Props): ReactNode {
  const lang = languageOf({language, className});
  const preRef = useRef<HTMLPreElement>(null);
  const [pre, setPre] = useState<HTMLPreElement | null>(null);
  const [wrapped, setWrapped] = useState(false);
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
        <pre
          ref={preRef}
          tabIndex={0}
          className={clsx(styles.pre, 'thin-scrollbar')}
          style={html === undefined ? undefined : ({'--code-lines': lineCount(html)} as CSSProperties)}>
          {html === undefined ? (
            <code className={styles.lines}>{textOf(children).replace(/\n$/, '')}</code>
          ) : (
            <code
              className={clsx(styles.lines, colour, numbered && styles.numbered, wrapped && styles.wrapped)}
              style={numbered ? {counterReset: `line-count ${firstLine - 1}`} : undefined}
              dangerouslySetInnerHTML={{__html: html}}
            />
          )}
        </pre>
        {pre !== null && (
          <BlockButtons
            pre={pre}
            wrapped={wrapped}
            onToggleWrap={() => {
              setWrapped(!wrapped);
            }}
          />
        )}
      </div>
    </div>
  );
}
