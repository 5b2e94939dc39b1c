import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type {PluginOptions as SearchOptions} from '@easyops-cn/docusaurus-search-local';
import type {Options as ClientRedirectsOptions} from '@docusaurus/plugin-client-redirects';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

import remarkCheatSheet from './src/remark/cheatSheet';
import remarkIncludeCode from './src/remark/includeCode';
import remarkProtoFields from './src/remark/protoFields';
import remarkSamples from './src/remark/samples';
import remarkReferenceLinks from './src/remark/referenceLinks';
import remarkHighlightCode, {type Options as HighlightOptions} from './src/remark/highlightCode';
import bookContentsPlugin from './src/plugins/bookContents';
import codeHighlightedAtBuildPlugin from './src/plugins/codeHighlightedAtBuild';
import offlineBookPlugin from './src/plugins/offlineBook';
import {CHAPTER_REDIRECTS} from './src/data/chapterRedirects';
import {prismTheme} from './src/css/prismTheme';

/**
 * Where the site is served from. `/` locally; a project sub-path such as
 * `/rust-for-python-developers/` on GitHub Pages. One setting, read from the
 * environment so the same source builds for both.
 */
const BASE_URL = process.env.BASE_URL ?? '/';
const SITE_URL = process.env.SITE_URL ?? 'https://rust-for-python-developers.example.org';

/** The book's chapters are served from the site root: /foundations/welcome. */
const CHAPTER_ROUTE = '/';

/** Prism languages the book's fences use beyond those prism-react-renderer bundles. */
const EXTRA_CODE_LANGUAGES = ['toml', 'bash', 'protobuf', 'diff'];

/**
 * Samples, links and included code are checked by these, in this order;
 * <ProtoFields> tables are generated from examples/'s .proto files first, and
 * the cheat sheet's rows are checked before their fences become <Sample>s.
 * Then every fence is highlighted, at build time, for the reader's browser not to.
 */
const remarkPlugins = [
  remarkProtoFields,
  remarkIncludeCode,
  remarkCheatSheet,
  remarkSamples,
  remarkReferenceLinks,
  remarkMath,
  [remarkHighlightCode, {languages: EXTRA_CODE_LANGUAGES} satisfies HighlightOptions],
];

/**
 * Maths is rendered at build time as MathML, which every current browser lays
 * out with its own fonts: no KaTeX stylesheet (23 KB) and no KaTeX fonts
 * (26 KB on a chapter with one formula) for a handful of `1.17 \times 10^{18}`.
 */
const rehypeKatexOptions = {output: 'mathml'} as const;

const config: Config = {
  title: 'Rust for Python Developers',
  tagline: 'The Rust a Python data engineer needs, and what happens under the hood',
  favicon: 'img/favicon.svg',
  url: SITE_URL,
  baseUrl: BASE_URL,
  trailingSlash: false,

  // A broken link, anchor or Markdown link fails the build.
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
  },

  // v4 turns on @docusaurus/faster (Rspack, SWC, Lightning CSS) and the future
  // flags of v4. All but SWC's HTML minifier: it unescapes `&lt;` in text, so
  // `Vec&lt;f64&gt;` in a paragraph became a `<f64>` tag (lost text, a
  // hydration error); the default minifier keeps the entities.
  future: {v4: true, faster: {swcHtmlMinimizer: false}},

  i18n: {defaultLocale: 'en', locales: ['en']},

  // With JavaScript off, tab panels stay readable: both languages show. A
  // Playground link, built when clicked (src/components/Sample), is hidden.
  headTags: [
    {
      tagName: 'noscript',
      attributes: {},
      innerHTML:
        '<style>[data-code-compare] [role=tabpanel][hidden]{display:block!important}[data-code-compare] :is([role=tablist],[data-layout-toggle]){display:none}[data-code-compare] [data-pane-label]{display:block!important}[data-sample] [data-playground]{display:none}</style>',
    },
  ],

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: CHAPTER_ROUTE,
          sidebarPath: './sidebars.ts',
          breadcrumbs: true,
          showLastUpdateTime: false,
          remarkPlugins,
          rehypePlugins: [[rehypeKatex, rehypeKatexOptions]],
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
        sitemap: {lastmod: null},
        // Diagrams are SVGs imported as components. Keep their ids as authored
        // (each prefixed with the diagram's name) so `<title id>` still labels
        // the figure through aria-labelledby, and two diagrams on a page never
        // share an id; keep titles and viewBox, as Docusaurus' defaults do.
        svgr: {
          svgrConfig: {
            svgoConfig: {
              plugins: [
                {
                  name: 'preset-default',
                  params: {overrides: {removeTitle: false, removeViewBox: false, cleanupIds: false}},
                },
              ],
            },
          },
        },
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    bookContentsPlugin,
    codeHighlightedAtBuildPlugin,
    ['@docusaurus/plugin-client-redirects', {redirects: [...CHAPTER_REDIRECTS]} satisfies ClientRedirectsOptions],
    // After one visit, the whole book opens offline (a service worker; production builds only).
    offlineBookPlugin,
  ],

  // Links do not prefetch the pages they point to; only the next chapter is
  // prefetched (src/theme/DocItem/Paginator).
  clientModules: ['./src/clientModules/prefetchNextChapterOnly.ts'],

  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: CHAPTER_ROUTE,
        language: ['en'],
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
        searchResultLimits: 8,
        // Index what readers search for: prose, headings and inline code.
        // Not code blocks (they made the index three times larger for words
        // the prose already holds), diagrams (their labels run together into
        // words like "float4.25heap"; the caption is indexed), quizzes and
        // reference cards (they repeat the chapter), and the controls of
        // samples (tabs, pane labels, the Playground link).
        ignoreCssSelectors: [
          '.theme-code-block',
          'svg',
          'section[aria-label="Quiz"]',
          '[data-ref-card]',
          '[data-code-compare] [role="tablist"]',
          '[data-layout-toggle]',
          '[data-pane-label]',
          '[data-playground]',
        ],
        searchBarShortcutHint: false,
      } satisfies Partial<SearchOptions>,
    ],
  ],

  themeConfig: {
    colorMode: {defaultMode: 'light', respectPrefersColorScheme: true},
    navbar: {
      title: 'Rust for Python Developers',
      logo: {alt: '', src: 'img/logo.svg', width: 32, height: 32},
      items: [{type: 'docSidebar', sidebarId: 'book', position: 'left', label: 'Read the book'}],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'The book',
          items: [
            {label: 'Start reading', to: '/foundations/welcome'},
            {label: 'Reference material', to: '/foundations/reference-material'},
          ],
        },
      ],
      copyright: 'Rust for Python Developers. Every sample in this book is compiled or run by its test suite.',
    },
    docs: {sidebar: {hideable: true, autoCollapseCategories: false}},
    tableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 3},
    prism: {
      // Code is highlighted at build time (src/remark/highlightCode.ts, which
      // loads the extra languages); this theme, of CSS variables for both
      // modes, is the same palette for any of the theme's own code components.
      theme: prismTheme,
      darkTheme: prismTheme,
      additionalLanguages: [],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
