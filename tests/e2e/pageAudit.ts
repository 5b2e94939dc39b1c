/**
 * Checks a loaded page the way a reader's browser would judge it: what axe
 * finds against WCAG 2.2 A/AA, which requests left the site's own origin, and
 * whether the page body scrolls sideways.
 */
import AxeBuilder from '@axe-core/playwright';
import {expect, type Page, type Request} from '@playwright/test';

import {isOwnOrigin} from './builtSite';
import {watchPageErrors} from './pageErrors';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rule set the book promises. Never narrow it to get green. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Each violation as one readable line per offending element: rule, impact, what is wrong, where.
 * `include` limits the check to one part of the page, `exclude` leaves one out.
 */
export async function axeViolations(page: Page, include?: string, exclude?: string): Promise<string[]> {
  let builder = new AxeBuilder({page}).withTags(WCAG_TAGS);
  if (include) {
    builder = builder.include(include);
  }
  if (exclude) {
    builder = builder.exclude(exclude);
  }
  const results = await builder.analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} at ${node.target.join(' ')}` +
        (node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''),
    ),
  );
}

/** Records every request the page makes to another origin: fonts, scripts, images, anything. */
export function watchThirdPartyRequests(page: Page): string[] {
  const offSite: string[] = [];
  page.on('request', (request) => {
    if (!isOwnOrigin(request.url())) {
      offSite.push(`${request.resourceType()} ${request.url()}`);
    }
  });
  return offSite;
}

/** How far the page body scrolls sideways, in CSS pixels (0 when it fits the viewport). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return Math.max(root.scrollWidth, document.body.scrollWidth) - root.clientWidth;
  });
}

/** The element scrolled sideways the most among the page's own blocks, to say what overflows. */
export async function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = element.getBoundingClientRect();
      if (box.right > viewport + 1 && box.width > 0) {
        const inScroller = element.closest('pre, .table-wrapper, table, [class*="tabList"], .tabs');
        if (!inScroller || inScroller === element) {
          const name =
            element.tagName.toLowerCase() +
            (element.className && typeof element.className === 'string'
              ? `.${element.className.trim().split(/\s+/).join('.')}`
              : '');
          offenders.push(`${name} right edge at ${Math.round(box.right)}px`);
        }
      }
    }
    return offenders.slice(0, 10);
  });
}

/**
 * Waits until React has hydrated the page: the colour-mode toggle is disabled in the server HTML
 * and enabled once the app runs, by which time code blocks carry the colour mode's Prism theme.
 */
export async function waitUntilHydrated(page: Page): Promise<void> {
  await expect(page.getByRole('button', {name: /Switch between dark and light mode/})).toBeEnabled({timeout: 15_000});
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * The lead's watchPageErrors, minus what is not a fault of the site: a chunk Docusaurus prefetches
 * for a link (`<link rel=prefetch>`, sent with `Sec-Purpose: prefetch`) that the browser drops,
 * and a request still in flight when the test itself leaves the page (call `leavingPage()` just
 * before such a `goto`): the browser cuts those short with ERR_ABORTED. Everything else stands.
 */
export function watchPageProblems(page: Page): {readonly list: () => string[]; readonly leavingPage: () => void} {
  const problems = watchPageErrors(page);
  const dropped = new Set<string>();
  const inFlight = new Set<Request>();
  const cutShortByTest = new Set<Request>();
  page.on('request', (request) => inFlight.add(request));
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => {
    inFlight.delete(request);
    const headers = request.headers();
    const prefetch = /prefetch/.test(headers['sec-purpose'] ?? headers['purpose'] ?? '');
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (aborted && (prefetch || cutShortByTest.has(request))) {
      dropped.add(`request failed: ${request.url()} (net::ERR_ABORTED)`);
    }
  });
  return {
    list: () => problems.filter((problem) => !dropped.has(problem)),
    leavingPage: () => {
      for (const request of inFlight) {
        cutShortByTest.add(request);
      }
    },
  };
}
