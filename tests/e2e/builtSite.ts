/**
 * What the end-to-end tests know about the production build they run against:
 * where it is on disk, which base URL it was built for, and which pages it has
 * (read from its sitemap, so a new chapter is covered without editing a test).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folder `docusaurus build` wrote: `build`, or `build-subpath` for the sub-path run. */
export const BUILD_DIR = path.resolve(__dirname, '../..', process.env.E2E_BUILD_DIR ?? 'build');

/** The site's base URL, as docusaurus.config.ts reads it: `/` or `/rust-for-python-developers/`. */
export const BASE_URL = process.env.BASE_URL ?? '/';

export const PORT = Number(process.env.E2E_PORT ?? 4310);
export const ORIGIN = `http://127.0.0.1:${PORT}`;

/** A path that no page has: the server answers it with the 404 page. */
export const MISSING_PAGE = 'this-page-does-not-exist';

export interface SitePage {
  /** Relative to the base URL, no leading slash: '' for the cover, 'search', 'foundations/welcome'. */
  readonly path: string;
  readonly kind: 'cover' | 'chapter' | 'search' | 'not-found';
}

/** Every page in a build's sitemap.xml, relative to the base URL it was built for. */
export function sitemapPathsIn(buildDir: string, baseUrl: string): string[] {
  const sitemap = path.join(buildDir, 'sitemap.xml');
  if (!fs.existsSync(sitemap)) {
    throw new Error(`${sitemap} is missing: build the site first (npm run build)`);
  }
  const locations = [...fs.readFileSync(sitemap, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
  return locations.map((location) => {
    const pathname = decodeURI(new URL(location).pathname);
    if (!pathname.startsWith(baseUrl)) {
      throw new Error(
        `sitemap.xml lists ${location}, outside the base URL ${baseUrl}: was the build made with another BASE_URL?`,
      );
    }
    return pathname.slice(baseUrl.length).replace(/\/$/, '');
  });
}

/** Every page in build/sitemap.xml, relative to the base URL. */
export function sitemapPaths(): string[] {
  return sitemapPathsIn(BUILD_DIR, BASE_URL);
}

/** A build's chapters (every sitemap page but the cover and search), heaviest HTML first, with their sizes in bytes. */
export function chaptersBySizeIn(buildDir: string, baseUrl: string): Array<{chapter: string; size: number}> {
  const chapters = sitemapPathsIn(buildDir, baseUrl).filter((pagePath) => pagePath !== '' && pagePath !== 'search');
  return chapters
    .map((chapter) => ({chapter, size: fs.statSync(path.join(buildDir, `${chapter}.html`)).size}))
    .sort((a, b) => b.size - a.size);
}

/** The cover, every chapter, the search page, and the 404 page. */
export function sitePages(): SitePage[] {
  const pages: SitePage[] = sitemapPaths().map((pagePath) => ({
    path: pagePath,
    kind: pagePath === '' ? 'cover' : pagePath === 'search' ? 'search' : 'chapter',
  }));
  pages.push({path: MISSING_PAGE, kind: 'not-found'});
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

export function chapterPaths(): string[] {
  return sitePages()
    .filter((page) => page.kind === 'chapter')
    .map((page) => page.path);
}

/** The HTML file the server answers a page path with. */
export function htmlFileOf(pagePath: string): string {
  return path.join(BUILD_DIR, pagePath === '' ? 'index.html' : `${pagePath}.html`);
}

/** The chapter with the most bytes of HTML: the heaviest page a reader opens. */
export function longestChapter(): string {
  return chaptersBySizeIn(BUILD_DIR, BASE_URL)[0]!.chapter;
}

/** A URL the page loaded is the site's own when it is on the test server's origin, or inline data. */
export function isOwnOrigin(url: string): boolean {
  return url.startsWith(`${ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
}

/** Chapters whose HTML holds at least one CodeCompare, in sitemap order. */
export function chaptersWithCodeCompare(): string[] {
  return chapterPaths().filter((chapter) =>
    /<section[^>]*\sdata-code-compare/.test(fs.readFileSync(htmlFileOf(chapter), 'utf8')),
  );
}

/** How many groups (tables) the cheat sheet on a page has: 0 on a page without one. */
export function cheatSheetGroups(pagePath: string): number {
  const file = htmlFileOf(pagePath);
  return fs.existsSync(file) ? (fs.readFileSync(file, 'utf8').match(/\sdata-cheat-group=""/g) ?? []).length : 0;
}
