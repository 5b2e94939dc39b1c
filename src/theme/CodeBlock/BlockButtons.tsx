/**
 * A code block's copy and word-wrap buttons, as the theme draws them, for a
 * block already in the page: copy reads the code from it. src/theme/CodeBlock
 * mounts them when a reader reaches for the block, and wraps its lines when
 * asked, so they need none of the theme's code-block context.
 */
import {useEffect, useRef, useState, useSyncExternalStore, type ReactNode} from 'react';
import clsx from 'clsx';
import IconCopy from '@theme/Icon/Copy';
import IconSuccess from '@theme/Icon/Success';
import IconWordWrap from '@theme/Icon/WordWrap';

import styles from './styles.module.css';

/** How long "Copied" shows after a copy. */
const COPIED_MS = 1_000;

function subscribeToResize(onResize: () => void): () => void {
  window.addEventListener('resize', onResize, {passive: true});
  return () => {
    window.removeEventListener('resize', onResize);
  };
}

/** Puts the code on the clipboard, or, where the page may not (an insecure origin), selects it for the reader. */
async function copyCode(code: HTMLElement): Promise<boolean> {
  if (typeof navigator.clipboard === 'object') {
    await navigator.clipboard.writeText(code.textContent);
    return true;
  }
  window.getSelection()?.selectAllChildren(code);
  return false;
}

export interface Props {
  /** The block's <pre>, already in the page. */
  readonly pre: HTMLPreElement;
  /** Whether the block's long lines wrap. */
  readonly wrapped: boolean;
  readonly onToggleWrap: () => void;
}

export default function BlockButtons({pre, wrapped, onToggleWrap}: Props): ReactNode {
  const code = pre.querySelector('code');
  const [copied, setCopied] = useState(false);
  const copiedTimeout = useRef<number | undefined>(undefined);
  const scrollable = useSyncExternalStore(
    subscribeToResize,
    () => pre.scrollWidth > pre.clientWidth,
    () => false,
  );
  useEffect(
    () => () => {
      window.clearTimeout(copiedTimeout.current);
    },
    [],
  );
  if (code === null) {
    return null;
  }
  const copy = (): void => {
    void copyCode(code).then((done) => {
      if (done) {
        setCopied(true);
        window.clearTimeout(copiedTimeout.current);
        copiedTimeout.current = window.setTimeout(() => {
          setCopied(false);
        }, COPIED_MS);
      }
    });
  };
  return (
    <div className={styles.buttons}>
      {(scrollable || wrapped) && (
        <button
          type="button"
          className={clsx('clean-btn', wrapped && styles.wrapOn)}
          aria-label="Toggle word wrap"
          title="Toggle word wrap"
          onClick={onToggleWrap}>
          <IconWordWrap className={styles.wrapIcon} aria-hidden="true" />
        </button>
      )}
      <button
        type="button"
        className={clsx('clean-btn', copied && styles.copied)}
        aria-label={copied ? 'Copied' : 'Copy code to clipboard'}
        title="Copy"
        onClick={copy}>
        <span className={styles.copyIcons} aria-hidden="true">
          <IconCopy className={styles.copyIcon} />
          <IconSuccess className={styles.successIcon} />
        </span>
      </button>
    </div>
  );
}
