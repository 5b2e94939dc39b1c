/**
 * The whole book as a PDF (`npm run pdf`, tools/pdf/): it is in the build,
 * linked from the cover under the base URL, within its size budget, and its
 * text (read back with pdftotext, from poppler-utils) holds every chapter in
 * the cover's order with the right page numbers in the contents, both
 * languages of every CodeCompare, the longest code lines whole (not cut at the
 * right edge), and every quiz answer; its links lead inside the PDF.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {expect, test} from '@playwright/test';
import {parse, type DefaultTreeAdapterMap} from 'parse5';

import {BOOK_PDF_FILE, BOOK_PDF_MAX_BYTES} from '../../src/data/bookPdf';
import {BASE_URL, BUILD_DIR, chapterPaths, htmlFileOf} from './builtSite';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const PDF = path.join(BUILD_DIR, BOOK_PDF_FILE);
/** The code lines checked for being printed whole: the longest ones are those a page edge would cut. */
const LONGEST_LINES = 40;

function* elementsOf(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      yield child;
      yield* elementsOf(child);
    }
  }
}

const attribute = (element: Element, name: string): string | undefined =>
  element.attrs.find((attr) => attr.name === name)?.value;

function textOf(node: ParentNode): string {
  return node.childNodes
    .map((child) =>
      child.nodeName === '#text'
        ? (child as DefaultTreeAdapterMap['textNode']).value
        : 'tagName' in child
          ? textOf(child)
          : '',
    )
    .join('');
}

/**
 * The lines of the code blocks in a node: each block is one `<pre><code>`, highlighted at build
 * time (src/remark/highlightCode.ts), whose text is the code with its lines ended by newlines.
 */
function codeLinesIn(node: ParentNode): string[] {
  return [...elementsOf(node)]
    .filter((element) => element.tagName === 'code' && element.parentNode?.nodeName === 'pre')
    .flatMap((code) => textOf(code).replace(/\n$/, '').split('\n'));
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();
/**
 * Wrapping a line in print adds a line break anywhere, even inside a word: compare without
 * whitespace. An emoji is printed from another font (Noto Color Emoji), which pdftotext does not
 * always read back: compare up to the first emoji.
 */
const solid = (text: string): string => text.split(/\p{Extended_Pictographic}/u)[0]!.replace(/\s+/g, '');

const pageCache = new Map<string, Element[]>();
function elementsOfPage(pagePath: string): Element[] {
  let elements = pageCache.get(pagePath);
  if (!elements) {
    elements = [...elementsOf(parse(fs.readFileSync(htmlFileOf(pagePath), 'utf8')))];
    pageCache.set(pagePath, elements);
  }
  return elements;
}

interface ContentsEntry {
  readonly part: string;
  readonly number: number;
  readonly title: string;
  readonly pagePath: string;
}

/** The book's order, as the cover's table of contents shows it. */
function coverContents(): ContentsEntry[] {
  const nav = elementsOfPage('').find(
    (element) => element.tagName === 'nav' && attribute(element, 'aria-label') === 'Table of contents',
  );
  expect(nav, 'the cover has its table of contents').toBeDefined();
  return [...elementsOf(nav!)]
    .filter((element) => element.tagName === 'section')
    .flatMap((section) => {
      const heading = [...elementsOf(section)].find((element) => /^h[2-6]$/.test(element.tagName))!;
      return [...elementsOf(section)]
        .filter((element) => element.tagName === 'a')
        .map((link, index) => ({
          part: squash(textOf(heading)),
          number: index + 1,
          title: squash(textOf(link)),
          pagePath: attribute(link, 'href')!.slice(BASE_URL.length),
        }));
    });
}

let pages: string[] = [];
let wholeText = '';

test.beforeAll(() => {
  if (!fs.existsSync(PDF)) {
    throw new Error(`${PDF} is missing: run \`npm run pdf\` after the build (npm test does)`);
  }
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', PDF, '-'], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext is missing: install poppler-utils (Debian: `apt-get install poppler-utils`)', {
        cause: error,
      });
    }
    throw error;
  }
  pages = text.split('\f').slice(0, -1);
  wholeText = text.replace(/\s+/g, '');
});

test('the cover links to the PDF under the base URL, and the server hands it out', async ({page, request}) => {
  await page.goto('');
  const link = page.getByRole('link', {name: 'the whole book as one PDF'});
  await expect(link).toHaveAttribute('href', `${BASE_URL}${BOOK_PDF_FILE}`);
  const response = await request.get(BOOK_PDF_FILE);
  expect(response.status()).toBe(200);
  expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test(`the PDF is at most ${BOOK_PDF_MAX_BYTES / (1024 * 1024)} MiB`, () => {
  const size = fs.statSync(PDF).size;
  expect(size).toBeGreaterThan(100_000);
  expect(size).toBeLessThanOrEqual(BOOK_PDF_MAX_BYTES);
});

test('every chapter is in the PDF, in the order of the contents, starting on the page the contents give', () => {
  const contents = coverContents();
  expect(new Set(contents.map((entry) => entry.pagePath))).toEqual(new Set(chapterPaths()));
  const contentsPages = pages.slice(1, 4).map(squash).join(' ');
  let previousPage = 0;
  for (const entry of contents) {
    const listed = new RegExp(`${escapeRegExp(entry.title)} (\\d+)`).exec(contentsPages);
    expect(listed, `the contents give a page number for "${entry.title}"`).not.toBeNull();
    const startPage = Number(listed![1]);
    expect(startPage, `"${entry.title}" comes after the chapter before it`).toBeGreaterThan(previousPage);
    expect(
      squash(pages[startPage - 1] ?? ''),
      `page ${startPage} starts chapter ${entry.number} of ${entry.part}, "${entry.title}"`,
    ).toMatch(new RegExp(`^${escapeRegExp(`${entry.part} · Chapter ${entry.number} ${entry.title}`)}`));
    previousPage = startPage;
  }
});

test('both languages of every CodeCompare are in the PDF', () => {
  let compares = 0;
  for (const chapter of chapterPaths()) {
    for (const compare of elementsOfPage(chapter).filter(
      (element) => element.tagName === 'section' && attribute(element, 'data-code-compare') !== undefined,
    )) {
      compares += 1;
      for (const language of ['python', 'rust']) {
        const sample = [...elementsOf(compare)].find((element) => attribute(element, 'data-sample') === language);
        const line = sample && codeLinesIn(sample)[0];
        expect(line, `/${chapter}: a CodeCompare has ${language} code`).toBeDefined();
        const code = solid(line!);
        if (code !== '') {
          expect(wholeText.includes(code), `/${chapter}: the ${language} line "${squash(line!)}"`).toBe(true);
        }
      }
    }
  }
  expect(compares).toBeGreaterThan(10);
});

test(`the ${LONGEST_LINES} longest code lines are printed whole, not cut at the right edge`, () => {
  const lines = chapterPaths().flatMap((chapter) =>
    elementsOfPage(chapter)
      .filter((element) => element.tagName === 'main')
      .flatMap((main) => codeLinesIn(main))
      .map((line) => ({chapter, text: line.replace(/\s+$/, '')})),
  );
  const longest = lines.sort((a, b) => b.text.length - a.text.length).slice(0, LONGEST_LINES);
  expect(longest[0]!.text.length, 'the longest line is longer than a printed line').toBeGreaterThan(90);
  for (const {chapter, text} of longest) {
    expect(wholeText.includes(solid(text)), `/${chapter}: ${text}`).toBe(true);
  }
});

test('every quiz question has its answer in the PDF, in an answers section after the quiz', () => {
  let questions = 0;
  for (const chapter of chapterPaths()) {
    const answers = elementsOfPage(chapter).filter(
      (element) => element.tagName === 'details' && attribute(element, 'data-quiz-answer') !== undefined,
    );
    questions += answers.length;
    for (const answer of answers) {
      const text = [...elementsOf(answer)].find((element) => element.tagName === 'p');
      expect(wholeText.includes(solid(textOf(text!))), `/${chapter}: ${squash(textOf(text!))}`).toBe(true);
    }
  }
  expect(questions).toBeGreaterThan(10);
  const answerSections = pages.filter((text) => text.includes('Answers to the quiz')).length;
  expect(answerSections).toBeGreaterThan(0);
  expect(squash(pages.join(' ')).match(/Answer:/g)?.length ?? 0).toBe(questions);
});

test('links between chapters lead inside the PDF; links to other sites stay URLs', () => {
  const raw = fs.readFileSync(PDF, 'latin1');
  const destinations = new Set([...raw.matchAll(/\/Dest\s*\/([^\s/>\]]+)/g)].map((match) => match[1]!));
  const uris = [...raw.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((match) => match[1]!);
  for (const chapter of chapterPaths()) {
    expect(destinations, `the contents link to /${chapter} inside the PDF`).toContain(
      chapter.replace(/[^A-Za-z0-9]+/g, '-'),
    );
  }
  expect(
    [...destinations].filter((destination) => destination.includes('--')).length,
    'links to headings of chapters',
  ).toBeGreaterThan(10);
  expect(uris.some((uri) => uri.startsWith('https://doc.rust-lang.org/'))).toBe(true);
  const siteUrl = new URL(
    /<link[^>]*rel="canonical"[^>]*href="([^"]+)"/.exec(fs.readFileSync(htmlFileOf(''), 'utf8'))![1]!,
  ).href;
  const toChapters = uris.filter((uri) => chapterPaths().some((chapter) => uri.startsWith(`${siteUrl}${chapter}`)));
  expect(toChapters, 'no link leaves the PDF for a chapter that is in it').toEqual([]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
