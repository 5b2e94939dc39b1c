/**
 * Search, from the navbar box and from the search page: a word from each
 * chapter's title finds that chapter and lands on it with the word marked;
 * hostile input never throws, never turns into markup, and gets a sensible
 * empty answer.
 */
import fs from 'node:fs';

import {expect, test, type Page} from '@playwright/test';

import {chapterPaths, htmlFileOf} from './builtSite';
import {watchPageProblems} from './pageAudit';

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
      // Give the search time to answer, then: no option for a query that names nothing (the plugin
      // shows "No results" or no list at all), and no option ever shows the query as markup.
      await page.waitForTimeout(1_000);
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
