/**
 * Old chapter URLs keep working after a split or a rename: each entry of
 * CHAPTER_REDIRECTS in src/data/chapterRedirects.ts lands on its new chapter, and the
 * #hash the reader arrived with is kept when JavaScript runs.
 */
import {expect, test} from '@playwright/test';

test('the old Types chapter URL lands on Structs and enums, at the section its hash names', async ({page}) => {
  await page.goto('under-the-hood/types#option-instead-of-none');
  await expect(page).toHaveURL(/\/under-the-hood\/structs-and-enums#option-instead-of-none$/);
  await expect(page.locator('article h1')).toHaveText('Structs and enums');
});

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});

  test('the old Types chapter URL still reaches Structs and enums, by the meta refresh', async ({page}) => {
    await page.goto('under-the-hood/types');
    await expect(page).toHaveURL(/\/under-the-hood\/structs-and-enums$/);
  });
});
