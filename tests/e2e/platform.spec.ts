/**
 * Smoke tests of the platform on the production build: pages load cleanly,
 * CodeCompare switches, syncs, remembers and follows ?lang=, side by side
 * works, and search finds a chapter.
 */
import {expect, test, type Locator, type Page} from '@playwright/test';

import {watchPageErrors} from './pageErrors';
import {waitUntilHydrated} from './pageAudit';

/** A chapter with several CodeCompares, and another page with at least one. */
const CHAPTER = 'foundations/welcome';
const OTHER_CHAPTER = 'under-the-hood/memory';

const compares = (page: Page): Locator => page.locator('[data-code-compare]');
const tab = (compare: Locator, name: 'Python' | 'Rust'): Locator => compare.getByRole('tab', {name, exact: true});
const visiblePane = (compare: Locator): Locator => compare.locator('[role=tabpanel]:not([hidden]) [data-sample]');

async function expectSelected(compare: Locator, language: 'Python' | 'Rust'): Promise<void> {
  await expect(tab(compare, language)).toHaveAttribute('aria-selected', 'true');
  await expect(visiblePane(compare)).toHaveAttribute('data-sample', language.toLowerCase());
}

test('the cover and a chapter load with no console error or failed request', async ({page}) => {
  const problems = watchPageErrors(page);
  await page.goto('');
  await waitUntilHydrated(page);
  await expect(page.getByRole('heading', {level: 1, name: 'Rust for Python Developers'})).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', {name: 'Start reading'})).toBeVisible();
  await page.goto(CHAPTER);
  await waitUntilHydrated(page);
  await expect(page.locator('article h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('a click switches the language of every CodeCompare on the page, and the choice is remembered', async ({page}) => {
  await page.goto(CHAPTER);
  await waitUntilHydrated(page);
  const all = compares(page);
  expect(await all.count()).toBeGreaterThan(1);
  await expectSelected(all.nth(0), 'Python');
  await tab(all.nth(0), 'Rust').click();
  await expectSelected(all.nth(0), 'Rust');
  await expectSelected(all.nth(1), 'Rust');
  await page.reload();
  await waitUntilHydrated(page);
  await expectSelected(compares(page).nth(0), 'Rust');
  await page.goto(OTHER_CHAPTER);
  await waitUntilHydrated(page);
  await expectSelected(compares(page).nth(0), 'Rust');
});

test('arrow keys move between tabs; Enter and Space select', async ({page}) => {
  await page.goto(CHAPTER);
  await waitUntilHydrated(page);
  const first = compares(page).nth(0);
  await tab(first, 'Python').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(first, 'Rust')).toBeFocused();
  await page.keyboard.press('Enter');
  await expectSelected(first, 'Rust');
  await page.keyboard.press('ArrowLeft');
  await expect(tab(first, 'Python')).toBeFocused();
  await page.keyboard.press('Space');
  await expectSelected(first, 'Python');
});

test('?lang=rust picks Rust on a first visit', async ({page}) => {
  await page.goto(`${CHAPTER}?lang=rust`);
  await waitUntilHydrated(page);
  await expectSelected(compares(page).nth(0), 'Rust');
  await expectSelected(compares(page).nth(1), 'Rust');
});

test('side by side shows both languages on a wide screen, is remembered, and gives way on a narrow one', async ({
  page,
}) => {
  await page.setViewportSize({width: 1400, height: 900});
  await page.goto(CHAPTER);
  await waitUntilHydrated(page);
  const first = compares(page).nth(0);
  await first.getByRole('button', {name: 'Side by side'}).click();
  for (const compare of [first, compares(page).nth(1)]) {
    await expect(compare.locator('[data-sample=python]')).toBeVisible();
    await expect(compare.locator('[data-sample=rust]')).toBeVisible();
    await expect(compare.getByRole('button', {name: 'Side by side'})).toHaveAttribute('aria-pressed', 'true');
  }
  await page.reload();
  await waitUntilHydrated(page);
  await expect(compares(page).nth(0).locator('[data-sample=rust]')).toBeVisible();
  await expect(compares(page).nth(0).locator('[data-sample=python]')).toBeVisible();
  await page.setViewportSize({width: 600, height: 900});
  await expect(compares(page).nth(0).getByRole('tab', {name: 'Python', exact: true})).toBeVisible();
  await expect(compares(page).nth(0).getByRole('button', {name: 'Side by side'})).toBeHidden();
});

test('the Playground link, built when clicked, carries the full code, hidden lines included', async ({
  context,
  page,
}) => {
  // The Playground is another site: answer for it here, and read the URL the new tab asked for.
  await context.route('https://play.rust-lang.org/**', (route) =>
    route.fulfill({contentType: 'text/plain', body: 'the Rust Playground'}),
  );
  await page.goto(`${CHAPTER}?lang=rust`);
  await waitUntilHydrated(page);
  const links = page.getByRole('link', {name: /Run in Rust Playground/});
  const codes: string[] = [];
  for (const link of await links.all()) {
    if (!(await link.isVisible())) {
      continue;
    }
    const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    expect(popup.url()).toMatch(/^https:\/\/play\.rust-lang\.org\/\?version=stable&mode=debug&edition=20(21|24)&code=/);
    codes.push(new URL(popup.url()).searchParams.get('code') ?? '');
    await popup.close();
  }
  expect(codes.length).toBeGreaterThan(1);
  for (const code of codes) {
    expect(code).toContain('fn main()');
  }
  // The sample that hides its `struct Order` (`# struct Order {`) still compiles in the Playground.
  expect(codes.some((code) => code.startsWith('struct Order {\n    quantity: u32,\n}'))).toBe(true);
});

test('search finds a chapter by a word from it', async ({page}) => {
  await page.goto('');
  await waitUntilHydrated(page);
  await page.getByRole('navigation').getByLabel('Search', {exact: true}).click();
  // The box becomes a combobox once the search index has loaded.
  const searchBox = page.getByRole('combobox', {name: 'Search'});
  await expect(searchBox).toBeVisible();
  await searchBox.fill('collector');
  const option = page.getByRole('option').filter({hasText: 'Memory'}).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/under-the-hood\/memory/);
});
