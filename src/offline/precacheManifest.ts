/**
 * What the service worker saves for offline reading: every file of a
 * production build that a page needs (the pages, the scripts and styles,
 * images, and the fonts as woff2), each with a revision,
 * the hash of its bytes. Takes the build folder; gives the manifest that
 * src/plugins/offlineBook.ts compiles into build/sw.js.
 *
 * The worker downloads a file again only when its revision changes, and
 * checks each download against it, so a saved copy is always one build's
 * files, never a mix of two.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import {CHAPTER_REDIRECTS} from '../data/chapterRedirects';

export interface PrecacheEntry {
  /** Relative to the service worker's scope (the base URL): `` is the cover, `under-the-hood/borrowing` a chapter. */
  readonly url: string;
  /** The first 16 hex digits of the SHA-256 of the file's bytes. */
  readonly revision: string;
}

export interface PrecacheManifest {
  /** Changes whenever any entry does: the name of this build's cache. */
  readonly version: string;
  readonly entries: readonly PrecacheEntry[];
  /** The page shown offline for an address the book does not have. */
  readonly notFoundUrl: string;
  /** Bytes to download for a first save, before compression. */
  readonly bytes: number;
}

/** Files a reader's browser loads from the build. Fonts only as woff2: every browser with service workers reads it. */
const SAVED = /\.(html|js|css|json|svg|png|jpg|ico|woff2)$/;
/**
 * Never in the manifest: the worker itself; the PDF of the book (a download of its own, megabytes a
 * reader may not want); and the search index, which the search plugin writes in its own postBuild,
 * alongside the one that makes this manifest, so it may or may not be there yet. The worker saves
 * the index when the reader first searches instead (src/offline/serviceWorker.ts).
 */
const NOT_SAVED = /^(sw\.js|.*\.pdf|.*\.map|.*\.LICENSE\.txt|search-index.*\.json)$/;

/**
 * Never in the manifest either: the forwarding pages of old chapter URLs. The
 * client-redirects plugin writes them in its postBuild, which Docusaurus runs
 * at the same time as the one that makes this manifest, so they may be
 * missing or half written when it is made (a half-written page would get a
 * revision its finished bytes do not have, and the worker would refuse to
 * save the book). The plugin writes `from/index.html` or `from.html`.
 * Offline, an old URL shows the book's 404 page.
 */
const REDIRECT_PAGES = new Set(CHAPTER_REDIRECTS.map((redirect) => redirect.from.replace(/^\//, '')));

const NOT_FOUND_PAGE = '404.html';

export const revisionOf = (bytes: Uint8Array): string =>
  crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** The address a built file is served at, relative to the base URL: `a/b.html` → `a/b`, `index.html` → ``. */
export function urlOfBuiltFile(relativePath: string): string {
  if (relativePath === NOT_FOUND_PAGE) {
    return relativePath;
  }
  return relativePath.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
}

export function precacheManifest(buildDir: string): PrecacheManifest {
  const files = fs
    .readdirSync(buildDir, {recursive: true, encoding: 'utf8'})
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => SAVED.test(file) && !NOT_SAVED.test(file) && fs.statSync(path.join(buildDir, file)).isFile())
    .filter((file) => !REDIRECT_PAGES.has(urlOfBuiltFile(file).replace(/\/$/, '')))
    .sort();
  let bytes = 0;
  const entries = files.map((file) => {
    const content = fs.readFileSync(path.join(buildDir, file));
    bytes += content.length;
    return {url: urlOfBuiltFile(file), revision: revisionOf(content)};
  });
  if (!entries.some((entry) => entry.url === '')) {
    throw new Error(`${buildDir}/index.html is missing: the offline copy needs the cover`);
  }
  return {
    version: revisionOf(Buffer.from(JSON.stringify(entries))),
    entries,
    notFoundUrl: NOT_FOUND_PAGE,
    bytes,
  };
}
