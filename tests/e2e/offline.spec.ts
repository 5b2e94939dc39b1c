/**
 * Offline reading (src/offline/): after one visit to the cover, the service
 * worker has saved the book, and every chapter of the sitemap opens with the
 * network cut, the browser's (context.setOffline) and the server's (this
 * spec serves the build itself, tools/serveBuild.ts, and stops it: Chromium
 * lets a service worker's own requests through setOffline). A new deploy is
 * picked up at the reader's next navigation, never mixed with the old one;
 * with Save-Data on, nothing is saved.
 *
 * Every wait is for a condition, bounded by the test's timeout.
 */
import fs from 'node:fs';

import {expect, test, type Page} from '@playwright/test';

import {precacheManifest, revisionOf} from '../../src/offline/precacheManifest';
import {serveBuild, type ServedBuild} from '../../tools/serveBuild';
import {BASE_URL, BUILD_DIR, chapterPaths, htmlFileOf} from './builtSite';
import {axeViolations} from './pageAudit';
import {watchPageErrors} from './pageErrors';

test.use({serviceWorkers: 'allow'});
// Saving the book (80-odd files) and opening every chapter from it takes 20-40 s on two busy cores.
test.describe.configure({timeout: 150_000});

const OFFLINE_MESSAGE = 'Offline — reading the saved copy';

const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
};

/** The chapter's title, as its built page shows it in the <h1>. */
function titleOf(chapter: string): string {
  const html = fs.readFileSync(htmlFileOf(chapter), 'utf8');
  const heading = /<header><h1[^>]*>([\s\S]*?)<\/h1><\/header>/.exec(html)?.[1];
  if (heading === undefined) {
    throw new Error(`${htmlFileOf(chapter)}: no <header><h1> in the chapter`);
  }
  return heading.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#x27);/g, (entity) => ENTITIES[entity]!);
}

/** Waits until the worker has saved the book (it activates only then) and serves this page. */
async function waitForSavedCopy(page: Page): Promise<void> {
  await expect(page.locator('html'), 'the worker is registered after the page loads').toHaveAttribute(
    'data-offline-book',
    'registered',
    {timeout: 30_000},
  );
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return `${registration?.active?.state ?? 'no active worker'}, ${navigator.serviceWorker.controller ? 'controlled' : 'not controlled'}`;
        }),
      {message: 'the worker saves the book, activates and takes over the page', timeout: 90_000},
    )
    .toBe('activated, controlled');
}

/**
 * A chapter's links prefetch the scripts of the chapters they lead to; opening the next chapter at
 * once cancels those still in flight (net::ERR_ABORTED). Any other failure is a real one.
 */
function withoutAborted(problems: readonly string[]): string[] {
  return problems.filter((problem) => !/^request failed: .* \(net::ERR_ABORTED\)$/.test(problem));
}

let served: ServedBuild;

test.beforeEach(async () => {
  served = await serveBuild(BUILD_DIR, BASE_URL);
});

test.afterEach(async () => {
  await served.close();
});

test('after one visit to the cover, every chapter opens with the network cut', async ({context, page}) => {
  const problems = watchPageErrors(page);
  await page.goto(served.siteUrl);
  await waitForSavedCopy(page);

  const chapters = chapterPaths();
  const notSaved = await page.evaluate(
    async (urls) => {
      const missing: string[] = [];
      for (const url of urls) {
        if (!(await caches.match(url))) {
          missing.push(url);
        }
      }
      return missing;
    },
    chapters.map((chapter) => `${served.siteUrl}${chapter}`),
  );
  expect(notSaved, 'chapters missing from the saved copy').toEqual([]);
  await expect(page.getByRole('status').filter({hasText: 'Offline'})).toHaveCount(0);

  await context.setOffline(true);
  await served.close();
  const answered = served.requestCount();

  for (const chapter of chapters) {
    const response = await page.goto(`${served.siteUrl}${chapter}`);
    expect(response?.status(), `/${chapter} offline`).toBe(200);
    expect(response?.fromServiceWorker(), `/${chapter} comes from the saved copy`).toBe(true);
    await expect(page.locator('article h1'), `/${chapter} offline`).toHaveText(titleOf(chapter));
  }
  // The badge appears once the page has hydrated, seconds after it shows on a busy machine.
  await expect(page.getByRole('status').filter({hasText: 'Offline'})).toHaveText(OFFLINE_MESSAGE, {
    timeout: 30_000,
  });
  for (const theme of ['light', 'dark']) {
    await page.evaluate((name) => {
      document.documentElement.setAttribute('data-theme', name);
    }, theme);
    expect(await axeViolations(page, '[role=status][class*="badge"]'), `the badge in ${theme} mode`).toEqual([]);
  }

  // A link followed inside the page (the client-side router) loads its scripts from the saved copy too.
  const previous = page.locator('.pagination-nav__link--prev');
  const target = (await previous.getAttribute('href'))!.slice(BASE_URL.length);
  await previous.click();
  await expect(page.locator('article h1')).toHaveText(titleOf(target));

  expect(served.requestCount(), 'nothing reached the server after the network was cut').toBe(answered);
  expect(withoutAborted(problems)).toEqual([]);
});

test('a new deploy is picked up at the next navigation, never mixed with the saved copy', async ({page}) => {
  const problems = watchPageErrors(page);
  const [changed, other] = chapterPaths();
  await page.goto(`${served.siteUrl}${changed}`);
  await waitForSavedCopy(page);

  // Deploy a build where one chapter's page changed (a mark in its head, outside what React hydrates)
  // and so did the worker's manifest: that page's revision, and the version.
  const oldPage = fs.readFileSync(htmlFileOf(changed!), 'utf8');
  const newPage = oldPage.replace('</head>', '<meta name="book-build" content="second"></head>');
  const secondBuild = page.locator('meta[name="book-build"]');
  const revision = (text: string): string => revisionOf(Buffer.from(text));
  const oldWorker = fs.readFileSync(`${BUILD_DIR}/sw.js`, 'utf8');
  const {version} = precacheManifest(BUILD_DIR);
  expect(oldWorker).toContain(version);
  expect(oldWorker).toContain(revision(oldPage));
  const newWorker = oldWorker.replace(revision(oldPage), revision(newPage)).replaceAll(version, 'f'.repeat(16));
  served.override(`${BASE_URL}${changed}`, newPage);
  served.override(`${BASE_URL}sw.js`, newWorker);

  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          await registration?.update();
          return registration?.waiting?.state ?? 'nothing waiting';
        }),
      {message: 'the new worker saves the new build and waits', timeout: 60_000},
    )
    .toBe('installed');

  // While the old build's pages are open, every page comes from the old build, even a fresh load.
  await page.goto(`${served.siteUrl}${changed}`);
  await expect(page.locator('article h1')).toHaveText(titleOf(changed!));
  await expect(secondBuild).toHaveCount(0);

  // The next navigation is the safe point: the new worker takes over and the page loads whole from it.
  // (The page learns that a worker waits when it registers, after it has loaded.)
  await expect(page.locator('html')).toHaveAttribute('data-offline-book', 'registered', {timeout: 30_000});
  const reloaded = page.waitForEvent('load', {timeout: 60_000});
  await page
    .locator('.theme-doc-sidebar-container')
    .getByRole('link', {name: titleOf(other!), exact: true})
    .click();
  await reloaded;
  await expect(page.locator('article h1')).toHaveText(titleOf(other!));
  await page.goto(`${served.siteUrl}${changed}`);
  await expect(page.locator('article h1')).toHaveText(titleOf(changed!));
  await expect(secondBuild).toHaveCount(1);

  // The old build's cache stays for pages still open on it; nothing older is kept.
  const bookCaches = await page.evaluate(async () =>
    (await caches.keys()).filter((name) => name.startsWith('book-offline')).sort(),
  );
  expect(bookCaches).toEqual(
    [version, 'f'.repeat(16), 'state'].map((suffix) => `book-offline ${BASE_URL} ${suffix}`).sort(),
  );
  expect(withoutAborted(problems)).toEqual([]);
});

test('with Save-Data on, the book is not saved', async ({page}) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', {configurable: true, get: () => ({saveData: true})});
  });
  await page.goto(served.siteUrl);
  await expect(page.locator('html')).toHaveAttribute('data-offline-book', 'save-data', {timeout: 30_000});
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(0);
});
