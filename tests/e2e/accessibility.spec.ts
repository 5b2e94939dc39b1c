/**
 * Every page a reader can reach — the cover, each chapter in the sitemap, the
 * search page and the 404 page — in light and in dark mode: it loads with no
 * console error or failed request, loads nothing from another origin, and axe
 * finds no WCAG 2.2 A/AA violation, in either language of its CodeCompares.
 */
import {expect, test, type Page} from '@playwright/test';

import {BASE_URL, cheatSheetGroups, ORIGIN, sitePages, type SitePage} from './builtSite';
import {axeViolations, waitUntilHydrated, watchThirdPartyRequests} from './pageAudit';
import {watchPageErrors} from './pageErrors';

/** The cheat sheet, checked group by group (see below). */
const CHEAT_SHEET = '[data-cheat-sheet]';

const SHOW_EVERY_PANEL = '[data-code-compare] [role=tabpanel][hidden] { display: block !important; }';

const label = (sitePage: SitePage): string => (sitePage.path === '' ? 'the cover' : `/${sitePage.path}`);

/** The 404 page is answered with status 404: that one response, and Chromium's note of it, are expected. */
function withoutExpected404(problems: string[], sitePage: SitePage): string[] {
  if (sitePage.kind !== 'not-found') {
    return problems;
  }
  const documentUrl = `${ORIGIN}${BASE_URL}${sitePage.path}`;
  const expected = [
    `HTTP 404: ${documentUrl}`,
    'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
  ];
  const remaining = [...problems];
  for (const line of expected) {
    const index = remaining.indexOf(line);
    if (index !== -1) {
      remaining.splice(index, 1);
    }
  }
  return remaining;
}

async function openPage(page: Page, sitePage: SitePage): Promise<void> {
  const response = await page.goto(sitePage.path, {waitUntil: 'networkidle'});
  expect(response?.status(), `status of ${label(sitePage)}`).toBe(sitePage.kind === 'not-found' ? 404 : 200);
  await expect(page.locator('h1').first()).toBeVisible();
  await waitUntilHydrated(page);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({colorScheme});
    // axe's colour-contrast rule visits every highlighted token: the longest chapters take 20-40 s on 2 cores.
    test.describe.configure({timeout: 90_000});

    for (const sitePage of sitePages()) {
      // The cheat sheet holds three times the highlighted code of the longest chapter, and axe's
      // time grows faster than the page: each of its groups is checked in a test of its own
      // (same rules, every element covered), and the page test checks the rest.
      const groups = cheatSheetGroups(sitePage.path);
      const sheetApart = groups > 0 ? CHEAT_SHEET : undefined;

      test(`${label(sitePage)}: loads cleanly, only from the site, 0 axe violations`, async ({page}) => {
        const problems = watchPageErrors(page);
        const offSite = watchThirdPartyRequests(page);
        await openPage(page, sitePage);
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);

        // Both languages of every CodeCompare are checked in one pass: the hidden panel is shown the
        // way the page shows it without JavaScript (axe skips hidden content).
        await page.addStyleTag({content: SHOW_EVERY_PANEL});
        expect(await axeViolations(page, undefined, sheetApart), `axe on ${label(sitePage)} (${colorScheme})`).toEqual(
          [],
        );

        await page.waitForLoadState('networkidle');
        expect(withoutExpected404(problems, sitePage), `errors on ${label(sitePage)}`).toEqual([]);
        expect(offSite, `requests from ${label(sitePage)} to another origin`).toEqual([]);
      });

      for (let group = 1; group <= groups; group += 1) {
        test(`${label(sitePage)}: cheat sheet group ${group} of ${groups}, 0 axe violations`, async ({page}) => {
          await openPage(page, sitePage);
          const part = `${CHEAT_SHEET} > [data-cheat-group]:nth-child(${group})`;
          await expect(page.locator(part)).toBeVisible();
          expect(await axeViolations(page, part), `axe on ${label(sitePage)}, group ${group} (${colorScheme})`).toEqual(
            [],
          );
        });
      }
    }

    test('search results, on the search page and in the navbar dropdown: 0 axe violations', async ({page}) => {
      const problems = watchPageErrors(page);
      const offSite = watchThirdPartyRequests(page);
      await page.goto('search?q=ownership', {waitUntil: 'networkidle'});
      await waitUntilHydrated(page);
      await expect(page.getByRole('article').getByRole('link').first()).toBeVisible();
      expect(await axeViolations(page), 'axe on the search page with results').toEqual([]);

      await page.locator('.navbar__search-input').click();
      const searchBox = page.getByRole('combobox', {name: 'Search'});
      await searchBox.fill('borrow');
      await expect(page.getByRole('option').first()).toBeVisible();
      expect(await axeViolations(page), 'axe with the navbar search dropdown open').toEqual([]);
      expect(problems).toEqual([]);
      expect(offSite).toEqual([]);
    });
  });
}
