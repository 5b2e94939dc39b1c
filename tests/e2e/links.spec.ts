/**
 * Every link in the built site, checked on disk (no browser): each internal
 * link, asset and #anchor in build/**.html, each url() in the CSS and each
 * entry of the search index resolves to a file and a real id, inside the base
 * URL; each link into the Rust Book, Rust By Example or Rustlings is in the
 * reference catalogue. The build checks links between docs; this also covers
 * the theme, the components, and what the plugins add after the build.
 */
import fs from 'node:fs';
import path from 'node:path';

import {expect, test} from '@playwright/test';
import {parse, type DefaultTreeAdapterMap} from 'parse5';

import {isReferenceUrl, lookupReference} from '../../src/data/referenceCatalogue';
import {BASE_URL, BUILD_DIR} from './builtSite';

/** Where the built pages say they live (canonical and og:url): links to it count as internal. */
function siteOrigin(): string {
  const sitemap = fs.readFileSync(path.join(BUILD_DIR, 'sitemap.xml'), 'utf8');
  const first = /<loc>([^<]+)<\/loc>/.exec(sitemap)?.[1];
  if (!first) {
    throw new Error('build/sitemap.xml lists no page');
  }
  return new URL(first).origin;
}

function filesUnder(directory: string, extension: string): string[] {
  return fs
    .readdirSync(directory, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith(extension))
    .map((file) => path.join(directory, file));
}

/** The URL path a built file is served at: build/foundations/welcome.html → /foundations/welcome. */
function urlPathOf(file: string): string {
  const relative = path.relative(BUILD_DIR, file).split(path.sep).join('/');
  return BASE_URL + relative.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
}

/** The file a URL path is answered with, the way `docusaurus serve` and GitHub Pages look it up. */
function fileOf(urlPath: string): string | undefined {
  const inSite = decodeURIComponent(urlPath.slice(BASE_URL.length));
  const candidates = [inSite, `${inSite}.html`, path.posix.join(inSite, 'index.html')];
  return candidates
    .map((candidate) => path.join(BUILD_DIR, candidate))
    .find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** Every element of a page, parsed the way a browser parses it (parse5 follows the HTML standard). */
function* elementsOf(node: ParentNode): Generator<Element> {
  for (const child of node.childNodes) {
    if ('tagName' in child) {
      yield child;
      yield* elementsOf(child.tagName === 'template' ? (child as DefaultTreeAdapterMap['template']).content : child);
    }
  }
}

const attribute = (element: Element, name: string): string | undefined =>
  element.attrs.find((attr) => attr.name === name)?.value;

const pageCache = new Map<string, Element[]>();
function elementsOfFile(file: string): Element[] {
  let elements = pageCache.get(file);
  if (!elements) {
    elements = [...elementsOf(parse(fs.readFileSync(file, 'utf8')))];
    pageCache.set(file, elements);
  }
  return elements;
}

const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set();
    for (const element of elementsOfFile(file)) {
      const id = attribute(element, 'id') ?? (element.tagName === 'a' ? attribute(element, 'name') : undefined);
      if (id !== undefined) {
        ids.add(id);
      }
    }
    idsCache.set(file, ids);
  }
  return ids;
}

interface LinkProblem {
  readonly where: string;
  readonly problem: string;
}

/** Checks one URL found in `where` (a page URL path, for resolving relative links). */
function checkUrl(raw: string, fromUrlPath: string, where: string, origin: string, problems: LinkProblem[]): void {
  if (/^(mailto:|tel:|data:|blob:)/.test(raw)) {
    return;
  }
  if (/^javascript:/i.test(raw)) {
    problems.push({where, problem: `${raw}: a javascript: URL`});
    return;
  }
  const resolved = new URL(raw, `${origin}${fromUrlPath}`);
  if (resolved.origin !== origin) {
    if (isReferenceUrl(resolved.href)) {
      const lookup = lookupReference(resolved.href);
      if (!lookup.ok) {
        problems.push({where, problem: lookup.message});
      }
    }
    return;
  }
  if (!resolved.pathname.startsWith(BASE_URL)) {
    problems.push({where, problem: `${raw}: outside the base URL ${BASE_URL} (a hard-coded root link?)`});
    return;
  }
  const target = fileOf(resolved.pathname);
  if (!target) {
    problems.push({where, problem: `${raw}: no file in ${path.basename(BUILD_DIR)}/ answers ${resolved.pathname}`});
    return;
  }
  const anchor = decodeURIComponent(resolved.hash.slice(1));
  if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor)) {
    problems.push({where, problem: `${raw}: ${resolved.pathname} has no element with id "${anchor}"`});
  }
}

/** The attribute of each element that holds a URL the reader's browser follows or loads. */
function urlAttributeOf(element: Element): string | undefined {
  switch (element.tagName) {
    case 'a':
    case 'link':
      return 'href';
    case 'script':
    case 'img':
    case 'source':
    case 'iframe':
      return 'src';
    case 'meta':
      return ['og:url', 'og:image', 'twitter:image'].includes(
        attribute(element, 'property') ?? attribute(element, 'name') ?? '',
      )
        ? 'content'
        : undefined;
    default:
      return undefined;
  }
}

test('every internal link, asset and anchor in the built HTML resolves; reference links are catalogued', () => {
  const origin = siteOrigin();
  const problems: LinkProblem[] = [];
  const pages = filesUnder(BUILD_DIR, '.html');
  expect(pages.length).toBeGreaterThan(3);
  let checked = 0;
  for (const file of pages) {
    const urlPath = urlPathOf(file);
    for (const element of elementsOfFile(file)) {
      const name = urlAttributeOf(element);
      const value = name === undefined ? undefined : attribute(element, name);
      if (name === undefined || value === undefined) {
        continue;
      }
      if (value.trim() === '') {
        problems.push({where: path.relative(BUILD_DIR, file), problem: `<${element.tagName}> with an empty ${name}`});
        continue;
      }
      checked += 1;
      checkUrl(value, urlPath, path.relative(BUILD_DIR, file), origin, problems);
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(problems.map(({where, problem}) => `${where}: ${problem}`)).toEqual([]);
});

test('every url() in the built CSS (fonts, images) points at a file that exists', () => {
  const origin = siteOrigin();
  const problems: LinkProblem[] = [];
  for (const file of filesUnder(BUILD_DIR, '.css')) {
    const urlPath = urlPathOf(file);
    const css = fs.readFileSync(file, 'utf8');
    for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const value = match[2]!;
      if (value.startsWith('data:') || value.startsWith('#')) {
        continue;
      }
      const resolved = new URL(value, `${origin}${urlPath}`);
      if (resolved.origin !== origin) {
        problems.push({
          where: path.relative(BUILD_DIR, file),
          problem: `${value}: a stylesheet loading from another origin`,
        });
        continue;
      }
      checkUrl(resolved.pathname, urlPath, path.relative(BUILD_DIR, file), origin, problems);
    }
  }
  expect(problems.map(({where, problem}) => `${where}: ${problem}`)).toEqual([]);
});

test('every page and heading the search index points at exists', () => {
  const origin = siteOrigin();
  const indexes = filesUnder(BUILD_DIR, '.json').filter((file) => path.basename(file).startsWith('search-index'));
  expect(indexes.length, 'a search index in the build').toBeGreaterThan(0);
  const problems: LinkProblem[] = [];
  for (const file of indexes) {
    const groups = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{documents: Array<{u: string; h?: string}>}>;
    for (const group of groups) {
      for (const document of group.documents) {
        checkUrl(`${document.u}${document.h ?? ''}`, BASE_URL, path.basename(file), origin, problems);
      }
    }
  }
  expect(problems.map(({where, problem}) => `${where}: ${problem}`)).toEqual([]);
});
