/**
 * Page weight and speed of the book against stock Docusaurus (`npm run bench:pages`).
 * Not a test: it prints figures and never fails on them.
 *
 * Builds the book (unless --no-build) and a stock Docusaurus classic site of the
 * same version, serves both the way a CDN serves them (brotli or gzip, by
 * Accept-Encoding) from a small static server on 127.0.0.1, and prints, for the
 * cover, the longest chapter (most bytes of HTML, as tests/e2e/builtSite.ts
 * picks it) and the search page of the book, and the stock site's /docs/intro:
 *
 * - bytes loaded on a first visit, by kind (gzip -9 of each response): HTML,
 *   CSS, fonts, JavaScript that runs, and JavaScript only prefetched (chunks
 *   for pages the reader might open next, `<link rel=prefetch>`), counted once
 *   the page has hydrated and the network has been quiet for a second;
 * - Lighthouse scores (performance, accessibility, best practices, SEO) with
 *   LCP, TBT and CLS, on mobile and desktop, the median of --runs runs;
 * - with --chapters, Lighthouse (mobile) on every chapter or the N heaviest;
 * - the goals of issue 17, each met or missed, and the load average: Lighthouse
 *   figures on a busy machine are noisy, byte counts are not.
 *
 * The stock site is created with create-docusaurus from the npm registry into a
 * temporary folder on first use and reused after.
 */
import {execFile, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import {chromium, type Request} from '@playwright/test';

import {chromiumLaunchOptions} from '../../tests/e2e/browser';
import {chaptersBySizeIn} from '../../tests/e2e/builtSite';
import {contentTypeOf, fileForUrlPath} from '../serveBuild';

const DOCUSAURUS_VERSION = '3.10.2';
const ROOT = path.resolve(__dirname, '../..');
const STOCK_DIR = process.env.BENCH_STOCK_DIR ?? path.join(os.tmpdir(), `rfpd-bench-stock-${DOCUSAURUS_VERSION}`);
/** Every child process and page load is bounded. */
const STEP_TIMEOUT_MS = 10 * 60_000;
/** The network counts as quiet after this long with no request in flight. */
const QUIET_MS = 1_000;

/** The goals of issue 17 (reader speed). */
const GOALS = {
  /** Lighthouse mobile performance of the longest chapter, and not below the stock page in the same run. */
  longestChapterPerformance: 95,
  /** Lighthouse mobile performance of every chapter. */
  chapterPerformance: 90,
  accessibility: 100,
  /** HTML + CSS + JS (run and prefetched) + fonts of the longest chapter, against the stock page's. */
  allBytesRatio: 1.5,
} as const;

interface Options {
  readonly build: boolean;
  readonly lighthouse: boolean;
  readonly stock: boolean;
  readonly buildDir: string;
  /** Lighthouse (mobile) on the N heaviest chapters; Infinity for all, 0 for none. */
  readonly chapters: number;
  /** Lighthouse runs per page and form factor; the median is reported. */
  readonly runs: number;
}

interface Weight {
  readonly raw: number;
  readonly gzip: number;
}

type Kind = 'html' | 'css' | 'font' | 'js' | 'prefetch' | 'image' | 'other';
const KINDS: readonly Kind[] = ['html', 'css', 'font', 'js', 'prefetch', 'image', 'other'];
const KIND_LABELS: Readonly<Record<Kind, string>> = {
  html: 'HTML',
  css: 'CSS',
  font: 'fonts',
  js: 'JS runs',
  prefetch: 'JS prefetched',
  image: 'images',
  other: 'other',
};

interface PageWeight {
  readonly requests: number;
  readonly byKind: Record<Kind, Weight>;
}

interface LighthouseResult {
  readonly performance: number;
  readonly accessibility: number;
  readonly bestPractices: number;
  readonly seo: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
}

interface Measured {
  readonly site: 'book' | 'stock';
  readonly label: string;
  readonly url: string;
  readonly weight: PageWeight;
  readonly mobile?: LighthouseResult;
  readonly desktop?: LighthouseResult;
}

interface ChapterScore {
  readonly chapter: string;
  readonly htmlBytes: number;
  readonly mobile: LighthouseResult;
}

const HELP = `Usage: npm run bench:pages -- [options]

Tasks, in order:
  1. build the book into build/ (npm run build), unless --no-build
  2. serve the book compressed on 127.0.0.1; measure the cover, the longest chapter
     (most bytes of HTML) and /search: bytes by kind, then Lighthouse
  3. with --chapters, Lighthouse (mobile) on every chapter, or the N heaviest
  4. create, install and build a stock Docusaurus ${DOCUSAURUS_VERSION} classic site in
     ${STOCK_DIR} (first run only; set BENCH_STOCK_DIR to move it) and measure /docs/intro
  5. print the tables, the goals of issue 17 met or missed, and the load average

Lighthouse runs with CHROME_PATH, else the Chromium the end-to-end tests use.

Options:
  --no-build        measure build/ as it is
  --no-lighthouse   bytes and requests only (fast, and exact on a busy machine)
  --no-stock        skip the stock site
  --chapters N|all  Lighthouse (mobile) on the N heaviest chapters, or all of them
  --runs N          Lighthouse runs per page and form factor, median reported (default 1)
  --build-dir DIR   the book's build (default: build)
  --help            print this text`;

function parseOptions(argv: readonly string[]): Options {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    process.exit(0);
  }
  const valueOf = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const chaptersValue = valueOf('--chapters');
  const chapters = chaptersValue === undefined ? 0 : chaptersValue === 'all' ? Infinity : Number(chaptersValue);
  const runs = Number(valueOf('--runs') ?? 1);
  if (!Number.isInteger(chapters) && chapters !== Infinity) {
    throw new Error(`--chapters ${chaptersValue}: give a number of chapters or "all"`);
  }
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs ${valueOf('--runs')}: give a whole number of runs, 1 or more`);
  }
  return {
    build: !argv.includes('--no-build'),
    lighthouse: !argv.includes('--no-lighthouse'),
    stock: !argv.includes('--no-stock'),
    buildDir: path.resolve(ROOT, valueOf('--build-dir') ?? 'build'),
    chapters,
    runs,
  };
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    timeout: STEP_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stderr || result.stdout || result.error?.message}`,
    );
  }
  return result.stdout;
}

/** The book, built the way it is deployed at the site root. */
function buildBook(buildDir: string): void {
  console.log(`bench: building the book into ${path.relative(ROOT, buildDir) || '.'}`);
  run('npx', ['docusaurus', 'build', '--out-dir', buildDir], ROOT, {...process.env, BASE_URL: '/'});
}

/** A stock classic site of the same Docusaurus version, built once and reused. */
function stockBuild(): string {
  const build = path.join(STOCK_DIR, 'build');
  if (fs.existsSync(path.join(build, 'index.html'))) {
    return build;
  }
  if (!fs.existsSync(path.join(STOCK_DIR, 'package.json'))) {
    console.log(`bench: creating a stock Docusaurus ${DOCUSAURUS_VERSION} site in ${STOCK_DIR} (npm registry)`);
    fs.mkdirSync(path.dirname(STOCK_DIR), {recursive: true});
    run(
      'npx',
      [
        '--yes',
        `create-docusaurus@${DOCUSAURUS_VERSION}`,
        path.basename(STOCK_DIR),
        'classic',
        '--typescript',
        '--skip-install',
      ],
      path.dirname(STOCK_DIR),
    );
  }
  if (!fs.existsSync(path.join(STOCK_DIR, 'node_modules', '@docusaurus', 'core'))) {
    console.log('bench: installing the stock site (npm registry)');
    run('npm', ['install', '--no-audit', '--no-fund'], STOCK_DIR);
  }
  console.log('bench: building the stock site');
  run('npx', ['docusaurus', 'build'], STOCK_DIR, {...process.env, BASE_URL: '/'});
  return build;
}

// ---------------------------------------------------------------------------
// A static server that compresses like a CDN: brotli, else gzip, else identity.

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

async function serve(root: string): Promise<{origin: string; close: () => Promise<void>}> {
  const cache = new Map<string, Buffer>();
  const server = http.createServer((request, response) => {
    const file = fileForUrlPath(root, '/', new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const status = file ? 200 : 404;
    const target = file ?? path.join(root, '404.html');
    const type = contentTypeOf(target);
    const body = fs.readFileSync(target);
    const accepts = request.headers['accept-encoding'] ?? '';
    const encoding = !COMPRESSIBLE.test(type)
      ? undefined
      : /\bbr\b/.test(accepts)
        ? 'br'
        : /\bgzip\b/.test(accepts)
          ? 'gzip'
          : undefined;
    let payload: Buffer = body;
    if (encoding) {
      const key = `${encoding}:${target}`;
      payload =
        cache.get(key) ??
        (encoding === 'br'
          ? zlib.brotliCompressSync(body, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11}})
          : zlib.gzipSync(body, {level: 9}));
      cache.set(key, payload);
    }
    response.writeHead(status, {
      'content-type': type,
      'content-length': payload.length,
      'cache-control': target.includes(`${path.sep}assets${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=600',
      ...(encoding ? {'content-encoding': encoding, vary: 'accept-encoding'} : {}),
    });
    response.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

// ---------------------------------------------------------------------------

function isPrefetch(request: Request): boolean {
  const headers = request.headers();
  return /prefetch/.test(headers['sec-purpose'] ?? headers['purpose'] ?? '');
}

function kindOf(request: Request): Kind {
  const url = request.url();
  const resourceType = request.resourceType();
  if (isPrefetch(request)) return /\.js(\?|$)/.test(url) ? 'prefetch' : 'other';
  if (resourceType === 'document') return 'html';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'font' || /\.(woff2?|ttf|otf)(\?|$)/.test(url)) return 'font';
  if (resourceType === 'image') return 'image';
  return 'other';
}

/**
 * What a first visit loads, without scrolling: every response's body, raw and
 * gzipped, by kind. Docusaurus prefetches the chunks of links in the viewport
 * once React has hydrated, which on a long chapter is well after the load
 * event; so this waits for hydration (`<html data-has-hydrated="true">`), then
 * for the network to be quiet.
 */
async function measureWeight(url: string): Promise<PageWeight> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({viewport: {width: 1280, height: 800}});
    const page = await context.newPage();
    const pending: Promise<void>[] = [];
    const byKind = Object.fromEntries(KINDS.map((kind) => [kind, {raw: 0, gzip: 0}])) as Record<
      Kind,
      {raw: number; gzip: number}
    >;
    let requests = 0;
    let inFlight = 0;
    let lastActivity = Date.now();
    page.on('request', () => {
      inFlight += 1;
      lastActivity = Date.now();
    });
    const settled = (): void => {
      inFlight -= 1;
      lastActivity = Date.now();
    };
    page.on('requestfinished', settled);
    page.on('requestfailed', settled);
    const seen = new Set<string>();
    page.on('response', (response) => {
      // A chunk prefetched after it already ran comes from the browser's cache: count each URL once.
      if (seen.has(response.url())) {
        return;
      }
      seen.add(response.url());
      requests += 1;
      const kind = kindOf(response.request());
      pending.push(
        response
          .body()
          .then((body) => {
            byKind[kind].raw += body.length;
            byKind[kind].gzip += zlib.gzipSync(body, {level: 9}).length;
          })
          .catch(() => undefined),
      );
    });
    await page.goto(url, {waitUntil: 'load', timeout: 60_000});
    await page.waitForSelector('html[data-has-hydrated="true"]', {state: 'attached', timeout: 60_000});
    const deadline = Date.now() + 60_000;
    while ((inFlight > 0 || Date.now() - lastActivity < QUIET_MS) && Date.now() < deadline) {
      await page.waitForTimeout(100);
    }
    await Promise.all(pending);
    return {requests, byKind};
  } finally {
    await browser.close();
  }
}

function chromePath(): string {
  const options = chromiumLaunchOptions();
  return process.env.CHROME_PATH ?? options.executablePath ?? chromium.executablePath();
}

/** Like run(), without blocking: the static server answers Lighthouse from this same process. */
function runAsync(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {cwd, env, timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024},
      (error, _stdout, stderr) => {
        if (error) {
          reject(new Error(`${command} ${args.join(' ')} failed:\n${stderr || error.message}`));
        } else {
          resolve();
        }
      },
    );
  });
}

async function lighthouseOnce(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseResult> {
  const output = path.join(os.tmpdir(), `rfpd-lighthouse-${process.pid}-${formFactor}.json`);
  const flags = ['--headless=new', '--disable-gpu', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])].join(' ');
  await runAsync(
    process.execPath,
    [
      require.resolve('lighthouse/cli/index.js'),
      url,
      '--quiet',
      '--output=json',
      `--output-path=${output}`,
      `--chrome-flags=${flags}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
    ],
    ROOT,
    {...process.env, CHROME_PATH: chromePath()},
  );
  const report = JSON.parse(fs.readFileSync(output, 'utf8')) as {
    categories: Record<string, {score: number | null}>;
    audits: Record<string, {numericValue?: number}>;
  };
  fs.rmSync(output, {force: true});
  const score = (id: string): number => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: report.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: report.audits['total-blocking-time']?.numericValue ?? NaN,
    cls: report.audits['cumulative-layout-shift']?.numericValue ?? NaN,
  };
}

/** The run with the median performance score of `runs` runs. */
async function lighthouse(url: string, formFactor: 'mobile' | 'desktop', runs: number): Promise<LighthouseResult> {
  const results: LighthouseResult[] = [];
  for (let index = 0; index < runs; index += 1) {
    results.push(await lighthouseOnce(url, formFactor));
  }
  results.sort((a, b) => a.performance - b.performance || b.tbtMs - a.tbtMs);
  return results[Math.floor((results.length - 1) / 2)]!;
}

/** Serves a build for as long as `use` runs, and stops it after, whatever happens. */
async function withServedBuild<T>(buildDir: string, use: (origin: string) => Promise<T>): Promise<T> {
  const server = await serve(buildDir);
  try {
    return await use(server.origin);
  } finally {
    await server.close();
  }
}

async function measureSite(
  site: 'book' | 'stock',
  buildDir: string,
  pages: ReadonlyArray<{label: string; path: string}>,
  options: Options,
): Promise<Measured[]> {
  return withServedBuild(buildDir, async (origin) => {
    const results: Measured[] = [];
    for (const page of pages) {
      const url = `${origin}${page.path}`;
      console.log(`bench: ${site} ${page.path} (${page.label})`);
      const weight = await measureWeight(url);
      results.push({
        site,
        label: page.label,
        url: page.path,
        weight,
        ...(options.lighthouse
          ? {
              mobile: await lighthouse(url, 'mobile', options.runs),
              desktop: await lighthouse(url, 'desktop', options.runs),
            }
          : {}),
      });
    }
    return results;
  });
}

async function scoreChapters(
  buildDir: string,
  chapters: ReadonlyArray<{chapter: string; size: number}>,
  runs: number,
): Promise<ChapterScore[]> {
  return withServedBuild(buildDir, async (origin) => {
    const scores: ChapterScore[] = [];
    for (const {chapter, size} of chapters) {
      console.log(`bench: Lighthouse (mobile) on /${chapter}`);
      scores.push({chapter, htmlBytes: size, mobile: await lighthouse(`${origin}/${chapter}`, 'mobile', runs)});
    }
    return scores;
  });
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const gz = (weight: PageWeight, ...kinds: Kind[]): number =>
  kinds.reduce((sum, kind) => sum + weight.byKind[kind].gzip, 0);
/** What the goals count as "all bytes": HTML, CSS, fonts and every byte of JavaScript, run or prefetched. */
const ALL_BYTES: Kind[] = ['html', 'css', 'font', 'js', 'prefetch'];

function loadAverage(): string {
  return os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
}

function printTables(results: readonly Measured[], chapterScores: readonly ChapterScore[]): void {
  printRows(
    'Bytes loaded on a first visit, gzip -9 of each response, KiB (raw KiB in the second table)',
    ['page', 'req', ...KINDS.map((kind) => KIND_LABELS[kind]), 'HTML+CSS+fonts+JS'],
    results.map((result) => [
      `${result.site} ${result.url}`,
      String(result.weight.requests),
      ...KINDS.map((kind) => kb(result.weight.byKind[kind].gzip)),
      kb(gz(result.weight, ...ALL_BYTES)),
    ]),
  );
  printRows(
    'The same, raw KiB',
    ['page', ...KINDS.map((kind) => KIND_LABELS[kind])],
    results.map((result) => [
      `${result.site} ${result.url}`,
      ...KINDS.map((kind) => kb(result.weight.byKind[kind].raw)),
    ]),
  );

  if (results.some((result) => result.mobile)) {
    const scoreRow = (result: Measured, form: 'mobile' | 'desktop'): string[] => {
      const lh = result[form]!;
      return [
        `${result.site} ${result.url}`,
        form,
        String(lh.performance),
        String(lh.accessibility),
        String(lh.bestPractices),
        String(lh.seo),
        `${Math.round(lh.lcpMs)} ms`,
        `${Math.round(lh.tbtMs)} ms`,
        lh.cls.toFixed(3),
      ];
    };
    printRows(
      'Lighthouse (simulated throttling; mobile = Moto G Power on slow 4G)',
      ['page', 'form', 'perf', 'a11y', 'best', 'seo', 'LCP', 'TBT', 'CLS'],
      results.flatMap((result) => [scoreRow(result, 'mobile'), scoreRow(result, 'desktop')]),
    );
  }

  if (chapterScores.length > 0) {
    printRows(
      'Lighthouse on each chapter (mobile), heaviest HTML first',
      ['chapter', 'HTML KiB', 'perf', 'a11y', 'LCP', 'TBT', 'CLS'],
      chapterScores.map(({chapter, htmlBytes, mobile}) => [
        `/${chapter}`,
        kb(htmlBytes),
        String(mobile.performance),
        String(mobile.accessibility),
        `${Math.round(mobile.lcpMs)} ms`,
        `${Math.round(mobile.tbtMs)} ms`,
        mobile.cls.toFixed(3),
      ]),
    );
  }
}

/** Each goal of issue 17 that this run can judge, met or missed. */
function printGoals(results: readonly Measured[], chapterScores: readonly ChapterScore[]): void {
  const stock = results.find((result) => result.site === 'stock');
  const chapter = results.find((result) => result.label === 'longest chapter');
  const lines: string[] = [];
  const judge = (met: boolean, text: string): void => {
    lines.push(`${met ? 'met   ' : 'MISSED'} ${text}`);
  };
  if (chapter && stock) {
    const ours = chapter.weight;
    const theirs = stock.weight;
    judge(
      gz(ours, 'js') <= gz(theirs, 'js'),
      `JS that runs: ${kb(gz(ours, 'js'))} ≤ stock ${kb(gz(theirs, 'js'))} KiB`,
    );
    judge(
      gz(ours, 'js', 'prefetch') <= gz(theirs, 'js', 'prefetch'),
      `JS including prefetch: ${kb(gz(ours, 'js', 'prefetch'))} ≤ stock ${kb(gz(theirs, 'js', 'prefetch'))} KiB`,
    );
    const ratio = gz(ours, ...ALL_BYTES) / gz(theirs, ...ALL_BYTES);
    judge(
      ratio <= GOALS.allBytesRatio,
      `HTML + CSS + fonts + JS: ${kb(gz(ours, ...ALL_BYTES))} KiB = ${ratio.toFixed(2)}× stock ${kb(gz(theirs, ...ALL_BYTES))} KiB (≤ ${GOALS.allBytesRatio}×)`,
    );
  }
  if (chapter?.mobile) {
    judge(
      chapter.mobile.performance >= GOALS.longestChapterPerformance,
      `longest chapter mobile performance ${chapter.mobile.performance} ≥ ${GOALS.longestChapterPerformance}`,
    );
    if (stock?.mobile) {
      judge(
        chapter.mobile.performance >= stock.mobile.performance,
        `longest chapter mobile performance ${chapter.mobile.performance} ≥ stock ${stock.mobile.performance} (same run)`,
      );
    }
  }
  for (const result of results.filter((entry) => entry.site === 'book' && entry.mobile)) {
    judge(
      result.mobile!.accessibility >= GOALS.accessibility,
      `${result.url} mobile accessibility ${result.mobile!.accessibility}`,
    );
  }
  for (const {chapter: name, mobile} of chapterScores) {
    judge(
      mobile.performance >= GOALS.chapterPerformance && mobile.accessibility >= GOALS.accessibility,
      `/${name} mobile performance ${mobile.performance} ≥ ${GOALS.chapterPerformance}, accessibility ${mobile.accessibility}`,
    );
  }
  if (lines.length > 0) {
    console.log(`\nGoals of issue 17 (figures above; Lighthouse is noisy on a busy machine)\n${lines.join('\n')}`);
  }
}

function printRows(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(`\n${title}\n${line(header)}\n| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
  for (const row of rows) {
    console.log(line(row));
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = loadAverage();
  console.log(`bench: ${os.cpus().length} cores, load average ${loadAtStart} (1, 5, 15 min)`);
  if (options.build) {
    buildBook(options.buildDir);
  }
  if (!fs.existsSync(path.join(options.buildDir, 'index.html'))) {
    throw new Error(`${options.buildDir}/index.html is missing: run \`npm run build\` first, or drop --no-build`);
  }
  const chapters = chaptersBySizeIn(options.buildDir, '/');
  const longest = chapters[0]!;
  console.log(`bench: the longest chapter is /${longest.chapter} (${kb(longest.size)} KiB of HTML)`);
  const results = await measureSite(
    'book',
    options.buildDir,
    [
      {label: 'cover', path: '/'},
      {label: 'longest chapter', path: `/${longest.chapter}`},
      {label: 'search', path: '/search'},
    ],
    options,
  );
  const chapterScores =
    options.chapters > 0
      ? await scoreChapters(options.buildDir, chapters.slice(0, options.chapters), options.runs)
      : [];
  if (options.stock) {
    results.push(
      ...(await measureSite('stock', stockBuild(), [{label: 'stock docs page', path: '/docs/intro'}], options)),
    );
  }
  printTables(results, chapterScores);
  printGoals(results, chapterScores);
  console.log(
    `\nLoad average: ${loadAtStart} at the start, ${loadAverage()} at the end (1, 5, 15 min; ${os.cpus().length} cores)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
