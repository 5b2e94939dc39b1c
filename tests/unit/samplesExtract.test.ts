/**
 * How a page's samples are found (src/samples/page.ts, shared by the page renderer and the verifier):
 * fence lines, result blocks, JSX, and the authoring mistakes it reports.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';

import {extractSamples} from '../../src/samples/page';

const fence = '```';

function page(...lines: string[]): string {
  return lines.join('\n');
}

describe('extractSamples', () => {
  it('finds rust and python fences with the line of the opening fence', () => {
    const {samples, problems} = extractSamples(
      page('# Title', '', `${fence}python`, 'print(1)', fence, '', `${fence}rust no_run`, 'fn main() {}', fence, ''),
      'docs/a.mdx',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      samples.map((sample) => [sample.file, sample.line, sample.language, sample.meta, sample.code]),
      [
        ['docs/a.mdx', 3, 'python', '', 'print(1)'],
        ['docs/a.mdx', 7, 'rust', 'no_run', 'fn main() {}'],
      ],
    );
  });

  it('keeps line numbers of the file when there is front matter', () => {
    const {samples} = extractSamples(
      page('---', 'title: A {brace}', 'description: x', '---', '', `${fence}rust`, 'fn main() {}', fence),
      'docs/a.mdx',
    );
    assert.equal(samples[0]?.line, 6);
  });

  it('pairs output and error blocks that follow a sample', () => {
    const {samples, problems} = extractSamples(
      page(
        `${fence}python raises=ValueError`,
        'print(1)',
        'float("x")',
        fence,
        '',
        `${fence}text output`,
        '1',
        fence,
        '',
        `${fence}text error`,
        'ValueError: x',
        fence,
      ),
      'docs/a.mdx',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(samples[0]?.output, {kind: 'output', text: '1', line: 6});
    assert.deepEqual(samples[0].error, {kind: 'error', text: 'ValueError: x', line: 10});
  });

  it('finds samples inside JSX, each with its own output', () => {
    const {samples, problems} = extractSamples(
      page(
        '<CodeCompare>',
        '',
        `${fence}python`,
        'print(4)',
        fence,
        '',
        `${fence}text output`,
        '4',
        fence,
        '',
        `${fence}rust`,
        'println!("4");',
        fence,
        '',
        `${fence}text output`,
        '4',
        fence,
        '',
        '</CodeCompare>',
        '',
        '<Quiz>',
        '<QuizQuestion options={["a", "b"]} answer={1} why="because">',
        '',
        `${fence}rust compile_fail=E0382`,
        'let a = vec![1]; let b = a; a;',
        fence,
        '',
        '</QuizQuestion>',
        '</Quiz>',
      ),
      'docs/a.mdx',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      samples.map((sample) => [sample.line, sample.language, sample.output?.line]),
      [
        [3, 'python', 7],
        [11, 'rust', 15],
        [24, 'rust', undefined],
      ],
    );
  });

  it('reports an output block with no sample before it, with its line', () => {
    const {problems} = extractSamples(page('Some prose.', '', `${fence}text output`, '7', fence), 'docs/a.mdx');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 3);
    assert.match(problems[0].message, /a `text output` block must follow a python or rust sample/);
  });

  it('reports an output block separated from its sample by prose', () => {
    const {samples, problems} = extractSamples(
      page(`${fence}python`, 'print(1)', fence, '', 'It prints:', '', `${fence}text output`, '1', fence),
      'docs/a.mdx',
    );
    assert.equal(samples[0]?.output, undefined);
    assert.equal(problems[0]?.line, 7);
  });

  it('reports an output block that follows its sample outside the JSX element', () => {
    const {problems} = extractSamples(
      page(
        '<CodeCompare>',
        '',
        `${fence}python`,
        'print(1)',
        fence,
        '',
        '</CodeCompare>',
        '',
        `${fence}text output`,
        '1',
        fence,
      ),
      'docs/a.mdx',
    );
    assert.equal(problems[0]?.line, 9);
  });

  it('reports a second output block', () => {
    const {problems} = extractSamples(
      page(
        `${fence}python`,
        'print(1)',
        fence,
        '',
        `${fence}text output`,
        '1',
        fence,
        '',
        `${fence}text output`,
        '1',
        fence,
      ),
      'docs/a.mdx',
    );
    assert.equal(problems[0]?.line, 9);
    assert.match(problems[0].message, /a second `text output` block for the sample at line 1/);
  });

  it('keeps bad attributes for the verifier to report', () => {
    const {samples} = extractSamples(page(`${fence}rust compile_fail`, 'fn main() {}', fence), 'docs/a.mdx');
    assert.equal(samples[0]?.attributes.ok, false);
  });

  it('reports fences that look like samples but would not be checked', () => {
    const {problems} = extractSamples(
      page(`${fence}py`, 'print(1)', fence, '', `${fence}rust,no_run`, 'fn main() {}', fence),
      'docs/a.mdx',
    );
    assert.deepEqual(
      problems.map((problem) => [problem.line, problem.message]),
      [
        [1, '```py is not checked; write ```python (add ignore="reason" if it must not be run)'],
        [5, '```rust,no_run is not checked: attributes go after a space, not a comma; write ```rust no_run'],
      ],
    );
  });

  it('leaves other languages and plain text alone', () => {
    const {samples, problems} = extractSamples(
      page(
        `${fence}console`,
        '$ cargo run',
        fence,
        '',
        `${fence}text`,
        'plain',
        fence,
        '',
        `${fence}toml`,
        'a = 1',
        fence,
      ),
      'docs/a.mdx',
    );
    assert.deepEqual([samples, problems], [[], []]);
  });

  it('parses maths with braces as the site does', () => {
    const {problems} = extractSamples(page('Sorting costs $O(n \\log n)$ and $\\frac{n}{2}$.'), 'docs/a.mdx');
    assert.deepEqual(problems, []);
  });

  it('reports a page that does not parse, with the line', () => {
    const {problems} = extractSamples(page('# Title', '', 'A broken <Tag element.'), 'docs/a.mdx');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 3);
    assert.match(problems[0].message, /does not parse as MDX/);
  });
});
