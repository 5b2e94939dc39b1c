/**
 * A phone on a train: a 360×740 touch screen. No page scrolls sideways (code
 * blocks and tables scroll inside themselves), the sidebar opens and closes,
 * and CodeCompare tabs answer a tap.
 */
import {expect, test} from '@playwright/test';

import {chapterPaths, sitePages} from './builtSite';
import {horizontalOverflow, widestElements} from './pageAudit';
import {watchPageErrors} from './pageErrors';

test.use({viewport: {width: 360, height: 740}, hasTouch: true, isMobile: true, deviceScaleFactor: 2});

for (const sitePage of sitePages()) {
  test(`${sitePage.path === '' ? 'the cover' : `/${sitePage.path}`} does not scroll sideways on a 360px phone`, async ({
    page,
  }) => {
    await page.goto(sitePage.path, {waitUntil: 'networkidle'});
    const overflow = await horizontalOverflow(page);
    expect(
      overflow,
      `the page body is ${overflow}px wider than the screen: ${(await widestElements(page)).join('; ')}`,
    ).toBe(0);
  });
}

test('the sidebar opens from the menu button, lists the chapters, and closes', async ({page}) => {
  const problems = watchPageErrors(page);
  const chapters = chapterPaths();
  await page.goto(chapters[0]!, {waitUntil: 'networkidle'});
  const sidebar = page.locator('.navbar-sidebar');
  await expect(sidebar).toBeHidden();
  await page.getByRole('button', {name: 'Toggle navigation bar'}).tap();
  await expect(sidebar).toBeVisible();
  await expect(sidebar.getByRole('link').filter({hasText: /\S/}).first()).toBeVisible();
  await page.getByRole('button', {name: 'Close navigation bar'}).tap();
  await expect(sidebar).toBeHidden();
  expect(await horizontalOverflow(page)).toBe(0);

  // Opening it again and tapping a chapter takes the reader there and closes it.
  await page.getByRole('button', {name: 'Toggle navigation bar'}).tap();
  const target = sidebar.locator(`a.menu__link[href$="/${chapters[1]!}"]`);
  await target.tap();
  await expect(page).toHaveURL(new RegExp(`/${chapters[1]!}$`));
  await expect(sidebar).toBeHidden();
  expect(problems).toEqual([]);
});

test('CodeCompare tabs switch on a tap, and side by side is not offered', async ({page}) => {
  await page.goto('foundations/welcome', {waitUntil: 'networkidle'});
  const compare = page.locator('[data-code-compare]').first();
  const python = compare.getByRole('tab', {name: 'Python', exact: true});
  const rust = compare.getByRole('tab', {name: 'Rust', exact: true});
  await compare.scrollIntoViewIfNeeded();
  await expect(python).toHaveAttribute('aria-selected', 'true');
  await rust.tap();
  await expect(rust).toHaveAttribute('aria-selected', 'true');
  await expect(compare.locator('[data-sample=rust]')).toBeVisible();
  await expect(compare.locator('[data-sample=python]')).toBeHidden();
  await python.tap();
  await expect(python).toHaveAttribute('aria-selected', 'true');
  await expect(compare.locator('[data-sample=python]')).toBeVisible();
  await expect(compare.getByRole('button', {name: 'Side by side'})).toBeHidden();

  // Big enough to hit with a thumb: 44×44 CSS pixels (WCAG 2.5.5 target size).
  for (const tab of [python, rust]) {
    const box = (await tab.boundingBox())!;
    expect(box.height, 'tab height').toBeGreaterThanOrEqual(44);
    expect(box.width, 'tab width').toBeGreaterThanOrEqual(44);
  }
});
