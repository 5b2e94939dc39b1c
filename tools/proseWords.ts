/**
 * `npm run words -- [page-or-folder ...]`: how many words of prose each
 * chapter has, against the book's limit of 4,500 per chapter. Reference
 * pages (the cheat sheet, the glossary) are counted but have no limit.
 *
 * Prose is what a reader reads as text: paragraphs, headings, lists, tables,
 * link text, admonitions, the text inside components (quiz questions), the
 * text attributes a reader reads (a quiz's `options` and `why`, a card's
 * `why`), and each piece of inline code as one word. Not prose: front matter,
 * import and export lines, code blocks, other JSX attributes and maths.
 */
import fs from 'node:fs';
import path from 'node:path';

import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';

import {bookPartOf} from '../src/data/bookParts';

/** The most words of prose a chapter may have. */
export const MAX_PROSE_WORDS = 4500;

const WORD = /[\p{L}\p{N}]/u;

function stripFrontMatter(source: string): string {
  return source.replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
}

/** JSX attributes whose text the reader reads. */
const READER_ATTRIBUTES = new Set(['options', 'why']);

function wordsIn(text: string): number {
  return text.split(/\s+/).filter((token) => WORD.test(token)).length;
}

/** Words of prose in one MDX page. */
export function countProseWords(source: string): number {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(stripFrontMatter(source));
  let words = 0;
  visit(tree, (node) => {
    if (node.type === 'text') {
      words += wordsIn(node.value);
    } else if (node.type === 'inlineCode') {
      words += 1;
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || !READER_ATTRIBUTES.has(attribute.name)) continue;
        const value = attribute.value;
        const text = typeof value === 'string' ? value : (value?.value ?? '');
        // An options={["a", "b"]} array: count the words of its strings, not its punctuation.
        words += wordsIn(text.replace(/[[\]",]/g, ' '));
      }
    }
  });
  return words;
}

function pagesUnder(entry: string): string[] {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) {
    return [entry];
  }
  return fs
    .readdirSync(entry, {recursive: true, encoding: 'utf8'})
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => path.join(entry, name))
    .sort();
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help')) {
    console.log('Usage: npm run words -- [page-or-folder ...]   (default: docs/)\n');
    console.log(`Prints the words of prose of each page; exits 1 if one has more than ${MAX_PROSE_WORDS}.`);
    return 0;
  }
  const invokedFrom = process.env.INIT_CWD ?? process.cwd();
  const given = argv.length > 0 ? argv.map((entry) => path.resolve(invokedFrom, entry)) : [path.resolve('docs')];
  let over = 0;
  for (const page of given.flatMap(pagesUnder)) {
    const count = countProseWords(fs.readFileSync(page, 'utf8'));
    const isChapter = bookPartOf(path.relative(process.cwd(), page))?.kind !== 'reference';
    const flag =
      isChapter && count > MAX_PROSE_WORDS ? `  over the limit of ${MAX_PROSE_WORDS}: split the chapter` : '';
    if (flag) over += 1;
    console.log(`${String(count).padStart(6)}  ${path.relative(process.cwd(), page)}${flag}`);
  }
  return over > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(process.argv.slice(2));
}
