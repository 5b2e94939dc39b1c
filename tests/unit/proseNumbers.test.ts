/**
 * Numbers in the book's prose are written one way: thousands separated by
 * commas (1,000,000; 36,520 rows/s), never by spaces or underscores, and never
 * run together from five digits up (100000). Code is not prose: fences,
 * inline code, maths and JSX attributes that hold code are not checked; the
 * text attributes a reader reads (a card's or quiz's `why`, a quiz's
 * `options`) are. A mistake fails with the file, the line and what to write.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';

const SITE_DIR = path.resolve(import.meta.dirname, '../..');
const DOCS_DIR = path.join(SITE_DIR, 'docs');

/** JSX attributes whose text the reader reads. */
const READER_ATTRIBUTES = new Set(['options', 'why']);

/** Digit groups joined by a space (or a no-break or thin space), or by `_`. */
const SPACED = /(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d])/g;
const UNDERSCORED = /(?<![\w.])\d{1,3}(?:_\d{3})+(?![\w])/g;
/** Five or more digits in a row, not part of a word, a decimal or a version (E0308, 3.11.7, 5250514621.01 are other things). */
const RUN_TOGETHER = /(?<![\w.,\-/#])\d{5,}(?![\w.,]?\d|[\w-])/g;

function withCommas(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Blanks the front matter, keeping its lines, so that line numbers stay the file's. */
function blankFrontMatter(source: string): string {
  return source.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/, (block) => block.replace(/[^\n]/g, ''));
}

interface ProseText {
  readonly text: string;
  readonly line: number;
}

function proseTexts(source: string): ProseText[] {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).parse(blankFrontMatter(source));
  const texts: ProseText[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'text') {
      texts.push({text: node.value, line});
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || !READER_ATTRIBUTES.has(attribute.name)) continue;
        const value = attribute.value;
        const text = typeof value === 'string' ? value : (value?.value ?? '');
        // Backticks mark code in these attributes, as in Markdown: blank the code, keep the offsets.
        texts.push({text: text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)), line});
      }
    }
  });
  return texts;
}

/** Problems with the numbers in one page's prose, as `path:line: what; what to do`. */
export function numberProblems(relativePath: string, source: string): string[] {
  const problems: string[] = [];
  for (const {text, line} of proseTexts(source)) {
    const lineOf = (index: number) => line + (text.slice(0, index).match(/\n/g)?.length ?? 0);
    for (const match of text.matchAll(SPACED)) {
      const fixed = withCommas(match[0].replace(/\D/g, ''));
      problems.push(
        `${relativePath}:${lineOf(match.index)}: "${match[0]}" separates thousands with spaces; write ${fixed} (commas in prose)`,
      );
    }
    for (const match of text.matchAll(UNDERSCORED)) {
      const fixed = withCommas(match[0].replace(/\D/g, ''));
      problems.push(
        `${relativePath}:${lineOf(match.index)}: "${match[0]}" separates thousands with underscores, as code does; in prose write ${fixed}, or put the literal in code font`,
      );
    }
    for (const match of text.matchAll(RUN_TOGETHER)) {
      problems.push(
        `${relativePath}:${lineOf(match.index)}: "${match[0]}" has no thousands separators; write ${withCommas(match[0])}, or put it in code font if it is code or output`,
      );
    }
  }
  return problems;
}

function pages(): string[] {
  return fs
    .readdirSync(DOCS_DIR, {recursive: true, encoding: 'utf8'})
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => path.join('docs', file))
    .sort();
}

describe('numbers in prose', () => {
  test('every page separates thousands with commas', () => {
    const problems = pages().flatMap((file) =>
      numberProblems(file, fs.readFileSync(path.join(SITE_DIR, file), 'utf8')),
    );
    assert.deepEqual(problems, []);
  });

  test('mistakes are reported with the file, the line and what to write', () => {
    const page = [
      '---',
      'title: Numbers',
      '---',
      '',
      'The job read 1 000 000 rows,',
      'then 10_000 more and 250000 after that.',
      '',
      '<QuizQuestion options={["About 36 520 rows/s", "`1_000` and `100000`"]} answer={0} why="See 2024 and 4,500.">',
      '',
      'Code is not prose: `1_000_000` and `100000`.',
      '',
      '```python',
      'rows = 1_000_000',
      '```',
      '',
      '</QuizQuestion>',
    ].join('\n');
    assert.deepEqual(numberProblems('docs/part/numbers.mdx', page), [
      'docs/part/numbers.mdx:5: "1 000 000" separates thousands with spaces; write 1,000,000 (commas in prose)',
      'docs/part/numbers.mdx:6: "10_000" separates thousands with underscores, as code does; in prose write 10,000, or put the literal in code font',
      'docs/part/numbers.mdx:6: "250000" has no thousands separators; write 250,000, or put it in code font if it is code or output',
      'docs/part/numbers.mdx:8: "36 520" separates thousands with spaces; write 36,520 (commas in prose)',
    ]);
  });

  test('years, versions, decimals, error codes and small numbers are left alone', () => {
    const page =
      'In 2024, CPython 3.11.7 and rustc 1.95.0 gave E0308, 4,500 words, 0.00001 s, SKU-10042 and 2.5 × 10¹⁸.\n';
    assert.deepEqual(numberProblems('docs/part/fine.mdx', page), []);
  });
});
