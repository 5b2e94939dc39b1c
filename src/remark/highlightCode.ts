/**
 * Highlights every code fence at build time, so that a reader's browser
 * neither downloads Prism nor tokenises the page's code again while React
 * hydrates it.
 *
 * Takes: `code` nodes as the other plugins leave them (hidden lines removed,
 * verifier words dropped), with the words Docusaurus' CodeBlock knows in
 * their metastring: `title="…"`, line highlights `{2,4-5}` and
 * `showLineNumbers`. Gives: `<CodeBlock language title showLineNumbers html>`,
 * where `html` is the code as HTML — one `<span class=…>` per run of tokens of
 * one colour role (src/css/prismTheme.ts), plain text escaped, lines
 * separated by newlines, so the element's text is the code exactly. Lines are
 * wrapped in a `<span>` only when some are highlighted or numbered.
 * src/theme/CodeBlock renders it as it is. A magic comment
 * (`// highlight-next-line`) fails the build: the fence's `{…}` says the same.
 */
import {createRequire} from 'node:module';

import type {Code, Root} from 'mdast';
import {Prism, normalizeTokens} from 'prism-react-renderer';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';

import {ROLE_CLASS, roleOfToken, type CodeRole} from '../css/prismTheme';
import {tokenizeMeta} from '../samples/fence';
import {AuthoringError} from './authoringError';
import {flowElement} from './mdxJsx';

export interface Options {
  /** Prism languages to load on top of those prism-react-renderer bundles, e.g. `['toml', 'bash']`. */
  readonly languages?: readonly string[];
}

/** The element each fence becomes; src/theme/MDXComponents.tsx maps it to src/theme/CodeBlock. */
export const CODE_BLOCK_ELEMENT = 'CodeBlock';

/** Classes of a line that is highlighted or numbered; styled by src/theme/CodeBlock/styles.module.css. */
export const LINE_CLASS = 'code-line';
export const HIGHLIGHTED_LINE_CLASS = 'theme-code-block-highlighted-line';

const MAGIC_COMMENT = /(?:\/\/|#|<!--)\s*highlight-(?:next-line|start|end)\b/;

const loaded = new Set<string>();

/** Loads Prism's components for these languages into prism-react-renderer's Prism, as the theme does. */
function loadLanguages(languages: readonly string[]): void {
  const pending = languages.filter((language) => !loaded.has(language) && !(language in Prism.languages));
  if (pending.length === 0) {
    return;
  }
  const require = createRequire(__filename);
  const global = globalThis as {Prism?: unknown};
  const before = global.Prism;
  global.Prism = Prism;
  try {
    for (const language of pending) {
      require(`prismjs/components/prism-${language}.js`);
      loaded.add(language);
    }
  } finally {
    if (before === undefined) {
      delete global.Prism;
    } else {
      global.Prism = before;
    }
  }
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line of tokens as HTML: adjacent tokens of one role share a span; plain text is bare. */
function lineHtml(line: ReadonlyArray<{types: string[]; content: string; empty?: boolean}>): string {
  let html = '';
  let runRole: CodeRole | undefined;
  let runText = '';
  const flush = (): void => {
    if (runText !== '') {
      html +=
        runRole === undefined
          ? escapeHtml(runText)
          : `<span class=${ROLE_CLASS[runRole]}>${escapeHtml(runText)}</span>`;
    }
    runText = '';
  };
  for (const token of line) {
    const content = token.empty === true ? '' : token.content;
    if (content === '') {
      continue;
    }
    const role = roleOfToken(token.types);
    if (role !== runRole) {
      flush();
      runRole = role;
    }
    runText += content;
  }
  flush();
  return html;
}

/** The 1-based line numbers in a `{2,4-5}` range list. */
function parseLineRanges(ranges: string): Set<number> {
  const lines = new Set<number>();
  for (const part of ranges.split(',')) {
    const [from, to] = part
      .trim()
      .split('-')
      .map((bound) => Number(bound));
    if (from === undefined || Number.isNaN(from)) {
      continue;
    }
    for (let line = from; line <= (to === undefined || Number.isNaN(to) ? from : to); line += 1) {
      lines.add(line);
    }
  }
  return lines;
}

export interface FenceWords {
  readonly title?: string;
  readonly highlightedLines: ReadonlySet<number>;
  /** The number of the first line when lines are numbered. */
  readonly firstLineNumber?: number;
}

/** What the page makes of a fence's metastring: its title, highlighted lines and line numbering. */
export function readFenceWords(meta: string | null | undefined): FenceWords {
  let title: string | undefined;
  let highlightedLines = new Set<number>();
  let firstLineNumber: number | undefined;
  for (const token of tokenizeMeta(meta ?? '')) {
    if (token.key === 'title' && token.value !== undefined) {
      title = token.value;
    } else if (token.key === 'showLineNumbers') {
      firstLineNumber = token.value === undefined ? 1 : Number(token.value);
    } else if (/^\{[\d,\s-]+\}$/.test(token.raw)) {
      highlightedLines = parseLineRanges(token.raw.slice(1, -1));
    }
  }
  return {
    ...(title === undefined ? {} : {title}),
    highlightedLines,
    ...(firstLineNumber === undefined || Number.isNaN(firstLineNumber) ? {} : {firstLineNumber}),
  };
}

/** The code of one fence as highlighted HTML (see the module comment). */
export function highlightToHtml(code: string, language: string | null | undefined, words: FenceWords): string {
  const grammar = language ? Prism.languages[language.toLowerCase()] : undefined;
  const lines = normalizeTokens(
    grammar === undefined ? [code] : Prism.tokenize(code, grammar),
  ) as unknown as ReadonlyArray<ReadonlyArray<{types: string[]; content: string; empty?: boolean}>>;
  const wrapLines = words.highlightedLines.size > 0 || words.firstLineNumber !== undefined;
  if (!wrapLines) {
    return lines.map(lineHtml).join('\n');
  }
  return lines
    .map((line, index) => {
      const classes = [LINE_CLASS, ...(words.highlightedLines.has(index + 1) ? [HIGHLIGHTED_LINE_CLASS] : [])];
      return `<span class="${classes.join(' ')}">${lineHtml(line)}\n</span>`;
    })
    .join('');
}

const remarkHighlightCode: Plugin<[Options?], Root> =
  (options = {}) =>
  (tree, file) => {
    loadLanguages(options.languages ?? []);
    visit(tree, 'code', (node: Code, index, parent) => {
      if (parent === undefined || index === undefined) {
        return;
      }
      const magic = node.value.split('\n').findIndex((line) => MAGIC_COMMENT.test(line));
      if (magic !== -1) {
        throw new AuthoringError(
          file,
          (node.position?.start.line ?? 0) + 1 + magic,
          'magic highlight comments are not supported; remove the comment and list the lines on the fence instead, e.g. ```rust {2,4-5}',
        );
      }
      const words = readFenceWords(node.meta);
      parent.children[index] = flowElement(
        CODE_BLOCK_ELEMENT,
        {
          language: node.lang ?? undefined,
          title: words.title,
          showLineNumbers: words.firstLineNumber === undefined ? undefined : String(words.firstLineNumber),
          html: highlightToHtml(node.value, node.lang, words),
        },
        [],
        node.position,
      );
    });
  };

export default remarkHighlightCode;
