/**
 * Server-rendered HTML of <Quiz> and <QuizQuestion>: what a reader without
 * JavaScript (or a printer, or the first paint) gets, and the authoring
 * errors that fail the build. The interactive version after hydration is
 * covered by the Playwright tests in tests/e2e/.
 *
 * Run: node --import tsx --test tests/unit/quiz.test.tsx
 */
import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import type {ReactNode} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';

import './componentHarness';

type QuizModule = typeof import('../../src/components/Quiz');
type InlineCodeModule = typeof import('../../src/components/InlineCode');
let quiz: QuizModule;
let inlineCode: InlineCodeModule;

before(async () => {
  // Imported only now, after the CSS stand-in and the alias are in place.
  quiz = await import('../../src/components/Quiz');
  inlineCode = await import('../../src/components/InlineCode');
});

/** Renders without React's console noise for the errors we expect. */
function render(node: ReactNode): string {
  return renderToStaticMarkup(<>{node}</>);
}

function twoQuestions(): ReactNode {
  const {default: Quiz, QuizQuestion} = quiz;
  return (
    <Quiz>
      <QuizQuestion options={['`u32`', '`Option<u32>`', '`Result<u32, String>`']} answer={2} why="`parse` can fail.">
        <p>Which type does `parse_quantity` return?</p>
      </QuizQuestion>
      <QuizQuestion options={['Yes', 'No']} answer={1} why="Hints are not checked at run time.">
        <p>Does CPython enforce type hints?</p>
      </QuizQuestion>
    </Quiz>
  );
}

describe('server-rendered quiz', () => {
  test('wraps the questions in a labelled section', () => {
    const html = render(twoQuestions());
    assert.match(html, /^<section class="quiz" aria-label="Quiz">/);
  });

  test('makes each question a fieldset whose legend numbers it', () => {
    const html = render(twoQuestions());
    assert.equal(html.match(/<fieldset /g)?.length, 2);
    assert.match(html, /<legend class="legend">Question 1 of 2<\/legend>/);
    assert.match(html, /<legend class="legend">Question 2 of 2<\/legend>/);
  });

  test('describes the fieldset by the question body', () => {
    const html = render(twoQuestions());
    const describedBy = /<fieldset class="question" aria-describedby="([^"]+)">/.exec(html)?.[1];
    assert.ok(describedBy, 'fieldset has aria-describedby');
    assert.ok(html.includes(`<div class="body" id="${describedBy}"><p>Which type does`), 'the id is the body');
  });

  test('renders every option as a radio button inside its label', () => {
    const html = render(twoQuestions());
    const radios = [
      ...html.matchAll(/<label class="option"><input class="radio" type="radio" name="([^"]+)" value="(\d)"\/>/g),
    ];
    assert.equal(radios.length, 5);
    const [first, second, third, fourth] = radios.map((match) => match[1]);
    assert.equal(first, second, 'the options of one question share a name');
    assert.equal(second, third);
    assert.notEqual(third, fourth, 'two questions are two radio groups');
    assert.doesNotMatch(html, /<input[^>]* checked/, 'nothing is selected to begin with');
  });

  test('hides the answer behind a native details element, marked for the PDF of the book', () => {
    const html = render(twoQuestions());
    assert.equal(html.match(/<details class="fallback" data-quiz-answer="">/g)?.length, 2);
    assert.match(html, /<summary class="summary">Show answer<\/summary>/);
    assert.ok(
      html.includes(
        '<details class="fallback" data-quiz-answer=""><summary class="summary">Show answer</summary><p class="fallbackText">' +
          '<strong>Answer:</strong> <code>Result&lt;u32, String&gt;</code>. <code>parse</code> can fail.</p></details>',
      ),
    );
    assert.ok(html.includes('<strong>Answer:</strong> No. Hints are not checked at run time.'));
  });

  test('leaves the Check button and the live region to the hydrated page', () => {
    const html = render(twoQuestions());
    assert.doesNotMatch(html, /<button/);
    assert.doesNotMatch(html, /<form/);
    assert.doesNotMatch(html, /aria-live/);
  });

  test('renders backticks in options as code and escapes the rest', () => {
    const {default: Quiz, QuizQuestion} = quiz;
    const html = render(
      <Quiz>
        <QuizQuestion options={['`Vec<Order>`', '<script>alert(1)</script> `&str`']} answer={0} why="Owned rows.">
          <p>Which type owns its rows?</p>
        </QuizQuestion>
      </Quiz>,
    );
    assert.ok(html.includes('<span><code>Vec&lt;Order&gt;</code></span>'));
    assert.ok(html.includes('<span>&lt;script&gt;alert(1)&lt;/script&gt; <code>&amp;str</code></span>'));
    assert.doesNotMatch(html, /<script>/);
  });
});

describe('renderInlineCode', () => {
  test('alternates text and code', () => {
    assert.equal(
      renderToStaticMarkup(<>{inlineCode.renderInlineCode('call `parse` then `unwrap`')}</>),
      'call <code>parse</code> then <code>unwrap</code>',
    );
  });

  test('leaves text without backticks alone', () => {
    assert.deepEqual(inlineCode.renderInlineCode('plain text'), ['plain text']);
  });

  test('returns null for an unmatched backtick', () => {
    assert.equal(inlineCode.renderInlineCode('a `b'), null);
  });
});

describe('authoring errors', () => {
  /** A one-question quiz with the given (possibly wrong) props. */
  function quizWith(props: Record<string, unknown>): ReactNode {
    const {default: Quiz, QuizQuestion} = quiz;
    const Question = QuizQuestion as unknown as (props: Record<string, unknown>) => ReactNode;
    return (
      <Quiz>
        <Question {...props}>
          <p>Which error code does rustc give a non-exhaustive match?</p>
        </Question>
      </Quiz>
    );
  }

  const name = 'Quiz question 1 of 1 (“Which error code does rustc give a non-exhaustive match?”)';

  test('an answer past the last option names the question and the range', () => {
    assert.throws(() => render(quizWith({options: ['E0004', 'E0308'], answer: 2, why: 'Missing arms.'})), {
      message: `${name}: answer={2} is out of range; it is the 0-based index of the right option, so 0 to 1 for 2 options.`,
    });
  });

  test('a negative or fractional answer is out of range', () => {
    for (const answer of [-1, 0.5, '0', undefined]) {
      assert.throws(() => render(quizWith({options: ['E0004', 'E0308'], answer, why: 'Missing arms.'})), {
        message: new RegExp(`answer=\\{${String(answer)}\\} is out of range`),
      });
    }
  });

  test('no options', () => {
    assert.throws(() => render(quizWith({answer: 0, why: 'Missing arms.'})), {
      message: `${name} needs options={["…", "…"]} with at least two choices; got nothing.`,
    });
    assert.throws(() => render(quizWith({options: [], answer: 0, why: 'Missing arms.'})), {
      message: `${name} needs options={["…", "…"]} with at least two choices; got [].`,
    });
  });

  test('a single option is not a question', () => {
    assert.throws(() => render(quizWith({options: ['E0004'], answer: 0, why: 'Missing arms.'})), {
      message: /at least two choices; got \["E0004"\]/,
    });
  });

  test('empty and repeated options', () => {
    assert.throws(() => render(quizWith({options: ['E0004', ' '], answer: 0, why: 'Missing arms.'})), {
      message: `${name}: option 1 must be non-empty text; got " ".`,
    });
    assert.throws(() => render(quizWith({options: ['E0004', 'E0004'], answer: 0, why: 'Missing arms.'})), {
      message: `${name}: option 1 ("E0004") repeats an earlier option.`,
    });
  });

  test('an unmatched backtick in an option or in why', () => {
    assert.throws(() => render(quizWith({options: ['`E0004', 'E0308'], answer: 0, why: 'Missing arms.'})), {
      message: /option 0 \("`E0004"\) has an unmatched backtick/,
    });
    assert.throws(() => render(quizWith({options: ['E0004', 'E0308'], answer: 0, why: 'Missing `match arms.'})), {
      message: /why="Missing `match arms\." has an unmatched backtick/,
    });
  });

  test('a missing why', () => {
    assert.throws(() => render(quizWith({options: ['E0004', 'E0308'], answer: 0})), {
      message: `${name} needs why="…": one line saying why the answer is right.`,
    });
  });

  test('the second question is named as the second', () => {
    const {default: Quiz, QuizQuestion} = quiz;
    assert.throws(
      () =>
        render(
          <Quiz>
            <QuizQuestion options={['Yes', 'No']} answer={1} why="Hints are not enforced.">
              <p>Does CPython enforce type hints?</p>
            </QuizQuestion>
            <QuizQuestion options={['Yes', 'No']} answer={5} why="Rust checks every arm.">
              <p>Must a Rust match be exhaustive?</p>
            </QuizQuestion>
          </Quiz>,
        ),
      {message: /^Quiz question 2 of 2 \(“Must a Rust match be exhaustive\?”\): answer=\{5\}/},
    );
  });

  test('a question outside a quiz', () => {
    const {QuizQuestion} = quiz;
    assert.throws(
      () =>
        render(
          <QuizQuestion options={['Yes', 'No']} answer={1} why="Hints are not enforced.">
            <p>Does CPython enforce type hints?</p>
          </QuizQuestion>,
        ),
      {
        message:
          '<QuizQuestion> (“Does CPython enforce type hints?”) is outside a <Quiz>; wrap the questions in <Quiz>…</Quiz>.',
      },
    );
  });

  test('a quiz without questions, or with something else inside', () => {
    const {default: Quiz} = quiz;
    assert.throws(() => render(<Quiz>{null}</Quiz>), {
      message: '<Quiz> has no questions; put one or more <QuizQuestion> elements inside it.',
    });
    assert.throws(
      () =>
        render(
          <Quiz>
            <p>Answer these.</p>
          </Quiz>,
        ),
      {message: /^<Quiz> may contain only <QuizQuestion> elements; found <p>\./},
    );
  });
});
