import type {ReactNode} from 'react';

export interface Props {
  /** Plain text in which `backticks` mark inline code, as in Markdown. */
  readonly text: string;
}

/**
 * Splits text on backticks and renders the odd pieces as `<code>`. React
 * escapes every piece, so a title can show `<T>` without injecting HTML.
 * Returns null when a backtick has no partner.
 */
export function renderInlineCode(text: string): ReactNode[] | null {
  const pieces = text.split('`');
  if (pieces.length % 2 === 0) {
    return null;
  }
  return pieces.map((piece, index) => (index % 2 === 1 ? <code key={index}>{piece}</code> : piece));
}

/** Text with `inline code`, for strings that come from attributes rather than Markdown (quiz options, card titles). */
export default function InlineCode({text}: Props): ReactNode {
  return renderInlineCode(text) ?? text;
}
