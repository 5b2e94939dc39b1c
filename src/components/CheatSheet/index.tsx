/**
 * The Python → Rust cheat sheet: `<CheatSheet>` holds `<CheatGroup>`s, each a
 * table of `<CheatRow>`s (and a few `<CheatCommand>`s).
 *
 * ```mdx
 * <CheatSheet>
 * <CheatGroup>
 * ## Values and types
 * <CheatRow title="Integer division" same>
 * ```python … ``` ```text output … ```
 * ```rust … ``` ```text output … ```
 * Python floors; `div_euclid` does too. [Division…](../foundations/…#…)
 * </CheatRow>
 * </CheatGroup>
 * </CheatSheet>
 * ```
 *
 * Each group is an ARIA table named by the group's `##` heading, with columns
 * Task, Python, Rust and Note and one row header per task, so a screen reader
 * can move along a row or down the Rust column and hear the headers. It is
 * built of elements with table roles rather than <table>: a row is laid out
 * with CSS grid, browsers drop a <table>'s semantics when its display changes,
 * and HTML forbids restating them with roles on <tr> and <td>. Where the sheet
 * is wide, each row shows the task, Python and Rust side by side, then the
 * note; where it is narrow (a phone), Python sits above Rust. Print keeps rows
 * whole.
 *
 * src/remark/cheatSheet.ts checks the shape at build time: a row's children
 * are the Python sample, the Rust sample, then the note, in that order, which
 * is what the components below rely on.
 */
import {Children, isValidElement, type ReactNode} from 'react';

import styles from './styles.module.css';

export interface Props {
  /** `<CheatGroup>` elements. */
  readonly children?: ReactNode;
}

export interface GroupProps {
  /** The group's `##` heading, then its `<CheatRow>` and `<CheatCommand>` elements. */
  readonly children?: ReactNode;
}

export interface RowProps {
  /** The task, in a few words: "Integer division". */
  readonly title: string;
  /** The two samples print the same output (checked at build time). */
  readonly same?: boolean;
  /** The Python sample, the Rust sample, then the note paragraph. */
  readonly children?: ReactNode;
}

export interface CommandProps {
  readonly title: string;
  /** The Python tool's ```console block, the Rust tool's, then the note paragraph. */
  readonly children?: ReactNode;
}

/** The whole sheet: a container whose width decides whether rows sit side by side or stack. */
export default function CheatSheet({children}: Props): ReactNode {
  return (
    <div className={styles.cheatSheet} data-cheat-sheet="">
      {children}
    </div>
  );
}

/** One topic: its heading, and a table of its rows labelled by that heading. */
export function CheatGroup({children}: GroupProps): ReactNode {
  const [heading, ...rows] = Children.toArray(children);
  const headingId =
    isValidElement<{id?: unknown}>(heading) && typeof heading.props.id === 'string' ? heading.props.id : undefined;
  return (
    <div className={styles.group} data-cheat-group="">
      {heading}
      <div role="table" aria-labelledby={headingId}>
        <div className={styles.visuallyHidden} role="rowgroup">
          <div role="row">
            <span role="columnheader">Task</span>
            <span role="columnheader">Python</span>
            <span role="columnheader">Rust</span>
            <span role="columnheader">Note</span>
          </div>
        </div>
        <div role="rowgroup">{rows}</div>
      </div>
    </div>
  );
}

function Row({
  title,
  kind,
  children,
  badge,
}: {
  readonly title: string;
  readonly kind: 'sample' | 'command';
  readonly children?: ReactNode;
  readonly badge?: ReactNode;
}): ReactNode {
  const [python, rust, ...note] = Children.toArray(children);
  return (
    <div className={styles.row} role="row" data-cheat-row={kind}>
      <div className={styles.task} role="rowheader">
        {title}
      </div>
      <div className={styles.python} role="cell" data-cheat-cell="python">
        {/* The column header names the language for screen readers; this label is for the eye. */}
        <span className={styles.cellLabel} aria-hidden="true">
          Python
        </span>
        {python}
      </div>
      <div className={styles.rust} role="cell" data-cheat-cell="rust">
        <span className={styles.cellLabel} aria-hidden="true">
          Rust
        </span>
        {rust}
      </div>
      <div className={styles.note} role="cell" data-cheat-cell="note">
        {badge}
        {note}
      </div>
    </div>
  );
}

/** One task: the Python sample, the Rust sample, and a note that links to the chapter teaching it. */
export function CheatRow({title, same = false, children}: RowProps): ReactNode {
  return (
    <Row
      title={title}
      kind="sample"
      badge={
        same ? (
          <span className={styles.badge} data-badge="same">
            Same output
          </span>
        ) : undefined
      }>
      {children}
    </Row>
  );
}

/** A tooling task that cannot run as a sample: the two commands, not run, and the note. */
export function CheatCommand({title, children}: CommandProps): ReactNode {
  return (
    <Row
      title={title}
      kind="command"
      badge={
        <span className={styles.badge} data-badge="command">
          Commands, not run here
        </span>
      }>
      {children}
    </Row>
  );
}
