/**
 * src/offline/precacheManifest.ts on a small made-up build: which files the
 * service worker saves, at which address, and that a revision (and the
 * version) changes exactly when a file's bytes do.
 *
 * Run: node --import tsx --test tests/unit/precacheManifest.test.ts
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import {describe, test} from 'node:test';

import {CHAPTER_REDIRECTS} from '../../src/data/chapterRedirects';
import {precacheManifest, urlOfBuiltFile} from '../../src/offline/precacheManifest';
import {tempBuilds} from './tempBuild';

const FILES: Readonly<Record<string, string>> = {
  'index.html': 'cover',
  '404.html': 'not found',
  'search.html': 'search',
  'foundations/welcome.html': 'welcome',
  'assets/js/main.1234.js': 'main',
  'assets/css/styles.5678.css': 'styles',
  'img/logo.svg': '<svg/>',
  'assets/fonts/Inter-Regular.woff2': 'woff2',
  'assets/fonts/Inter-Regular.woff': 'woff',
  'assets/fonts/Inter-Regular.ttf': 'ttf',
  'search-index.json': '[]',
  'sitemap.xml': '<urlset/>',
  'sw.js': 'worker',
  'rust-for-python-developers.pdf': '%PDF-',
};

const makeBuild = tempBuilds('precache-');

describe('precacheManifest', () => {
  test('saves pages, scripts, styles, images and woff2 fonts, at the addresses they are served at', () => {
    const manifest = precacheManifest(makeBuild(FILES));
    assert.deepEqual(manifest.entries.map((entry) => entry.url).sort(), [
      '',
      '404.html',
      'assets/css/styles.5678.css',
      'assets/fonts/Inter-Regular.woff2',
      'assets/js/main.1234.js',
      'foundations/welcome',
      'img/logo.svg',
      'search',
    ]);
    assert.equal(manifest.notFoundUrl, '404.html');
  });

  test("gives each file the first 16 hex digits of its bytes' SHA-256 as its revision", () => {
    const manifest = precacheManifest(makeBuild(FILES));
    const welcome = manifest.entries.find((entry) => entry.url === 'foundations/welcome');
    assert.equal(welcome?.revision, crypto.createHash('sha256').update('welcome').digest('hex').slice(0, 16));
  });

  test('changes the version when, and only when, a saved file changes', () => {
    const first = precacheManifest(makeBuild(FILES)).version;
    assert.equal(precacheManifest(makeBuild({...FILES, 'sitemap.xml': 'other', 'sw.js': 'other'})).version, first);
    // Another plugin writes the old chapter URLs' forwarding pages while the manifest is made.
    const redirectPages = Object.fromEntries(
      CHAPTER_REDIRECTS.flatMap((redirect) => [
        [`${redirect.from.slice(1)}.html`, '<meta http-equiv="refresh">'],
        [`${redirect.from.slice(1)}/index.html`, '<meta http-equiv="refresh">'],
      ]),
    );
    assert.ok(Object.keys(redirectPages).length > 0);
    assert.equal(precacheManifest(makeBuild({...FILES, ...redirectPages})).version, first);
    assert.notEqual(
      precacheManifest(makeBuild({...FILES, 'foundations/welcome.html': 'welcome, again'})).version,
      first,
    );
  });

  test('needs the cover', () => {
    const withoutCover = Object.fromEntries(Object.entries(FILES).filter(([file]) => file !== 'index.html'));
    assert.throws(() => precacheManifest(makeBuild(withoutCover)), /index\.html is missing/);
  });
});

describe('urlOfBuiltFile', () => {
  test('drops .html and index.html the way the server does, but keeps 404.html', () => {
    assert.equal(urlOfBuiltFile('index.html'), '');
    assert.equal(urlOfBuiltFile('under-the-hood/borrowing.html'), 'under-the-hood/borrowing');
    assert.equal(urlOfBuiltFile('part/index.html'), 'part/');
    assert.equal(urlOfBuiltFile('404.html'), '404.html');
    assert.equal(urlOfBuiltFile('assets/js/main.js'), 'assets/js/main.js');
  });
});
