/**
 * With JavaScript off (a locked-down reader, or scripts that failed to load
 * offline), every chapter's prose, both languages of each CodeCompare and
 * their output blocks are on screen: the <noscript><style> in the page head
 * un-hides the tab panels.
 */
import {expect, test} from '@playwright/test';

import {chapterPaths} from './builtSite';

test.use({javaScriptEnabled: false});

test('the page head carries the <noscript> style that shows both languages', async ({page}) => {
  await page.goto('foundations/welcome');
  const noscript = await page.locator('head noscript').allInnerTexts();
  expect(noscript.join('\n')).toContain('[data-code-compare] [role=tabpanel][hidden]{display:block!important}');
});

for (const chapter of chapterPaths()) {
  test(`/${chapter} reads without JavaScript: prose, both languages, outputs`, async ({page}) => {
    await page.goto(chapter);
    await expect(page.locator('article h1')).toBeVisible();
    await expect(page.locator('article .markdown p').first()).toBeVisible();

    const compares = page.locator('[data-code-compare]');
    for (let index = 0; index < (await compares.count()); index += 1) {
      const compare = compares.nth(index);
      for (const language of ['python', 'rust']) {
        const sample = compare.locator(`[data-sample=${language}]`);
        await expect(sample, `CodeCompare ${index + 1}: the ${language} sample`).toBeVisible();
        await expect(sample.locator('pre').first(), `CodeCompare ${index + 1}: the ${language} code`).toBeVisible();
        const outputs = sample.locator(':scope > .theme-code-block + .theme-code-block');
        for (let output = 0; output < (await outputs.count()); output += 1) {
          await expect(outputs.nth(output), `CodeCompare ${index + 1}: ${language} output ${output + 1}`).toBeVisible();
        }
      }
      await expect(
        compare.locator('[data-pane-label]').first(),
        'each pane is labelled with its language',
      ).toBeVisible();
      await expect(compare.getByRole('tablist'), 'tabs that cannot work are not shown').toBeHidden();
    }
  });
}
