/**
 * Search, from the navbar box and from the search page: a word from each
 * chapter's title finds that chapter and lands on it with the word marked;
 * hostile input never throws, never turns into markup, and gets a sensible
 * empty answer.
 */
import fs from 'node:fs';

import {expect, test, type Page} from '@playwright/test';

import {chapterPaths, htmlFileOf} from './builtSite';
import {waitUntilHydrated, watchPageProblems} from './pageAudit';

interface ChapterTerm {
  readonly chapter: string;
  readonly title: string;
  readonly term: string;
}

const textOf = (html: string): string =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .toLowerCase();

/**
 * For each chapter, the word of its title (5+ letters) that the fewest other
 * chapters' articles contain: the query a reader who remembers the chapter
 * would type.
 */
function chapterTerms(): ChapterTerm[] {
  const chapters = chapterPaths().map((chapter) => {
    const html = fs.readFileSync(htmlFileOf(chapter), 'utf8');
    const title = textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const heading =
      /<h1[^>]*>([\s\S]*?)<\/h1>/
        .exec(html)?.[1]
        ?.replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .trim() ?? '';
    // What the search index holds: the article, not the sidebar and navbar that every page repeats.
    const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? html;
    return {chapter, title, heading, text: textOf(article)};
  });
  return chapters.map(({chapter, title, heading}) => {
    const words = [...new Set(title.match(/[a-z]{5,}/g) ?? [])];
    if (words.length === 0) {
      throw new Error(`/${chapter}: its title "${heading}" has no word of 5+ letters to search for`);
    }
    const spread = (word: string): number => chapters.filter((other) => other.text.includes(word)).length;
    const term = words.sort((a, b) => spread(a) - spread(b) || b.length - a.length)[0]!;
    return {chapter, title: heading, term};
  });
}

async function openNavbarSearch(page: Page): Promise<ReturnType<Page['getByRole']>> {
  // The plugin turns the input into a combobox (and loads the index) on first focus.
  await page.locator('.navbar__search-input').click();
  const searchBox = page.getByRole('combobox', {name: 'Search'});
  await expect(searchBox).toBeVisible();
  return searchBox;
}

async function expectLandedWithHighlight(page: Page, {chapter, term}: ChapterTerm): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/${chapter}\\?_highlight=${encodeURIComponent(term)}`));
  const mark = page.locator('article mark').first();
  await expect(mark, `"${term}" is marked on /${chapter}`).toBeVisible();
  expect((await mark.innerText()).toLowerCase()).toContain(term.slice(0, 4));
  // Let the chunks Docusaurus prefetches for visible links finish before the test navigates on.
  await page.waitForLoadState('networkidle');
}

for (const chapterTerm of chapterTerms()) {
  test(`"${chapterTerm.term}" finds /${chapterTerm.chapter}, from the navbar and the search page`, async ({page}) => {
    const problems = watchPageProblems(page);
    await page.goto('', {waitUntil: 'networkidle'});
    const searchBox = await openNavbarSearch(page);
    await searchBox.fill(chapterTerm.term);
    const option = page.getByRole('option').filter({hasText: chapterTerm.title}).first();
    await expect(option, `an option titled "${chapterTerm.title}"`).toBeVisible();
    await option.click();
    await expectLandedWithHighlight(page, chapterTerm);

    await page.goto(`search?q=${encodeURIComponent(chapterTerm.term)}`, {waitUntil: 'networkidle'});
    const result = page.getByRole('article').getByRole('link', {name: chapterTerm.title, exact: true}).first();
    await expect(result).toBeVisible();
    await result.click();
    await expectLandedWithHighlight(page, chapterTerm);
    expect(problems.list()).toEqual([]);
  });
}

/**
 * What readers type, and the chapter that answers it: Rust words, a typo, and
 * the Python words a reader brings to Part III. The chapter must be among the
 * first three options the navbar box offers, and the first option marks what
 * matched (the index holds no positions; the search worker finds them).
 */
const READER_WORDS: ReadonlyArray<{readonly query: string; readonly chapter: string}> = [
  {query: 'mut', chapter: 'foundations/variables-and-types'},
  {query: 'borow', chapter: 'under-the-hood/borrowing'},
  {query: 'lifetime', chapter: 'under-the-hood/borrowing'},
  {query: 'shadowing', chapter: 'foundations/variables-and-types'},
  {query: 'heap', chapter: 'under-the-hood/memory'},
  {query: 'borrow checker', chapter: 'under-the-hood/borrowing'},
  {query: 'Option', chapter: 'under-the-hood/structs-and-enums'},
  {query: 'protobuf', chapter: 'etl-job/the-python-job'},
  {query: 'bytecode', chapter: 'foundations/interpreted-vs-compiled'},
  {query: 'rustup', chapter: 'foundations/setting-up'},
  {query: 'list comprehension', chapter: 'everyday-rust/iterators-and-closures'},
  {query: 'dict', chapter: 'everyday-rust/collections'},
  {query: 'f-string', chapter: 'everyday-rust/strings-and-text'},
  {query: 'exception', chapter: 'everyday-rust/errors'},
  {query: 'import', chapter: 'everyday-rust/modules-crates-and-testing'},
  {query: 'pytest', chapter: 'everyday-rust/modules-crates-and-testing'},
];

/** A chapter's title, as its page and the search results show it. */
function titleOf(chapter: string): string {
  const html = fs.readFileSync(htmlFileOf(chapter), 'utf8');
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  if (heading === undefined) {
    throw new Error(`/${chapter} has no <h1>; is it still a chapter of the book?`);
  }
  return heading
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .trim();
}

test.describe('reader words', () => {
  for (const {query, chapter} of READER_WORDS) {
    test(`"${query}" finds /${chapter}`, async ({page}) => {
      const title = titleOf(chapter);
      await page.goto('', {waitUntil: 'networkidle'});
      const searchBox = await openNavbarSearch(page);
      await searchBox.fill(query);
      const first = page.getByRole('option').first();
      await expect(first, `options for "${query}"`).toBeVisible();
      await expect(first.locator('mark').first(), 'the first option marks what matched').toBeVisible();
      const offered = await page.getByRole('option').allInnerTexts();
      expect(
        offered.slice(0, 3).some((option) => option.includes(title)),
        `an option in "${title}" among the first three for "${query}"; offered:\n${offered.join('\n')}`,
      ).toBe(true);
    });
  }
});

/** Lighthouse's mobile network: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
/** How long a reader waits, at most, from the index arriving to the results of what they typed. */
const RESULTS_AFTER_INDEX_MS = 10_000;

test('a query typed at once on a fresh page, on a slow network, shows its results as soon as the index arrives', async ({
  context,
  page,
}) => {
  const problems = watchPageProblems(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  // The index is held until the reader has typed, so the query is always typed while it loads.
  let releaseIndex = (): void => undefined;
  const indexHeld = new Promise<void>((resolve) => {
    releaseIndex = resolve;
  });
  let indexRequested = false;
  await context.route(/\/search-index[^/]*\.json/, async (route) => {
    indexRequested = true;
    await indexHeld;
    await route.continue();
  });
  await page.goto('foundations/welcome');
  await waitUntilHydrated(page);

  const box = page.locator('.navbar__search-input');
  await box.click();
  await page.keyboard.type('borrow');
  await expect(box).toHaveValue('borrow');
  // Clicking the box started loading the search (its worker, then the index it fetches).
  await expect.poll(() => indexRequested, {message: 'the index is asked for', timeout: 10_000}).toBe(true);
  // While it loads, the box says so: a spinning ring in place of the magnifier, and a status line.
  await expect(page.locator('.navbar__search [class*="searchBarLoadingRing"]')).toBeVisible();
  await expect(page.locator('.navbar__search [role=status]')).toHaveText('Loading search…');

  releaseIndex();
  const released = Date.now();
  const option = page.getByRole('option').filter({hasText: 'Borrowing and references'}).first();
  await expect(option, 'the results of what was typed, with no key pressed again').toBeVisible({
    timeout: RESULTS_AFTER_INDEX_MS,
  });
  expect(Date.now() - released).toBeLessThan(RESULTS_AFTER_INDEX_MS);
  const searchBox = page.getByRole('combobox', {name: 'Search'});
  await expect(searchBox).toHaveValue('borrow');
  await expect(searchBox, 'the reader is still in the box').toBeFocused();
  await expect(page.locator('.navbar__search [role=status]')).toHaveText('');
  expect(problems.list()).toEqual([]);
});

/** What a careless or hostile reader types. None of them names anything in the book. */
const HOSTILE_QUERIES: ReadonlyArray<{readonly name: string; readonly query: string; readonly findsNothing: boolean}> =
  [
    {name: 'a script tag', query: '<script>alert(1)</script>', findsNothing: true},
    {name: 'an image with onerror', query: '<img src=x onerror="window.__injected=1">', findsNothing: true},
    {name: 'a 10 000-character query', query: 'qz'.repeat(5_000), findsNothing: true},
    // Taken literally, not as a regular expression: "(" may match code in the book; that is a fair answer.
    {name: 'a broken regular expression', query: '.*(', findsNothing: false},
    {name: 'emoji', query: '🦀🐍', findsNothing: true},
    {name: 'an empty query', query: '', findsNothing: true},
  ];

/** True when the page ran anything the query smuggled in. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as {__injected?: unknown}).__injected !== undefined) {
      found.push('window.__injected was set');
    }
    if ((window as unknown as {__alerted?: unknown}).__alerted !== undefined) {
      found.push('alert() was called');
    }
    if (document.querySelector('[onerror], img[src="x"]')) {
      found.push('an element with onerror is in the page');
    }
    for (const script of Array.from(document.querySelectorAll('script'))) {
      if (script.textContent.includes('alert(1)')) {
        found.push('a <script> with alert(1) is in the page');
      }
    }
    return found;
  });
}

test.describe('hostile input', () => {
  test.beforeEach(async ({page}) => {
    await page.addInitScript(() => {
      window.alert = () => {
        (window as unknown as {__alerted: boolean}).__alerted = true;
      };
    });
  });

  for (const {name, query, findsNothing} of HOSTILE_QUERIES) {
    test(`${name}: no error, no markup, an empty answer — navbar box and search page`, async ({page}) => {
      const problems = watchPageProblems(page);
      await page.goto('', {waitUntil: 'networkidle'});
      const searchBox = await openNavbarSearch(page);
      await searchBox.fill(query);
      await expect(searchBox).toHaveValue(query);
      // Wait for the search to answer: its options, or the plugin's "No results". An empty query is
      // never searched, and the box is ready (openNavbarSearch waited for it): nothing to wait for.
      // Then: no option for a query that names nothing, and no option ever shows the query as markup.
      if (query !== '') {
        await expect(
          page
            .getByRole('option')
            .or(page.getByText('No results', {exact: true}))
            .first(),
          `an answer to ${name}`,
        ).toBeVisible();
      }
      if (findsNothing) {
        await expect(page.getByRole('option')).toHaveCount(0);
      }
      for (const option of await page.getByRole('option').all()) {
        expect(await option.innerHTML()).not.toMatch(/<(script|img)\b/i);
      }
      // Enter opens the first option when there is one: let that navigation finish (Docusaurus
      // changes the URL once the new page's chunks have loaded) before the test moves on, so no
      // request of it is cut short.
      const optionCount = await page.getByRole('option').count();
      const urlBefore = page.url();
      await searchBox.press('Enter');
      if (optionCount > 0) {
        await expect(page).not.toHaveURL(urlBefore);
      }
      await page.waitForLoadState('networkidle');
      expect(await injected(page)).toEqual([]);

      problems.leavingPage();
      await page.goto(`search?q=${encodeURIComponent(query)}`, {waitUntil: 'networkidle'});
      const heading = page.getByRole('heading', {level: 1});
      if (query === '') {
        await expect(heading).toHaveText('Search the documentation');
      } else {
        await expect(heading).toContainText(query.slice(0, 40));
        if (findsNothing) {
          await expect(page.getByText('No documents were found')).toBeVisible();
        }
      }
      await expect(page.getByRole('searchbox', {name: 'Search'})).toHaveValue(query);
      expect(await injected(page)).toEqual([]);
      expect(problems.list()).toEqual([]);
    });
  }
});
