/** The book's parts: the folder of docs/ each lives in, and its title. */
export interface BookPart {
  readonly dirName: string;
  readonly label: string;
  /** The fewest words of prose a chapter of this part may have (tools/proseWords.ts counts them). */
  readonly minProseWords?: number;
}

export const BOOK_PARTS: readonly BookPart[] = [
  {dirName: 'foundations', label: 'Part I — Foundations'},
  {dirName: 'under-the-hood', label: 'Part II — Under the hood'},
  // Each chapter of Part III teaches a whole topic a data engineer meets on the first day.
  {dirName: 'everyday-rust', label: 'Part III — Everyday Rust for data code', minProseWords: 2500},
  {dirName: 'etl-job', label: 'Part IV — The ETL job in Rust'},
  {dirName: 'beyond-one-core', label: 'Part V — Beyond one core'},
];

/** What src/plugins/bookContents.ts publishes for the cover and 404 pages. */
export interface BookContents {
  readonly parts: readonly {
    readonly label: string;
    readonly chapters: readonly {readonly title: string; readonly permalink: string}[];
  }[];
}
