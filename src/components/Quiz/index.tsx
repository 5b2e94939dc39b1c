/**
 * `<Quiz>` and `<QuizQuestion>`: the end-of-chapter questions of Part II.
 *
 * ```mdx
 * <Quiz>
 * <QuizQuestion options={["`Some(3)`", "`None`"]} answer={0} why="…">
 * Which value does `"3".parse::<u32>().ok()` give?
 * </QuizQuestion>
 * </Quiz>
 * ```
 *
 * Server-rendered (and with JavaScript off, or printed) each question is a
 * `<fieldset>` with its body, native radio buttons, and the answer behind a
 * native `<details data-quiz-answer>` "Show answer" (the PDF of the book,
 * tools/pdf/, finds the answers by that attribute and prints them at the end
 * of the chapter). Once React has hydrated, the `<details>` gives way to a
 * "Check" button and an `aria-live="polite"` status line.
 *
 * Why a "Check" button rather than checking on select: in a native radio
 * group the arrow keys move *and select*, so check-on-select would judge
 * (and announce) every option a keyboard user passes over on the way to the
 * one they mean. With a button, Tab and the arrows behave exactly as they do
 * in any form, and nothing is announced until the reader asks.
 *
 * Authoring mistakes (no options, `answer` out of range, an unmatched
 * backtick) throw while rendering, naming the question, so the build fails
 * at the page that has them.
 */
import {Children, createContext, isValidElement, useContext, useId, useRef, useState} from 'react';
import type {ReactElement, ReactNode, SubmitEvent} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';

import {renderInlineCode} from '../InlineCode';
import styles from './styles.module.css';

/** Props of `<QuizQuestion>`; the body (Markdown) comes as children. */
export interface Props {
  /** The choices, in order; `inline code` in backticks renders as `<code>`. */
  readonly options: readonly string[];
  /** 0-based index into `options` of the right answer. */
  readonly answer: number;
  /** One line saying why that answer is right; may contain `inline code`. */
  readonly why: string;
  readonly children?: ReactNode;
}

export interface QuizProps {
  /** One or more `<QuizQuestion>` elements. */
  readonly children?: ReactNode;
}

interface QuestionPosition {
  readonly number: number;
  readonly total: number;
}

const QuestionPositionContext = createContext<QuestionPosition | null>(null);

/** A list of questions; numbers them "Question 1 of n". */
export default function Quiz({children}: QuizProps): ReactNode {
  const questions: ReactElement[] = [];
  for (const child of Children.toArray(children)) {
    if (typeof child === 'string' && child.trim() === '') {
      continue;
    }
    if (!isValidElement(child) || child.type !== QuizQuestion) {
      throw new Error(
        `<Quiz> may contain only <QuizQuestion> elements; found ${describeNode(child)}. ` +
          'Put the text inside a <QuizQuestion> or move it out of the <Quiz>.',
      );
    }
    questions.push(child);
  }
  if (questions.length === 0) {
    throw new Error('<Quiz> has no questions; put one or more <QuizQuestion> elements inside it.');
  }
  return (
    <section className={styles.quiz} aria-label="Quiz">
      {questions.map((question, index) => (
        <QuestionPositionContext.Provider
          key={question.key ?? index}
          value={{number: index + 1, total: questions.length}}>
          {question}
        </QuestionPositionContext.Provider>
      ))}
    </section>
  );
}

type Verdict = 'correct' | 'wrong' | 'unanswered';

/** One question: a fieldset of radio buttons, checked on request. */
export function QuizQuestion({options, answer, why, children}: Props): ReactNode {
  const position = useContext(QuestionPositionContext);
  const id = useId();
  const hydrated = useIsBrowser();
  const [selected, setSelected] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const firstRadio = useRef<HTMLInputElement>(null);

  const name = questionName(position, children);
  if (position === null) {
    throw new Error(`${name} is outside a <Quiz>; wrap the questions in <Quiz>…</Quiz>.`);
  }
  const optionContents = validateOptions(name, options);
  validateAnswer(name, answer, options.length);
  const whyContent = validateWhy(name, why);
  const answerContent = optionContents[answer];

  const bodyId = `${id}-body`;
  const legend = `Question ${position.number} of ${position.total}`;

  function choose(index: number): void {
    setSelected(index);
    // A verdict about the previous choice would now be stale.
    setVerdict(null);
  }

  function check(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (selected === null) {
      setVerdict('unanswered');
    } else {
      setVerdict(selected === answer ? 'correct' : 'wrong');
    }
  }

  function tryAgain(): void {
    setSelected(null);
    setVerdict(null);
    firstRadio.current?.focus();
  }

  const fieldset = (
    <fieldset className={styles.question} aria-describedby={bodyId}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.body} id={bodyId}>
        {children}
      </div>
      <div className={styles.options}>
        {optionContents.map((content, index) => (
          <label key={index} className={optionClassName(index, answer, selected, verdict)}>
            <input
              ref={index === 0 ? firstRadio : undefined}
              className={styles.radio}
              type="radio"
              name={id}
              value={String(index)}
              checked={selected === index}
              onChange={() => {
                choose(index);
              }}
            />
            <span>{content}</span>
          </label>
        ))}
      </div>
      {hydrated ? (
        <>
          <div className={styles.actions}>
            <button type="submit" className={`button button--primary ${styles.button}`}>
              Check
            </button>
            {verdict === 'correct' || verdict === 'wrong' ? (
              <button type="button" className={`button button--secondary ${styles.button}`} onClick={tryAgain}>
                Try again
              </button>
            ) : null}
          </div>
          <p className={feedbackClassName(verdict)} role="status" aria-live="polite">
            {feedback(verdict, answerContent, whyContent)}
          </p>
          <p className={styles.printAnswer}>
            <AnswerText answer={answerContent} why={whyContent} />
          </p>
        </>
      ) : (
        <details className={styles.fallback} data-quiz-answer="">
          <summary className={styles.summary}>Show answer</summary>
          <p className={styles.fallbackText}>
            <AnswerText answer={answerContent} why={whyContent} />
          </p>
        </details>
      )}
    </fieldset>
  );

  // The form (and its Check button) exists only once React runs: without
  // JavaScript, Enter on a radio would submit it and reload the page.
  return hydrated ? (
    <form className={styles.form} onSubmit={check} noValidate>
      {fieldset}
    </form>
  ) : (
    <div className={styles.form}>{fieldset}</div>
  );
}

function AnswerText({answer, why}: {readonly answer: ReactNode; readonly why: ReactNode}): ReactNode {
  return (
    <>
      <strong>Answer:</strong> {answer}. {why}
    </>
  );
}

function feedback(verdict: Verdict | null, answer: ReactNode, why: ReactNode): ReactNode {
  switch (verdict) {
    case null:
      return null;
    case 'unanswered':
      return 'Pick one of the options first, then press Check.';
    case 'correct':
      return (
        <>
          <strong>Correct.</strong> {why}
        </>
      );
    case 'wrong':
      return (
        <>
          <strong>Not quite</strong> — the answer is {answer}. {why}
        </>
      );
  }
}

function feedbackClassName(verdict: Verdict | null): string | undefined {
  switch (verdict) {
    case 'correct':
      return `${styles.feedback} ${styles.feedbackCorrect}`;
    case 'wrong':
      return `${styles.feedback} ${styles.feedbackWrong}`;
    default:
      return styles.feedback;
  }
}

function optionClassName(
  index: number,
  answer: number,
  selected: number | null,
  verdict: Verdict | null,
): string | undefined {
  if (verdict === 'correct' && index === answer) {
    return `${styles.option} ${styles.optionCorrect}`;
  }
  if (verdict === 'wrong' && index === selected) {
    return `${styles.option} ${styles.optionWrong}`;
  }
  return styles.option;
}

function validateOptions(name: string, options: unknown): ReactNode[] {
  if (!Array.isArray(options) || options.length < 2) {
    throw new Error(
      `${name} needs options={["…", "…"]} with at least two choices; got ${options === undefined ? 'nothing' : JSON.stringify(options)}.`,
    );
  }
  const seen = new Set<string>();
  return options.map((option: unknown, index) => {
    if (typeof option !== 'string' || option.trim() === '') {
      throw new Error(`${name}: option ${index} must be non-empty text; got ${JSON.stringify(option)}.`);
    }
    if (seen.has(option)) {
      throw new Error(`${name}: option ${index} (${JSON.stringify(option)}) repeats an earlier option.`);
    }
    seen.add(option);
    const content = renderInlineCode(option);
    if (content === null) {
      throw new Error(
        `${name}: option ${index} (${JSON.stringify(option)}) has an unmatched backtick; ` +
          'wrap code in a pair of backticks.',
      );
    }
    return content;
  });
}

function validateAnswer(name: string, answer: unknown, optionCount: number): void {
  if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer >= optionCount) {
    throw new Error(
      `${name}: answer={${String(answer)}} is out of range; it is the 0-based index of the right ` +
        `option, so 0 to ${optionCount - 1} for ${optionCount} options.`,
    );
  }
}

function validateWhy(name: string, why: unknown): ReactNode[] {
  if (typeof why !== 'string' || why.trim() === '') {
    throw new Error(`${name} needs why="…": one line saying why the answer is right.`);
  }
  const content = renderInlineCode(why);
  if (content === null) {
    throw new Error(`${name}: why="${why}" has an unmatched backtick; wrap code in a pair of backticks.`);
  }
  return content;
}

/** "Quiz question 2 of 3 (“Which error code…”)", for error messages. */
function questionName(position: QuestionPosition | null, body: ReactNode): string {
  const where = position === null ? '<QuizQuestion>' : `Quiz question ${position.number} of ${position.total}`;
  const text = textOf(body).replace(/\s+/g, ' ').trim();
  if (text === '') {
    return where;
  }
  const excerpt = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return `${where} (“${excerpt}”)`;
}

/** The plain text inside a React tree, as far as it can be read from props. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') {
    return String(node);
  }
  if (Array.isArray(node)) {
    return node.map((child: ReactNode) => textOf(child)).join('');
  }
  if (isValidElement<{children?: ReactNode}>(node)) {
    return textOf(node.props.children);
  }
  return '';
}

function describeNode(node: ReactNode): string {
  if (typeof node === 'string') {
    return `the text ${JSON.stringify(node.trim().slice(0, 40))}`;
  }
  if (isValidElement(node)) {
    const type = node.type;
    if (typeof type === 'string') {
      return `<${type}>`;
    }
    if (typeof type === 'function') {
      return `<${type.name || 'anonymous component'}>`;
    }
    return 'an element';
  }
  return typeof node === 'number' || typeof node === 'bigint' || typeof node === 'boolean'
    ? String(node)
    : 'a fragment';
}
