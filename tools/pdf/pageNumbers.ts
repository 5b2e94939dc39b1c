/**
 * Where each part and chapter starts in a printed PDF, read back from the PDF
 * itself with pdftotext (poppler-utils): Chromium cannot number the contents
 * while it prints, so the book is printed, measured, and printed again with
 * the numbers in.
 */
import {execFileSync} from 'node:child_process';

import type {BookSite, PageNumbers} from './assembleBook';

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text of each page, in order; undefined when pdftotext is not installed. */
export function pdfPageTexts(pdfPath: string): string[] | undefined {
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], {
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1);
}

/**
 * The first page (counting from 1) of each part and chapter. A part's page
 * holds only its label (and the page number in the footer); a chapter's first
 * page starts with its label ("Part II — Under the hood · Chapter 2"). Each
 * is looked for after the one before it, so the contents pages never match.
 */
export function findStartPages(pages: readonly string[], site: BookSite): Map<string, number> {
  const found = new Map<string, number>();
  let page = 0;
  const seek = (id: string, what: string, matches: (text: string) => boolean): void => {
    while (page < pages.length && !matches(squash(pages[page]!))) {
      page += 1;
    }
    if (page === pages.length) {
      throw new Error(`the printed book has no page that starts ${what}; was the layout changed?`);
    }
    found.set(id, page + 1);
  };
  for (const part of site.parts) {
    const label = squash(part.label);
    seek(part.id, `with the part title "${label}"`, (text) => text.replace(/\s*\d+$/, '') === label);
    for (const chapter of part.chapters) {
      const chapterLabel = squash(chapter.label);
      seek(chapter.id, `with "${chapterLabel}"`, (text) => text.startsWith(chapterLabel));
    }
  }
  return found;
}

export function samePageNumbers(a: PageNumbers, b: PageNumbers): boolean {
  return a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);
}
