// Spelling of the book's prose (`npm run lint:spelling`).
//
// Project words: every spelling/*.txt (one word per line) is a project
// dictionary, found when cspell starts, so a chapter author adds a word list
// without touching this file. spelling/project-words.txt holds the
// words every chapter shares.
//
// What is checked: the prose of docs/**/*.mdx, including headings, tables,
// link text and admonitions. What is not: code fences and inline code (the
// compilers, rustfmt, clippy and ruff check code; identifiers there are not
// English), URLs, JSX tag names and attributes holding code or addresses (text
// attributes a reader sees, such as RefCard's why="…", are checked), import/export lines and
// KaTeX maths. Those produced only noise in a first run over the chapters.
const fs = require('node:fs');
const path = require('node:path');

const SPELLING_DIR = path.resolve(__dirname, 'spelling');
const wordLists = fs
  .readdirSync(SPELLING_DIR)
  .filter((file) => file.endsWith('.txt'))
  .sort();

const projectDictionaries = wordLists.map((file) => ({
  name: `project-${path.basename(file, '.txt')}`,
  path: path.join(SPELLING_DIR, file),
  addWords: file === 'project-words.txt',
}));

/** @type {import('cspell').CSpellUserSettings} */
module.exports = {
  version: '0.2',
  language: 'en,en-GB',
  dictionaryDefinitions: projectDictionaries,
  dictionaries: [
    ...projectDictionaries.map((dictionary) => dictionary.name),
    'python',
    'rust',
    'softwareTerms',
    'data-science',
    'companies',
    'filetypes',
    'bash',
    'markdown',
  ],
  ignorePaths: ['node_modules/**', 'build/**', 'build-*/**', '.docusaurus/**'],
  patterns: [
    {name: 'code-fence', pattern: '/^(\\s*)(`{3,}|~{3,})[^\\n]*\\n[\\s\\S]*?^\\1\\2\\s*$/gm'},
    {name: 'inline-code', pattern: '/`[^`\\n]+`/g'},
    {name: 'maths-block', pattern: '/\\$\\$[\\s\\S]*?\\$\\$/g'},
    {name: 'maths-inline', pattern: '/\\$[^$\\n]+\\$/g'},
    {name: 'mdx-import-export', pattern: '/^(import|export)\\s.*$/gm'},
    // Tag names and attributes that hold code or addresses; the reader-facing text in others (why="…") is checked.
    {name: 'jsx-tag-name', pattern: '/<\\/?[A-Za-z][\\w.]*/g'},
    {
      name: 'jsx-code-attribute',
      pattern:
        '/\\b(href|src|to|id|className|language|mode|errorCodes|exception|playground|file|region)=("[^"]*"|\\{[^}]*\\})/g',
    },
    {name: 'front-matter-keys', pattern: '/^(title|description|sidebar_position|sidebar_label|slug|id|tags):/gm'},
  ],
  languageSettings: [
    {
      languageId: 'mdx,markdown',
      ignoreRegExpList: [
        'code-fence',
        'inline-code',
        'maths-block',
        'maths-inline',
        'mdx-import-export',
        'jsx-tag-name',
        'jsx-code-attribute',
        'front-matter-keys',
        'Urls',
        'Email',
      ],
    },
  ],
  overrides: [{filename: '**/*.mdx', languageId: 'mdx'}],
};
