/**
 * tools/pdf/assembleBook.ts on a small made-up build: the book's order comes
 * from the cover's contents, ids get their chapter's prefix, links between
 * chapters point inside the document, other links stay (or become published
 * URLs), quiz answers move to the end of their chapter, and each mistake the
 * build could hold is explained.
 *
 * Run: node --import tsx --test tests/unit/bookPdf.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, test} from 'node:test';

import {assembleBook, readBookSite} from '../../tools/pdf/assembleBook';

const SITE = 'https://books.example.org/rfpd/';

function cover(chapters: ReadonlyArray<[string, string]>): string {
  return (
    `<html><head><link rel="canonical" href="${SITE}"></head><body><main><header><h1>The Book</h1><p>A tagline.</p></header>` +
    '<nav aria-label="Table of contents"><section><h3>Part I — Basics</h3><ol>' +
    chapters.map(([href, title]) => `<li><a href="/rfpd/${href}">${title}</a></li>`).join('') +
    '</ol></section></nav></main></body></html>'
  );
}

function chapter(title: string, body: string): string {
  return (
    '<html><head><link rel="stylesheet" href="/rfpd/assets/css/styles.css"></head><body><article>' +
    `<div class="theme-doc-markdown markdown"><header><h1>${title}</h1></header>${body}</div>` +
    '</article></body></html>'
  );
}

const QUIZ =
  '<section aria-label="Quiz"><div><fieldset aria-describedby="q1-body"><legend>Question 1 of 1</legend>' +
  '<div id="q1-body"><p>Does it compile?</p></div>' +
  '<details data-quiz-answer=""><summary>Show answer</summary><p><strong>Answer:</strong> No. It moves.</p></details>' +
  '</fieldset></div></section>';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

function makeBuild(files: Readonly<Record<string, string>>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'book-pdf-'));
  tempDirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const sitemap = (...pages: string[]): string =>
  `<urlset>${['', 'search', ...pages].map((page) => `<url><loc>${SITE}${page}</loc></url>`).join('')}</urlset>`;

function twoChapterBuild(): string {
  return makeBuild({
    'index.html': cover([
      ['basics/memory', 'Memory'],
      ['basics/borrowing', 'Borrowing'],
    ]),
    'sitemap.xml': sitemap('basics/memory', 'basics/borrowing'),
    'basics/memory.html': chapter(
      'Memory',
      '<h2 id="moves">Moves<a href="#moves" class="hash-link">#</a></h2>' +
        '<p>See <a href="#moves">above</a>, <a href="/rfpd/basics/borrowing#slices">slices</a>, ' +
        '<a href="/rfpd/search">search</a> and <a href="https://doc.rust-lang.org/book/" target="_blank" rel="noopener">the Book</a>.</p>' +
        '<svg aria-labelledby="diagram-title"><title id="diagram-title">A diagram</title>' +
        '<marker id="arrow"></marker><path marker-end="url(#arrow)"></path></svg>' +
        QUIZ,
    ),
    'basics/borrowing.html': chapter(
      'Borrowing',
      '<h2 id="slices">Slices</h2><p>Back to <a href="/rfpd/basics/memory">memory</a>.</p>',
    ),
  });
}

describe('readBookSite', () => {
  test("takes the parts and chapters in the order of the cover's contents", () => {
    const site = readBookSite(twoChapterBuild());
    assert.equal(site.baseUrl, '/rfpd/');
    assert.equal(site.title, 'The Book');
    assert.deepEqual(
      site.parts.map((part) => [part.label, part.chapters.map((entry) => [entry.pagePath, entry.id, entry.label])]),
      [
        [
          'Part I — Basics',
          [
            ['basics/memory', 'basics-memory', 'Part I — Basics · Chapter 1'],
            ['basics/borrowing', 'basics-borrowing', 'Part I — Basics · Chapter 2'],
          ],
        ],
      ],
    );
  });

  test('says which chapter of the sitemap the contents leave out', () => {
    const build = makeBuild({
      'index.html': cover([['basics/memory', 'Memory']]),
      'sitemap.xml': sitemap('basics/memory', 'basics/extra'),
    });
    assert.throws(() => readBookSite(build), /sitemap\.xml lists \/basics\/extra, which the cover's contents do not/);
  });

  test('says what the cover lacks when it has no contents', () => {
    const build = makeBuild({
      'index.html': `<html><head><link rel="canonical" href="${SITE}"></head><body></body></html>`,
      'sitemap.xml': sitemap(),
    });
    assert.throws(() => readBookSite(build), /has no <nav aria-label="Table of contents">/);
  });
});

describe('assembleBook', () => {
  test('prefixes ids and every reference to them with the chapter', () => {
    const build = twoChapterBuild();
    const {html} = assembleBook(build, readBookSite(build), new Date('2026-01-02T00:00:00Z'));
    assert.match(html, /<h2 id="basics-memory--moves">Moves<\/h2>/, 'the # link beside the heading is gone');
    assert.match(html, /<a href="#basics-memory--moves">above<\/a>/);
    assert.match(html, /<svg aria-labelledby="basics-memory--diagram-title"><title id="basics-memory--diagram-title">/);
    assert.match(html, /marker-end="url\(#basics-memory--arrow\)"/);
    assert.match(html, /aria-describedby="basics-memory--q1-body"/);
  });

  test('points links between chapters inside the document, and the rest at the published site', () => {
    const build = twoChapterBuild();
    const {html, ids} = assembleBook(build, readBookSite(build), new Date('2026-01-02T00:00:00Z'));
    assert.match(html, /<a href="#basics-borrowing--slices">slices<\/a>/);
    assert.match(html, /<a href="#basics-memory">memory<\/a>/);
    assert.match(html, /<a href="https:\/\/books\.example\.org\/rfpd\/search">search<\/a>/);
    assert.match(html, /<a href="https:\/\/doc\.rust-lang\.org\/book\/">the Book<\/a>/, 'no target or rel left');
    assert.ok(ids.has('basics-borrowing--slices'));
    assert.match(html, /<a class="book-contents-chapter-link" href="#basics-memory">/);
    assert.match(html, /<link rel="stylesheet" href="\/rfpd\/assets\/css\/styles\.css">/);
  });

  test('moves quiz answers to the end of the chapter, with a link to them under the quiz', () => {
    const build = twoChapterBuild();
    const {html} = assembleBook(build, readBookSite(build), new Date('2026-01-02T00:00:00Z'));
    assert.doesNotMatch(html, /Show answer/);
    assert.match(html, /The answers are at the <a href="#basics-memory--quiz-answers">end of this chapter<\/a>/);
    assert.match(
      html,
      /<h2 id="basics-memory--quiz-answers">Answers to the quiz<\/h2><ol><li value="1"><strong>Answer:<\/strong> No\. It moves\.<\/li><\/ol>/,
    );
    assert.ok(
      html.indexOf('quiz-answers">Answers') < html.indexOf('id="basics-borrowing"'),
      'the answers close their own chapter',
    );
  });

  test('fills in the page numbers of the contents once they are known', () => {
    const build = twoChapterBuild();
    const site = readBookSite(build);
    const numbers = new Map([
      ['part-1', 3],
      ['basics-memory', 4],
      ['basics-borrowing', 9],
    ]);
    const {html} = assembleBook(build, site, new Date('2026-01-02T00:00:00Z'), numbers);
    assert.match(
      html,
      /href="#basics-borrowing"><span class="book-contents-title">Borrowing<\/span><span class="book-contents-leader" aria-hidden="true"><\/span><span class="book-contents-page">9<\/span>/,
    );
    assert.match(html, /This copy was made on 2 January 2026 from the online edition/);
  });

  test('names the question whose answer it cannot find', () => {
    const build = makeBuild({
      'index.html': cover([['basics/memory', 'Memory']]),
      'sitemap.xml': sitemap('basics/memory'),
      'basics/memory.html': chapter('Memory', QUIZ.replace(' data-quiz-answer=""', '')),
    });
    assert.throws(
      () => assembleBook(build, readBookSite(build), new Date()),
      /basics\/memory\.html: quiz question "Question 1 of 1" has no <details data-quiz-answer>/,
    );
  });
});
