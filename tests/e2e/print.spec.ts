/**
 * A chapter printed (or saved as PDF for offline reading): both languages of
 * every CodeCompare are on paper, labelled, and the navigation chrome is not.
 * The PDF's text is read back with pdftotext (Debian: poppler-utils).
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';

import {expect, test} from '@playwright/test';

const CHAPTER = 'foundations/welcome';

const CHROME = [
  ['the navbar', '.navbar'],
  ['the sidebar', '.theme-doc-sidebar-container'],
  ['the table of contents', '.theme-doc-toc-desktop'],
  ['the previous/next links', '.pagination-nav'],
  ['the footer', '.footer'],
  ['the CodeCompare tabs', '[data-code-compare] [role=tablist]'],
  ['the side-by-side toggle', '[data-layout-toggle]'],
] as const;

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function pdfText(pdfPath: string): string {
  try {
    return execFileSync('pdftotext', ['-layout', pdfPath, '-'], {encoding: 'utf8', timeout: 30_000});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext is missing: install poppler-utils (Debian: `apt-get install poppler-utils`)', {
        cause: error,
      });
    }
    throw error;
  }
}

test('print media shows both languages of each CodeCompare and hides the navigation', async ({page}) => {
  await page.goto(CHAPTER, {waitUntil: 'networkidle'});
  await page.emulateMedia({media: 'print'});
  for (const [name, selector] of CHROME) {
    for (const element of await page.locator(selector).all()) {
      await expect(element, `${name} is not printed`).toBeHidden();
    }
  }
  const compares = page.locator('[data-code-compare]');
  expect(await compares.count()).toBeGreaterThan(0);
  for (const compare of await compares.all()) {
    await expect(compare.locator('[data-sample=python] pre').first()).toBeVisible();
    await expect(compare.locator('[data-sample=rust] pre').first()).toBeVisible();
    await expect(compare.locator('[data-pane-label]').first()).toBeVisible();
  }
  await expect(page.locator('article h1')).toBeVisible();
});

test('the chapter as PDF holds the code of both languages and no navigation', async ({page}, testInfo) => {
  await page.goto(CHAPTER, {waitUntil: 'networkidle'});
  const compare = page.locator('[data-code-compare]').first();
  const firstLine = async (language: string): Promise<string> =>
    squash(((await compare.locator(`[data-sample=${language}] pre code`).first().textContent()) ?? '').split('\n')[0]!);
  const python = await firstLine('python');
  const rust = await firstLine('rust');
  const title = squash(await page.locator('article h1').innerText());

  const pdfPath = testInfo.outputPath('chapter.pdf');
  await page.pdf({path: pdfPath, format: 'A4', printBackground: true});
  const bytes = fs.readFileSync(pdfPath);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(10_000);

  const text = squash(pdfText(pdfPath));
  expect(text).toContain(title);
  expect(text, 'the first line of the Python sample').toContain(python);
  expect(text, 'the first line of the Rust sample').toContain(rust);
  expect(text, 'the pane labels').toMatch(/Python.*Rust/);
  expect(text, 'the skip link is not printed').not.toContain('Skip to main content');
  expect(text, 'the footer is not printed').not.toContain(
    'Every sample in this book is compiled or run by its test suite',
  );
});
