/**
 * The whole book as one HTML document, for Chromium to print into the PDF
 * (tools/pdf/bookPdf.ts). Takes a production build; gives a cover, the
 * contents, a title page per part and every chapter's content, in reading
 * order: the order of the cover's table of contents, which
 * src/plugins/bookContents.ts builds from the sidebar.
 *
 * One document means one set of ids and links that resolve inside it:
 * - every id in a chapter gets the chapter's prefix (`borrowing--slices`), and
 *   so does every reference to it (`href="#…"`, `aria-labelledby`, `url(#…)`);
 * - a link to another chapter (or one of its headings) points to that
 *   chapter's section of the PDF; a link to any other page of the site (the
 *   search page, a file) becomes its published URL; external links stay;
 * - the answers of each quiz, behind "Show answer" on screen, move to the end
 *   of their chapter, where a reader of paper can check them after trying.
 */
import fs from 'node:fs';
import path from 'node:path';

import {
  appendHtml,
  attribute,
  escapeHtml,
  findElement,
  findElements,
  hasClass,
  innerHtml,
  insertHtmlAfter,
  outerHtml,
  parseDocument,
  removeAttribute,
  removeNode,
  setAttribute,
  textOf,
  type Element,
} from './htmlTree';

export interface BookChapter {
  readonly title: string;
  /** Relative to the base URL, as in the sitemap: `under-the-hood/borrowing`. */
  readonly pagePath: string;
  /** The chapter's id in the assembled document: `under-the-hood-borrowing`. */
  readonly id: string;
  /** "Part II — Under the hood · Chapter 2": the line above the chapter's title. */
  readonly label: string;
}

export interface BookPart {
  readonly label: string;
  /** The part's id in the assembled document: `part-2`. */
  readonly id: string;
  readonly chapters: readonly BookChapter[];
}

export interface BookSite {
  /** The published address of the cover, from its canonical link: `https://…/rust-for-python-developers/`. */
  readonly siteUrl: string;
  /** `/` or `/rust-for-python-developers/`. */
  readonly baseUrl: string;
  readonly title: string;
  readonly tagline: string;
  readonly parts: readonly BookPart[];
}

/** Where each part and chapter starts in the PDF, by id: filled in on the second printing. */
export type PageNumbers = ReadonlyMap<string, number>;

export const COVER_ID = 'cover';
export const CONTENTS_ID = 'contents';

const BOOK_CSS = fs.readFileSync(path.join(__dirname, 'book.css'), 'utf8');

/** Attributes that hold a space-separated list of ids. */
const ID_LIST_ATTRIBUTES = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'for', 'headers'];

const readHtml = (buildDir: string, file: string): string => {
  const full = path.join(buildDir, file);
  if (!fs.existsSync(full)) {
    throw new Error(`${full} is missing: build the site first (npm run build)`);
  }
  return fs.readFileSync(full, 'utf8');
};

/** The HTML file of a page path: `` → index.html, `a/b` → a/b.html. */
export const htmlFileOf = (pagePath: string): string => (pagePath === '' ? 'index.html' : `${pagePath}.html`);

export const chapterIdOf = (pagePath: string): string => pagePath.replace(/[^A-Za-z0-9]+/g, '-');

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * The book's parts and chapters, in reading order, from the cover's table of
 * contents; checked against the sitemap so that no chapter is left out.
 */
export function readBookSite(buildDir: string): BookSite {
  const cover = parseDocument(readHtml(buildDir, 'index.html'));
  const canonical = findElement(cover, (el) => el.tagName === 'link' && attribute(el, 'rel') === 'canonical');
  const siteUrl = canonical && attribute(canonical, 'href');
  if (!siteUrl) {
    throw new Error(`${buildDir}/index.html has no <link rel="canonical">: is it a Docusaurus build?`);
  }
  const baseUrl = new URL(siteUrl).pathname;
  const contents = findElement(
    cover,
    (el) => el.tagName === 'nav' && attribute(el, 'aria-label') === 'Table of contents',
  );
  if (!contents) {
    throw new Error(
      `${buildDir}/index.html has no <nav aria-label="Table of contents">: the cover must show BookContents (src/components/BookContents), which gives the book's order`,
    );
  }
  const hero = findElement(
    cover,
    (el) => el.tagName === 'header' && findElement(el, (h) => h.tagName === 'h1') !== undefined,
  );
  const heroTitle = hero && findElement(hero, (el) => el.tagName === 'h1');
  const heroTagline = hero && findElement(hero, (el) => el.tagName === 'p');

  const parts: BookPart[] = findElements(contents, (el) => el.tagName === 'section').map((section, partIndex) => {
    const heading = findElement(section, (el) => /^h[2-6]$/.test(el.tagName));
    const label = heading ? textOf(heading) : `Part ${ROMAN[partIndex] ?? partIndex + 1}`;
    const chapters = findElements(section, (el) => el.tagName === 'a' && attribute(el, 'href') !== undefined).map(
      (link, chapterIndex) => {
        const href = attribute(link, 'href')!;
        if (!href.startsWith(baseUrl)) {
          throw new Error(`the cover's contents link to ${href}, outside the base URL ${baseUrl}`);
        }
        const pagePath = href.slice(baseUrl.length).replace(/\/$/, '');
        return {
          title: textOf(link),
          pagePath,
          id: chapterIdOf(pagePath),
          label: `${label} · Chapter ${chapterIndex + 1}`,
        };
      },
    );
    return {label, id: `part-${partIndex + 1}`, chapters};
  });

  const listed = new Set(parts.flatMap((part) => part.chapters.map((chapter) => chapter.pagePath)));
  const sitemap = readHtml(buildDir, 'sitemap.xml');
  const missing = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((match) => new URL(match[1]!).pathname.slice(baseUrl.length).replace(/\/$/, ''))
    .filter((pagePath) => pagePath !== '' && pagePath !== 'search' && !listed.has(pagePath));
  if (missing.length > 0) {
    throw new Error(
      `sitemap.xml lists ${missing.map((page) => `/${page}`).join(', ')}, which the cover's contents do not; ` +
        'a chapter outside the book parts of src/data/bookParts.ts would be left out of the PDF',
    );
  }
  if (listed.size === 0) {
    throw new Error(`the cover's contents in ${buildDir}/index.html list no chapter`);
  }
  return {
    siteUrl,
    baseUrl,
    title: heroTitle ? textOf(heroTitle) : 'Rust for Python Developers',
    tagline: heroTagline ? textOf(heroTagline) : '',
    parts,
  };
}

interface AssembledChapter {
  readonly html: string;
  readonly stylesheets: readonly string[];
  readonly ids: ReadonlySet<string>;
}

/** Rewrites one link target for the assembled document; returns what the href becomes. */
function rewriteHref(
  href: string,
  chapter: BookChapter,
  site: BookSite,
  chapterIds: ReadonlyMap<string, string>,
  localIds: ReadonlySet<string>,
): string {
  if (href.startsWith('#')) {
    const id = decodeURIComponent(href.slice(1));
    return localIds.has(id) ? `#${chapter.id}--${id}` : href;
  }
  if (/^(mailto:|tel:|data:)/.test(href)) {
    return href;
  }
  const resolved = new URL(href, new URL(chapter.pagePath, site.siteUrl));
  const siteOrigin = new URL(site.siteUrl).origin;
  if (resolved.origin !== siteOrigin || !resolved.pathname.startsWith(site.baseUrl)) {
    return resolved.href;
  }
  const pagePath = decodeURIComponent(resolved.pathname.slice(site.baseUrl.length)).replace(/\/$/, '');
  const targetId = chapterIds.get(pagePath);
  const anchor = decodeURIComponent(resolved.hash.slice(1));
  if (targetId !== undefined) {
    return anchor ? `#${targetId}--${anchor}` : `#${targetId}`;
  }
  if (pagePath === '' && !anchor) {
    return `#${COVER_ID}`;
  }
  return resolved.href;
}

/** One chapter's content, ready to sit in the book: ids prefixed, links rewritten, quiz answers at the end. */
function assembleChapter(
  buildDir: string,
  chapter: BookChapter,
  site: BookSite,
  chapterIds: ReadonlyMap<string, string>,
): AssembledChapter {
  const file = htmlFileOf(chapter.pagePath);
  const document = parseDocument(readHtml(buildDir, file));
  const stylesheets = findElements(
    document,
    (el) => el.tagName === 'link' && attribute(el, 'rel') === 'stylesheet' && attribute(el, 'href') !== undefined,
  ).map((link) => attribute(link, 'href')!);
  const content = findElement(document, (el) => el.tagName === 'div' && hasClass(el, 'theme-doc-markdown'));
  if (!content) {
    throw new Error(`${file}: no <div class="theme-doc-markdown"> in the page: is it a doc page?`);
  }
  const title = findElement(content, (el) => el.tagName === 'h1');
  if (!title) {
    throw new Error(`${file}: the chapter has no <h1>`);
  }
  if (attribute(title, 'id') === undefined) {
    setAttribute(title, 'id', 'title');
  }

  // The "#" beside each heading is for sharing a link on screen; on paper it is noise.
  for (const hashLink of findElements(content, (el) => el.tagName === 'a' && hasClass(el, 'hash-link'))) {
    removeNode(hashLink);
  }
  moveQuizAnswers(content, file);

  const localIds = new Set(
    findElements(content, (el) => attribute(el, 'id') !== undefined).map((el) => attribute(el, 'id')!),
  );
  const prefixed = (id: string): string => (localIds.has(id) ? `${chapter.id}--${id}` : id);
  for (const element of findElements(content, () => true)) {
    for (const attr of element.attrs) {
      if (attr.name === 'id') {
        attr.value = prefixed(attr.value);
      } else if (ID_LIST_ATTRIBUTES.includes(attr.name)) {
        attr.value = attr.value
          .split(/\s+/)
          .map((id) => prefixed(id))
          .join(' ');
      } else if (attr.name === 'href' && element.tagName !== 'a' && attr.value.startsWith('#')) {
        attr.value = `#${prefixed(attr.value.slice(1))}`; // SVG <use href="#…">
      } else if (attr.value.includes('url(#')) {
        attr.value = attr.value.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefixed(id)})`);
      }
    }
    if (element.tagName === 'a' && attribute(element, 'href') !== undefined) {
      setAttribute(element, 'href', rewriteHref(attribute(element, 'href')!, chapter, site, chapterIds, localIds));
      // A PDF has no tabs: a link opens where the reader's viewer opens it.
      removeAttribute(element, 'target');
      removeAttribute(element, 'rel');
    }
    if (element.tagName === 'details') {
      setAttribute(element, 'open', ''); // paper cannot be clicked open
    }
  }

  const ids = new Set([chapter.id, ...[...localIds].map((id) => prefixed(id))]);
  const html =
    `<article class="book-chapter" id="${chapter.id}" aria-labelledby="${attribute(title, 'id')!}">` +
    `<p class="book-chapter-label">${escapeHtml(chapter.label)}</p>` +
    outerHtml(content) +
    '</article>';
  return {html, stylesheets, ids};
}

/**
 * Takes the answer out of each quiz question (the `<details data-quiz-answer>`
 * the Quiz component renders), adds them as an "Answers to the quiz" section
 * at the end of the chapter's content, and leaves a link to it under each quiz.
 */
function moveQuizAnswers(content: Element, file: string): void {
  const quizzes = findElements(content, (el) => el.tagName === 'section' && attribute(el, 'aria-label') === 'Quiz');
  const sections = quizzes.map((quiz, quizIndex) => {
    const items = findElements(quiz, (el) => el.tagName === 'fieldset').map((question) => {
      const legend = findElement(question, (el) => el.tagName === 'legend');
      const answer = findElement(
        question,
        (el) => el.tagName === 'details' && attribute(el, 'data-quiz-answer') !== undefined,
      );
      if (!answer) {
        throw new Error(
          `${file}: quiz question "${legend ? textOf(legend) : '?'}" has no <details data-quiz-answer>; ` +
            'the Quiz component (src/components/Quiz) renders one for each question',
        );
      }
      const text = findElement(answer, (el) => el.tagName === 'p');
      removeNode(answer);
      const number = legend ? /\d+/.exec(textOf(legend))?.[0] : undefined;
      return `<li${number ? ` value="${number}"` : ''}>${text ? innerHtml(text) : escapeHtml(textOf(answer))}</li>`;
    });
    const answersId = quizIndex === 0 ? 'quiz-answers' : `quiz-answers-${quizIndex + 1}`;
    insertHtmlAfter(
      quiz,
      `<p class="book-quiz-note">The answers are at the <a href="#${answersId}">end of this chapter</a>.</p>`,
    );
    const heading = quizzes.length > 1 ? `Answers to quiz ${quizIndex + 1}` : 'Answers to the quiz';
    return `<section class="book-answers"><h2 id="${answersId}">${heading}</h2><ol>${items.join('')}</ol></section>`;
  });
  if (sections.length > 0) {
    appendHtml(content, sections.join(''));
  }
}

export interface AssembledBook {
  readonly html: string;
  /** Every id in the document, for checking links. */
  readonly ids: ReadonlySet<string>;
}

function contentsEntry(id: string, title: string, pageNumbers: PageNumbers | undefined, className: string): string {
  const page = pageNumbers?.get(id);
  return (
    `<a class="${className}" href="#${id}"><span class="book-contents-title">${escapeHtml(title)}</span>` +
    `<span class="book-contents-leader" aria-hidden="true"></span>` +
    `<span class="book-contents-page">${page === undefined ? '' : String(page)}</span></a>`
  );
}

/** The book as one HTML document, with `pageNumbers` in the contents when they are known. */
export function assembleBook(buildDir: string, site: BookSite, madeOn: Date, pageNumbers?: PageNumbers): AssembledBook {
  const chapterIds = new Map(
    site.parts.flatMap((part) => part.chapters.map((chapter) => [chapter.pagePath, chapter.id])),
  );
  const stylesheets: string[] = [];
  const ids = new Set<string>([COVER_ID, CONTENTS_ID]);
  const body: string[] = [];

  const date = madeOn.toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'});
  body.push(
    `<section class="book-cover" id="${COVER_ID}" aria-labelledby="${COVER_ID}-title">` +
      `<h1 id="${COVER_ID}-title" class="book-cover-title">${escapeHtml(site.title)}</h1>` +
      `<p class="book-cover-tagline">${escapeHtml(site.tagline)}</p>` +
      `<p class="book-cover-edition">This copy was made on ${date} from the online edition, ` +
      `<a href="${escapeHtml(site.siteUrl)}">${escapeHtml(site.siteUrl)}</a>, where every sample is compiled and run by the book's tests.</p>` +
      '</section>',
  );

  body.push(
    `<nav class="book-contents" id="${CONTENTS_ID}" aria-labelledby="${CONTENTS_ID}-title"><h1 id="${CONTENTS_ID}-title">Contents</h1>` +
      site.parts
        .map(
          (part) =>
            `<section class="book-contents-part">${contentsEntry(part.id, part.label, pageNumbers, 'book-contents-part-link')}` +
            `<ol>${part.chapters
              .map(
                (chapter) =>
                  `<li>${contentsEntry(chapter.id, chapter.title, pageNumbers, 'book-contents-chapter-link')}</li>`,
              )
              .join('')}</ol></section>`,
        )
        .join('') +
      '</nav>',
  );

  for (const part of site.parts) {
    ids.add(part.id);
    body.push(
      `<section class="book-part" id="${part.id}"><h1 class="book-part-title">${escapeHtml(part.label)}</h1></section>`,
    );
    for (const chapter of part.chapters) {
      const assembled = assembleChapter(buildDir, chapter, site, chapterIds);
      for (const stylesheet of assembled.stylesheets) {
        if (!stylesheets.includes(stylesheet)) {
          stylesheets.push(stylesheet);
        }
      }
      for (const id of assembled.ids) {
        if (ids.has(id)) {
          throw new Error(`the id "${id}" of /${chapter.pagePath} is already used in the book; prefixing failed`);
        }
        ids.add(id);
      }
      body.push(assembled.html);
    }
  }

  const html =
    '<!doctype html>' +
    `<html lang="en" dir="ltr" data-theme="light"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(site.title)}</title>` +
    stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('') +
    `<style>${BOOK_CSS}</style></head>` +
    `<body class="book-pdf">${body.join('')}</body></html>`;

  const broken = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!).filter((id) => !ids.has(id));
  if (broken.length > 0) {
    throw new Error(
      `links inside the PDF point to ids that are not in it: ${[...new Set(broken)].slice(0, 10).join(', ')}`,
    );
  }
  return {html, ids};
}
