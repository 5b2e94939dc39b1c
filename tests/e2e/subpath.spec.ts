/**
 * The site under a project sub-path, as GitHub Pages serves it
 * (`npm run test:subpath` builds with BASE_URL=/rust-for-python-developers/
 * into build-subpath/ and runs this with links.spec.ts): a chapter and the
 * search load with no failed request, and nothing is asked for outside the
 * sub-path.
 */
import {expect, test, type Page} from '@playwright/test';

import {BASE_URL, ORIGIN, chaptersWithCodeCompare} from './builtSite';
import {watchPageErrors} from './pageErrors';

test.skip(BASE_URL === '/', 'runs only against a build for a sub-path: npm run test:subpath');

function watchOutsideBase(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${ORIGIN}${BASE_URL}`) && !url.startsWith('data:')) {
      outside.push(url);
    }
  });
  return outside;
}

test(`a chapter loads under ${BASE_URL} with no failed request`, async ({page}) => {
  const problems = watchPageErrors(page);
  const outside = watchOutsideBase(page);
  const chapter = chaptersWithCodeCompare()[0]!;
  await page.goto(chapter, {waitUntil: 'networkidle'});
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('[data-code-compare] [role=tab]').first()).toBeVisible();
  // A client-side navigation through the sidebar stays under the sub-path too.
  await page.locator('.theme-doc-sidebar-container a.menu__link[href]').last().click();
  await page.waitForLoadState('networkidle');
  expect(new URL(page.url()).pathname.startsWith(BASE_URL)).toBe(true);
  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
});

test(`search works under ${BASE_URL}: the navbar box and the search page`, async ({page}) => {
  const problems = watchPageErrors(page);
  const outside = watchOutsideBase(page);
  await page.goto('', {waitUntil: 'networkidle'});
  await page.locator('.navbar__search-input').click();
  const searchBox = page.getByRole('combobox', {name: 'Search'});
  await searchBox.fill('Rustlings');
  const option = page.getByRole('option').first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}${BASE_URL}.+_highlight=`));
  await expect(page.locator('article mark').first()).toBeVisible();

  await page.goto('search?q=ownership', {waitUntil: 'networkidle'});
  const result = page.getByRole('article').getByRole('link').first();
  await expect(result).toBeVisible();
  expect(new URL((await result.getAttribute('href'))!, ORIGIN).pathname.startsWith(BASE_URL)).toBe(true);
  await result.click();
  await expect(page.locator('article h1')).toBeVisible();
  expect(problems).toEqual([]);
  expect(outside).toEqual([]);
});
