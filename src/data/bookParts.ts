/**
 * The book's parts: the folder of docs/ each lives in, its title, and what
 * kind of pages it holds. Chapter parts teach, and every chapter follows the
 * chapter rules (an opening, a summary, a quiz, Go deeper with Rustlings, at
 * most 4,500 words of prose); the reference part holds look-up pages (the
 * cheat sheet, the glossary) that point back into the chapters instead.
 */
export type BookPartKind = 'chapters' | 'reference';

export interface BookPart {
  readonly dirName: string;
  readonly label: string;
  readonly kind: BookPartKind;
  /** The fewest words of prose a chapter of this part may have (tools/proseWords.ts counts them). */
  readonly minProseWords?: number;
}

export const BOOK_PARTS: readonly BookPart[] = [
  {dirName: 'foundations', label: 'Part I — Foundations', kind: 'chapters'},
  {dirName: 'under-the-hood', label: 'Part II — Under the hood', kind: 'chapters'},
  // Each chapter of Part III teaches a whole topic a data engineer meets on the first day.
  {dirName: 'everyday-rust', label: 'Part III — Everyday Rust for data code', kind: 'chapters', minProseWords: 2500},
  {dirName: 'etl-job', label: 'Part IV — The ETL job in Rust', kind: 'chapters'},
  {dirName: 'beyond-one-core', label: 'Part V — Beyond one core', kind: 'chapters'},
  {dirName: 'reference', label: 'Reference', kind: 'reference'},
];

/** The part a page of docs/ belongs to, from its path (`docs/<part>/<file>.mdx`), if any. */
export function bookPartOf(pagePath: string): BookPart | undefined {
  const segments = pagePath.split(/[\\/]/);
  const docs = segments.lastIndexOf('docs');
  const dirName = docs === -1 ? undefined : segments[docs + 1];
  return BOOK_PARTS.find((part) => part.dirName === dirName && segments.length === docs + 3);
}

/** What src/plugins/bookContents.ts publishes for the cover and 404 pages. */
export interface BookContents {
  readonly parts: readonly {
    readonly label: string;
    readonly chapters: readonly {readonly title: string; readonly permalink: string}[];
  }[];
}
