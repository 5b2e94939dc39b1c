/**
 * The glossary (docs/reference/02-glossary.mdx) and the links into it. Each
 * term is a `###` heading with an id written into it (`{/*#borrow*\/}`), so
 * the anchor survives a change of wording; a short definition; and a link to
 * the chapter section that teaches it, which must exist. Every link to the
 * glossary names a term that exists. Every term is used in the chapters: a
 * glossary of words the book never says would send readers nowhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import type {Nodes, Paragraph} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';

import {bookPartOf} from '../../src/data/bookParts';
import {parsePage} from '../../src/samples/page';
import {anchorProblems, headingsOf} from './docAnchors';
import {SITE_DIR} from './remarkHarness';

const GLOSSARY = 'docs/reference/02-glossary.mdx';
/** The issue asks for at least 50 terms. */
const MIN_TERMS = 50;
/** "A two-line definition": a definition and its link in a short paragraph. */
const MAX_ENTRY_WORDS = 70;

interface GlossaryTerm {
  /** The heading as the reader sees it: "`Arc`", "GIL (global interpreter lock)". */
  readonly text: string;
  readonly id: string | undefined;
  readonly line: number;
  /** Inline code spans of the heading: `Arc`; `Display`, `Debug`. */
  readonly code: readonly string[];
  /** The entry's paragraphs under the heading. */
  readonly paragraphs: readonly Paragraph[];
}

/** The terms of a glossary page: its `###` headings and what follows each, up to the next heading. */
function glossaryTerms(source: string): GlossaryTerm[] {
  const tree = parsePage(source);
  const ids = headingsOf(source);
  const terms: GlossaryTerm[] = [];
  let current: {term: GlossaryTerm; paragraphs: Paragraph[]} | undefined;
  tree.children.forEach((node) => {
    if (node.type === 'heading') {
      current = undefined;
      if (node.depth === 3) {
        const line = node.position?.start.line ?? 1;
        const heading = ids.find((candidate) => candidate.line === line);
        const paragraphs: Paragraph[] = [];
        const code: string[] = [];
        visit(node, 'inlineCode', (inline) => {
          code.push(inline.value);
        });
        const term: GlossaryTerm = {
          text: heading?.text ?? toString(node),
          id: heading?.explicit === true ? heading.id : undefined,
          line,
          code,
          paragraphs,
        };
        terms.push(term);
        current = {term, paragraphs};
      }
    } else if (node.type === 'paragraph') {
      current?.paragraphs.push(node);
    }
  });
  return terms;
}

/** Problems with the entries themselves, as `path:line: what; what to do`. */
function entryProblems(file: string, terms: readonly GlossaryTerm[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const term of terms) {
    const where = `${file}:${term.line}: glossary term "${term.text}"`;
    if (term.id === undefined) {
      const suggested = term.text
        .toLowerCase()
        .replace(/\(.*\)/, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      problems.push(
        `${where} has no anchor of its own; end the heading with {/*#${suggested}*/} so that links to it survive a change of wording`,
      );
    } else if (seen.has(term.id)) {
      problems.push(
        `${where} has the anchor #${term.id}, as the term on line ${seen.get(term.id)} has; give it another`,
      );
    } else {
      seen.set(term.id, term.line);
    }
    if (term.paragraphs.length !== 1) {
      problems.push(
        `${where} has ${term.paragraphs.length} paragraphs; give it one: the definition in Python terms, then the link to the section that teaches it`,
      );
      continue;
    }
    const paragraph = term.paragraphs[0]!;
    const words = toString(paragraph).split(/\s+/).filter(Boolean).length;
    if (words > MAX_ENTRY_WORDS) {
      problems.push(
        `${where} takes ${words} words; keep the entry to about two lines (${MAX_ENTRY_WORDS} words at most) and leave the rest to the chapter`,
      );
    }
    const links: string[] = [];
    visit(paragraph, 'link', (link) => {
      links.push(link.url);
    });
    const teaching = links.filter((url) => /^\.\.\/(?!reference\/)[\w-]+\/[\w.-]+\.mdx#[\w-]+$/.test(url));
    if (teaching.length === 0) {
      problems.push(
        `${where} links to no chapter section; end its entry with "See [the section](../part/nn-chapter.mdx#anchor)." pointing at where the book teaches it`,
      );
    }
  }
  return problems;
}

/** What counts as a use of a term in the chapters' prose. */
function termForms(term: GlossaryTerm): {
  readonly forms: readonly string[];
  readonly all: boolean;
  readonly code: boolean;
} {
  // A heading of several code spans ("`Display` and `Debug`") is used when each of them is.
  if (term.code.length > 1) {
    return {forms: term.code, all: true, code: true};
  }
  // A heading that is one code span (`Arc`) is a name from code: look for it in code font, case and all.
  if (term.code.length === 1 && term.text === term.code[0]) {
    return {forms: term.code, all: false, code: true};
  }
  // "GIL (global interpreter lock)": either spelling will do.
  const alternative = /^(.*?)\s*\((.*)\)$/.exec(term.text);
  return {forms: alternative ? [alternative[1]!, alternative[2]!] : [term.text], all: false, code: false};
}

/** British and American spellings (-ise, -ize) count as one; case is ignored. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/iz/g, 'is').replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A form as a whole word, allowing the endings of plurals and verbs: borrow, borrows, borrowed, borrowing. */
function wordPattern(form: string, flags: string): RegExp {
  return new RegExp(`(?<![\\w])${escapeRegExp(form)}(?:s|es|d|ed|ing)?(?![\\w])`, flags);
}

interface ChapterProse {
  /** Text and inline code, as read. */
  readonly text: string;
  /** Inline code spans only. */
  readonly code: readonly string[];
}

/** The prose of one page: text and inline code, not code blocks, JSX attributes or front matter. */
function proseOf(source: string): ChapterProse {
  const parts: string[] = [];
  const code: string[] = [];
  visit(parsePage(source), (node: Nodes) => {
    if (node.type === 'text') {
      parts.push(node.value);
    } else if (node.type === 'inlineCode') {
      parts.push(node.value);
      code.push(node.value);
    }
  });
  return {text: parts.join(' '), code};
}

/** True when the term is used in the given prose. */
function isUsed(term: GlossaryTerm, prose: readonly ChapterProse[]): boolean {
  const {forms, all, code} = termForms(term);
  const found = (form: string): boolean =>
    code
      ? prose.some((page) => page.code.some((span) => wordPattern(form, '').test(span)))
      : prose.some((page) => wordPattern(normalise(form), '').test(normalise(page.text)));
  return all ? forms.every(found) : forms.some(found);
}

function pagesOfDocs(): string[] {
  return fs
    .readdirSync(path.join(SITE_DIR, 'docs'), {recursive: true, encoding: 'utf8'})
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => path.posix.join('docs', file.split(path.sep).join('/')))
    .sort();
}

describe('the glossary', () => {
  const source = fs.readFileSync(path.join(SITE_DIR, GLOSSARY), 'utf8');
  const terms = glossaryTerms(source);

  test(`has at least ${MIN_TERMS} terms, in alphabetical order`, () => {
    assert.ok(terms.length >= MIN_TERMS, `${GLOSSARY} defines ${terms.length} terms; the book promises ${MIN_TERMS}`);
    const sortKey = (term: GlossaryTerm): string => term.text.replace(/`/g, '').toLowerCase();
    const outOfOrder = terms.filter((term, index) => index > 0 && sortKey(terms[index - 1]!) > sortKey(term));
    assert.deepEqual(
      outOfOrder.map(
        (term) =>
          `${GLOSSARY}:${term.line}: "${term.text}" comes after "${terms[terms.indexOf(term) - 1]!.text}"; move it up`,
      ),
      [],
    );
  });

  test('every term has its own anchor, one short paragraph and a link to the section that teaches it', () => {
    assert.deepEqual(entryProblems(GLOSSARY, terms), []);
  });

  test('every link in the glossary goes to a page and a heading that exist', () => {
    const links: string[] = [];
    visit(parsePage(source), 'link', (link) => {
      links.push(link.url);
    });
    assert.deepEqual(anchorProblems(GLOSSARY, links), []);
  });

  test('every link to the glossary, from any page, names a term', () => {
    const ids = new Set(terms.map((term) => term.id));
    const problems = pagesOfDocs().flatMap((page) => {
      const links: {url: string; line: number}[] = [];
      visit(parsePage(fs.readFileSync(path.join(SITE_DIR, page), 'utf8')), 'link', (link) => {
        links.push({url: link.url, line: link.position?.start.line ?? 1});
      });
      return links
        .filter(({url}) => /(^|\/)02-glossary\.mdx#/.test(url) || (page === GLOSSARY && url.startsWith('#')))
        .filter(({url}) => !ids.has(url.slice(url.indexOf('#') + 1)))
        .map(
          ({url, line}) =>
            `${page}:${line}: (${url}) names no glossary term; use one of the anchors in ${GLOSSARY}, such as #${[...ids][0] ?? 'borrow'}`,
        );
    });
    assert.deepEqual(problems, []);
  });

  test('every term is used in the chapters', () => {
    const chapters = pagesOfDocs().filter((page) => bookPartOf(page)?.kind === 'chapters');
    const prose = chapters.map((page) => proseOf(fs.readFileSync(path.join(SITE_DIR, page), 'utf8')));
    const unused = terms
      .filter((term) => !isUsed(term, prose))
      .map(
        (term) =>
          `${GLOSSARY}:${term.line}: glossary term "${term.text}" appears in no chapter's prose (searched for ${termForms(
            term,
          )
            .forms.map((form) => `"${form}"`)
            .join(
              termForms(term).all ? ' and ' : ' or ',
            )}); use the term where a chapter teaches it, or take it out of the glossary`,
      );
    assert.deepEqual(unused, []);
  });
});

describe('glossary checks report what to fix', () => {
  const entry = (heading: string, body: string): string => `## B\n\n### ${heading}\n\n${body}\n`;
  const link = 'See [References](../under-the-hood/02-borrowing.mdx#references-using-a-value-without-owning-it).';

  test('a term without an anchor of its own', () => {
    assert.deepEqual(entryProblems('g.mdx', glossaryTerms(entry('Borrow checker', `Checks borrows. ${link}`))), [
      'g.mdx:3: glossary term "Borrow checker" has no anchor of its own; end the heading with {/*#borrow-checker*/} so that links to it survive a change of wording',
    ]);
  });

  test('a term without a link to a chapter', () => {
    assert.deepEqual(entryProblems('g.mdx', glossaryTerms(entry('Borrow {/*#borrow*/}', 'To lend a value.'))), [
      'g.mdx:3: glossary term "Borrow" links to no chapter section; end its entry with "See [the section](../part/nn-chapter.mdx#anchor)." pointing at where the book teaches it',
    ]);
  });

  test('a term with a long entry', () => {
    const long = `${'word '.repeat(80)}${link}`;
    assert.match(
      entryProblems('g.mdx', glossaryTerms(entry('Borrow {/*#borrow*/}', long))).join('\n'),
      /^g\.mdx:3: glossary term "Borrow" takes 82 words; keep the entry to about two lines/,
    );
  });

  test('what counts as using a term', () => {
    const prose = [proseOf('Rust *monomorphizes* generics; `Arc<T>` is shared; `Display` and `Debug` print.\n')];
    const [monomorphisation, arc, rc, printing, gil] = glossaryTerms(
      [
        '### Monomorphisation {/*#m*/}',
        '### `Arc` {/*#arc*/}',
        '### `Rc` {/*#rc*/}',
        '### `Display` and `Debug` {/*#d*/}',
        '### GIL (global interpreter lock) {/*#gil*/}',
      ].join('\n\n'),
    );
    assert.equal(isUsed(monomorphisation!, prose), false, '"monomorphizes" is not "monomorphisation"');
    assert.equal(isUsed({...monomorphisation!, text: 'Monomorphise'}, prose), true, '-ize and -ise are one spelling');
    assert.equal(isUsed(arc!, prose), true, '`Arc<T>` uses `Arc`');
    assert.equal(isUsed(rc!, prose), false, '`Arc<T>` does not use `Rc`');
    assert.equal(isUsed(printing!, prose), true);
    assert.equal(isUsed(gil!, [proseOf('No global interpreter lock here.\n')]), true);
    assert.equal(isUsed(gil!, prose), false);
  });
});
