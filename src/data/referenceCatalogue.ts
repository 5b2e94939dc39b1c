/**
 * The catalogue of reference material the book links into: every page of the
 * Rust Book and Rust By Example with the heading anchors each really has, and
 * the Rustlings exercise topics (src/data/reference-links/*.json, copied from
 * the projects' sources at the commit each file names).
 *
 * Given a URL, tells whether it points into one of those books, and if so
 * whether its page and anchor exist — with the closest real ones when not.
 */
import rustBook from './reference-links/rust-book.json';
import rustByExample from './reference-links/rust-by-example.json';
import rustlings from './reference-links/rustlings.json';

interface CataloguePage {
  readonly url: string;
  readonly title: string;
  /** Every id on the page a link can target, in page order; old ids kept for old links come last. */
  readonly anchors: readonly string[];
  /** Heading anchor → the heading's text, inline code in backticks (the two books; not Rustlings). */
  readonly headings?: Readonly<Record<string, string | undefined>>;
}

interface CatalogueBook {
  readonly book: string;
  readonly base: string;
  readonly pages: readonly CataloguePage[];
}

export interface Reference {
  /** The book's name, e.g. "The Rust Programming Language". */
  readonly book: string;
  readonly pageTitle: string;
  /** The section's heading as the book prints it (`code` in backticks); absent for a link to the page's top. */
  readonly sectionTitle?: string;
}

export type ReferenceLookup =
  {readonly ok: true; readonly reference: Reference} | {readonly ok: false; readonly message: string};

const BOOK_NAMES: Readonly<Record<string, string>> = {
  'rust-book': 'The Rust Programming Language',
  'rust-by-example': 'Rust By Example',
  rustlings: 'Rustlings',
};

const BOOKS: readonly CatalogueBook[] = [rustBook, rustByExample, rustlings];

/** URL prefixes that mean "a link into one of the catalogued books", in any spelling. */
const REFERENCE_HOSTS = [
  /^https?:\/\/doc\.rust-lang\.org\/(?:stable\/|beta\/|nightly\/)?(?:book|rust-by-example)(?:\/|$)/,
  /^https?:\/\/(?:www\.)?github\.com\/rust-lang\/rustlings(?:\/|$)/,
  /^https?:\/\/rustlings\.rust-lang\.org(?:\/|$)/,
];

const pagesByUrl = new Map<string, {book: CatalogueBook; page: CataloguePage}>();
for (const book of BOOKS) {
  for (const page of book.pages) {
    pagesByUrl.set(normalise(page.url), {book, page});
  }
}

function normalise(url: string): string {
  return url.replace(/\/+$/, '');
}

export function isReferenceUrl(url: string): boolean {
  return REFERENCE_HOSTS.some((pattern) => pattern.test(url));
}

/** Edit distance, for suggesting the closest real page or anchor. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function closest(target: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The candidate slug sharing the most words with `target` (an old id and its renamed heading), then the nearest. */
function closestByWords(target: string, candidates: readonly string[]): string | undefined {
  const words = new Set(target.split('-').filter((word) => word.length > 2));
  const shared = (candidate: string) => candidate.split('-').filter((word) => words.has(word)).length;
  const most = Math.max(0, ...candidates.map(shared));
  return closest(
    target,
    candidates.filter((candidate) => shared(candidate) === most),
  );
}

/** Checks a URL that isReferenceUrl accepted against the catalogue. */
export function lookupReference(url: string): ReferenceLookup {
  const hashIndex = url.indexOf('#');
  const pageUrl = normalise(hashIndex === -1 ? url : url.slice(0, hashIndex));
  const anchor = hashIndex === -1 ? undefined : url.slice(hashIndex + 1);
  const found = pagesByUrl.get(pageUrl);
  if (!found) {
    const suggestion = closest(pageUrl, [...pagesByUrl.keys()]);
    return {
      ok: false,
      message: `${url} is not a page in the reference catalogue; closest real page: ${suggestion ?? 'none'}`,
    };
  }
  const {book, page} = found;
  const bookName = BOOK_NAMES[book.book] ?? book.book;
  if (anchor === undefined || anchor === '') {
    return {ok: true, reference: {book: bookName, pageTitle: page.title}};
  }
  if (!page.anchors.includes(anchor)) {
    const suggestion = closest(anchor, page.anchors);
    const hint = suggestion
      ? `closest real anchor: ${page.url}#${suggestion}`
      : `that page has no anchors; link to ${page.url}`;
    return {ok: false, message: `${url}: "${page.title}" has no heading #${anchor}; ${hint}`};
  }
  const isPageHeading = page.anchors[0] === anchor;
  if (isPageHeading || page.headings === undefined) {
    return {ok: true, reference: {book: bookName, pageTitle: page.title}};
  }
  const heading = page.headings[anchor];
  if (heading === undefined) {
    // An id the page keeps so that old links still land, not a heading of its own.
    const suggestion = closestByWords(anchor, Object.keys(page.headings));
    return {
      ok: false,
      message: `${url}: #${anchor} is an old id "${page.title}" keeps for old links, not one of its headings; link to the heading itself${suggestion ? `, such as ${page.url}#${suggestion} ("${page.headings[suggestion]}")` : ''}`,
    };
  }
  return {ok: true, reference: {book: bookName, pageTitle: page.title, sectionTitle: heading}};
}
