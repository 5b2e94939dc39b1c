/**
 * Every page in docs/ is named and introduced the way the book expects:
 * `docs/<part>/<nn>-<slug>.mdx` with front matter `title`, `description` and
 * a `sidebar_position` equal to nn. A mistake fails with the file, the line
 * and what to write instead. The rules for chapters alone apply to the pages
 * of parts of kind 'chapters' (chapterFiles); the reference part's pages (the
 * cheat sheet, the glossary) are named and introduced the same way, but have
 * no quiz or Rustlings cards.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {LineCounter, parseDocument} from 'yaml';

import {BOOK_PARTS, bookPartOf, type BookPartKind} from '../../src/data/bookParts';

const SITE_DIR = path.resolve(import.meta.dirname, '../..');
const DOCS_DIR = path.join(SITE_DIR, 'docs');
const CHAPTER_NAME = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

/** Problems with one chapter's file name and front matter, as `path:line: what; what to do`. */
export function chapterProblems(relativePath: string, source: string): string[] {
  const problems: string[] = [];
  const fileName = path.basename(relativePath);
  const part = path.basename(path.dirname(relativePath));
  const nameMatch = CHAPTER_NAME.exec(fileName);
  if (!BOOK_PARTS.some((bookPart) => bookPart.dirName === part)) {
    problems.push(
      `${relativePath}:1: is not in a part's folder; move it to docs/${BOOK_PARTS.map((p) => p.dirName).join('/, docs/')}/`,
    );
  }
  if (!nameMatch) {
    problems.push(`${relativePath}:1: chapter files are named <nn>-<slug>.mdx, such as 03-setting-up.mdx`);
  }
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!frontMatter) {
    return [
      ...problems,
      `${relativePath}:1: has no front matter; start the file with --- title, description, sidebar_position ---`,
    ];
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(frontMatter[1]!, {lineCounter});
  for (const error of document.errors) {
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    problems.push(`${relativePath}:${line}: front matter is not valid YAML (${error.code}); fix the YAML`);
  }
  if (document.errors.length > 0) {
    return problems;
  }
  const data: unknown = document.toJS();
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const lineOf = (key: string): number => {
    const pair =
      document.contents && 'items' in document.contents
        ? (document.contents.items as {key: {value?: unknown; range?: [number, number, number]}}[]).find(
            (item) => item.key.value === key,
          )
        : undefined;
    return pair?.key.range ? lineCounter.linePos(pair.key.range[0]).line + 1 : 2;
  };
  for (const key of ['title', 'description'] as const) {
    const value = fields[key];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(
        `${relativePath}:${value === undefined ? 2 : lineOf(key)}: front matter needs a non-empty \`${key}\` string`,
      );
    }
  }
  const description = fields.description;
  if (typeof description === 'string' && description.length > 200) {
    problems.push(
      `${relativePath}:${lineOf('description')}: description is ${description.length} characters; keep it under 200 for search results`,
    );
  }
  const position = fields.sidebar_position;
  if (nameMatch && position !== Number(nameMatch[1])) {
    problems.push(
      `${relativePath}:${position === undefined ? 2 : lineOf('sidebar_position')}: sidebar_position is ${String(position)}; write sidebar_position: ${Number(nameMatch[1])} to match the file name`,
    );
  }
  return problems;
}

/** Every page of docs/, as `docs/<part>/<file>.mdx`. */
function bookPageFiles(): string[] {
  return fs
    .readdirSync(DOCS_DIR, {recursive: true, encoding: 'utf8'})
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => path.join('docs', file))
    .sort();
}

/** The pages in parts of one kind: chapters, or reference pages. */
function filesOfKind(kind: BookPartKind): string[] {
  return bookPageFiles().filter((file) => bookPartOf(file)?.kind === kind);
}

/** The pages the chapter rules apply to. */
function chapterFiles(): string[] {
  return filesOfKind('chapters');
}

describe('chapters', () => {
  test('every page, chapter or reference, has a proper file name and front matter', () => {
    const files = bookPageFiles();
    assert.ok(chapterFiles().length > 0, 'docs/ has no chapters');
    const problems = files.flatMap((file) => chapterProblems(file, fs.readFileSync(path.join(SITE_DIR, file), 'utf8')));
    assert.deepEqual(problems, []);
  });

  test('the reference part holds the cheat sheet and the glossary, and no chapter', () => {
    assert.deepEqual(filesOfKind('reference'), [
      path.join('docs', 'reference', '01-cheat-sheet.mdx'),
      path.join('docs', 'reference', '02-glossary.mdx'),
    ]);
    assert.ok(
      BOOK_PARTS.every((part) => part.kind === 'chapters' || part === BOOK_PARTS.at(-1)),
      'the reference part comes after every part of chapters',
    );
  });

  test('mistakes are reported with the file, the line and what to do', () => {
    assert.deepEqual(
      chapterProblems(
        'docs/foundations/03-setting-up.mdx',
        '---\ntitle: Setting up\ndescription: x\nsidebar_position: 4\n---\n',
      ),
      ['docs/foundations/03-setting-up.mdx:4: sidebar_position is 4; write sidebar_position: 3 to match the file name'],
    );
    assert.deepEqual(
      chapterProblems('docs/foundations/03-setting-up.mdx', '---\ntitle: Setting up\nsidebar_position: 3\n---\n'),
      ['docs/foundations/03-setting-up.mdx:2: front matter needs a non-empty `description` string'],
    );
    assert.match(
      chapterProblems('docs/foundations/03-setting-up.mdx', '---\ntitle: [oops\n---\n')[0] ?? '',
      /^docs\/foundations\/03-setting-up\.mdx:\d+: front matter is not valid YAML/,
    );
    assert.match(
      chapterProblems('docs/misc/setup.mdx', '---\ntitle: a\ndescription: b\n---\n').join('\n'),
      /is not in a part's folder[\s\S]*named <nn>-<slug>\.mdx/,
    );
  });
});
