/**
 * Old chapter URLs that must keep working after a chapter is renamed or split.
 * Each `from` gets a small static page (written by
 * @docusaurus/plugin-client-redirects) that forwards to `to`, with the query
 * and `#hash` the reader arrived with when JavaScript runs. Paths are
 * relative to the base URL, like every route.
 */
export interface ChapterRedirect {
  readonly from: string;
  readonly to: string;
}

export const CHAPTER_REDIRECTS: readonly ChapterRedirect[] = [
  // "Types" was split into "Structs and enums" (03) and "Result, traits and
  // generics" (04); the old URL goes to the first half, where the split is
  // explained in the opening.
  {from: '/under-the-hood/types', to: '/under-the-hood/structs-and-enums'},
];
