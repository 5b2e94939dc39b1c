/**
 * The book's pages, for the tests that check each one of them: every `.md` and
 * `.mdx` file under docs/, sorted, as its path from the site's root with `/`
 * between folders (the path a problem names, `docs/<part>/<nn>-<slug>.mdx`) and
 * its text.
 */
import fs from 'node:fs';
import path from 'node:path';

import {bookPartOf, type BookPartKind} from '../../src/data/bookParts';

const SITE_DIR = path.resolve(import.meta.dirname, '../..');
const DOCS_DIR = path.join(SITE_DIR, 'docs');

export interface BookPage {
  /** The path from the site's root, such as `docs/foundations/01-welcome.mdx`. */
  readonly relativePath: string;
  readonly source: string;
}

export function bookPages(): BookPage[] {
  return fs
    .readdirSync(DOCS_DIR, {recursive: true, encoding: 'utf8'})
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => path.posix.join('docs', file.split(path.sep).join('/')))
    .sort()
    .map((relativePath) => ({relativePath, source: fs.readFileSync(path.join(SITE_DIR, relativePath), 'utf8')}));
}

/** The pages in parts of one kind: chapters, or the reference part's pages. */
export function bookPagesOfKind(kind: BookPartKind): BookPage[] {
  return bookPages().filter((page) => bookPartOf(page.relativePath)?.kind === kind);
}
