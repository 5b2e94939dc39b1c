/**
 * How tools/serveBuild.ts maps a URL path to a built file, as `docusaurus
 * serve` and GitHub Pages do: the PDF, the offline test and the page
 * benchmark all read the book through it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import {describe, test} from 'node:test';

import {contentTypeOf, fileForUrlPath} from '../../tools/serveBuild';
import {tempBuilds} from './tempBuild';

const makeBuild = tempBuilds('serve-build-');

const FILES = {
  'index.html': 'cover',
  'foundations/welcome.html': 'welcome',
  'docs/intro/index.html': 'a page built with a trailing slash',
  'assets/js/main.1234.js': 'js',
  '404.html': 'not found',
};

describe('fileForUrlPath', () => {
  test('finds a page without its .html, a folder page by its index.html, and a file as itself', () => {
    const build = makeBuild(FILES);
    const served = (urlPath: string) => {
      const file = fileForUrlPath(build, '/book/', urlPath);
      return file === undefined ? undefined : path.relative(build, file).split(path.sep).join('/');
    };
    assert.equal(served('/book/'), 'index.html');
    assert.equal(served('/book/foundations/welcome'), 'foundations/welcome.html');
    assert.equal(served('/book/docs/intro'), 'docs/intro/index.html');
    assert.equal(served('/book/docs/intro/'), 'docs/intro/index.html');
    assert.equal(served('/book/assets/js/main.1234.js'), 'assets/js/main.1234.js');
  });

  test('answers nothing outside the base URL or the build, or for a path that does not decode', () => {
    const build = makeBuild(FILES);
    assert.equal(fileForUrlPath(build, '/book/', '/foundations/welcome'), undefined);
    assert.equal(fileForUrlPath(build, '/book/', '/book/../index.html'), undefined);
    assert.equal(fileForUrlPath(build, '/book/', '/book/%2e%2e/%2e%2e/etc/passwd'), undefined);
    assert.equal(fileForUrlPath(build, '/book/', '/book/%E0%A4%A'), undefined);
    assert.equal(fileForUrlPath(build, '/book/', '/book/missing'), undefined);
  });

  test('serves each kind of file with its type', () => {
    assert.equal(contentTypeOf('a/b.html'), 'text/html; charset=utf-8');
    assert.equal(contentTypeOf('a/b.woff2'), 'font/woff2');
    assert.equal(contentTypeOf('a/b.unknown'), 'application/octet-stream');
  });
});
