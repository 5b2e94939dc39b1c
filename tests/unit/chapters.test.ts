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
import {countProseWords, MAX_PROSE_WORDS} from '../../tools/proseWords';

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

/** The sections every chapter ends with, in this order. */
const ENDING = ['Summary', 'Check your understanding', 'Go deeper'] as const;
const MIN_QUIZ_QUESTIONS = 4;
const RUSTLINGS_EXERCISES = 'https://github.com/rust-lang/rustlings/tree/main/exercises/';

/** Problems with how one chapter ends, as `path:line: what; what to do`. */
export function chapterEndingProblems(relativePath: string, source: string): string[] {
  const lines = source.split('\n');
  let fence: string | undefined;
  const headings: {readonly text: string; readonly line: number}[] = [];
  lines.forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
    } else if (fence === undefined && line.startsWith('## ')) {
      headings.push({text: line.slice(3).trim(), line: index + 1});
    }
  });
  const last = headings.slice(-ENDING.length);
  if (last.map((heading) => heading.text).join('|') !== ENDING.join('|')) {
    return [
      `${relativePath}:${last[0]?.line ?? lines.length}: the chapter ends with ${last.map((heading) => `"## ${heading.text}"`).join(', ') || 'no ## sections'}; end it with ${ENDING.map((text) => `"## ${text}"`).join(', ')}`,
    ];
  }
  const [, quiz, deeper] = last as [(typeof last)[0], (typeof last)[0], (typeof last)[0]];
  const problems: string[] = [];
  const quizText = lines.slice(quiz.line, deeper.line - 1).join('\n');
  const questions = quizText.match(/<QuizQuestion\b/g)?.length ?? 0;
  if (!/<Quiz>/.test(quizText) || questions < MIN_QUIZ_QUESTIONS) {
    problems.push(
      `${relativePath}:${quiz.line}: "## Check your understanding" has ${questions} <QuizQuestion>s; give it a <Quiz> of at least ${MIN_QUIZ_QUESTIONS}`,
    );
  }
  if (!lines.slice(deeper.line).join('\n').includes(RUSTLINGS_EXERCISES)) {
    problems.push(
      `${relativePath}:${deeper.line}: "## Go deeper" has no card to Rustlings; add a <RefCard href="${RUSTLINGS_EXERCISES}…"> for the exercises that practise the chapter (src/data/reference-links/rustlings.json)`,
    );
  }
  return problems;
}

/** A chapter's prose stays within the book's limit, and above its part's minimum. */
export function proseLengthProblems(relativePath: string, source: string): string[] {
  const words = countProseWords(source);
  const part = BOOK_PARTS.find((bookPart) => bookPart.dirName === path.basename(path.dirname(relativePath)));
  if (words > MAX_PROSE_WORDS) {
    return [
      `${relativePath}:1: has ${words} words of prose, more than ${MAX_PROSE_WORDS}; split it into two chapters (npm run words counts them)`,
    ];
  }
  if (part?.minProseWords !== undefined && words < part.minProseWords) {
    return [
      `${relativePath}:1: has ${words} words of prose; a chapter of "${part.label}" has at least ${part.minProseWords} (npm run words counts them)`,
    ];
  }
  return [];
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

  test('every chapter ends with a summary, a quiz and cards to go deeper, Rustlings among them', () => {
    const problems = chapterFiles().flatMap((file) =>
      chapterEndingProblems(file, fs.readFileSync(path.join(SITE_DIR, file), 'utf8')),
    );
    assert.deepEqual(problems, []);
  });

  test('every chapter has at most 4,500 words of prose, and at least its part asks for', () => {
    const problems = chapterFiles().flatMap((file) =>
      proseLengthProblems(file, fs.readFileSync(path.join(SITE_DIR, file), 'utf8')),
    );
    assert.deepEqual(problems, []);
  });

  test('a chapter too long or too short is reported with what to do', () => {
    const prose = (words: number) => `---\ntitle: t\n---\n\n${'row '.repeat(words)}\n`;
    assert.deepEqual(proseLengthProblems('docs/foundations/01-a.mdx', prose(4500)), []);
    assert.deepEqual(proseLengthProblems('docs/foundations/01-a.mdx', prose(4501)), [
      'docs/foundations/01-a.mdx:1: has 4501 words of prose, more than 4500; split it into two chapters (npm run words counts them)',
    ]);
    assert.deepEqual(proseLengthProblems('docs/everyday-rust/01-a.mdx', prose(100)), [
      'docs/everyday-rust/01-a.mdx:1: has 100 words of prose; a chapter of "Part III — Everyday Rust for data code" has at least 2500 (npm run words counts them)',
    ]);
  });

  test('a chapter that ends the wrong way is reported with the line and what to add', () => {
    const rustlings = `<RefCard href="${RUSTLINGS_EXERCISES}01_variables" why="Practice." />`;
    const question = '<QuizQuestion options={["a", "b"]} answer={0} why="b">\n\nQ?\n\n</QuizQuestion>\n';
    const quiz = `<Quiz>\n\n${question.repeat(4)}\n</Quiz>\n`;
    const ending = (quizBody: string, deeper: string) =>
      `## Summary\n\nText.\n\n## Check your understanding\n\n${quizBody}\n## Go deeper\n\n${deeper}\n`;
    assert.deepEqual(chapterEndingProblems('docs/part/01-a.mdx', ending(quiz, rustlings)), []);
    assert.deepEqual(
      chapterEndingProblems('docs/part/01-a.mdx', '## Summary\n\n```md\n## Go deeper\n```\n\n## Go deeper\n'),
      [
        'docs/part/01-a.mdx:1: the chapter ends with "## Summary", "## Go deeper"; end it with "## Summary", "## Check your understanding", "## Go deeper"',
      ],
    );
    assert.deepEqual(
      chapterEndingProblems(
        'docs/part/01-a.mdx',
        ending(`<Quiz>\n\n${question}\n</Quiz>\n`, '<RefCard href="https://doc.rust-lang.org/book/" why="x" />'),
      ),
      [
        'docs/part/01-a.mdx:5: "## Check your understanding" has 1 <QuizQuestion>s; give it a <Quiz> of at least 4',
        `docs/part/01-a.mdx:17: "## Go deeper" has no card to Rustlings; add a <RefCard href="${RUSTLINGS_EXERCISES}…"> for the exercises that practise the chapter (src/data/reference-links/rustlings.json)`,
      ],
    );
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
