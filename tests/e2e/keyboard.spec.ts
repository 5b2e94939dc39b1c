/**
 * A keyboard reader, from the top of a chapter: Tab reaches the skip link
 * first, then the search box, a CodeCompare's tabs (arrow keys move between
 * them, Enter picks one) and a code block's copy button; every stop on the way
 * shows where focus is (a non-zero outline or a box-shadow).
 */
import {expect, test, type Page} from '@playwright/test';

import {watchPageErrors} from './pageErrors';

const CHAPTER = 'foundations/welcome';
/** More than enough Tab presses to cross the navbar, the sidebar and into the first CodeCompare. */
const MAX_TAB_STOPS = 200;

interface FocusStop {
  readonly description: string;
  readonly indicated: boolean;
  readonly kind: 'skip-link' | 'search' | 'compare-tab' | 'copy' | 'other';
}

async function focused(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) {
      return null;
    }
    // Judge the focus style where it ends up, not mid-transition (hash links and copy buttons fade in).
    for (const animation of document.getAnimations()) {
      animation.finish();
    }
    const style = getComputedStyle(element);
    const transparent = (colour: string): boolean => colour === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(colour);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
    const shadow = style.boxShadow !== '' && style.boxShadow !== 'none';
    const shown = parseFloat(style.opacity) > 0 && style.visibility !== 'hidden';
    const name = (element.getAttribute('aria-label') ?? element.textContent).trim().replace(/\s+/g, ' ').slice(0, 50);
    const kind = element.matches('[class*="skipToContent"]')
      ? 'skip-link'
      : element.matches('.navbar__search-input')
        ? 'search'
        : element.matches('[data-code-compare] [role=tab]')
          ? 'compare-tab'
          : element.matches('.theme-code-block button[aria-label*="Copy" i], .theme-code-block button[title*="Copy" i]')
            ? 'copy'
            : 'other';
    const role = element.getAttribute('role');
    return {
      description: `${element.tagName.toLowerCase()}${role ? `[role=${role}]` : ''} "${name}"`,
      indicated: (outline || shadow) && shown,
      kind,
    };
  });
}

test('Tab reaches the skip link, search, CodeCompare tabs and the copy button, with focus always visible', async ({
  page,
}) => {
  const problems = watchPageErrors(page);
  // A phone on a train: the search index arrives only after the reader has tabbed past the box.
  // Its response is held until the tabbing is done, then let through.
  let releaseIndex = (): void => undefined;
  const indexHeld = new Promise<void>((resolve) => {
    releaseIndex = resolve;
  });
  let indexRequested = false as boolean; // set by the route handler, which flow analysis cannot see
  await page.route('**/search-index*.json', async (route) => {
    indexRequested = true;
    await indexHeld;
    await route.continue();
  });
  await page.goto(CHAPTER, {waitUntil: 'networkidle'});
  const targets = ['skip-link', 'search', 'compare-tab', 'copy'] as const;
  const seen = new Set<FocusStop['kind']>();
  let searchVisits = 0;
  const unindicated: string[] = [];
  const path: string[] = [];

  for (let stop = 0; stop < MAX_TAB_STOPS && !targets.every((kind) => seen.has(kind)); stop += 1) {
    await page.keyboard.press('Tab');
    const current = await focused(page);
    expect(current, `Tab stop ${stop + 1} left focus on the page body`).not.toBeNull();
    path.push(current!.description);
    if (stop === 0) {
      expect(current!.kind, 'the first Tab stop is the skip link').toBe('skip-link');
    }
    if (!current!.indicated) {
      unindicated.push(`stop ${stop + 1}: ${current!.description}`);
    }
    if (current!.kind === 'compare-tab' && !seen.has('compare-tab')) {
      // Arrow keys move between the tabs; Enter picks the focused one.
      const compare = page.locator('[data-code-compare]').first();
      await page.keyboard.press('ArrowRight');
      await expect(compare.getByRole('tab', {name: 'Rust', exact: true})).toBeFocused();
      const afterArrow = await focused(page);
      if (!afterArrow!.indicated) {
        unindicated.push(`after ArrowRight: ${afterArrow!.description}`);
      }
      await page.keyboard.press('Enter');
      await expect(compare.getByRole('tab', {name: 'Rust', exact: true})).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('ArrowLeft');
      await expect(compare.getByRole('tab', {name: 'Python', exact: true})).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(compare.getByRole('tab', {name: 'Python', exact: true})).toHaveAttribute('aria-selected', 'true');
    }
    seen.add(current!.kind);
    searchVisits += current!.kind === 'search' ? 1 : 0;
  }

  // Once the index has arrived and the page has rendered what it does with it, focus is still where
  // the reader left it.
  const indexArrived = indexRequested ? page.waitForResponse('**/search-index*.json') : Promise.resolve();
  releaseIndex();
  await indexArrived;
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            resolve();
          }),
        ),
      ),
  );
  const afterIndex = await focused(page);
  if (afterIndex?.kind === 'search') {
    searchVisits += 1;
    path.push(`(index loaded) ${afterIndex.description}`);
  }

  const missing = targets.filter((kind) => !seen.has(kind));
  expect(missing, `not reached by Tab; the path was:\n${path.join('\n')}`).toEqual([]);
  // Tabbing forward never sends focus back: the search box is passed once, not re-focused when its index loads.
  expect(searchVisits, `focus came back to the search box; the path was:\n${path.join('\n')}`).toBe(1);
  expect(unindicated, 'focused elements with no visible outline or box-shadow').toEqual([]);
  expect(problems).toEqual([]);
});

test('the skip link takes focus past the navigation, into the chapter', async ({page}) => {
  await page.goto(CHAPTER, {waitUntil: 'networkidle'});
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', {name: 'Skip to main content'});
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const inNavigation = await page.evaluate(() =>
    Boolean(document.activeElement?.closest('nav.navbar, .theme-doc-sidebar-container')),
  );
  expect(inNavigation, 'after the skip link, Tab should not land in the navbar or the sidebar').toBe(false);
});
