/**
 * The headings a page of docs/ has, with the ids Docusaurus gives them, so a
 * unit test can check links between pages without building the site: an id
 * written as a comment at the end of the heading (`### Borrow {/*#borrow*\/}`)
 * or, without one, the slug of the heading's text, made by Docusaurus' own
 * slugger (github-slugger: lower case, punctuation dropped, spaces to hyphens,
 * `-1`, `-2`… for repeats on one page).
 */
import fs from 'node:fs';
import path from 'node:path';

import {createSlugger} from '@docusaurus/utils';
import type {Heading} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';

import {parsePage} from '../../src/samples/page';
import {SITE_DIR} from './remarkHarness';

export interface PageHeading {
  readonly id: string;
  /** The heading as the reader sees it. */
  readonly text: string;
  readonly depth: number;
  readonly line: number;
  /** True when the id is written in the heading (`{/*#id*\/}`), so it survives a change of wording. */
  readonly explicit: boolean;
}

const COMMENT_ID = /^\s*\/\*\s*#([\w-]+)\s*\*\/\s*$/;

/** The id written as a trailing `{/*#id*\/}` comment, if any. */
function commentId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  return last?.type === 'mdxTextExpression' ? COMMENT_ID.exec(last.value)?.[1] : undefined;
}

/** Every heading of an MDX page, in order, with its id. */
export function headingsOf(source: string): PageHeading[] {
  const slugger = createSlugger();
  const headings: PageHeading[] = [];
  visit(parsePage(source), 'heading', (heading) => {
    const explicit = commentId(heading);
    const children = explicit === undefined ? heading.children : heading.children.slice(0, -1);
    const text = toString(children).trim();
    headings.push({
      id: explicit ?? slugger.slug(text),
      text,
      depth: heading.depth,
      line: heading.position?.start.line ?? 1,
      explicit: explicit !== undefined,
    });
  });
  return headings;
}

const headingCache = new Map<string, PageHeading[]>();

/** The headings of a page given by its path from the repository root (`docs/…/….mdx`). */
export function headingsOfPage(pagePath: string): PageHeading[] {
  let headings = headingCache.get(pagePath);
  if (headings === undefined) {
    headings = headingsOf(fs.readFileSync(path.join(SITE_DIR, pagePath), 'utf8'));
    headingCache.set(pagePath, headings);
  }
  return headings;
}

/**
 * Links from one page that do not resolve: relative links to .md(x) pages
 * (with or without #anchor) and #anchors on the page itself. Other links
 * (http, images) are not this function's business.
 */
export function anchorProblems(fromPage: string, urls: readonly string[]): string[] {
  const problems: string[] = [];
  for (const url of urls) {
    const match = /^(?<file>(?:\.{1,2}\/)[^#]*\.mdx?)?(?:#(?<anchor>.*))?$/.exec(url);
    if (!match?.groups || /^[a-z]+:/.test(url) || (match.groups.file === undefined && !url.startsWith('#'))) {
      continue;
    }
    const target =
      match.groups.file === undefined
        ? fromPage
        : path.posix.normalize(path.posix.join(path.posix.dirname(fromPage), match.groups.file));
    if (!fs.existsSync(path.join(SITE_DIR, target))) {
      problems.push(`${fromPage}: (${url}) points to ${target}, which does not exist; fix the path`);
      continue;
    }
    const anchor = match.groups.anchor;
    if (anchor !== undefined && !headingsOfPage(target).some((heading) => heading.id === anchor)) {
      const near = headingsOfPage(target)
        .filter((heading) => heading.depth >= 2)
        .map((heading) => heading.id)
        .filter((id) => id.includes(anchor.split('-')[0] ?? anchor))
        .slice(0, 3);
      problems.push(
        `${fromPage}: (${url}) names #${anchor}, which is not a heading of ${target}${near.length > 0 ? `; did you mean #${near.join(', #')}?` : '; look up the heading there'}`,
      );
    }
  }
  return problems;
}
