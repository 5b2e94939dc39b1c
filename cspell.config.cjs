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

/**
 * The book writes British English (house style: -ise, behaviour, colour). These
 * American spellings are errors in prose even though the en dictionary knows them;
 * a quoted title keeps its own spelling, and identifiers or tool output belong in
 * code font, which is not checked (serde's `Serialize`, cargo's `unoptimized`).
 * Names that contain one as a word are not listed: rust-analyzer, "organization"
 * in GitHub's sense stays in code font too.
 */
const AMERICAN_SPELLINGS = [
  ...['color', 'colors', 'colored', 'colorful', 'coloring'],
  ...['behavior', 'behaviors', 'behavioral'],
  ...['favor', 'favors', 'favored', 'favorite', 'favorites'],
  ...['center', 'centers', 'centered'],
  ...['gray', 'catalog', 'catalogs', 'cataloged', 'dialog', 'defense', 'offense', 'fulfill', 'fulfills'],
  ...['labeled', 'labeling', 'modeled', 'modeling', 'canceled', 'canceling', 'traveled', 'signaled', 'totaled'],
  ...['analyze', 'analyzes', 'analyzed', 'analyzing'],
  ...['optimize', 'optimizes', 'optimized', 'optimizing', 'optimization', 'optimizations', 'optimizer'],
  ...['unoptimized', 'deoptimize', 'deoptimized'],
  ...['initialize', 'initializes', 'initialized', 'initializing', 'initialization'],
  ...['recognize', 'recognizes', 'recognized', 'recognizing'],
  ...['organize', 'organizes', 'organized', 'organizing', 'organization', 'organizations'],
  ...['summarize', 'summarizes', 'summarized', 'summarizing'],
  ...['serialize', 'serializes', 'serialized', 'serializing', 'serialization', 'serializer'],
  ...['deserialize', 'deserializes', 'deserialized', 'deserializing', 'deserialization', 'deserializer'],
  ...['normalize', 'normalizes', 'normalized', 'normalizing', 'normalization'],
  ...['specialize', 'specializes', 'specialized', 'specializing', 'specialization'],
  ...['vectorize', 'vectorizes', 'vectorized', 'vectorizing', 'vectorization'],
  ...['minimize', 'minimizes', 'minimized', 'maximize', 'maximizes', 'maximized'],
  ...['customize', 'customizes', 'customized', 'customizing', 'customization'],
  ...['realize', 'realizes', 'realized', 'realizing', 'utilize', 'utilizes', 'utilized'],
  ...['emphasize', 'emphasizes', 'emphasized', 'categorize', 'categorized', 'prioritize', 'prioritized'],
  ...['parallelize', 'parallelizes', 'parallelized', 'parallelizing', 'parallelization'],
  ...['synchronize', 'synchronizes', 'synchronized', 'synchronizing', 'synchronization'],
  ...['memorize', 'memorizing', 'finalize', 'finalized', 'standardize', 'standardized'],
  ...['generalize', 'generalized', 'visualize', 'visualized', 'randomize', 'randomized', 'sanitize', 'sanitized'],
  ...['materialize', 'materialized', 'amortize', 'amortized', 'stabilize', 'stabilized', 'characterize'],
];

/** @type {import('cspell').CSpellUserSettings} */
module.exports = {
  version: '0.2',
  language: 'en,en-GB',
  flagWords: AMERICAN_SPELLINGS,
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
    // [ \t], not \s: \s also matches line breaks, and a fence then ran on to the next fence's
    // opening line, leaving the prose between them unchecked.
    {name: 'code-fence', pattern: '/^[ \\t]*(`{3,}|~{3,})[^\\n]*\\n[\\s\\S]*?^[ \\t]*\\1[ \\t]*$/gm'},
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
