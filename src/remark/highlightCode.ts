/**
 * Highlights every code fence at build time, so that a reader's browser
 * neither downloads Prism nor tokenises the page's code again while React
 * hydrates it.
 *
 * Takes: `code` nodes as the other plugins leave them (hidden lines removed,
 * verifier words dropped), with the words Docusaurus' CodeBlock knows in
 * their metastring: `title="…"`, line highlights `{2,4-5}` and
 * `showLineNumbers`. Gives: `<CodeBlock language title showLineNumbers colour html>`,
 * where `html` is the code as HTML — one `<span class=…>` per run of tokens of
 * one colour role (src/css/prismTheme.ts), text escaped, lines separated by
 * newlines, so the element's text is the code exactly — and `colour` is the
 * class of the role most runs of the block have: those runs need no span (in
 * Rust, punctuation; in output blocks, everything). Lines are wrapped in a
 * `<span>` only when some are highlighted or numbered.
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

type Token = Readonly<{types: string[]; content: string; empty?: boolean}>;

/** A line as runs of text of one role; `role` undefined for spaces, which have no colour. */
type Run = {role: CodeRole | undefined; text: string};

/**
 * A line's runs: adjacent tokens of one role are one run, and so are tokens of
 * one role with only spaces between them (a space has no colour).
 */
function runsOf(line: ReadonlyArray<Token>): Run[] {
  const runs: Run[] = [];
  let spaces = '';
  const add = (role: CodeRole, content: string): void => {
    const last = runs[runs.length - 1];
    if (last?.role === role) {
      last.text += spaces + content;
    } else {
      if (spaces !== '') {
        runs.push({role: undefined, text: spaces});
      }
      runs.push({role, text: content});
    }
    spaces = '';
  };
  for (const token of line) {
    const content = token.empty === true ? '' : token.content;
    const role = roleOfToken(token.types);
    if (role !== 'text') {
      if (content !== '') {
        add(role, content);
      }
      continue;
    }
    // Plain text keeps its spaces outside its span: ` total ` is a space, `total`, a space.
    const [, leading = '', core = '', trailing = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(content) ?? [];
    spaces += leading;
    if (core !== '') {
      add(role, core);
    }
    spaces += trailing;
  }
  if (spaces !== '') {
    runs.push({role: undefined, text: spaces});
  }
  return runs;
}

/** The role with the most runs in a block: its colour is the block's, and its runs need no span. */
function mostFrequentRole(lines: ReadonlyArray<ReadonlyArray<Run>>): CodeRole {
  const counts = new Map<CodeRole, number>([['text', 0]]);
  for (const run of lines.flat()) {
    if (run.role !== undefined) {
      counts.set(run.role, (counts.get(run.role) ?? 0) + 1);
    }
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/**
 * One line as HTML: a `<span>` per run, but for spaces and runs of the block's
 * own role. A long chapter holds thousands of these spans: every one saved is
 * a node less to parse, style and lay out, and bytes less in its HTML and JS.
 */
function lineHtml(runs: ReadonlyArray<Run>, base: CodeRole): string {
  return runs
    .map(({role, text}) =>
      role === undefined || role === base
        ? escapeHtml(text)
        : `<span class=${ROLE_CLASS[role]}>${escapeHtml(text)}</span>`,
    )
    .join('');
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

export interface HighlightedCode {
  /** The code as HTML; its text is the code, exactly. */
  readonly html: string;
  /** The role whose runs have no span: the colour of the block (ROLE_CLASS gives its class). */
  readonly base: CodeRole;
}

/** The code of one fence as highlighted HTML (see the module comment). */
export function highlightCode(code: string, language: string | null | undefined, words: FenceWords): HighlightedCode {
  const grammar = language ? Prism.languages[language.toLowerCase()] : undefined;
  const tokens = normalizeTokens(
    grammar === undefined ? [code] : Prism.tokenize(code, grammar),
  ) as unknown as ReadonlyArray<ReadonlyArray<Token>>;
  const lines = tokens.map(runsOf);
  const base = mostFrequentRole(lines);
  const wrapLines = words.highlightedLines.size > 0 || words.firstLineNumber !== undefined;
  if (!wrapLines) {
    return {html: lines.map((line) => lineHtml(line, base)).join('\n'), base};
  }
  const html = lines
    .map((line, index) => {
      const classes = [LINE_CLASS, ...(words.highlightedLines.has(index + 1) ? [HIGHLIGHTED_LINE_CLASS] : [])];
      return `<span class="${classes.join(' ')}">${lineHtml(line, base)}\n</span>`;
    })
    .join('');
  return {html, base};
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
      const {html, base} = highlightCode(node.value, node.lang, words);
      parent.children[index] = flowElement(
        CODE_BLOCK_ELEMENT,
        {
          language: node.lang ?? undefined,
          title: words.title,
          showLineNumbers: words.firstLineNumber === undefined ? undefined : String(words.firstLineNumber),
          colour: base === 'text' ? undefined : ROLE_CLASS[base],
          html,
        },
        [],
        node.position,
      );
    });
  };

export default remarkHighlightCode;
